using System.Text.Json;
using System.Text.Json.Nodes;
using NovaPulse.WebApi.IntegrationTests.Infrastructure;

namespace NovaPulse.WebApi.IntegrationTests;

/// <summary>The public contract is committed as openapi/v1.json; the served document must not drift from it.</summary>
[Collection(ApiCollection.Name)]
public sealed class OpenApiContractTests(NovaPulseFactory factory)
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    [Fact]
    public async Task The_served_openapi_document_matches_the_committed_one()
    {
        var served = Normalize(await factory.Anonymous().GetStringAsync("/openapi/v1.json"));
        var path = Path.Combine(RepositoryRoot.Path, "openapi", "v1.json");

        if (Environment.GetEnvironmentVariable("UPDATE_OPENAPI") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllTextAsync(path, served + "\n");
        }

        Assert.True(File.Exists(path), $"{path} is missing. Regenerate it: UPDATE_OPENAPI=1 dotnet test tests/WebApi.IntegrationTests --filter OpenApi");
        var committed = Normalize(await File.ReadAllTextAsync(path));
        Assert.True(
            committed == served,
            "The API no longer matches openapi/v1.json. If the change is intended, regenerate the contract with: " +
            "UPDATE_OPENAPI=1 dotnet test tests/WebApi.IntegrationTests --filter OpenApi");
    }

    [Fact]
    public async Task Every_operation_has_an_id_a_summary_and_documented_errors()
    {
        var document = JsonNode.Parse(await factory.Anonymous().GetStringAsync("/openapi/v1.json"))!;

        var operations = document["paths"]!.AsObject()
            .SelectMany(path => path.Value!.AsObject().Select(op => (Name: $"{op.Key.ToUpperInvariant()} {path.Key}", Op: op.Value!)))
            .ToList();

        Assert.NotEmpty(operations);
        Assert.All(operations, o =>
        {
            Assert.False(string.IsNullOrEmpty(o.Op["operationId"]?.GetValue<string>()), $"{o.Name} has no operationId");
            Assert.False(string.IsNullOrEmpty(o.Op["summary"]?.GetValue<string>()), $"{o.Name} has no summary");
            Assert.NotNull(o.Op["responses"]!["500"]);
        });
        var ids = operations.Select(o => o.Op["operationId"]!.GetValue<string>()).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    private static string Normalize(string json) => JsonNode.Parse(json)!.ToJsonString(Indented).ReplaceLineEndings("\n");
}
