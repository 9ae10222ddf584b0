using System.Linq.Expressions;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using NovaPulse.Application.Common.Interfaces;
using NovaPulse.Domain.ApiKeys;
using NovaPulse.Domain.Audit;
using NovaPulse.Domain.Auth;
using NovaPulse.Domain.Billing;
using NovaPulse.Domain.Common;
using NovaPulse.Domain.Companies;
using NovaPulse.Domain.Events;
using NovaPulse.Domain.Integrations;
using NovaPulse.Domain.Invitations;
using NovaPulse.Domain.Outbox;
using NovaPulse.Domain.Tasks;
using NovaPulse.Domain.Uploads;
using NovaPulse.Domain.Users;
using NovaPulse.Domain.Webhooks;
using NovaPulse.Infrastructure.Idempotency;

namespace NovaPulse.Infrastructure.Persistence;

/// <summary>
/// The one EF model. Each provider has a thin derived context that owns its migrations
/// (see <see cref="SqliteAppDbContext"/>, <see cref="PostgreSqlAppDbContext"/>, <see cref="SqlServerAppDbContext"/>).
/// Contexts are pooled: the scope that rents one sets <see cref="CurrentUser"/>, and giving it back clears it.
/// </summary>
public abstract class AppDbContext : DbContext, IAppDbContext, IDataProtectionKeyContext
{
    public const string TenantFilter = "Tenant";

    protected AppDbContext(DbContextOptions options)
        : base(options)
    {
        // A save inside a transaction would cost a SAVEPOINT and a RELEASE round trip each (two of a task create's five).
        // No use case recovers from a failed save and carries on in the same transaction; a failed save rolls it back.
        // The pool restores this value on every rent.
        Database.AutoSavepointsEnabled = false;
    }

    /// <summary>Who acts through this context: the tenant filter, the tenant stamp and the audit trail read it.</summary>
    public ICurrentUser CurrentUser { get; set; } = NoCurrentUser.Instance;

    /// <summary>
    /// The companies whose outbox rows were saved: the processor and their event streams are woken once the rows commit
    /// (see <see cref="Interceptors.OutboxInterceptor"/>).
    /// </summary>
    internal HashSet<Guid> OutboxPending { get; } = [];

    public DbSet<Company> Companies => Set<Company>();

    public DbSet<User> Users => Set<User>();

    public DbSet<RefreshToken> RefreshTokens => Set<RefreshToken>();

    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();

    public DbSet<Invitation> Invitations => Set<Invitation>();

    public DbSet<TaskItem> Tasks => Set<TaskItem>();

    public DbSet<Upload> Uploads => Set<Upload>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<EventStreamLease> EventStreamLeases => Set<EventStreamLease>();

    public DbSet<WebhookEndpoint> WebhookEndpoints => Set<WebhookEndpoint>();

    public DbSet<WebhookDelivery> WebhookDeliveries => Set<WebhookDelivery>();

    public DbSet<WebhookAttempt> WebhookAttempts => Set<WebhookAttempt>();

    public DbSet<CompanySubscription> CompanySubscriptions => Set<CompanySubscription>();

    public DbSet<Invoice> Invoices => Set<Invoice>();

    public DbSet<UsageRecord> UsageRecords => Set<UsageRecord>();

    public DbSet<StripeEventRecord> StripeEvents => Set<StripeEventRecord>();

    public DbSet<SignInFailure> SignInFailures => Set<SignInFailure>();

    public DbSet<Integration> Integrations => Set<Integration>();

    public DbSet<IntegrationNotification> IntegrationNotifications => Set<IntegrationNotification>();

    public DbSet<OAuthState> OAuthStates => Set<OAuthState>();

    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();

