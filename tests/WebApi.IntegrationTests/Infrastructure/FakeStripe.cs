using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Types;
using WireMock.Util;

namespace NovaPulse.WebApi.IntegrationTests.Infrastructure;

/// <summary>
/// A local stand-in for the parts of Stripe's REST API billing uses (WireMock.Net), speaking its wire format:
/// form-encoded requests, JSON objects and lists. Like Stripe, it replays the stored answer for a repeated
/// <c>Idempotency-Key</c> instead of doing the work again. Failures and delays can be queued.
/// </summary>
public sealed class FakeStripe : IDisposable
{
    public const string SecretKey = "sk_test_fake_0123456789";
    public const string WebhookSecret = "whsec_fake_webhook_secret_0123456789";

    private readonly ConcurrentDictionary<string, (int Status, string Body)> _idempotent = new();
    private readonly ConcurrentQueue<Func<ResponseMessage?>> _faults = new();
    private int _sequence;

    public FakeStripe()
    {
        Server.Given(Request.Create().WithPath("/v1/*")).RespondWith(Response.Create().WithCallback(Handle));
    }

    public WireMockServer Server { get; } = WireMockServer.Start();

    public string ApiBase => Server.Url!;

    /// <summary>Every request received, in order (including failed and replayed ones).</summary>
    public ConcurrentQueue<StripeRequest> Requests { get; } = new();

    public ConcurrentDictionary<string, JsonObject> Customers { get; } = new();

    public ConcurrentDictionary<string, JsonObject> Subscriptions { get; } = new();

    public ConcurrentDictionary<string, JsonObject> Invoices { get; } = new();

    /// <summary>The form of each created Checkout Session, by session id.</summary>
    public ConcurrentDictionary<string, Dictionary<string, string>> CheckoutSessions { get; } = new();

    /// <summary>Accepted meter events by identifier (Stripe keeps one event per identifier).</summary>
    public ConcurrentDictionary<string, JsonObject> MeterEvents { get; } = new();

    public IEnumerable<StripeRequest> To(string method, string path) =>
        Requests.Where(r => r.Method == method && r.Path == path);

    /// <summary>The next <paramref name="count"/> requests answer <paramref name="status"/> with a Stripe error body.</summary>
    public void FailNext(int count, int status = 500)
    {
        for (var i = 0; i < count; i++)
        {
            _faults.Enqueue(() => Json(status, new JsonObject { ["error"] = new JsonObject { ["type"] = "api_error", ["message"] = "Injected failure" } }));
        }
    }

    /// <summary>The next <paramref name="count"/> requests are answered only after <paramref name="delay"/> (then normally).</summary>
    public void DelayNext(int count, TimeSpan delay)
    {
        for (var i = 0; i < count; i++)
        {
            _faults.Enqueue(() =>
            {
                Thread.Sleep(delay);
                return null;
            });
        }
    }

    /// <summary>A subscription as Stripe would hold it; also what webhook events carry.</summary>
    public JsonObject AddSubscription(
        string customerId, string priceId, string status = "active", bool cancelAtPeriodEnd = false, DateTimeOffset? periodEnd = null,
        IReadOnlyDictionary<string, string>? metadata = null)
    {
        var id = NewId("sub");
        var end = (periodEnd ?? DateTimeOffset.UtcNow.AddDays(30)).ToUnixTimeSeconds();
        var subscription = new JsonObject
        {
            ["id"] = id,
            ["object"] = "subscription",
            ["customer"] = customerId,
            ["status"] = status,
            ["cancel_at_period_end"] = cancelAtPeriodEnd,
            ["created"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["metadata"] = new JsonObject([.. (metadata ?? new Dictionary<string, string>()).Select(m => KeyValuePair.Create(m.Key, (JsonNode?)m.Value))]),
            ["items"] = new JsonObject
            {
                ["object"] = "list",
                ["data"] = new JsonArray(new JsonObject
                {
                    ["id"] = NewId("si"),
                    ["object"] = "subscription_item",
                    ["current_period_start"] = end - (30 * 86400),
                    ["current_period_end"] = end,
                    ["price"] = new JsonObject { ["id"] = priceId, ["object"] = "price" },
                }),
            },
            ["default_payment_method"] = new JsonObject
            {
                ["id"] = NewId("pm"),
                ["object"] = "payment_method",
                ["type"] = "card",
                ["card"] = new JsonObject { ["brand"] = "visa", ["last4"] = "4242" },
            },
        };
        Subscriptions[id] = subscription;
        return subscription;
    }

    /// <summary>
    /// The subscription Stripe makes when the buyer pays a Checkout Session: the session's price, or for inline
    /// <c>price_data</c> a new price id (Stripe creates a price per session), and the session's <c>subscription_data[metadata]</c>.
    /// </summary>
    public JsonObject AddSubscriptionFromCheckout(string sessionId)
    {
        const string Prefix = "subscription_data[metadata][";
        var form = CheckoutSessions[sessionId];
        var metadata = form.Where(f => f.Key.StartsWith(Prefix, StringComparison.Ordinal)).ToDictionary(f => f.Key[Prefix.Length..^1], f => f.Value);
        return AddSubscription(form["customer"], form.GetValueOrDefault("line_items[0][price]") ?? NewId("price"), metadata: metadata);
    }

    public JsonObject AddInvoice(string customerId, string status = "paid", long amount = 2900, string? id = null)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        id ??= NewId("in");
        var invoice = new JsonObject
        {
            ["id"] = id,
            ["object"] = "invoice",
            ["customer"] = customerId,
            ["number"] = "NP-" + Interlocked.Increment(ref _sequence).ToString("0000", CultureInfo.InvariantCulture),
            ["status"] = status,
            ["amount_due"] = amount,
            ["amount_paid"] = status == "paid" ? amount : 0,
            ["currency"] = "usd",
            ["period_start"] = now - (30 * 86400),
            ["period_end"] = now,
            ["created"] = now,
            ["hosted_invoice_url"] = $"https://invoice.stripe.test/i/{id}",
            ["invoice_pdf"] = $"https://pay.stripe.test/invoice/{id}/pdf",
        };
        Invoices[id] = invoice;
        return invoice;
    }

