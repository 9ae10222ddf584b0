using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using NovaPulse.Application.Common.Exceptions;
using NovaPulse.Application.Webhooks.Create;
using NovaPulse.Dashboard.Auth;
using NovaPulse.Infrastructure.Identity;
using NovaPulse.WebApi.IntegrationTests.Infrastructure;

namespace NovaPulse.WebApi.IntegrationTests;

/// <summary>A caller without the role learns only that (403), never which fields of the use case were wrong.</summary>
[Collection(ApiCollection.Name)]
public sealed class AuthorizationBeforeValidationTests(NovaPulseFactory factory)
{
    private static readonly object InvalidWebhook = new { url = "not a url", events = new[] { "no.such.event" } };

    [Fact]
    public async Task A_member_sending_an_invalid_body_to_an_admin_endpoint_gets_403_without_field_errors()
    {
        var tenant = await factory.RegisterAsync();
        var (member, _) = await tenant.AddMemberAsync("member");

        var response = await member.PostAsJsonAsync("/api/v1/webhooks", InvalidWebhook);

        var problem = await response.AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal("forbidden", problem["code"]!.GetValue<string>());
        Assert.Null(problem["errors"]);
    }

    [Fact]
    public async Task The_same_body_from_an_admin_gets_its_field_errors()
    {
        var tenant = await factory.RegisterAsync();

        var response = await tenant.Owner.PostAsJsonAsync("/api/v1/webhooks", InvalidWebhook);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("validation_failed", problem["code"]!.GetValue<string>());
        Assert.NotNull(problem["errors"]!["url"]);
    }

    [Fact]
    public async Task A_member_running_an_admin_use_case_in_process_is_refused_before_its_fields_are_checked()
    {
        // The dashboard sends use cases in-process, past no HTTP policy: the mediator pipeline must check the role first.
        var tenant = await factory.RegisterAsync();
        var (_, memberId) = await tenant.AddMemberAsync("member");
        await using var scope = factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<DashboardUser>().Principal = new ClaimsPrincipal(new ClaimsIdentity(
            [
                new Claim(JwtClaimNames.Subject, memberId.ToString()),
                new Claim(JwtClaimNames.Company, tenant.CompanyId.ToString()),
                new Claim(JwtClaimNames.Role, "Member"),
            ],
            "dashboard"));

        var error = await Assert.ThrowsAsync<AppException>(() =>
            scope.ServiceProvider.GetRequiredService<ISender>().Send(new CreateWebhookCommand("not a url", ["no.such.event"])).AsTask());

        Assert.Equal(ErrorKind.Forbidden, error.Kind);
    }
}
