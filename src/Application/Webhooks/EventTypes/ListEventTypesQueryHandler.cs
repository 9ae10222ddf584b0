using Mediator;
using NovaPulse.Application.Common.Events;

namespace NovaPulse.Application.Webhooks.EventTypes;

public sealed class ListEventTypesQueryHandler : IQueryHandler<ListEventTypesQuery, IReadOnlyList<EventType>>
{
    public ValueTask<IReadOnlyList<EventType>> Handle(ListEventTypesQuery query, CancellationToken cancellationToken) =>
        ValueTask.FromResult(EventCatalogue.All);
}
