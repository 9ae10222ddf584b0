using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using NovaPulse.WebApi.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace NovaPulse.WebApi.IntegrationTests.Reliability;

/// <summary>
/// For every operation in the contract: A's resources answer 404 to company B (JWT and API key), 403 to A's Members
/// where the contract requires Admin, 401 to anonymous callers; B's lists never contain A's data.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class IsolationMatrixTests(NovaPulseFactory factory, ITestOutputHelper output)
{
    [Fact]
    public async Task No_company_reaches_another_companys_data()
    {
        var document = JsonNode.Parse(await factory.Anonymous().GetStringAsync("/openapi/v1.json"))!;
        var operations = ApiOperation.All(document);
        var a = await factory.RegisterAsync();
        var b = await factory.RegisterAsync();
        var (bKey, _, _) = await b.AddApiKeyAsync("owner");
        var (aMember, _) = await a.AddMemberAsync("member");
        var anonymous = factory.Anonymous();
        var violations = new List<string>();
        var checks = 0;

        foreach (var operation in operations.Where(o => !o.IsAnonymous))
        {
            var body = Schema.Sample(document, operation.BodySchema);
            if (operation.PathParameters.Any())
            {
                if (!ResourceSeeds.Has(operation.Path))
                {
                    violations.Add($"{operation}: no seed in ResourceSeeds; add one so this operation is checked");
                    continue;
                }

                var path = await ResourceSeeds.PathFor(operation, a);
                foreach (var (name, client) in new[] { ("B by JWT", b.Owner), ("B by API key", bKey) })
                {
                    checks++;
                    await Expect(violations, operation, name, await Send(client, operation, path, body), HttpStatusCode.NotFound);
                }

                checks++;
                await Expect(violations, operation, "anonymous", await Send(anonymous, operation, path, body), HttpStatusCode.Unauthorized);
                if (operation.RequiresAdmin)
                {
                    checks++;
                    await Expect(violations, operation, "A's Member", await Send(aMember, operation, path, body), HttpStatusCode.Forbidden);
                }
            }
            else
            {
                checks++;
                await Expect(violations, operation, "anonymous", await Send(anonymous, operation, operation.Path, body), HttpStatusCode.Unauthorized);
                if (operation.RequiresAdmin)
                {
                    checks++;
                    await Expect(violations, operation, "A's Member", await Send(aMember, operation, operation.Path, body), HttpStatusCode.Forbidden);
                }

                if (operation.Method == "GET")
                {
                    foreach (var (name, client) in new[] { ("B by JWT", b.Owner), ("B by API key", bKey) })
                    {
                        checks++;
                        var response = await Send(client, operation, operation.Path, null);
                        var text = await ResponseText.ReadAsync(response);
                        if (text.Contains(ResourceSeeds.Marker, StringComparison.Ordinal) || text.Contains(a.CompanyId.ToString(), StringComparison.Ordinal))
                        {
                            violations.Add($"{operation} as {name}: response contains company A's data");
                        }
                    }
                }
            }
        }

        output.WriteLine($"isolation: {checks} checks over {operations.Count} operations, {violations.Count} leaks");
        Assert.True(violations.Count == 0, string.Join('\n', violations));
    }

    private static async Task Expect(List<string> violations, ApiOperation operation, string principal, HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await ResponseText.ReadAsync(response);
        if (response.StatusCode != expected)
        {
            violations.Add($"{operation} as {principal}: expected {(int)expected}, got {(int)response.StatusCode} {text[..Math.Min(200, text.Length)]}");
        }
        else if (text.Contains(ResourceSeeds.Marker, StringComparison.Ordinal))
        {
            violations.Add($"{operation} as {principal}: the error body leaks company A's data");
        }
    }

    private static Task<HttpResponseMessage> Send(HttpClient client, ApiOperation operation, string path, JsonNode? body)
    {
        var request = new HttpRequestMessage(new HttpMethod(operation.Method), path);
        if (operation.BodyContentType == "application/json")
        {
            request.Content = new StringContent(body?.ToJsonString() ?? "{}", Encoding.UTF8, "application/json");
        }

        return ResponseText.SendAsync(client, request);
    }
}
