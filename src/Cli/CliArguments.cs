using System.Globalization;
using System.Text.Json;

namespace NovaPulse.Cli;

/// <summary>Parses option values the API types more strictly than System.CommandLine does; a bad value is a usage error naming the option.</summary>
internal static class CliArguments
{
    public static TEnum? ParseEnum<TEnum>(string? value, string option)
        where TEnum : struct, Enum
    {
        if (value is null)
        {
            return null;
        }

        var normalized = value.Replace("_", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        if (Enum.TryParse<TEnum>(normalized, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(value, out _))
        {
            return parsed;
        }

        var allowed = string.Join(", ", Enum.GetValues<TEnum>().Select(v => JsonNamingPolicy.SnakeCaseLower.ConvertName(v.ToString())));
        throw new UsageException($"{option} '{value}' is not one of: {allowed}.");
    }

    public static DateTimeOffset? ParseDate(string? value, string option)
    {
        if (value is null)
        {
            return null;
        }

        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)
            ? parsed.ToUniversalTime()
            : throw new UsageException($"{option} '{value}' is not a date (use ISO 8601, e.g. 2026-12-01T17:00:00Z).");
    }

    public static Guid? ParseGuid(string? value, string option)
    {
        if (value is null)
        {
            return null;
        }

        return Guid.TryParse(value, out var parsed) ? parsed : throw new UsageException($"{option} '{value}' is not an id (a UUID).");
    }
}
