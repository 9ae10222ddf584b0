using Mediator;
using NovaPulse.Application.Common.Paging;
using NovaPulse.Application.Common.Security;
using NovaPulse.Domain.Common;

namespace NovaPulse.Application.Billing.Invoices;

/// <summary>The company's invoice history, newest first.</summary>
[RequireRole(Role.Admin)]
public sealed record ListInvoicesQuery(int? Limit = null, string? Cursor = null) : IQuery<Page<InvoiceDto>>;
