using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using NovaPulse.Domain.ApiKeys;
using NovaPulse.Domain.Audit;
using NovaPulse.Domain.Auth;
using NovaPulse.Domain.Billing;
using NovaPulse.Domain.Companies;
using NovaPulse.Domain.Events;
using NovaPulse.Domain.Integrations;
using NovaPulse.Domain.Invitations;
using NovaPulse.Domain.Outbox;
using NovaPulse.Domain.Tasks;
using NovaPulse.Domain.Uploads;
using NovaPulse.Domain.Users;
using NovaPulse.Domain.Webhooks;

namespace NovaPulse.Application.Common.Interfaces;

/// <summary>
/// The unit of work handlers use directly (no repositories). Tenant-owned sets are already filtered to the
/// caller's company; only anonymous flows (sign-in, invitation acceptance) look across companies, explicitly.
/// </summary>
public interface IAppDbContext
{
    DbSet<Company> Companies { get; }

    DbSet<User> Users { get; }

    DbSet<RefreshToken> RefreshTokens { get; }

    DbSet<ApiKey> ApiKeys { get; }

    DbSet<Invitation> Invitations { get; }

    DbSet<TaskItem> Tasks { get; }

    /// <summary>Uploads; soft-deleted ones are hidden by a query filter (<c>IgnoreQueryFilters</c> to see them).</summary>
    DbSet<Upload> Uploads { get; }

    DbSet<AuditEntry> AuditEntries { get; }

    DbSet<OutboxMessage> OutboxMessages { get; }

    /// <summary>Open event streams, one row each, for the per-principal limit across hosts.</summary>
    DbSet<EventStreamLease> EventStreamLeases { get; }

    DbSet<WebhookEndpoint> WebhookEndpoints { get; }

    DbSet<WebhookDelivery> WebhookDeliveries { get; }

    DbSet<WebhookAttempt> WebhookAttempts { get; }

    DbSet<CompanySubscription> CompanySubscriptions { get; }

    DbSet<Invoice> Invoices { get; }

    DbSet<UsageRecord> UsageRecords { get; }

    /// <summary>Processed Stripe webhook events; not tenant-owned (the webhook runs before any company is known).</summary>
    DbSet<StripeEventRecord> StripeEvents { get; }

    /// <summary>Failed sign-ins per (email, client address); not tenant-owned (counted before any company is known).</summary>
    DbSet<SignInFailure> SignInFailures { get; }

    /// <summary>For the rare handler that must drop its failed changes and look again (a lost insert race).</summary>
    ChangeTracker ChangeTracker { get; }
    DbSet<Integration> Integrations { get; }

    /// <summary>Messages integrations owe for events, sent by the notification worker.</summary>
    DbSet<IntegrationNotification> IntegrationNotifications { get; }

    DbSet<OAuthState> OAuthStates { get; }

    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Runs <paramref name="work"/> (which saves its own changes) in a transaction that first locks the company's row, so
    /// one company's check-then-insert rules (plan limits) run one request at a time: two requests cannot both pass a
    /// count that sits one below the limit. Other companies are not held up.
    /// </summary>
    Task<T> InCompanyLockAsync<T>(Guid companyId, Func<Task<T>> work, CancellationToken cancellationToken);

    /// <summary>Runs <paramref name="work"/> (which saves its own changes) in one transaction; an exception rolls it back.</summary>
    Task<T> InTransactionAsync<T>(Func<Task<T>> work, CancellationToken cancellationToken);

    /// <summary>
    /// Call inside <see cref="InTransactionAsync{T}"/> just before a statement that locks the company's row until the commit
    /// (the task counter): waits until only a few of this host's transactions hold or await that lock, and keeps the place
    /// until the transaction ends. The others queue here, not in the database, where every commit would wake them all.
    /// </summary>
    Task QueueForCompanyRowAsync(Guid companyId, CancellationToken cancellationToken);
}