    public void Dispose() => Server.Stop();

    private ResponseMessage Handle(IRequestMessage request)
    {
        var form = ParseForm(request);
        var key = request.Headers!.TryGetValue("Idempotency-Key", out var keys) ? keys.ToString() : null;
        var authorized = request.Headers.TryGetValue("Authorization", out var auth) && auth.ToString() == "Bearer " + SecretKey;
        Requests.Enqueue(new StripeRequest(request.Method, request.Path, request.RawQuery ?? "", form, key));
        if (_faults.TryDequeue(out var fault) && fault() is { } failure)
        {
            return failure;
        }

        if (!authorized)
        {
            return Json(401, new JsonObject { ["error"] = new JsonObject { ["type"] = "invalid_request_error", ["message"] = "Invalid API Key provided" } });
        }

        if (key is not null && request.Method == "POST" && _idempotent.TryGetValue(key, out var stored))
        {
            var replay = Json(stored.Status, JsonNode.Parse(stored.Body)!);
            replay.AddHeader("Idempotent-Replayed", "true");
            return replay;
        }

        var (status, body) = Route(request, form);
        if (key is not null && request.Method == "POST")
        {
            _idempotent[key] = (status, body.ToJsonString());
        }

        return Json(status, body);
    }

    private (int, JsonNode) Route(IRequestMessage request, Dictionary<string, string> form)
    {
        var path = request.Path;
        var query = QueryHelpers.ParseQuery(request.RawQuery ?? "");
        switch (request.Method, path)
        {
            case ("POST", "/v1/customers"):
                var customer = new JsonObject { ["id"] = NewId("cus"), ["object"] = "customer", ["name"] = form.GetValueOrDefault("name"), ["email"] = form.GetValueOrDefault("email") };
                Customers[customer["id"]!.GetValue<string>()] = customer;
                return (200, customer);
            case ("POST", "/v1/checkout/sessions"):
                var sessionId = NewId("cs_test");
                CheckoutSessions[sessionId] = form;
                return (200, new JsonObject
                {
                    ["id"] = sessionId,
                    ["object"] = "checkout.session",
                    ["mode"] = form.GetValueOrDefault("mode"),
                    ["customer"] = form.GetValueOrDefault("customer"),
                    ["url"] = $"https://checkout.stripe.test/c/pay/{sessionId}",
                });
            case ("POST", "/v1/billing_portal/sessions"):
                var portalId = NewId("bps");
                return (200, new JsonObject { ["id"] = portalId, ["object"] = "billing_portal.session", ["url"] = $"https://billing.stripe.test/p/session/{portalId}" });
            case ("POST", "/v1/billing/meter_events"):
                var meterEvent = new JsonObject
                {
                    ["object"] = "billing.meter_event",
                    ["event_name"] = form.GetValueOrDefault("event_name"),
                    ["identifier"] = form.GetValueOrDefault("identifier"),
                    ["timestamp"] = long.Parse(form.GetValueOrDefault("timestamp", "0"), CultureInfo.InvariantCulture),
                    ["payload"] = new JsonObject
                    {
                        ["stripe_customer_id"] = form.GetValueOrDefault("payload[stripe_customer_id]"),
                        ["value"] = form.GetValueOrDefault("payload[value]"),
                    },
                };
                if (!MeterEvents.TryAdd(form["identifier"], meterEvent))
                {
                    return (400, new JsonObject { ["error"] = new JsonObject { ["type"] = "invalid_request_error", ["message"] = "An event already exists with identifier " + form["identifier"] } });
                }

                return (200, meterEvent);
            case ("GET", "/v1/subscriptions"):
                return (200, List(Subscriptions.Values.Where(s => s["customer"]!.GetValue<string>() == query["customer"].ToString())));
            case ("GET", "/v1/invoices"):
                return (200, List(Invoices.Values.Where(i => i["customer"]!.GetValue<string>() == query["customer"].ToString())));
        }

        if (path.StartsWith("/v1/subscriptions/", StringComparison.Ordinal) && Subscriptions.TryGetValue(path["/v1/subscriptions/".Length..], out var subscription))
        {
            switch (request.Method)
            {
                case "GET":
                    return (200, subscription.DeepClone());
                case "POST":
                    subscription["cancel_at_period_end"] = form.GetValueOrDefault("cancel_at_period_end") == "true";
                    return (200, subscription.DeepClone());
                case "DELETE":
                    subscription["status"] = "canceled";
                    return (200, subscription.DeepClone());
            }
        }

        return (404, new JsonObject { ["error"] = new JsonObject { ["type"] = "invalid_request_error", ["message"] = $"Unrecognized request URL ({request.Method}: {path})" } });
    }

