namespace NovaPulse.WebApi.IntegrationTests.Infrastructure;

/// <summary>Test classes in this collection share one host; each test isolates itself by registering its own companies.</summary>
[CollectionDefinition(Name)]
public sealed class ApiCollection : ICollectionFixture<NovaPulseFactory>
{
    public const string Name = "api";
}
