using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using NovaPulse.Application.Common.Interfaces;

namespace NovaPulse.Application.Uploads.Common;

/// <summary>An upload may reference a task of the caller's company only (others are invisible through the tenant filter).</summary>
public static class UploadTaskGuard
{
    public static async Task EnsureTaskAsync(IAppDbContext db, Guid? taskId, CancellationToken cancellationToken)
    {
        if (taskId is { } id && !await db.Tasks.AnyAsync(t => t.Id == id, cancellationToken))
        {
            throw new ValidationException([new ValidationFailure("TaskId", "'Task Id' must be a task of your company.")]);
        }
    }
}