    private static JsonObject List(IEnumerable<JsonObject> items) => new()
    {
        ["object"] = "list",
        ["has_more"] = false,
        ["data"] = new JsonArray([.. items.OrderByDescending(i => i["created"]!.GetValue<long>()).Select(i => (JsonNode)i.DeepClone())]),
    };

    private static string NewId(string prefix) => $"{prefix}_{Guid.NewGuid():N}"[..(prefix.Length + 25)];

    private static Dictionary<string, string> ParseForm(IRequestMessage request)
    {
        var body = request.BodyData?.BodyAsString ?? (request.BodyData?.BodyAsBytes is { } bytes ? Encoding.UTF8.GetString(bytes) : "");
        return QueryHelpers.ParseQuery(body).ToDictionary(p => p.Key, p => p.Value.ToString(), StringComparer.Ordinal);
    }

    private static ResponseMessage Json(int status, JsonNode body)
    {
        var message = new ResponseMessage
        {
            StatusCode = status,
            BodyData = new BodyData { BodyAsString = body.ToJsonString(), DetectedBodyType = BodyType.String, Encoding = Encoding.UTF8 },
        };
        message.AddHeader("Content-Type", "application/json");
        message.AddHeader("Request-Id", "req_" + Guid.NewGuid().ToString("N")[..14]);
        return message;
    }
}

/// <summary>One request as the fake received it: form fields decoded, and the Idempotency-Key header if sent.</summary>
public sealed record StripeRequest(string Method, string Path, string Query, Dictionary<string, string> Form, string? IdempotencyKey);

/// <summary>Stripe's webhook signature, implemented from Stripe's documentation: <c>t=ts,v1=hex(HMAC-SHA256(secret, "ts.payload"))</c>.</summary>
public static class StripeWebhook
{
    public static string Sign(string payload, string secret, DateTimeOffset at)
    {
        var timestamp = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var mac = System.Security.Cryptography.HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{payload}"));
        return $"t={timestamp},v1={Convert.ToHexStringLower(mac)}";
    }

    /// <summary>An event envelope as Stripe posts it.</summary>
    public static string Event(string type, JsonNode data, DateTimeOffset created, string? id = null) => new JsonObject
    {
        ["id"] = id ?? "evt_" + Guid.NewGuid().ToString("N")[..24],
        ["object"] = "event",
        ["api_version"] = "2025-03-31.basil",
        ["created"] = created.ToUnixTimeSeconds(),
        ["livemode"] = false,
        ["type"] = type,
        ["data"] = new JsonObject { ["object"] = data.DeepClone() },
    }.ToJsonString();

    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string payload, string? signature)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/billing/webhook") { Content = new StringContent(payload, Encoding.UTF8, "application/json") };
        if (signature is not null)
        {
            request.Headers.TryAddWithoutValidation("Stripe-Signature", signature);
        }

        return await client.SendAsync(request);
    }
}
