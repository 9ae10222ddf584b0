using Microsoft.EntityFrameworkCore;
using NovaPulse.Application.Common.Exceptions;
using NovaPulse.Application.Common.Interfaces;
using NovaPulse.Domain.Integrations;

namespace NovaPulse.Application.Integrations.Common;

/// <summary>Finding the caller's company's integrations (the tenant filter applies).</summary>
public static class IntegrationLookup
{
    public static Task<Integration?> OfTypeAsync(this IAppDbContext db, IntegrationType type, CancellationToken cancellationToken) =>
        db.Integrations.SingleOrDefaultAsync(i => i.Type == type, cancellationToken);

    public static async Task<Integration> RequireOfTypeAsync(this IAppDbContext db, IntegrationType type, CancellationToken cancellationToken) =>
        await db.OfTypeAsync(type, cancellationToken)
        ?? throw AppException.NotFound("Integration", type.ToString().ToLowerInvariant());

    public static async Task<Integration> RequireAsync(this IAppDbContext db, Guid id, CancellationToken cancellationToken) =>
        await db.Integrations.SingleOrDefaultAsync(i => i.Id == id, cancellationToken) ?? throw AppException.NotFound("Integration", id);
}
