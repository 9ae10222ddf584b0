using System.Collections.Concurrent;
using System.Text;
using System.Text.Json.Nodes;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Types;
using WireMock.Util;

namespace NovaPulse.WebApi.IntegrationTests.Infrastructure;

/// <summary>
/// Slack's incoming webhooks as WireMock.Net: <c>POST /services/{team}/{bot}/{token}</c> with a JSON <c>{text, channel?}</c>,
/// answered the way Slack does (<c>200 ok</c>, or a status with a plain-text error code such as <c>channel_not_found</c>).
/// Each webhook path has its own script of answers; when the script is empty it answers <c>200 ok</c>.
/// </summary>
public sealed class FakeSlack : IDisposable
{
    private readonly ConcurrentDictionary<string, ConcurrentQueue<(int Status, string Body)>> _scripts = new();

    public FakeSlack()
    {
        Server.Given(Request.Create().WithPath(new WireMock.Matchers.RegexMatcher("^/services/(?!slow/)[^/]+/[^/]+/[^/]+$")).UsingPost())
            .RespondWith(Response.Create().WithCallback(Handle));
        // Never answers in time: for timeout tests.
        Server.Given(Request.Create().WithPath("/services/slow/slow/slow").UsingPost())
            .RespondWith(Response.Create().WithCallback(_ =>
            {
                Interlocked.Increment(ref _slowCalls);
                Thread.Sleep(TimeSpan.FromSeconds(8));
                return Text(200, "ok");
            }));
    }

    public WireMockServer Server { get; } = WireMockServer.Start();

    /// <summary>Requests received by the slow webhook (counted on arrival, before the answer is late).</summary>
    public int SlowCalls => _slowCalls;

    private int _slowCalls;

    /// <summary>Every message posted, by webhook path: the JSON body Slack received.</summary>
    public ConcurrentDictionary<string, ConcurrentQueue<JsonNode>> Received { get; } = new();

    /// <summary>A fresh webhook URL of this fake (its own path, so tests do not see each other's messages).</summary>
    public string NewWebhookUrl() => $"{Server.Url}/services/T{Random()}/B{Random()}/{Random()}{Random()}";

    /// <summary>The next answers of <paramref name="webhookUrl"/>, in order (then 200 ok again).</summary>
    public void Script(string webhookUrl, params (int Status, string Body)[] answers)
    {
        var queue = _scripts.GetOrAdd(new Uri(webhookUrl).AbsolutePath, _ => new());
        foreach (var answer in answers)
        {
            queue.Enqueue(answer);
        }
    }

    public IReadOnlyList<JsonNode> MessagesTo(string webhookUrl) =>
        Received.TryGetValue(new Uri(webhookUrl).AbsolutePath, out var messages) ? [.. messages] : [];

    public int Calls(string webhookUrl) =>
        Server.LogEntries.Count(e => e.RequestMessage.Path == new Uri(webhookUrl).AbsolutePath);

    public void Dispose() => Server.Stop();

    private ResponseMessage Handle(IRequestMessage request)
    {
        var (status, body) = _scripts.TryGetValue(request.Path, out var script) && script.TryDequeue(out var next) ? next : (200, "ok");
        if (status == 200)
        {
            var message = JsonNode.Parse(request.Body ?? "null");
            if (message?["text"] is null)
            {
                return Text(400, "no_text");
            }

            Received.GetOrAdd(request.Path, _ => new()).Enqueue(message);
        }

        return Text(status, body);
    }

    private static string Random() => Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();

    private static ResponseMessage Text(int status, string body)
    {
        var message = new ResponseMessage
        {
            StatusCode = status,
            BodyData = new BodyData { BodyAsString = body, DetectedBodyType = BodyType.String, Encoding = Encoding.UTF8 },
        };
        message.AddHeader("Content-Type", "text/plain; charset=utf-8");
        return message;
    }
}
