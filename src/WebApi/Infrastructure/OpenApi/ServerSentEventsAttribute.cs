namespace NovaPulse.WebApi.Infrastructure.OpenApi;

/// <summary>The action answers 200 with a <c>text/event-stream</c> it writes itself (see <see cref="ServerSentEventsProcessor"/>).</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ServerSentEventsAttribute : Attribute;
