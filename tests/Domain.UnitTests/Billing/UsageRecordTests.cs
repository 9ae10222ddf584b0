using NovaPulse.Domain.Billing;
using NovaPulse.Domain.Common;

namespace NovaPulse.Domain.UnitTests.Billing;

public sealed class UsageRecordTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Usage_must_be_positive() =>
        Assert.Equal("invalid_quantity", Assert.Throws<DomainRuleException>(() => UsageRecord.Create(Guid.NewGuid(), "api_calls", 0, Now, null, Now)).Code);
}
