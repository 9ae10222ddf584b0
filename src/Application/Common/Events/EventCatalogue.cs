using System.Text.Json.Nodes;
using NovaPulse.Domain.Billing;
using NovaPulse.Domain.Common;
using NovaPulse.Domain.Tasks;
using NovaPulse.Domain.Uploads;
using NovaPulse.Domain.Users;

namespace NovaPulse.Application.Common.Events;

/// <summary>
/// Every event type the platform emits, declared once (<see cref="EventDeclaration"/>): the outbox names and serializes
/// domain events from it, webhooks and integrations validate subscriptions against it, the catalogue endpoint and
/// notification text derive from it, and a test holds docs/WEBHOOKS.md to it. A module that raises a new domain event
/// declares it here (a test fails until it does).
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

    // The fields UploadSnapshot really sends (the example once showed fileName/sizeBytes/uploadedBy, which no payload had).
    private static readonly JsonObject UploadExample = new()
    {
        ["id"] = "0194e0a6-1111-7000-8000-000000000004",
        ["companyId"] = "0194e0a6-0000-7000-8000-000000000001",
        ["name"] = "logo.png",
        ["contentType"] = "image/png",
        ["size"] = 48213,
        ["kind"] = "image",
        ["folder"] = "brand",
        ["tags"] = new JsonArray("logo"),
        ["isPublic"] = true,
        ["taskId"] = null,
        ["checksum"] = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
        ["createdBy"] = "0194e0a6-0000-7000-8000-000000000003",
        ["createdAt"] = "2026-11-24T10:00:00+00:00",
        ["deletedAt"] = null,
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

    /// <summary>The declarations, in the order the catalogue endpoint and docs list them.</summary>
    public static IReadOnlyList<EventDeclaration> Declarations { get; } =
    [
        EventDeclaration.For<TaskCreated, TaskSnapshot>(
            "task.created", "A task was created.", e => e.Task, TaskExample.DeepClone(), data => $"Task created: {TaskTitle(data)}"),
        EventDeclaration.For<TaskUpdated, TaskUpdatedPayload>(
            "task.updated", "Fields of a task changed; changedFields names them.", e => new(e.Task, e.ChangedFields),
            new JsonObject { ["task"] = TaskExample.DeepClone(), ["changedFields"] = new JsonArray("title", "status") },
            data => $"Task updated: {TaskTitle(data)}"),
        EventDeclaration.For<TaskAssigned, TaskAssignedPayload>(
            "task.assigned", "A task was assigned to a member (on creation or later).", e => new(e.Task, e.PreviousAssigneeId),
            new JsonObject { ["task"] = TaskExample.DeepClone(), ["previousAssigneeId"] = null },
            data => $"Task assigned to you: {TaskTitle(data)}"),
        EventDeclaration.For<TaskCompleted, TaskSnapshot>(
            "task.completed", "A task moved to done.", e => e.Task, TaskExample.DeepClone(), data => $"Task completed: {TaskTitle(data)}"),
        EventDeclaration.For<TaskDeleted, TaskSnapshot>(
            "task.deleted", "A task was deleted; data is its last state.", e => e.Task, TaskExample.DeepClone(),
            data => $"Task deleted: {TaskTitle(data)}"),
        EventDeclaration.For<MemberJoined, MemberJoinedPayload>(
            "member.joined", "A person joined the company (registration or accepted invitation).",
            e => new(e.UserId, e.Email, e.Name, e.Role.ToString().ToLowerInvariant()),
            new JsonObject { ["id"] = "0194e0a6-0000-7000-8000-000000000002", ["email"] = "ada@example.com", ["name"] = "Ada", ["role"] = "member" },
            data => $"{data?["name"]} ({data?["email"]}) joined the company"),
        EventDeclaration.For<MemberRemoved, MemberRemovedPayload>(
            "member.removed", "A member was removed from the company.", e => new(e.UserId, e.Email),
            new JsonObject { ["id"] = "0194e0a6-0000-7000-8000-000000000002", ["email"] = "ada@example.com" },
            data => $"{data?["email"]} was removed from the company"),
        EventDeclaration.For<UploadCreated, UploadSnapshot>(
            "upload.created", "A file upload completed.", e => e.Upload, UploadExample.DeepClone(), data => $"File uploaded: {data?["name"]}"),
        EventDeclaration.For<UploadDeleted, UploadSnapshot>(
            "upload.deleted", "An uploaded file was deleted.", e => e.Upload, UploadExample.DeepClone(), data => $"File deleted: {data?["name"]}"),
        EventDeclaration.For<SubscriptionUpdated, SubscriptionSnapshot>(
            "subscription.updated", "The company's plan subscription changed (plan, status, renewal or cancellation).", e => e.Subscription,
            new JsonObject
            {
                ["plan"] = "pro",
                ["status"] = "active",
                ["currentPeriodEnd"] = "2026-12-24T00:00:00+00:00",
                ["cancelAtPeriodEnd"] = false,
            }),
        // Invoices carry amounts and hosted invoice URLs: Admin data, like GET /billing/invoices.
        EventDeclaration.For<InvoicePaid, InvoiceSnapshot>(
            "invoice.paid", "An invoice was paid.", e => e.Invoice, InvoiceExample.DeepClone(), minimumRole: Role.Admin),
        EventDeclaration.For<InvoicePaymentFailed, InvoiceSnapshot>(
            "invoice.payment_failed", "Collecting an invoice failed; Stripe retries on its schedule.", e => e.Invoice,
            InvoiceExampleWith("open", amountPaid: 0), minimumRole: Role.Admin),
        EventDeclaration.Sent<WebhookTestPayload>(
            WebhookTest, "Sent by POST /webhooks/{id}/test to check an endpoint; ignore it in production logic.",
            new JsonObject { ["message"] = "This is a test event from NovaPulse.", ["endpointId"] = "0194e0a6-2222-7000-8000-000000000005" }),
    ];

    /// <summary>What <c>GET /webhooks/event-types</c> returns.</summary>
    public static IReadOnlyList<EventType> All { get; } = [.. Declarations.Select(d => d.ToEventType())];

    private static readonly Dictionary<string, EventDeclaration> ByName = Declarations.ToDictionary(d => d.Name);

    private static readonly Dictionary<Type, EventDeclaration> ByDomainEvent = Declarations
        .Where(d => d.DomainEvent is not null)
        .ToDictionary(d => d.DomainEvent!);

    private static readonly Dictionary<Role, string[]> VisibleByRole = Enum.GetValues<Role>()
        .ToDictionary(role => role, role => Declarations.Where(e => e.MinimumRole <= role).Select(e => e.Name).ToArray());

    public static bool IsKnown(string name) => ByName.ContainsKey(name);

    /// <summary>The declaration named <paramref name="name"/>, if any.</summary>
    public static EventDeclaration? Find(string name) => ByName.GetValueOrDefault(name);

    /// <summary>The public name and wire payload of a raised domain event; an undeclared one is a programming error.</summary>
    public static (string Name, object Payload) Publish(IDomainEvent domainEvent) =>
        ByDomainEvent.TryGetValue(domainEvent.GetType(), out var declaration)
            ? (declaration.Name, declaration.PayloadOf(domainEvent))
            : throw new InvalidOperationException($"{domainEvent.GetType().Name} has no declaration in EventCatalogue.");

    /// <summary>The types a caller with <paramref name="role"/> receives on the event stream.</summary>
    public static IReadOnlyCollection<string> VisibleTo(Role role) => VisibleByRole[role];

    /// <summary>The task a task.* payload is about: the data itself, or its <c>task</c>.</summary>
    private static string? TaskTitle(JsonNode? data) => (data?["task"] ?? data)?["title"]?.GetValue<string>();

    private static JsonNode InvoiceExampleWith(string status, int amountPaid)
    {
        var example = InvoiceExample.DeepClone();
        example["status"] = status;
        example["amountPaid"] = amountPaid;
        return example;
    }
}
