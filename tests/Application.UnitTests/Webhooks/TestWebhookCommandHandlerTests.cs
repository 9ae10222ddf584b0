using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NovaPulse.Application.Common.Exceptions;
using NovaPulse.Application.Webhooks.Common;
using NovaPulse.Application.Webhooks.Delivery;
using NovaPulse.Application.Webhooks.Test;
using NovaPulse.Domain.Webhooks;

namespace NovaPulse.Application.UnitTests.Webhooks;

public sealed class TestWebhookCommandHandlerTests : IDisposable
{
    private readonly TestDatabase _database = new();
    private readonly FakeWebhookSender _receiver = new();

    public void Dispose() => _database.Dispose();

    private async Task<WebhookTestResult> TestAsync(Guid id)
    {
        await using var db = _database.NewContext();
        var options = Options.Create(new WebhookOptions());
        var processor = new WebhookDeliveryProcessor(db, _receiver, TestWebhooks.Protector, options, _database.Clock);
        return await new TestWebhookCommandHandler(db, processor, options, _database.Clock).Handle(new TestWebhookCommand(id), CancellationToken.None);
    }

    private async Task<WebhookEndpoint> SeedAsync(bool enabled = true)
    {
        var acme = await TestTenant.CreateAsync(_database, "Acme");
        var endpoint = await _database.AddEndpointAsync(acme, enabled);
        _database.CurrentUser.SignInAs(acme.Owner);
        return endpoint;
    }

    [Fact]
    public async Task A_test_sends_a_signed_webhook_test_event_now_and_logs_the_succeeded_delivery()
    {
        var endpoint = await SeedAsync();

        var result = await TestAsync(endpoint.Id);

        Assert.True(result.Succeeded);
        Assert.Equal(200, result.StatusCode);
        var request = Assert.Single(_receiver.Requests);
        Assert.Equal(new Uri(endpoint.Url), request.Url);
        Assert.Equal(result.MessageId, request.Headers["webhook-id"]);
        var timestamp = long.Parse(request.Headers["webhook-timestamp"], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(WebhookSigner.SignatureHeader([TestWebhooks.Secret], result.MessageId, timestamp, request.Body), request.Headers["webhook-signature"]);
        Assert.Contains("\"webhook.test\"", request.Body);
        var delivery = Assert.Single(await _database.DeliveriesAsync());
        Assert.Equal(result.DeliveryId, delivery.Id);
        Assert.Equal(WebhookDeliveryStatus.Succeeded, delivery.Status);
        Assert.Equal("webhook.test", delivery.EventType);
    }

    [Fact]
    public async Task A_failing_receiver_is_reported_and_the_delivery_is_left_to_retry()
    {
        var endpoint = await SeedAsync();
        _receiver.Status = 500;

        var result = await TestAsync(endpoint.Id);

        Assert.False(result.Succeeded);
        Assert.Equal(500, result.StatusCode);
        var delivery = Assert.Single(await _database.DeliveriesAsync());
        Assert.Equal(WebhookDeliveryStatus.Pending, delivery.Status);
        Assert.Equal(1, delivery.AttemptCount);
        Assert.True(delivery.NextAttemptAt > _database.Clock.GetUtcNow());
        await using var db = _database.NewContext();
        Assert.Equal(500, (await db.WebhookAttempts.SingleAsync()).ResponseStatus);
    }

    [Fact]
    public async Task A_disabled_endpoint_is_not_called_and_the_test_reports_why()
    {
        var endpoint = await SeedAsync(enabled: false);

        var result = await TestAsync(endpoint.Id);

        Assert.False(result.Succeeded);
        Assert.Equal("The endpoint is disabled.", result.Error);
        Assert.Empty(_receiver.Requests);
        Assert.Equal(WebhookDeliveryStatus.Failed, Assert.Single(await _database.DeliveriesAsync()).Status);
    }

    [Fact]
    public async Task Testing_another_companys_endpoint_is_not_found_and_sends_nothing()
    {
        var endpoint = await SeedAsync();
        var globex = await TestTenant.CreateAsync(_database, "Globex");
        _database.CurrentUser.SignInAs(globex.Owner);

        await AppErrorAssert.ThrowsAsync(ErrorKind.NotFound, () => TestAsync(endpoint.Id));

        Assert.Empty(_receiver.Requests);
        Assert.Empty(await _database.DeliveriesAsync());
    }
}
