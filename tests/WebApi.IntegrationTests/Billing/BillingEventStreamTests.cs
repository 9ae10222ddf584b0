using System.Net;
using System.Text.Json.Nodes;
using NovaPulse.WebApi.IntegrationTests.Infrastructure;

namespace NovaPulse.WebApi.IntegrationTests.Billing;

/// <summary>Invoice events carry Admin data (amounts, hosted invoice URLs): the event stream gives them to Admins only.</summary>
[Collection(BillingCollection.Name)]
public sealed class BillingEventStreamTests(BillingFactory factory)
{
    [Fact]
    public async Task A_members_stream_never_carries_invoice_paid_while_an_admins_does()
    {
        var tenant = await factory.RegisterAsync();
        var (customerId, _) = await factory.SubscribeAsync(tenant);
        var (member, _) = await tenant.AddMemberAsync("member");
        var (admin, _) = await tenant.AddMemberAsync("admin");
        await using var memberStream = await SseReader.OpenAsync(member);
        await using var adminStream = await SseReader.OpenAsync(admin);

        await PayInvoiceAsync(customerId);
        await tenant.Owner.CreateTaskAsync(new { title = "after the payment" });

        var adminEvents = new[] { await adminStream.NextEventAsync(), await adminStream.NextEventAsync() };
        Assert.Equal(["invoice.paid", "task.created"], adminEvents.Select(e => e.Event));
        var memberEvent = await memberStream.NextEventAsync();
        Assert.Equal("task.created", memberEvent.Event);
        Assert.Equal(adminEvents[1].Id, memberEvent.Id);
        Assert.DoesNotContain("hostedInvoiceUrl", memberEvent.Data!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_member_resuming_with_Last_Event_ID_skips_invoice_events_and_gets_the_rest_in_order()
    {
        var tenant = await factory.RegisterAsync();
        var (customerId, _) = await factory.SubscribeAsync(tenant);
        var (member, _) = await tenant.AddMemberAsync("member");
        string lastSeen;
        await using (var first = await SseReader.OpenAsync(member, "?events=task.created"))
        {
            await tenant.Owner.CreateTaskAsync(new { title = "one" });
            lastSeen = (await first.NextEventAsync()).Id!;
        }

        await PayInvoiceAsync(customerId);
        await tenant.Owner.CreateTaskAsync(new { title = "two" });
        await PayInvoiceAsync(customerId);
        await tenant.Owner.CreateTaskAsync(new { title = "three" });

        await using var resumed = await SseReader.OpenAsync(member, lastEventId: lastSeen);
        var events = new[] { await resumed.NextEventAsync(), await resumed.NextEventAsync() };
        Assert.Equal(["task.created", "task.created"], events.Select(e => e.Event));
        Assert.Equal(["two", "three"], events.Select(e => JsonNode.Parse(e.Data!)!["data"]!["title"]!.GetValue<string>()));

        // Resuming after the last of them sends nothing old: the next event is a new one.
        await using var again = await SseReader.OpenAsync(member, lastEventId: events[1].Id);
        await tenant.Owner.CreateTaskAsync(new { title = "four" });
        Assert.Equal("four", JsonNode.Parse((await again.NextEventAsync()).Data!)!["data"]!["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_member_naming_an_admin_event_type_is_refused_before_the_stream_starts()
    {
        var tenant = await factory.RegisterAsync();
        var (member, _) = await tenant.AddMemberAsync("member");

        await using var stream = await SseReader.OpenAsync(member, "?events=task.created,invoice.paid");

        var problem = await stream.Response.AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Contains("invoice.paid", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_catalogue_states_the_least_role_of_each_event_type()
    {
        var tenant = await factory.RegisterAsync();

        var types = (await (await tenant.Owner.GetAsync("/api/v1/webhooks/event-types")).ReadJsonAsync()).AsArray()
            .ToDictionary(t => t!["name"]!.GetValue<string>(), t => t!["minimumRole"]!.GetValue<string>());

        Assert.Equal("admin", types["invoice.paid"]);
        Assert.Equal("admin", types["invoice.payment_failed"]);
        Assert.Equal("member", types["task.created"]);
        Assert.Equal("member", types["subscription.updated"]);
    }

    private async Task PayInvoiceAsync(string customerId)
    {
        var invoice = factory.Stripe.AddInvoice(customerId, "paid", 2900);
        Assert.Equal(HttpStatusCode.OK, (await factory.SendWebhookAsync("invoice.paid", invoice)).StatusCode);
    }
}
