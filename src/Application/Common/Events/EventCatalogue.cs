using System.Text.Json.Nodes;
using NovaPulse.Domain.Common;

namespace NovaPulse.Application.Common.Events;

/// <summary>
/// Every event type the platform emits: the single list webhooks (and integrations) validate subscriptions against
/// and document, with the least role that may see it on the event stream. A module that raises a new event adds it here;
/// a type missing from the list reaches no stream.
/// </summary>
public static class EventCatalogue
{
    public const string WebhookTest = "webhook.test";

    private static readonly JsonObject TaskExample = new()
    {
        ["id"] = "0194e0a6-5a4e-7c3b-9a61-1f2e3d4c5b6a",
        ["companyId"] = "0194e0a6-0000-7000-8000-000000000001",
        ["title"] = "Prepare the quarterly report",
        ["description"] = "Numbers from finance first.",
        ["status"] = "in_progress",
        ["priority"] = "high",
        ["assigneeId"] = "0194e0a6-0000-7000-8000-000000000002",
        ["dueDate"] = "2026-12-01T00:00:00+00:00",
        ["tags"] = new JsonArray("finance"),
        ["createdBy"] = "0194e0a6-0000-7000-8000-000000000003",
        ["createdAt"] = "2026-11-24T10:00:00+00:00",
        ["updatedAt"] = "2026-11-24T10:05:00+00:00",
        ["completedAt"] = null,
    };

    private static readonly JsonObject UploadExample = new()
    {
        ["id"] = "0194e0a6-1111-7000-8000-000000000004",
        ["fileName"] = "logo.png",
        ["contentType"] = "image/png",
        ["sizeBytes"] = 48213,
        ["uploadedBy"] = "0194e0a6-0000-7000-8000-000000000003",
        ["createdAt"] = "2026-11-24T10:00:00+00:00",
    };

    private static readonly JsonObject InvoiceExample = new()
    {
        ["id"] = "in_1QExample",
        ["amountDue"] = 2900,
        ["amountPaid"] = 2900,
        ["currency"] = "usd",
        ["status"] = "paid",
        ["hostedInvoiceUrl"] = "https://invoice.stripe.com/i/acct_example/test_example",
        ["periodStart"] = "2026-11-01T00:00:00+00:00",
        ["periodEnd"] = "2026-12-01T00:00:00+00:00",
    };

    public static IReadOnlyList<EventType> All { get; } =
    [
        new("task.created", "A task was created.", TaskExample.DeepClone()),
        new("task.updated", "Fields of a task changed; changedFields names them.",
            new JsonObject { ["task"] = TaskExample.DeepClone(), ["changedFields"] = new JsonArray("title", "status") }),
        new("task.assigned", "A task was assigned to a member (on creation or later).",
            new JsonObject { ["task"] = TaskExample.DeepClone(), ["previousAssigneeId"] = null }),
        new("task.completed", "A task moved to done.", TaskExample.DeepClone()),
        new("task.deleted", "A task was deleted; data is its last state.", TaskExample.DeepClone()),
        new("member.joined", "A person joined the company (registration or accepted invitation).",
            new JsonObject { ["id"] = "0194e0a6-0000-7000-8000-000000000002", ["email"] = "ada@example.com", ["name"] = "Ada", ["role"] = "member" }),
        new("member.removed", "A member was removed from the company.",
            new JsonObject { ["id"] = "0194e0a6-0000-7000-8000-000000000002", ["email"] = "ada@example.com" }),
        new("upload.created", "A file upload completed.", UploadExample.DeepClone()),
        new("upload.deleted", "An uploaded file was deleted.", UploadExample.DeepClone()),
        new("subscription.updated", "The company's plan subscription changed (plan, status, renewal or cancellation).",
            new JsonObject
            {
                ["plan"] = "pro",
                ["status"] = "active",
                ["currentPeriodEnd"] = "2026-12-24T00:00:00+00:00",
                ["cancelAtPeriodEnd"] = false,
            }),
        // Invoices carry amounts and hosted invoice URLs: Admin data, like GET /billing/invoices.
        new("invoice.paid", "An invoice was paid.", InvoiceExample.DeepClone(), Role.Admin),
        new("invoice.payment_failed", "Collecting an invoice failed; Stripe retries on its schedule.",
            InvoiceExampleWith("open", amountPaid: 0), Role.Admin),
        new(WebhookTest, "Sent by POST /webhooks/{id}/test to check an endpoint; ignore it in production logic.",
            new JsonObject { ["message"] = "This is a test event from NovaPulse.", ["endpointId"] = "0194e0a6-2222-7000-8000-000000000005" }),
    ];

    private static readonly HashSet<string> Names = [.. All.Select(e => e.Name)];

    private static readonly Dictionary<Role, string[]> VisibleByRole = Enum.GetValues<Role>()
        .ToDictionary(role => role, role => All.Where(e => e.MinimumRole <= role).Select(e => e.Name).ToArray());

    public static bool IsKnown(string name) => Names.Contains(name);

    /// <summary>The types a caller with <paramref name="role"/> receives on the event stream.</summary>
    public static IReadOnlyCollection<string> VisibleTo(Role role) => VisibleByRole[role];

    private static JsonNode InvoiceExampleWith(string status, int amountPaid)
    {
        var example = InvoiceExample.DeepClone();
        example["status"] = status;
        example["amountPaid"] = amountPaid;
        return example;
    }
}
