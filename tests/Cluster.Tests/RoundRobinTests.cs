namespace NovaPulse.Cluster.Tests;

[Collection(ClusterCollection.Name)]
public sealed class RoundRobinTests(ClusterFixture cluster)
{
    [Fact]
    public async Task Consecutive_requests_through_the_proxy_land_on_each_host_in_turn()
    {
        await cluster.ProxyServesEveryHostAsync();
        using var client = await cluster.RegisterAsync();
        var servedBy = new List<int>();
        for (var i = 0; i < 9; i++)
        {
            using var response = await client.GetAsync("/api/v1/tasks");
            response.EnsureSuccessStatusCode();
            servedBy.Add(cluster.ServedBy(response));
        }

        Assert.Equal([1, 2, 3], servedBy.Distinct().Order());
        Assert.All(servedBy.Zip(servedBy.Skip(1)), pair => Assert.NotEqual(pair.First, pair.Second));
        Assert.All(servedBy.GroupBy(h => h), group => Assert.Equal(3, group.Count()));
    }
}
