using Mediator;
using Microsoft.EntityFrameworkCore;
using NovaPulse.Application.Common.Exceptions;
using NovaPulse.Application.Common.Interfaces;
using NovaPulse.Application.Common.Security;
using NovaPulse.Domain.Billing;
using NovaPulse.Domain.Common;

namespace NovaPulse.Application.Billing.Usage;

public sealed class RecordUsageCommandHandler(IAppDbContext db, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<RecordUsageCommand, UsageRecordDto>
{
    public async ValueTask<UsageRecordDto> Handle(RecordUsageCommand command, CancellationToken cancellationToken)
    {
        // Usage comes from admins or from integrations through API keys (of any role), not from members' sessions.
        if (currentUser.ApiKeyId is null && currentUser.RequireRole() < Role.Admin)
        {
            throw AppException.Forbidden("Recording usage needs an Admin or an API key.");
        }

        if (command.IdempotencyKey is { } key && await FindAsync(key, cancellationToken) is { } existing)
        {
            return ToDto(existing);
        }

        var now = clock.GetUtcNow();
        var record = UsageRecord.Create(currentUser.RequireCompanyId(), command.Metric, command.Quantity, command.Timestamp ?? now, command.IdempotencyKey, now);
        db.UsageRecords.Add(record);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) when (command.IdempotencyKey is { } raced)
        {
            // A concurrent request with the same key won the unique index: answer with its record.
            db.UsageRecords.Entry(record).State = EntityState.Detached;
            return ToDto(await FindAsync(raced, cancellationToken) ?? throw AppException.Conflict("The usage record could not be stored."));
        }

        return ToDto(record);
    }

    private Task<UsageRecord?> FindAsync(string key, CancellationToken cancellationToken) =>
        db.UsageRecords.AsNoTracking().SingleOrDefaultAsync(r => r.IdempotencyKey == key, cancellationToken);

    private static UsageRecordDto ToDto(UsageRecord r) => new(r.Id, r.Metric, r.Quantity, r.Timestamp, r.IdempotencyKey, r.ReportedAt is not null);
}
