using Mediator;
using Microsoft.EntityFrameworkCore;
using NovaPulse.Application.Common.Interfaces;
using NovaPulse.Application.Common.Paging;

namespace NovaPulse.Application.Billing.Invoices;

public sealed class ListInvoicesQueryHandler(IAppDbContext db) : IQueryHandler<ListInvoicesQuery, Page<InvoiceDto>>
{
    public async ValueTask<Page<InvoiceDto>> Handle(ListInvoicesQuery query, CancellationToken cancellationToken)
    {
        var limit = query.Limit ?? PageRequest.DefaultLimit;
        var invoices = db.Invoices.AsNoTracking();
        if (Cursor.TryDecode(query.Cursor, out var cursor))
        {
            invoices = invoices.After(i => i.CreatedAt, i => i.Id, Keyset.ParseDate(cursor!.Key), cursor.Id, descending: true);
        }

        var rows = await invoices.OrderByDescending(i => i.CreatedAt).ThenByDescending(i => i.Id).Take(limit + 1).ToListAsync(cancellationToken);
        return Keyset.ToPage(rows, limit, i => Keyset.FormatDate(i.CreatedAt), i => i.Id, InvoiceDto.From);
    }
}
