using NovaPulse.Domain.Common;

namespace NovaPulse.Domain.UnitTests.Common;

public sealed class SequentialIdTests
{
    [Fact]
    public void Ids_are_version_7_with_the_rfc_variant_and_carry_their_millisecond()
    {
        var at = new DateTimeOffset(2026, 12, 6, 12, 30, 15, 123, TimeSpan.Zero);

        var id = SequentialId.New(at);

        var text = id.ToString("N");
        Assert.Equal('7', text[12]);
        Assert.Contains(text[16], "89ab");
        Assert.Equal(at.ToUnixTimeMilliseconds(), Convert.ToInt64(text[..12], 16));
    }

    [Fact]
    public void Ids_sort_by_time_and_never_repeat_across_buffer_refills()
    {
        var start = DateTimeOffset.UtcNow;
        var ids = Enumerable.Range(0, 10_000).Select(i => SequentialId.New(start.AddMilliseconds(i))).ToList();

        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Equal(ids.Select(i => i.ToString()), ids.Select(i => i.ToString()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Ids_made_in_the_same_millisecond_differ_in_their_random_bits()
    {
        var at = DateTimeOffset.UtcNow;

        var ids = Enumerable.Range(0, 1000).Select(_ => SequentialId.New(at)).ToHashSet();

        Assert.Equal(1000, ids.Count);
    }
}
