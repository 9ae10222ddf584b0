using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using NovaPulse.Application.Billing.Usage;
using NovaPulse.WebApi.IntegrationTests.Infrastructure;

namespace NovaPulse.WebApi.IntegrationTests.Billing;

[Collection(BillingCollection.Name)]
public sealed class BillingUsageTests(BillingFactory factory)
{
    private FakeStripe Stripe => factory.Stripe;

    [Fact]
    public async Task Usage_is_recorded_by_admins_and_api_keys_once_per_idempotency_key_and_refused_to_members()
    {
        var tenant = await factory.RegisterAsync();
        var (member, _) = await tenant.AddMemberAsync("member");
        var (apiKey, _, _) = await tenant.AddApiKeyAsync("member");
        var key = "usage-" + Guid.NewGuid().ToString("N");

        var first = await tenant.Owner.PostAsJsonAsync("/api/v1/billing/usage", new { metric = "api_calls", quantity = 7, idempotencyKey = key });
        var repeat = await tenant.Owner.PostAsJsonAsync("/api/v1/billing/usage", new { metric = "api_calls", quantity = 7, idempotencyKey = key });
        var viaKey = await apiKey.PostAsJsonAsync("/api/v1/billing/usage", new { metric = "api_calls", quantity = 3 });

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal((await first.ReadJsonAsync())["id"]!.ToString(), (await repeat.ReadJsonAsync())["id"]!.ToString());
        Assert.Equal(HttpStatusCode.Created, viaKey.StatusCode);
        await (await member.PostAsJsonAsync("/api/v1/billing/usage", new { metric = "api_calls", quantity = 1 })).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await tenant.Owner.PostAsJsonAsync("/api/v1/billing/usage", new { metric = "gpu_hours", quantity = 1 })).AssertProblemAsync(HttpStatusCode.BadRequest);
        await (await tenant.Owner.PostAsJsonAsync("/api/v1/billing/usage", new { metric = "api_calls", quantity = 0 })).AssertProblemAsync(HttpStatusCode.BadRequest);
        var me = await (await tenant.Owner.GetAsync("/api/v1/billing/me")).ReadJsonAsync();
        Assert.Equal(10, me["usage"]!["apiCalls"]!.GetValue<long>());
    }

    [Fact]
    public async Task The_reporter_sends_one_meter_event_per_batch_with_an_identifier_and_never_twice()
    {
        var tenant = await factory.RegisterAsync();
        var (customerId, _) = await factory.SubscribeAsync(tenant);
        foreach (var quantity in new[] { 5, 7, 11 })
        {
            Assert.Equal(HttpStatusCode.Created, (await tenant.Owner.PostAsJsonAsync("/api/v1/billing/usage", new { metric = "api_calls", quantity })).StatusCode);
        }

        await factory.RunUsageReporterAsync();
        await factory.RunUsageReporterAsync();

        var events = Stripe.MeterEvents.Values.Where(e => e["payload"]!["stripe_customer_id"]!.GetValue<string>() == customerId).ToList();
        var meterEvent = Assert.Single(events);
        Assert.Equal("novapulse_api_calls", meterEvent["event_name"]!.GetValue<string>());
        Assert.Equal("23", meterEvent["payload"]!["value"]!.GetValue<string>());
        Assert.StartsWith("np_usage_", meterEvent["identifier"]!.GetValue<string>(), StringComparison.Ordinal);
        var request = Stripe.To("POST", "/v1/billing/meter_events").Single(r => r.Form["identifier"] == meterEvent["identifier"]!.GetValue<string>());
        Assert.Equal(request.Form["identifier"], request.IdempotencyKey);
        Assert.True((await (await tenant.Owner.PostAsJsonAsync("/api/v1/billing/usage", new { metric = "api_calls", quantity = 1 })).ReadJsonAsync())["reported"] is { } reported && !reported.GetValue<bool>());
    }

    [Fact]
    public async Task A_batch_whose_report_failed_is_resent_with_the_same_identifier_and_counted_once()
    {
        var tenant = await factory.RegisterAsync();
        var (customerId, _) = await factory.SubscribeAsync(tenant);
        await tenant.Owner.PostAsJsonAsync("/api/v1/billing/usage", new { metric = "api_calls", quantity = 4 });
        Stripe.FailNext(2, 500);

        await Assert.ThrowsAnyAsync<Exception>(factory.RunUsageReporterAsync);
        var batch = await factory.WithDbAsync(db => db.UsageRecords.IgnoreTenant().Where(r => r.CompanyId == tenant.CompanyId).Select(r => new { r.BatchId, r.ReportedAt }).SingleAsync());
        Assert.NotNull(batch.BatchId);
        Assert.Null(batch.ReportedAt);

        await factory.RunUsageReporterAsync();

        var identifier = UsageReporter.IdentifierOf(batch.BatchId!.Value);
        Assert.Equal(3, Stripe.To("POST", "/v1/billing/meter_events").Count(r => r.Form["identifier"] == identifier));
        Assert.Single(Stripe.MeterEvents.Values, e => e["payload"]!["stripe_customer_id"]!.GetValue<string>() == customerId);
        Assert.Equal("4", Stripe.MeterEvents[identifier]["payload"]!["value"]!.GetValue<string>());
    }

    [Fact]
    public async Task Usage_of_a_company_without_a_stripe_customer_waits_unreported()
    {
        var tenant = await factory.RegisterAsync();
        await tenant.Owner.PostAsJsonAsync("/api/v1/billing/usage", new { metric = "api_calls", quantity = 2 });

        await factory.RunUsageReporterAsync();

        var record = await factory.WithDbAsync(db => db.UsageRecords.IgnoreTenant().SingleAsync(r => r.CompanyId == tenant.CompanyId));
        Assert.Null(record.BatchId);
        Assert.Null(record.ReportedAt);
    }
}
