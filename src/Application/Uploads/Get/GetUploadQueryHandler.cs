using Mediator;
using Microsoft.EntityFrameworkCore;
using NovaPulse.Application.Common.Exceptions;
using NovaPulse.Application.Common.Interfaces;
using NovaPulse.Application.Uploads.Common;

namespace NovaPulse.Application.Uploads.Get;

public sealed class GetUploadQueryHandler(IAppDbContext db, UploadUrls urls) : IQueryHandler<GetUploadQuery, UploadDto>
{
    public async ValueTask<UploadDto> Handle(GetUploadQuery query, CancellationToken cancellationToken)
    {
        var upload = await db.Uploads.AsNoTracking().SingleOrDefaultAsync(u => u.Id == query.Id, cancellationToken)
            ?? throw AppException.NotFound("Upload", query.Id);
        return urls.ToDto(upload);
    }
}
