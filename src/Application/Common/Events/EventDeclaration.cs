using System.Text.Json;
using System.Text.Json.Nodes;
using NovaPulse.Domain.Common;

namespace NovaPulse.Application.Common.Events;

/// <summary>
/// One public event type, declared once in <see cref="EventCatalogue"/>: its name and meaning, the domain event it is
/// published for (none for <c>webhook.test</c>), the typed payload subscribers receive as <c>data</c> and how it is
/// built from the domain event, an example of it, the least role whose event stream carries it, and the subject line of
/// its notifications. The catalogue endpoint, subscription validation, the outbox rows and notification text read it.
/// </summary>
public sealed class EventDeclaration
{
    private readonly Func<IDomainEvent, object>? _payload;
    private readonly Func<JsonNode?, string>? _subject;

    private EventDeclaration(
        string name, string description, Type? domainEvent, Type payloadType, Func<IDomainEvent, object>? payload, JsonNode example,
        Role minimumRole, Func<JsonNode?, string>? subject)
    {
        Name = name;
        Description = description;
        DomainEvent = domainEvent;
        PayloadType = payloadType;
        _payload = payload;
        Example = example;
        MinimumRole = minimumRole;
        _subject = subject;
    }

    public string Name { get; }

    public string Description { get; }

    /// <summary>The domain event this type publishes; null for one the platform sends by itself.</summary>
    public Type? DomainEvent { get; }

    /// <summary>The integration event record serialized as the webhook's <c>data</c>.</summary>
    public Type PayloadType { get; }

    public JsonNode Example { get; }

    public Role MinimumRole { get; }

    /// <summary>An event published for <typeparamref name="TEvent"/>, whose <c>data</c> is <typeparamref name="TPayload"/>.</summary>
    public static EventDeclaration For<TEvent, TPayload>(
        string name, string description, Func<TEvent, TPayload> payload, JsonNode example, Func<JsonNode?, string>? subject = null,
        Role minimumRole = Role.Member)
        where TEvent : IDomainEvent
        where TPayload : notnull =>
        new(name, description, typeof(TEvent), typeof(TPayload), e => payload((TEvent)e), example, minimumRole, subject);

    /// <summary>An event no domain change raises (the platform sends it itself, e.g. a test delivery).</summary>
    public static EventDeclaration Sent<TPayload>(string name, string description, JsonNode example) =>
        new(name, description, null, typeof(TPayload), null, example, Role.Member, null);

    /// <summary>The wire payload of <paramref name="domainEvent"/>, which must be this declaration's domain event.</summary>
    public object PayloadOf(IDomainEvent domainEvent) =>
        _payload?.Invoke(domainEvent) ?? throw new InvalidOperationException($"{Name} is not published for a domain event.");

    /// <summary>The subject line of a Slack message or email about this event.</summary>
    public string SubjectFor(JsonNode? data) => _subject?.Invoke(data) ?? $"NovaPulse event: {Name}";

    public EventType ToEventType() => new(Name, Description, JsonSerializer.SerializeToElement(Example), MinimumRole);
}
