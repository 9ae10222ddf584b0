namespace NovaPulse.Cluster.Tests;

/// <summary>
/// A second cluster with the production rate limits (600 requests per principal, 10 sign-ins per client address, per
/// minute), started after the first one stopped (the suite runs one collection at a time).
/// </summary>
public sealed class DefaultLimitsClusterFixture() : ClusterFixture(1, "")
{
    public const int PermitsPerMinute = 600;
    public const int AuthPermitsPerMinute = 10;
}

/// <summary>The tests that need the production limits share this cluster.</summary>
[CollectionDefinition(Name)]
public sealed class DefaultLimitsCollection : ICollectionFixture<DefaultLimitsClusterFixture>
{
    public const string Name = "cluster with default limits";
}
