using Mediator;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NovaPulse.Application.Auth.Me;
using NovaPulse.Application.Common.Exceptions;

namespace NovaPulse.Dashboard.Auth;

/// <summary>
/// An open interactive page makes no HTTP requests, so the cookie check never runs for it: every minute the circuit
/// asks whether the member still exists with the same role, and signs the page out when not.
/// </summary>
internal sealed class RevalidatingDashboardAuthenticationStateProvider(ILoggerFactory loggerFactory, IServiceScopeFactory scopes)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => TimeSpan.FromMinutes(1);

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        var user = authenticationState.User;
        if (user.Identity?.IsAuthenticated != true)
        {
            return true;
        }

        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<DashboardUser>().Principal = user;
        try
        {
            var me = await scope.ServiceProvider.GetRequiredService<ISender>().Send(new GetMeQuery(), cancellationToken);
            return user.IsInRole(me.User.Role.ToString());
        }
        catch (AppException e) when (e.Kind == ErrorKind.Unauthenticated)
        {
            return false;
        }
    }
}
