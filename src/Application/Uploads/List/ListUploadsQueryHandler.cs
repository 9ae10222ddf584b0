using Mediator;
using Microsoft.EntityFrameworkCore;
using NovaPulse.Application.Common.Interfaces;
using NovaPulse.Application.Common.Paging;
using NovaPulse.Application.Common.Specifications;
using NovaPulse.Application.Uploads.Common;
using static NovaPulse.Application.Uploads.List.UploadSpecifications;

namespace NovaPulse.Application.Uploads.List;

public sealed class ListUploadsQueryHandler(IAppDbContext db, UploadUrls urls) : IQueryHandler<ListUploadsQuery, Page<UploadDto>>
{
    public async ValueTask<Page<UploadDto>> Handle(ListUploadsQuery query, CancellationToken cancellationToken)
    {
        var limit = query.Limit ?? PageRequest.DefaultLimit;
        var uploads = db.Uploads.AsNoTracking().WhereAll(
            Ready,
            OfKind(query.Kind),
            InFolder(query.Folder),
            Tagged(query.Tag),
            Matching(query.Search),
            WithVisibility(query.IsPublic),
            ForTask(query.TaskId),
            CreatedByMember(query.CreatedBy),
            CreatedFrom(query.From),
            CreatedBefore(query.To));

        if (Cursor.TryDecode(query.Cursor, out var cursor) && cursor is not null)
        {
            uploads = uploads.After(u => u.CreatedAt, u => u.Id, Keyset.ParseDate(cursor.Key), cursor.Id, descending: true);
        }

        var rows = await uploads.OrderByDescending(u => u.CreatedAt).ThenByDescending(u => u.Id).Take(limit + 1).ToListAsync(cancellationToken);
        return Keyset.ToPage(rows, limit, u => Keyset.FormatDate(u.CreatedAt), u => u.Id, urls.ToDto);
    }
}
