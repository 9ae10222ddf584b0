using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using NovaPulse.Application.Common.Interfaces;

namespace NovaPulse.Application.Tasks.Common;

/// <summary>An assignee must be a member of the caller's company (the tenant filter makes other companies' users invisible).</summary>
public static class AssigneeGuard
{
    public static async Task EnsureMemberAsync(IAppDbContext db, Guid? assigneeId, CancellationToken cancellationToken)
    {
        if (assigneeId is { } id && !await db.Users.AnyAsync(u => u.Id == id, cancellationToken))
        {
            throw new ValidationException([new ValidationFailure("AssigneeId", "'Assignee Id' must be a member of your company.")]);
        }
    }
}
