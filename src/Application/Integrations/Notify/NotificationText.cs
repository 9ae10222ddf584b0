using System.Text.Json.Nodes;
using NovaPulse.Application.Common.Events;

namespace NovaPulse.Application.Integrations.Notify;

/// <summary>The human-readable line an event becomes in Slack or an email subject/body.</summary>
public static class NotificationText
{
    public static (string Subject, string Body) For(string eventType, JsonNode? data)
    {
        var task = data?["task"] ?? data;
        var title = task?["title"]?.GetValue<string>();
        var subject = EventCatalogue.Find(eventType)?.SubjectFor(data) ?? $"NovaPulse event: {eventType}";
        var body = $"{subject}\n\nEvent: {eventType}" + (task?["id"] is { } id && title is not null ? $"\nTask id: {id}" : "");
        return (subject, body);
    }

    /// <summary>The member a task event concerns (its assignee), if any.</summary>
    public static Guid? AssigneeOf(JsonNode? data) =>
        Guid.TryParse((data?["task"] ?? data)?["assigneeId"]?.GetValue<string>(), out var id) ? id : null;
}
