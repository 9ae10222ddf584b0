using System.Text.Json;
using NovaPulse.Domain.Common;

namespace NovaPulse.Application.Common.Events;

/// <summary>
/// One public event type: its name, what it means, an example of its <c>data</c>, and the least role that receives it on
/// the event stream (<c>GET /events/stream</c>); webhooks and integrations are set up by Admins and get every type.
/// </summary>
// The example is a JsonElement, which the contract describes as any JSON value; a JsonNode is described by its CLR
// properties (parent, root, options), which the generated SDK could not deserialize.
public sealed record EventType(string Name, string Description, JsonElement Example, Role MinimumRole = Role.Member);
