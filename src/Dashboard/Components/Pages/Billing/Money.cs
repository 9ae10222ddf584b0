using System.Globalization;

namespace NovaPulse.Dashboard.Components.Pages.Billing;

public static class Money
{
    /// <summary>Stripe amounts are in the currency's minor unit: 2900 usd → "29.00 USD".</summary>
    public static string Format(long minorUnits, string currency) =>
        (minorUnits / 100m).ToString("0.00", CultureInfo.InvariantCulture) + " " + currency.ToUpperInvariant();

    /// <summary>A plan limit; null means unlimited.</summary>
    public static string Limit(long? value, Func<long, string>? format = null) =>
        value is { } v ? (format ?? (n => n.ToString("N0", CultureInfo.InvariantCulture)))(v) : "Unlimited";
}
