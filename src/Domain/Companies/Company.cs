using NovaPulse.Domain.Common;

namespace NovaPulse.Domain.Companies;

/// <summary>A tenant: every tenant-owned row belongs to one company.</summary>
public sealed class Company : Entity, IAuditable
{
    public const int NameMaxLength = 120;
    public const string FreePlanId = "free";

    private Company()
    {
    }

    public string Name { get; private set; } = "";

    public string PlanId { get; private set; } = FreePlanId;

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>
    /// How many tasks the company has, kept by the database in the transaction that adds or removes one (an atomic
    /// <c>UPDATE ... SET TaskCount = TaskCount + 1</c>), so the plan limit is checked in O(1) instead of a count(*).
    /// </summary>
    public long TaskCount { get; private set; }

    public static Company Create(string name, DateTimeOffset now) => new()
    {
        Name = name.Trim(),
        CreatedAt = now,
    };

    /// <summary>The plan whose limits apply; billing sets it from the Stripe subscription (Free when there is none).</summary>
    public void ChangePlan(string planId) => PlanId = planId;
}
