using NovaPulse.Domain.Integrations;

namespace NovaPulse.Application.Integrations.Common;

/// <summary>
/// The outcome of one send to a provider. <see cref="FailureStatus"/> is what the failure means for the integration:
/// <see cref="IntegrationStatus.Connected"/> for a passing problem (timeout, 5xx), Broken or Disconnected when the provider
/// said no for good. <see cref="Error"/> often quotes the provider (an SMTP reply, Slack's answer) and ends up in logs and
/// as the integration's last error, so it is kept to one line: a forged line break cannot fake a log entry.
/// </summary>
public sealed record SendResult(bool Succeeded, string? Error, IntegrationStatus FailureStatus)
{
    public string? Error { get; } = Error is null ? null : OneLine(Error);

    public static SendResult Ok { get; } = new(true, null, IntegrationStatus.Connected);

    public static SendResult Transient(string error) => new(false, error, IntegrationStatus.Connected);

    public static SendResult Permanent(string error, IntegrationStatus status = IntegrationStatus.Broken) => new(false, error, status);

    public void ApplyTo(Integration integration, DateTimeOffset now, bool tested)
    {
        if (Succeeded)
        {
            integration.RecordSuccess(now, tested);
        }
        else
        {
            integration.RecordFailure(Error ?? "failed", FailureStatus, now, tested);
        }
    }

    /// <summary>Control characters (CR, LF, tabs, escapes) and Unicode line/paragraph separators become spaces.</summary>
    private static string OneLine(string text) => string.Create(text.Length, text, static (line, source) =>
    {
        for (var i = 0; i < source.Length; i++)
        {
            line[i] = char.IsControl(source[i]) || source[i] is '\u2028' or '\u2029' ? ' ' : source[i];
        }
    });
}
