using System.Text;
using System.Text.Json.Nodes;

namespace NovaPulse.WebApi.IntegrationTests.Reliability;

/// <summary>One hostile request: a mutated body, path, query or header for an operation.</summary>
public sealed record FuzzCase(string Name, string PathAndQuery, HttpContent? Content, IReadOnlyDictionary<string, string> Headers)
{
    public HttpRequestMessage ToRequest(string method)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), PathAndQuery) { Content = Content };
        foreach (var (name, value) in Headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return request;
    }

    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    public static StringContent Json(JsonNode node) => Json(node.ToJsonString());
}
