using Microsoft.Extensions.DependencyInjection;
using NovaPulse.Application.Common.Interfaces;
using NovaPulse.Infrastructure.Persistence;

namespace NovaPulse.Infrastructure.Tests.Persistence;

/// <summary>
/// A scope's pooled context goes back to the pool once, when the scope ends, however many service types resolved it and
/// whoever else disposes it: a second return, after another scope rented it, would share that scope's live context.
/// </summary>
public sealed class PooledContextScopeTests : IDisposable
{
    private readonly ServiceProvider _services = PersistenceServices.Build();

    public void Dispose() => _services.Dispose();

    [Fact]
    public async Task A_context_disposed_before_its_scope_ends_is_not_handed_to_two_scopes()
    {
        var first = _services.CreateAsyncScope();
        var firstContext = first.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.Same(firstContext, first.ServiceProvider.GetRequiredService<IAppDbContext>());
        await firstContext.DisposeAsync();
        firstContext.Dispose();

        await using var second = _services.CreateAsyncScope();
        var secondContext = second.ServiceProvider.GetRequiredService<AppDbContext>();
        await first.DisposeAsync();
        await using var third = _services.CreateAsyncScope();
        var thirdContext = third.ServiceProvider.GetRequiredService<AppDbContext>();

        Assert.NotSame(secondContext, thirdContext);
        Assert.Same(second.ServiceProvider.GetRequiredService<ICurrentUser>(), secondContext.CurrentUser);
        Assert.Same(third.ServiceProvider.GetRequiredService<ICurrentUser>(), thirdContext.CurrentUser);
    }

    [Fact]
    public async Task A_context_goes_back_to_the_pool_without_its_scopes_principal_when_the_scope_ends()
    {
        AppDbContext returned;
        await using (var scope = _services.CreateAsyncScope())
        {
            returned = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        }

        await using var next = _services.CreateAsyncScope();
        var rented = next.ServiceProvider.GetRequiredService<AppDbContext>();

        Assert.Same(returned, rented);
        Assert.Same(next.ServiceProvider.GetRequiredService<ICurrentUser>(), rented.CurrentUser);
    }

    [Fact]
    public async Task A_rented_context_saves_without_savepoints_whatever_its_last_renter_set()
    {
        AppDbContext returned;
        await using (var scope = _services.CreateAsyncScope())
        {
            returned = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            Assert.False(returned.Database.AutoSavepointsEnabled);
            returned.Database.AutoSavepointsEnabled = true;
        }

        await using var next = _services.CreateAsyncScope();
        var rented = next.ServiceProvider.GetRequiredService<AppDbContext>();

        Assert.Same(returned, rented);
        Assert.False(rented.Database.AutoSavepointsEnabled);
    }
}
