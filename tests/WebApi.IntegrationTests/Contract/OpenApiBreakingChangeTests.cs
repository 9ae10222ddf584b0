using System.Diagnostics;
using System.Text.Json.Nodes;

using NovaPulse.WebApi.IntegrationTests.Infrastructure;

namespace NovaPulse.WebApi.IntegrationTests.Contract;

/// <summary>
/// The committed contract may grow, but removing or renaming an operation, parameter, schema, property or enum value
/// of its previous committed version needs an <c>info.version</c> bump. Unit tests on crafted documents, then the check
/// on the real history.
/// </summary>
public sealed class OpenApiBreakingChangeTests
{
    private const string Baseline = """
        {
          "openapi": "3.0.0",
          "info": { "title": "t", "version": "v1" },
          "paths": {
            "/api/v1/tasks": {
              "get": { "operationId": "Tasks_List", "parameters": [ { "name": "status", "in": "query" } ] },
              "post": { "operationId": "Tasks_Create" }
            }
          },
          "components": {
            "schemas": {
              "TaskDto": { "type": "object", "properties": { "id": { "type": "string" }, "title": { "type": "string" },
                "labels": { "type": "array", "items": { "type": "string", "enum": ["red", "blue"] } } } },
              "TaskItemStatus": { "type": "string", "enum": ["todo", "in_progress", "done"] }
            }
          }
        }
        """;

    [Fact]
    public void Additions_are_not_breaking()
    {
        var current = Document(d =>
        {
            d["paths"]!["/api/v1/events/stream"] = new JsonObject { ["get"] = new JsonObject { ["operationId"] = "Events_Stream" } };
            d["components"]!["schemas"]!["TaskDto"]!["properties"]!["tags"] = new JsonObject { ["type"] = "array" };
            d["components"]!["schemas"]!["TaskItemStatus"]!["enum"]!.AsArray().Add("archived");
        });

        Assert.Empty(OpenApiBreakingChanges.Unannounced(JsonNode.Parse(Baseline)!, current));
    }

    [Theory]
    [InlineData("operation", "operation POST /api/v1/tasks removed")]
    [InlineData("operationId", "operation GET /api/v1/tasks: operationId Tasks_List renamed to Tasks_Search")]
    [InlineData("parameter", "operation GET /api/v1/tasks: parameter query:status removed")]
    [InlineData("schema", "schema TaskItemStatus removed")]
    [InlineData("property", "schema TaskDto: property title removed")]
    [InlineData("enum", "schema TaskItemStatus: enum value \"in_progress\" removed")]
    [InlineData("item enum", "schema TaskDto.labels: enum value \"blue\" removed")]
    public void Removals_and_renames_without_a_version_bump_are_breaking(string change, string expected)
    {
        var current = Document(d =>
        {
            var schemas = d["components"]!["schemas"]!;
            switch (change)
            {
                case "operation": d["paths"]!["/api/v1/tasks"]!.AsObject().Remove("post"); break;
                case "operationId": d["paths"]!["/api/v1/tasks"]!["get"]!["operationId"] = "Tasks_Search"; break;
                case "parameter": d["paths"]!["/api/v1/tasks"]!["get"]!["parameters"] = new JsonArray(); break;
                case "schema": schemas.AsObject().Remove("TaskItemStatus"); break;
                case "property": schemas["TaskDto"]!["properties"]!.AsObject().Remove("title"); break;
                case "enum": schemas["TaskItemStatus"]!["enum"] = new JsonArray("todo", "done"); break;
                case "item enum": schemas["TaskDto"]!["properties"]!["labels"]!["items"]!["enum"] = new JsonArray("red"); break;
                default: throw new ArgumentOutOfRangeException(nameof(change));
            }
        });

        var changes = OpenApiBreakingChanges.Unannounced(JsonNode.Parse(Baseline)!, current);

        Assert.Equal([expected], changes);
    }

    [Fact]
    public void A_version_bump_announces_the_breaking_changes()
    {
        var current = Document(d =>
        {
            d["info"]!["version"] = "v2";
            d["paths"]!["/api/v1/tasks"]!.AsObject().Remove("post");
        });

        Assert.NotEmpty(OpenApiBreakingChanges.Find(JsonNode.Parse(Baseline)!, current));
        Assert.Empty(OpenApiBreakingChanges.Unannounced(JsonNode.Parse(Baseline)!, current));
    }

    /// <summary>
    /// openapi/v1.json against its previous committed version: HEAD's when the working copy changed it, else the one
    /// before the last commit that changed it.
    /// </summary>
    [Fact]
    public void The_committed_contract_breaks_nothing_of_its_previous_version()
    {
        const string file = "openapi/v1.json";
        var root = RepositoryRoot.Path;
        var current = JsonNode.Parse(File.ReadAllText(Path.Combine(root, file)))!;
        var (dirty, _) = Git(root, "diff", "--quiet", "HEAD", "--", file);
        string revision;
        if (dirty != 0)
        {
            revision = "HEAD";
        }
        else
        {
            var (_, last) = Git(root, "log", "-1", "--format=%H", "--", file);
            Assert.False(string.IsNullOrWhiteSpace(last), $"git has no history of {file} (a shallow clone? run git fetch --unshallow)");
            revision = last.Trim() + "~1";
        }

        var (code, previousText) = Git(root, "show", $"{revision}:{file}");
        Assert.True(code == 0, $"cannot read {file} at {revision} (a shallow clone? run git fetch --unshallow)");

        var changes = OpenApiBreakingChanges.Unannounced(JsonNode.Parse(previousText)!, current);

        Assert.True(changes.Count == 0, $"{file} breaks clients of its previous version ({revision}) without an info.version bump:\n" + string.Join('\n', changes));
    }

    private static JsonNode Document(Action<JsonNode> change)
    {
        var document = JsonNode.Parse(Baseline)!;
        change(document);
        return document;
    }

    private static (int Code, string Output) Git(string root, params string[] args)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = root, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output);
    }
}
