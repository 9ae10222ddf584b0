using NovaPulse.Domain.Common;

namespace NovaPulse.Domain.UnitTests.Common;

public sealed class OptionalTests
{
    [Fact]
    public void The_default_is_absent()
    {
        Optional<string?> field = default;

        Assert.False(field.HasValue);
        Assert.Equal(Optional<string?>.Absent, field);
    }

    [Fact]
    public void Null_is_a_present_value_distinct_from_absent()
    {
        var cleared = Optional<Guid?>.Of(null);

        Assert.True(cleared.HasValue);
        Assert.Null(cleared.Value);
        Assert.NotEqual(Optional<Guid?>.Absent, cleared);
    }

    [Fact]
    public void A_value_converts_implicitly_to_a_present_field()
    {
        Optional<string?> title = "New";
        Optional<bool?> enabled = true;

        Assert.Equal(Optional<string?>.Of("New"), title);
        Assert.True(enabled is { HasValue: true, Value: true });
    }
}
