namespace NovaPulse.Cluster.Tests;

[Collection(ClusterCollection.Name)]
public sealed class WebhookDeliveryTests(ClusterFixture cluster)
{
    [Fact]
    public async Task Deliveries_of_2000_events_are_claimed_exactly_once_across_the_worker_hosts()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        using var client = await cluster.RegisterAsync();
        await Workload.SubscribeAsync(client, receiver);

        await Workload.CreateTasksAsync(client, 2000);
        await receiver.WaitForAsync(2000, TimeSpan.FromSeconds(60));
        // Anything still on its way would show as a second copy.
        await Task.Delay(TimeSpan.FromSeconds(1));

        Assert.Equal(2000, receiver.Received.Count);
        Assert.DoesNotContain(receiver.Received, r => r.Value > 1);
    }

    [Fact]
    public async Task A_worker_host_killed_mid_stream_leaves_its_leased_work_to_the_other_and_nothing_is_lost()
    {
        // Slow answers keep batches in flight on both worker hosts when one dies.
        await using var receiver = await WebhookReceiver.StartAsync(TimeSpan.FromMilliseconds(500));
        using var client = await cluster.RegisterAsync();
        await Workload.SubscribeAsync(client, receiver);
        await Workload.CreateTasksAsync(client, 600);
        await receiver.WaitForAsync(60, TimeSpan.FromSeconds(30));

        try
        {
            cluster.Kill(1);
            await receiver.WaitForAsync(600, TimeSpan.FromSeconds(40));
            Assert.Equal(600, receiver.Received.Count);
        }
        finally
        {
            await cluster.HealAsync();
        }
    }
}
