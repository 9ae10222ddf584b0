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
        await receiver.WaitForCountAsync(2000, timeoutSeconds: 60);
        // Anything still on its way would show as a second copy.
        await Task.Delay(TimeSpan.FromSeconds(1));

        Assert.Equal(2000, receiver.Requests.Count);
        Assert.Equal(2000, DistinctIds(receiver.Requests));
    }

    [Fact]
    public async Task A_worker_host_killed_mid_stream_leaves_its_leased_work_to_the_other_and_nothing_is_lost()
    {
        // Slow answers keep batches in flight on both worker hosts when one dies.
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Delay = TimeSpan.FromMilliseconds(500);
        using var client = await cluster.RegisterAsync();
        await Workload.SubscribeAsync(client, receiver);
        await Workload.CreateTasksAsync(client, 600);
        await receiver.WaitForCountAsync(60, timeoutSeconds: 30);

        try
        {
            cluster.Kill(1);
            // At least once: a batch the dead host had sent may arrive again from the other.
            var requests = await receiver.WaitForAsync(r => DistinctIds(r) >= 600, timeoutSeconds: 40);
            Assert.Equal(600, DistinctIds(requests));
        }
        finally
        {
            await cluster.HealAsync();
        }
    }

    private static int DistinctIds(IEnumerable<ReceivedRequest> requests) => requests.Select(r => r.WebhookId).Distinct().Count();
}
