using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NovaPulse.Application.Common.Interfaces;
using NovaPulse.WebApi.IntegrationTests.Infrastructure;
using NovaPulse.WebApi.IntegrationTests.Reliability;
using Serilog.Core;

namespace NovaPulse.WebApi.IntegrationTests;

/// <summary>
/// The outbox has an end: a poison event is parked after <c>Outbox:MaxAttempts</c> and skipped, processed events and
/// idempotency records are pruned by the retention worker (run by the host's timer on the fake clock), and an event
/// stream position older than the retention is answered with 410. A host of its own: the tests move its clock by days.
/// </summary>
public sealed class OutboxRetentionTests(OutboxRetentionTests.RetentionFactory factory) : IClassFixture<OutboxRetentionTests.RetentionFactory>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task An_event_failing_its_consumers_max_attempts_times_is_parked_counted_logged_and_skipped()
    {
        var tenant = await factory.RegisterAsync();
        var (client, _, _) = await tenant.AddApiKeyAsync();
        var parkingsBefore = Sample(await MetricsAsync(), "novapulse_outbox_parked_total");

        await client.CreateTaskAsync(new { title = PoisonConsumer.Pill });
        await client.CreateTaskAsync(new { title = "healthy" });

        // Failed attempts back off 2 s, 4 s... on the host's clock: move it on until the third failure parks the event.
        await Eventually(async () =>
        {
            factory.Clock.Advance(TimeSpan.FromMinutes(30));
            return (await EventsOfAsync(tenant.CompanyId)).Any(e => e.ParkedAt is not null)
                && Sample(await MetricsAsync(), "novapulse_outbox_parked_total") > parkingsBefore;
        });
        var events = await EventsOfAsync(tenant.CompanyId);
        var poison = Assert.Single(events, e => e.Payload.Contains(PoisonConsumer.Pill, StringComparison.Ordinal));
        Assert.NotNull(poison.ParkedAt);
        Assert.Null(poison.ProcessedAt);
        Assert.Equal(RetentionFactory.MaxAttempts, poison.Attempts);
        Assert.Contains("poison pill", poison.LastError, StringComparison.Ordinal);
        Assert.Contains(events, e => e.ProcessedAt is not null && e.Payload.Contains("healthy", StringComparison.Ordinal));
        Assert.Matches(@"(?m)^novapulse_outbox_parked \d", await MetricsAsync());
        // The parking is logged (before it is counted) with the event's id, type and company, for operators to act on.
        var parkedLine = factory.Logs.Text.Split('\n').Single(l => l.Contains("parked after", StringComparison.Ordinal));
        Assert.Contains(poison.Id.ToString(), parkedLine, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("task.created", parkedLine, StringComparison.Ordinal);
        Assert.Contains($"after {RetentionFactory.MaxAttempts} failed attempts", parkedLine, StringComparison.Ordinal);

        // Skipped from now on: hours later it has not been tried again.
        factory.Clock.Advance(TimeSpan.FromHours(3));
        await Task.Delay(500);
        Assert.Equal(RetentionFactory.MaxAttempts, Assert.Single(await EventsOfAsync(tenant.CompanyId), e => e.Id == poison.Id).Attempts);
    }

    [Fact]
    public async Task Processed_events_and_idempotency_keys_are_pruned_after_their_retention_and_an_older_stream_position_is_410()
    {
        var tenant = await factory.RegisterAsync();
        var (client, _, _) = await tenant.AddApiKeyAsync();
        string oldId;
        await using (var stream = await SseReader.OpenAsync(client, "?events=task.created"))
        {
            await stream.NextAsync();
            await client.CreateTaskAsync(new { title = "old" });
            oldId = (await stream.NextEventAsync()).Id!;
        }

        var first = await PostOnceAsync(client, "key-1", "once");
        var replay = await PostOnceAsync(client, "key-1", "once");
        Assert.Equal(await IdOf(first), await IdOf(replay));
        await Eventually(async () => (await EventsOfAsync(tenant.CompanyId)).All(e => e.ProcessedAt is not null));
        var before = await MetricsAsync();

        // Six days on: the 24-hour key is pruned, the week-long event retention still holds the old position.
        factory.Clock.Advance(TimeSpan.FromDays(6));
        await Eventually(async () => Pruned(await MetricsAsync(), "idempotency") > Pruned(before, "idempotency"));
        await using (var resumed = await SseReader.OpenAsync(client, "?events=task.created", oldId))
        {
            Assert.Equal(HttpStatusCode.OK, resumed.Response.StatusCode);
            var next = await resumed.NextEventAsync();
            Assert.Contains("once", next.Data, StringComparison.Ordinal);
        }

        var afterExpiry = await PostOnceAsync(client, "key-1", "once");
        Assert.Equal(HttpStatusCode.Created, afterExpiry.StatusCode);
        Assert.NotEqual(await IdOf(first), await IdOf(afterExpiry));

        // Eight days on: the old events are gone, and resuming from one says so instead of silently starting now.
        factory.Clock.Advance(TimeSpan.FromDays(2));
        await Eventually(async () => Pruned(await MetricsAsync(), "outbox") > Pruned(before, "outbox"));
        await Eventually(async () => (await EventsOfAsync(tenant.CompanyId)).All(e => !e.Payload.Contains("\"old\"", StringComparison.Ordinal)));
        await using var expired = await SseReader.OpenAsync(client, "?events=task.created", oldId);
        var problem = await expired.Response.AssertProblemAsync(HttpStatusCode.Gone);
        Assert.Equal("event_position_expired", problem["code"]!.GetValue<string>());
        Assert.Contains("Last-Event-ID", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sign_in_failure_counters_are_pruned_a_day_after_their_last_failure()
    {
        var email = $"nobody-{Guid.NewGuid():N}@example.test";
        var failed = await factory.Anonymous().PostAsJsonAsync("/api/v1/auth/login", new { email, password = "wrong-password-1" });
        Assert.Equal(HttpStatusCode.Unauthorized, failed.StatusCode);
        Assert.Equal(1, await FailuresForAsync(email));
        var before = await MetricsAsync();

        factory.Clock.Advance(TimeSpan.FromHours(25));
        await Eventually(async () => await FailuresForAsync(email) == 0);
        Assert.True(Pruned(await MetricsAsync(), "sign_in_failure") > Pruned(before, "sign_in_failure"));
    }

    private Task<int> FailuresForAsync(string email) =>
        factory.WithDbAsync(db => db.SignInFailures.AsNoTracking().CountAsync(f => f.NormalizedEmail == email.ToUpperInvariant()));

    private static async Task<HttpResponseMessage> PostOnceAsync(HttpClient client, string key, string title)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/tasks") { Content = JsonContent.Create(new { title }) };
        request.Headers.Add("Idempotency-Key", key);
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return response;
    }

    private static async Task<string> IdOf(HttpResponseMessage response) => (await response.ReadJsonAsync())["id"]!.GetValue<string>();

    private Task<List<Domain.Outbox.OutboxMessage>> EventsOfAsync(Guid companyId) =>
        factory.WithDbAsync(db => db.OutboxMessages.IgnoreTenant().AsNoTracking().Where(m => m.CompanyId == companyId).ToListAsync());

    private async Task<string> MetricsAsync()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", RetentionFactory.MetricsToken);
        var response = await factory.Anonymous().SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private static double Pruned(string metrics, string kind) => Sample(metrics, $"novapulse_retention_pruned_total{{kind=\"{kind}\"}}");

    /// <summary>A sample's value in the Prometheus text format; 0 when the series is not there yet.</summary>
    private static double Sample(string metrics, string series)
    {
        var match = Regex.Match(metrics, $"(?m)^{Regex.Escape(series)} (\\S+)$");
        return match.Success ? double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
    }

    private static async Task Eventually(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The condition did not hold in time.");
            await Task.Delay(100);
        }
    }

    /// <summary>Workers on, three attempts before parking, a retention pass every minute of the host's clock.</summary>
    public sealed class RetentionFactory : NovaPulseFactory
    {
        public const int MaxAttempts = 3;
        public const string MetricsToken = "retention-tests-metrics-token-0123456789";

        public CapturingSink Logs { get; } = new();

        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Outbox:MaxAttempts"] = MaxAttempts.ToString(CultureInfo.InvariantCulture),
            ["Outbox:PruneInterval"] = "00:01:00",
            ["Metrics:BearerToken"] = MetricsToken,
            ["Serilog:MinimumLevel:Default"] = "Warning",
        };

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services =>
            {
                services.AddSingleton<ILogEventSink>(Logs);
                services.AddScoped<IOutboxEventConsumer, PoisonConsumer>();
            });
        }
    }

    /// <summary>A consumer that always fails on one event, as a bug or a bad payload would.</summary>
    private sealed class PoisonConsumer : IOutboxEventConsumer
    {
        public const string Pill = "poison-pill";

        public ValueTask ConsumeAsync(OutboxEvent outboxEvent, CancellationToken cancellationToken) =>
            outboxEvent.Payload.Contains(Pill, StringComparison.Ordinal)
                ? throw new InvalidOperationException("A poison pill: this event cannot be consumed.")
                : ValueTask.CompletedTask;
    }
}
