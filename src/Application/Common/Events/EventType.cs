using System.Text.Json.Nodes;
using NovaPulse.Domain.Common;

namespace NovaPulse.Application.Common.Events;

/// <summary>
/// One public event type: its name, what it means, an example of its <c>data</c>, and the least role that receives it on
/// the event stream (<c>GET /events/stream</c>); webhooks and integrations are set up by Admins and get every type.
/// </summary>
public sealed record EventType(string Name, string Description, JsonNode Example, Role MinimumRole = Role.Member);
