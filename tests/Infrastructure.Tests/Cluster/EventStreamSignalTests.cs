using NovaPulse.Infrastructure.Cluster;

namespace NovaPulse.Infrastructure.Tests.Cluster;

public sealed class EventStreamSignalTests
{
    private static readonly Guid Acme = Guid.NewGuid();
    private static readonly Guid Globex = Guid.NewGuid();

    private readonly EventStreamSignal _signal = new();

    [Fact]
    public void A_notice_of_one_company_completes_its_wait_and_leaves_the_others_waiting()
    {
        var acme = _signal.Next(Acme);
        var globex = _signal.Next(Globex);

        _signal.Notify(Acme);

        Assert.True(acme.IsCompleted);
        Assert.False(globex.IsCompleted);
    }

    [Fact]
    public void After_a_notice_the_next_wait_is_a_new_one()
    {
        var first = _signal.Next(Acme);
        _signal.Notify(Acme);

        var second = _signal.Next(Acme);

        Assert.True(first.IsCompleted);
        Assert.False(second.IsCompleted);
        Assert.Same(second, _signal.Next(Acme));
    }

    [Fact]
    public void A_notice_to_everyone_completes_every_companys_wait()
    {
        var acme = _signal.Next(Acme);
        var globex = _signal.Next(Globex);

        _signal.NotifyAll();

        Assert.True(acme.IsCompleted && globex.IsCompleted);
    }

    [Fact]
    public void A_notice_for_a_company_without_a_waiting_stream_is_not_kept_for_later()
    {
        _signal.Notify(Acme);

        Assert.False(_signal.Next(Acme).IsCompleted);
    }
}
