using NovaPulse.Application.Common.Events;
using NSwag.Generation.Processors;
using NSwag.Generation.Processors.Contexts;

namespace NovaPulse.WebApi.Infrastructure.OpenApi;

/// <summary>
/// Lists the declared event names on the <c>EventType</c> schema as <c>x-event-names</c>, from which the SDK generates its
/// constants. An extension, not an enum: a client built before a new event type must still read the catalogue and the
/// events that carry it.
/// </summary>
public sealed class EventNamesProcessor : IDocumentProcessor
{
    public void Process(DocumentProcessorContext context)
    {
        var schema = context.Document.Components.Schemas[nameof(EventType)];
        schema.ExtensionData ??= new Dictionary<string, object?>();
        schema.ExtensionData["x-event-names"] = EventCatalogue.All.Select(t => t.Name).ToArray();
    }
}
