using Microsoft.EntityFrameworkCore;
using NovaPulse.Application.Common.Interfaces;

namespace NovaPulse.Infrastructure.Persistence;

/// <summary>
/// A scope's pooled context and its one disposer. The scope resolves the context as three service types and the container
/// disposes every resolution; three returns of one instance to the pool would let a later one, made after another scope
/// rented the instance, hand that scope's live context (and its principal) to the next renter. The context ignores those
/// disposals while owned, and this owner, resolved before them and so disposed after them, returns it once.
/// </summary>
internal sealed class ScopedContext<TContext> : IDisposable, IAsyncDisposable
    where TContext : AppDbContext
{
    public ScopedContext(IDbContextFactory<TContext> factory, ICurrentUser currentUser, CompanyRowPlaces companyRows)
    {
        Context = factory.CreateDbContext();
        Context.CurrentUser = currentUser;
        Context.CompanyRows = companyRows;
        Context.OwnByScope();
    }

    public TContext Context { get; }

    public void Dispose() => Context.ReleaseFromScope();

    public ValueTask DisposeAsync() => Context.ReleaseFromScopeAsync();
}
