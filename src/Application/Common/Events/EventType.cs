using System.Text.Json.Nodes;

namespace NovaPulse.Application.Common.Events;

/// <summary>One public event type: its name, what it means and an example of its <c>data</c>.</summary>
public sealed record EventType(string Name, string Description, JsonNode Example);
