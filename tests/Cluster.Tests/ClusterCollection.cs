// One cluster at a time: two would compete for the cores and the second would prove nothing more.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace NovaPulse.Cluster.Tests;

/// <summary>One cluster for the whole run: its tests share it and run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "cluster";
}
