using Mediator;
using NovaPulse.Application.Common.Security;
using NovaPulse.Application.Events.Common;
using NovaPulse.Domain.Common;

namespace NovaPulse.Application.Events.Read;

/// <summary>
/// The caller's company's committed events strictly after the position (<paramref name="After"/>, <paramref name="AfterId"/>)
/// in (occurred-at, id) order, optionally only the types in <paramref name="Events"/>.
/// </summary>
[RequireRole(Role.Member)]
public sealed record ReadEventsQuery(DateTimeOffset After, Guid AfterId, IReadOnlyList<string>? Events = null, int Limit = ReadEventsQuery.MaxLimit)
    : IQuery<IReadOnlyList<StreamedEvent>>
{
    public const int MaxLimit = 200;
}
