using System.Reflection;
using NovaPulse.Application.Auth.Login;
using NovaPulse.Application.Auth.Refresh;
using NovaPulse.Application.Auth.Register;
using NovaPulse.Application.Billing.Plans;
using NovaPulse.Application.Billing.Webhook;
using NovaPulse.Application.Common.Security;
using NovaPulse.Application.Integrations.CompleteGoogle;
using NovaPulse.Application.Members.AcceptInvitation;
using NovaPulse.Application.Uploads.Complete;
using NovaPulse.Application.Uploads.Download;
using static NovaPulse.Architecture.Tests.Layers;

namespace NovaPulse.Architecture.Tests;

public sealed class AuthorizationConventionTests
{
    /// <summary>The only use cases a caller may run without signing in.</summary>
    private static readonly HashSet<Type> Anonymous =
    [
        typeof(RegisterCommand),
        typeof(LoginCommand),
        typeof(RefreshTokenCommand),
        typeof(AcceptInvitationCommand),
        // Authorised by an expiring HMAC-signed URL instead of a principal (the handlers verify the signature).
        typeof(PutUploadContentCommand),
        typeof(GetUploadContentQuery),
        // Public price list.
        typeof(ListPlansQuery),
        // Authenticated by the Stripe-Signature HMAC; the event's Stripe customer names the company.
        typeof(HandleStripeWebhookCommand),
        // Google's redirect back to us: the browser carries no token; the single-use, 10-minute state stored at start
        // names the company and person (the handler checks it, and that the person is still an Admin there).
        typeof(CompleteGoogleAuthorizationCommand),
    ];

    private static List<Type> Requests() =>
        [.. ConcreteTypes(ApplicationAssembly).Where(t => typeof(Mediator.IMessage).IsAssignableFrom(t))];

    [Fact]
    public void Every_request_except_the_anonymous_ones_requires_a_role()
    {
        var requests = Requests();

        Assert.NotEmpty(requests);
        ArchitectureAssert.NoneOf(
            requests.Where(t => !Anonymous.Contains(t) && t.GetCustomAttribute<RequireRoleAttribute>() is null),
            "Mark the request with [RequireRole] (or add it to the reviewed anonymous list)");
    }

    [Fact]
    public void The_anonymous_requests_are_mediator_requests_without_a_role_requirement()
    {
        var requests = Requests();

        Assert.All(Anonymous, t =>
        {
            Assert.Contains(t, requests);
            Assert.Null(t.GetCustomAttribute<RequireRoleAttribute>());
        });
    }
}
