using Mediator;
using Microsoft.EntityFrameworkCore;
using NovaPulse.Application.Common.Exceptions;
using NovaPulse.Application.Common.Interfaces;

namespace NovaPulse.Application.Uploads.Delete;

public sealed class DeleteUploadCommandHandler(IAppDbContext db, TimeProvider clock) : ICommandHandler<DeleteUploadCommand>
{
    public async ValueTask<Unit> Handle(DeleteUploadCommand command, CancellationToken cancellationToken)
    {
        var upload = await db.Uploads.SingleOrDefaultAsync(u => u.Id == command.Id, cancellationToken)
            ?? throw AppException.NotFound("Upload", command.Id);
        upload.Delete(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
