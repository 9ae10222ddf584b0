using System.Text.RegularExpressions;
using Serilog.Core;
using Serilog.Events;

namespace NovaPulse.WebApi.Infrastructure.Http;

/// <summary>
/// Some URLs carry a secret in their path (invitation tokens). ASP.NET Core attaches the raw path to log events
/// (the <c>RequestPath</c> scope, routing's <c>Path</c>), so this enricher masks those segments in every string
/// property before any sink sees them.
/// </summary>
public sealed partial class SecretPathRedactor : ILogEventEnricher
{
    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        foreach (var (name, value) in logEvent.Properties.ToList())
        {
            if (value is ScalarValue { Value: string text } && SecretSegment().IsMatch(text))
            {
                logEvent.AddOrUpdateProperty(propertyFactory.CreateProperty(name, Redact(text)));
            }
        }
    }

    public static string Redact(string path) => SecretSegment().Replace(path, "$1[redacted]");

    [GeneratedRegex("(/invitations/)[^/\\s\"']+", RegexOptions.IgnoreCase)]
    private static partial Regex SecretSegment();
}
