using NovaPulse.Domain.Common;

namespace NovaPulse.Domain.Tasks;

/// <summary>A unit of work in a company. Raises task.* events for every change.</summary>
public sealed class TaskItem : Entity, ITenantOwned, IAuditable
{
    public const int TitleMaxLength = 200;
    public const int DescriptionMaxLength = 10_000;
    public const int MaxTags = 20;
    public const int TagMaxLength = 40;

    private TaskItem()
    {
    }

    public Guid CompanyId { get; private set; }

    public string Title { get; private set; } = "";

    public string? Description { get; private set; }

    public TaskItemStatus Status { get; private set; }

    public TaskPriority Priority { get; private set; }

    public Guid? AssigneeId { get; private set; }

    public DateTimeOffset? DueDate { get; private set; }

    public List<string> Tags { get; private set; } = [];

    public Guid? CreatedBy { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public DateTimeOffset? CompletedAt { get; private set; }

    /// <summary>Incremented on every change; the optimistic concurrency token behind ETag/If-Match.</summary>
    public int Version { get; private set; } = 1;

    public static TaskItem Create(
        Guid companyId, string title, string? description, TaskItemStatus status, TaskPriority priority,
        Guid? assigneeId, DateTimeOffset? dueDate, IEnumerable<string>? tags, Guid? createdBy, DateTimeOffset now)
    {
        var task = new TaskItem
        {
            CompanyId = companyId,
            Title = title.Trim(),
            Description = description,
            Status = status,
            Priority = priority,
            AssigneeId = assigneeId,
            DueDate = dueDate?.ToUniversalTime(),
            Tags = NormalizeTags(tags),
            CreatedBy = createdBy,
            CreatedAt = now,
            UpdatedAt = now,
            CompletedAt = status == TaskItemStatus.Done ? now : null,
        };
        task.Raise(new TaskCreated(task.Snapshot()));
        if (assigneeId is not null)
        {
            task.Raise(new TaskAssigned(task.Snapshot(), null));
        }

        return task;
    }

    /// <summary>Applies the given changes (absent fields stay as they are) and raises the matching events.</summary>
    public void Update(TaskChanges changes, DateTimeOffset now)
    {
        var previousAssignee = AssigneeId;
        var previousStatus = Status;
        var changed = new List<string>();

        if (changes.Title is { HasValue: true, Value: { } title } && title.Trim() != Title)
        {
            Title = title.Trim();
            changed.Add("title");
        }

        if (changes.Description is { HasValue: true } description && description.Value != Description)
        {
            Description = description.Value;
            changed.Add("description");
        }

        if (changes.Status is { HasValue: true, Value: { } status } && status != Status)
        {
            Status = status;
            CompletedAt = status == TaskItemStatus.Done ? now : null;
            changed.Add("status");
        }

        if (changes.Priority is { HasValue: true, Value: { } priority } && priority != Priority)
        {
            Priority = priority;
            changed.Add("priority");
        }

        if (changes.AssigneeId is { HasValue: true } assignee && assignee.Value != AssigneeId)
        {
            AssigneeId = assignee.Value;
            changed.Add("assigneeId");
        }

        if (changes.DueDate is { HasValue: true } due && due.Value?.ToUniversalTime() != DueDate)
        {
            DueDate = due.Value?.ToUniversalTime();
            changed.Add("dueDate");
        }

        if (changes.Tags is { HasValue: true, Value: { } tags })
        {
            var normalized = NormalizeTags(tags);
            if (!normalized.SequenceEqual(Tags))
            {
                Tags = normalized;
                changed.Add("tags");
            }
        }

        if (changed.Count == 0)
        {
            return;
        }

        UpdatedAt = now;
        Version++;
        var snapshot = Snapshot();
        Raise(new TaskUpdated(snapshot, changed));
        if (changed.Contains("assigneeId") && AssigneeId is not null)
        {
            Raise(new TaskAssigned(snapshot, previousAssignee));
        }

        if (changed.Contains("status") && Status == TaskItemStatus.Done && previousStatus != TaskItemStatus.Done)
        {
            Raise(new TaskCompleted(snapshot));
        }
    }

    public void MarkDeleted() => Raise(new TaskDeleted(Snapshot()));

    public TaskSnapshot Snapshot() => new(
        Id, CompanyId, Title, Description, Status, Priority, AssigneeId, DueDate, [.. Tags], CreatedBy, CreatedAt, UpdatedAt, CompletedAt);

    /// <summary>Trims, drops blanks and duplicates (case-insensitive), keeps first-seen order.</summary>
    public static List<string> NormalizeTags(IEnumerable<string>? tags) =>
        tags is null
            ? []
            : [.. tags.Select(t => t.Trim()).Where(t => t.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase)];
}
