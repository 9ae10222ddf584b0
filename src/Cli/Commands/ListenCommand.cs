using System.CommandLine;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using NovaPulse.Sdk;

namespace NovaPulse.Cli.Commands;

/// <summary>
/// <c>novapulse listen --forward-to URL [--events ...]</c>, like <c>stripe listen</c>: reads the company's events live
/// from the event stream and POSTs each to a local URL as a Standard Webhooks request, signed with a local secret that
/// is printed at start (so a receiver under development verifies it exactly as it will verify NovaPulse's deliveries).
/// </summary>
internal static class ListenCommand
{
    private static readonly JsonSerializerOptions JsonLine = new(JsonSerializerDefaults.Web);

    public static Command Create(CliContext context, Option<bool> json)
    {
        var forwardTo = new Option<string>("--forward-to") { Description = "Local URL receiving the events, e.g. http://localhost:4242/webhooks", Required = true };
        var events = new Option<string[]>("--events") { Description = "Only these event types (repeat, or separate with commas); all by default", AllowMultipleArgumentsPerToken = true };
        var secret = new Option<string?>("--secret") { Description = "Sign with this whsec_ secret instead of a new one (keeps a receiver's config stable)" };
        var command = new Command("listen", "Forward the company's events live to a local URL, signed like webhooks") { forwardTo, events, secret };
        command.SetAction((r, ct) => CommandRunner.Run(context, r.GetValue(json), async () =>
        {
            var target = ParseTarget(r.GetValue(forwardTo)!);
            var signingSecret = r.GetValue(secret) ?? NewSecret();
            if (!signingSecret.StartsWith("whsec_", StringComparison.Ordinal))
            {
                throw new UsageException("--secret must start with whsec_.");
            }

            var types = (r.GetValue(events) ?? []).SelectMany(e => e.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
            var asJson = r.GetValue(json);
            using var client = CliConnection.Connect(context);
            using var forwarder = new HttpClient(context.ForwardHandler ?? new SocketsHttpHandler(), disposeHandler: context.ForwardHandler is null)
            {
                Timeout = TimeSpan.FromSeconds(30),
            };

            // Fails here (with the API's problem) when the filter is invalid or the caller may not stream, before "Ready".
            await using var stream = client.StreamEventsAsync(types, cancellationToken: ct).GetAsyncEnumerator(ct);
            var next = stream.MoveNextAsync().AsTask();
            await Task.WhenAny(next, Task.Delay(TimeSpan.FromMilliseconds(500), ct));
            if (next.IsFaulted)
            {
                await next;
            }

            await context.Out.WriteLineAsync(asJson
                ? JsonSerializer.Serialize(new { ready = true, secret = signingSecret, forwardTo = target, events = types }, JsonLine)
                : $"Ready! Forwarding {(types.Count > 0 ? string.Join(", ", types) : "all events")} to {target}\nYour webhook signing secret is {signingSecret} (Ctrl+C to quit)");

            while (await next)
            {
                var forwarded = await ForwardAsync(forwarder, target, stream.Current, signingSecret, ct);
                await context.Out.WriteLineAsync(asJson
                    ? JsonSerializer.Serialize(forwarded, JsonLine)
                    : $"{DateTimeOffset.UtcNow:HH:mm:ss}  --> {forwarded.Type} [{forwarded.Id}]  <-- {forwarded.Status?.ToString(CultureInfo.InvariantCulture) ?? forwarded.Error}");
                next = stream.MoveNextAsync().AsTask();
            }

            return new { stopped = true };
        }, _ => "", ct));
        return command;
    }

    private static async Task<Forwarded> ForwardAsync(HttpClient forwarder, Uri target, NovaPulseEvent e, string secret, CancellationToken cancellationToken)
    {
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Post, target) { Content = new StringContent(e.Body, Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation("webhook-id", e.Id);
        request.Headers.TryAddWithoutValidation("webhook-timestamp", timestamp);
        request.Headers.TryAddWithoutValidation("webhook-signature", WebhookVerifier.Sign(e.Id, timestamp, e.Body, secret));
        try
        {
            using var response = await forwarder.SendAsync(request, cancellationToken);
            return new Forwarded(e.Id, e.Type, (int)response.StatusCode, null);
        }
        catch (Exception error) when (error is HttpRequestException || (error is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            // The local receiver is down or slow: report it and keep listening, as stripe listen does.
            return new Forwarded(e.Id, e.Type, null, error.Message);
        }
    }

    private static Uri ParseTarget(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri
            : throw new UsageException($"--forward-to '{url}' is not an http(s) URL.");

    private static string NewSecret() => "whsec_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    private sealed record Forwarded(string Id, string Type, int? Status, string? Error);
}
