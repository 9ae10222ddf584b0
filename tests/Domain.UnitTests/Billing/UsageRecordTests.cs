using NovaPulse.Domain.Billing;
using NovaPulse.Domain.Common;

namespace NovaPulse.Domain.UnitTests.Billing;

public sealed class UsageRecordTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Usage_must_be_positive() =>
        Assert.Equal("invalid_quantity", Assert.Throws<DomainRuleException>(() => UsageRecord.Create(Guid.NewGuid(), "api_calls", 0, Now, null, Now)).Code);

    [Fact]
    public void A_batch_once_assigned_never_changes()
    {
        var record = UsageRecord.Create(Guid.NewGuid(), "api_calls", 3, Now, null, Now);
        var first = Guid.NewGuid();

        record.AssignBatch(first);
        record.AssignBatch(Guid.NewGuid());

        Assert.Equal(first, record.BatchId);
    }
}