    /// <summary>The ASP.NET Core Data Protection key ring every host shares (each key sealed with <c>Secrets:EncryptionKey</c>).</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public async Task<T> InCompanyLockAsync<T>(Guid companyId, Func<Task<T>> work, CancellationToken cancellationToken)
    {
        var owned = Database.CurrentTransaction is null;
        await using var transaction = owned ? await Database.BeginTransactionAsync(cancellationToken) : null;
        // A no-op update holds the row's write lock (PostgreSQL, SQL Server; SQLite: the database's) until the commit,
        // and the counts that follow are read after any earlier holder has committed.
        await Companies.IgnoreQueryFilters().Where(c => c.Id == companyId)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Name, c => c.Name), cancellationToken);
        try
        {
            var result = await work();
            if (transaction is not null)
            {
                await transaction.CommitAsync(cancellationToken);
            }

            return result;
        }
        finally
        {
            if (owned)
            {
                LeaveCompanyRowPlaces();
            }
        }
    }

    public async Task<T> InTransactionAsync<T>(Func<Task<T>> work, CancellationToken cancellationToken)
    {
        if (Database.CurrentTransaction is not null)
        {
            return await work();
        }

        await using var transaction = await Database.BeginTransactionAsync(cancellationToken);
        try
        {
            var result = await work();
            await transaction.CommitAsync(cancellationToken);
            return result;
        }
        finally
        {
            LeaveCompanyRowPlaces();
        }
    }

    public async Task QueueForCompanyRowAsync(Guid companyId, CancellationToken cancellationToken)
    {
        if (Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("Queue for a company's row inside a transaction: the place is kept until it ends.");
        }

        if (_companyRowPlace is not null)
        {
            // Places for two companies held at once could wait on each other's.
            if (companyId != _companyRowCompany)
            {
                throw new InvalidOperationException("A transaction queues for one company's row only.");
            }

            return;
        }

        if (CompanyRows is not null)
        {
            _companyRowPlace = await CompanyRows.EnterAsync(companyId, cancellationToken);
            _companyRowCompany = companyId;
        }
    }

    /// <summary>This host's queue for company rows, set by the scope that rents the context (none: no queueing).</summary>
    internal CompanyRowPlaces? CompanyRows { get; set; }

    private IDisposable? _companyRowPlace;
    private Guid _companyRowCompany;

    private void LeaveCompanyRowPlaces()
    {
        _companyRowPlace?.Dispose();
        _companyRowPlace = null;
    }

    /// <summary>Read per query by the tenant filter; null (no principal) matches no tenant-owned row.</summary>
    internal Guid? CurrentCompanyId => CurrentUser.CompanyId;

    /// <summary>Owned by a scope's <see cref="ScopedContext{TContext}"/>: only its release disposes the context.</summary>
    private bool _ownedByScope;

    internal void OwnByScope() => _ownedByScope = true;

    internal void ReleaseFromScope()
    {
        _ownedByScope = false;
        Dispose();
    }

    internal ValueTask ReleaseFromScopeAsync()
    {
        _ownedByScope = false;
        return DisposeAsync();
    }

    /// <summary>What one request left on the context: its principal, its pending wake-ups, its place in a company's queue.</summary>
    private void ClearForPool()
    {
        CurrentUser = NoCurrentUser.Instance;
        OutboxPending.Clear();
        LeaveCompanyRowPlaces();
    }

    // A pooled context goes back to the pool here: it must not carry one request's principal into the next.
    public override void Dispose()
    {
        if (_ownedByScope)
        {
            return;
        }

        ClearForPool();
        base.Dispose();
        GC.SuppressFinalize(this);
    }

    public override ValueTask DisposeAsync()
    {
        if (_ownedByScope)
        {
            return ValueTask.CompletedTask;
        }

        ClearForPool();
        GC.SuppressFinalize(this);
        return base.DisposeAsync();
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
        foreach (var entityType in modelBuilder.Model.GetEntityTypes().Where(t => typeof(ITenantOwned).IsAssignableFrom(t.ClrType)))
        {
            modelBuilder.Entity(entityType.ClrType).HasQueryFilter(TenantFilter, BuildTenantFilter(entityType.ClrType));
            // Every filtered query seeks by company; an index that already leads with it serves that, and one more would
            // only cost every insert (a task paid for five indexes).
            if (!entityType.GetIndexes().Any(i => i.Properties[0].Name == nameof(ITenantOwned.CompanyId)))
            {
                modelBuilder.Entity(entityType.ClrType).HasIndex(nameof(ITenantOwned.CompanyId));
            }
        }
    }

    private LambdaExpression BuildTenantFilter(Type entityType)
    {
        var row = Expression.Parameter(entityType, "e");
        var companyId = Expression.Convert(Expression.Property(row, nameof(ITenantOwned.CompanyId)), typeof(Guid?));
        var current = Expression.Property(Expression.Constant(this), nameof(CurrentCompanyId));
        return Expression.Lambda(Expression.Equal(companyId, current), row);
    }
}
