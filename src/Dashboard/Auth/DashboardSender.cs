using System.Security.Claims;
using Mediator;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;

namespace NovaPulse.Dashboard.Auth;

/// <summary>
/// Sends a command or query through the same mediator pipeline as the API (validation, roles, audit), each in a
/// fresh DI scope running as the signed-in person. A fresh scope per use case keeps a long-lived circuit from
/// reusing one DbContext (and its stale change tracker) for hours.
/// </summary>
public sealed class DashboardSender(IServiceScopeFactory scopes, AuthenticationStateProvider authentication)
{
    public Task<TResponse> SendAsync<TResponse>(ICommand<TResponse> command, CancellationToken cancellationToken = default) =>
        RunAsync(sender => sender.Send(command, cancellationToken));

    public Task<TResponse> SendAsync<TResponse>(IQuery<TResponse> query, CancellationToken cancellationToken = default) =>
        RunAsync(sender => sender.Send(query, cancellationToken));

    /// <summary>
    /// For sign-up and sign-in: runs as nobody even when someone is signed in, like the API's
    /// <c>[RunsAnonymously]</c> endpoints (the use case resolves or creates its own tenant).
    /// </summary>
    public async Task<TResponse> SendAnonymouslyAsync<TResponse>(ICommand<TResponse> command, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<DashboardUser>().Principal = new ClaimsPrincipal(new ClaimsIdentity());
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(command, cancellationToken);
    }

    private async Task<TResponse> RunAsync<TResponse>(Func<ISender, ValueTask<TResponse>> send)
    {
        var state = await authentication.GetAuthenticationStateAsync();
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<DashboardUser>().Principal = state.User;
        return await send(scope.ServiceProvider.GetRequiredService<ISender>());
    }
}
