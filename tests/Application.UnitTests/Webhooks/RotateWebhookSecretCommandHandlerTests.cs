using NovaPulse.Application.Common.Exceptions;
using NovaPulse.Application.Webhooks.RotateSecret;
using NovaPulse.Domain.Webhooks;

namespace NovaPulse.Application.UnitTests.Webhooks;

public sealed class RotateWebhookSecretCommandHandlerTests : IDisposable
{
    private readonly TestDatabase _database = new();

    public void Dispose() => _database.Dispose();

    private async Task<RotatedWebhookSecret> RotateAsync(Guid id)
    {
        await using var db = _database.NewContext();
        return await new RotateWebhookSecretCommandHandler(db, TestWebhooks.Protector, _database.Clock).Handle(new RotateWebhookSecretCommand(id), CancellationToken.None);
    }

    [Fact]
    public async Task Rotating_stores_the_new_secret_encrypted_and_keeps_the_previous_one_signing_for_the_overlap()
    {
        var acme = await TestTenant.CreateAsync(_database, "Acme");
        var endpoint = await _database.AddEndpointAsync(acme);
        _database.CurrentUser.SignInAs(acme.Owner);

        var rotated = await RotateAsync(endpoint.Id);

        Assert.StartsWith("whsec_", rotated.Secret);
        Assert.NotEqual(TestWebhooks.Secret, rotated.Secret);
        Assert.Equal(_database.Clock.GetUtcNow() + WebhookEndpoint.RotationOverlap, rotated.PreviousSecretExpiresAt);
        var stored = await _database.FindEndpointAsync(endpoint.Id);
        Assert.DoesNotContain(rotated.Secret, stored!.Secret);
        Assert.Equal(rotated.Secret, TestWebhooks.Protector.Unprotect(stored.Secret));
        Assert.Equal(TestWebhooks.Secret, TestWebhooks.Protector.Unprotect(stored.PreviousSecret!));
        Assert.Equal(rotated.PreviousSecretExpiresAt, stored.PreviousSecretExpiresAt);
    }

    [Fact]
    public async Task Rotating_another_companys_secret_is_not_found_and_keeps_it()
    {
        var acme = await TestTenant.CreateAsync(_database, "Acme");
        var endpoint = await _database.AddEndpointAsync(acme);
        var globex = await TestTenant.CreateAsync(_database, "Globex");
        _database.CurrentUser.SignInAs(globex.Owner);

        await AppErrorAssert.ThrowsAsync(ErrorKind.NotFound, () => RotateAsync(endpoint.Id));

        var stored = await _database.FindEndpointAsync(endpoint.Id);
        Assert.Equal(TestWebhooks.Secret, TestWebhooks.Protector.Unprotect(stored!.Secret));
        Assert.Null(stored.PreviousSecret);
    }
}
