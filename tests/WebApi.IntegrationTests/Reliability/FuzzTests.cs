using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using NovaPulse.WebApi.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace NovaPulse.WebApi.IntegrationTests.Reliability;

/// <summary>
/// Hostile inputs against every operation of the contract: never a 5xx, every rejection a ProblemDetails, and a
/// rejected request changes nothing. <c>NOVAPULSE_FUZZ_CASES</c> and <c>NOVAPULSE_FUZZ_SEED</c> widen the search locally.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class FuzzTests(NovaPulseFactory factory, ITestOutputHelper output)
{
    private static int CasesPerOperation => int.TryParse(Environment.GetEnvironmentVariable("NOVAPULSE_FUZZ_CASES"), CultureInfo.InvariantCulture, out var n) ? n : 24;

    private static int Seed => int.TryParse(Environment.GetEnvironmentVariable("NOVAPULSE_FUZZ_SEED"), CultureInfo.InvariantCulture, out var n) ? n : 20261124;

    [Fact]
    public async Task No_input_causes_a_server_error_or_a_partial_write()
    {
        var document = JsonNode.Parse(await factory.Anonymous().GetStringAsync("/openapi/v1.json"))!;
        var generator = new FuzzCaseGenerator(document, Seed);
        var tenant = await factory.RegisterAsync();
        var violations = new List<string>();
        var total = 0;

        foreach (var operation in ApiOperation.All(document))
        {
            var validPath = operation.PathParameters.Any() && ResourceSeeds.Has(operation.Path)
                ? await ResourceSeeds.PathFor(operation, tenant)
                : operation.Path;
            foreach (var fuzz in generator.Generate(operation, validPath, CasesPerOperation))
            {
                total++;
                var before = await SnapshotAsync(tenant.CompanyId);
                HttpResponseMessage response;
                try
                {
                    response = await ResponseText.SendAsync(tenant.Owner, fuzz.ToRequest(operation.Method));
                }
                catch (Exception e) when (e is InvalidOperationException or FormatException)
                {
                    // The client library itself refused to send it: no request reached the server.
                    continue;
                }

                var status = (int)response.StatusCode;
                var text = await ResponseText.ReadAsync(response);
                if (status >= 500)
                {
                    violations.Add($"{operation} [{fuzz.Name}]: {status} {text[..Math.Min(300, text.Length)]}");
                }
                else if (status >= 400)
                {
                    if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
                    {
                        violations.Add($"{operation} [{fuzz.Name}]: {status} without ProblemDetails");
                    }

                    if (await SnapshotAsync(tenant.CompanyId) != before)
                    {
                        violations.Add($"{operation} [{fuzz.Name}]: rejected with {status} but the database changed");
                    }
                }
            }
        }

        output.WriteLine($"fuzz: {total} cases (seed {Seed}, {CasesPerOperation} per operation), {violations.Count} violations");
        Assert.True(violations.Count == 0, string.Join('\n', violations));
    }

    /// <summary>What a rejected request must not touch: the company's rows, their versions, its audit trail and outbox.</summary>
    private Task<string> SnapshotAsync(Guid companyId) => factory.WithDbAsync(async db =>
    {
        var tasks = await db.Tasks.IgnoreTenant().Where(t => t.CompanyId == companyId).Select(t => t.Version).ToListAsync();
        return string.Join(
            ',',
            tasks.Count,
            tasks.Sum(),
            await db.Users.IgnoreTenant().CountAsync(u => u.CompanyId == companyId),
            await db.ApiKeys.IgnoreTenant().CountAsync(k => k.CompanyId == companyId && k.RevokedAt == null),
            await db.Invitations.IgnoreTenant().CountAsync(i => i.CompanyId == companyId),
            await db.AuditEntries.IgnoreTenant().CountAsync(e => e.CompanyId == companyId),
            await db.OutboxMessages.IgnoreTenant().CountAsync(m => m.CompanyId == companyId));
    });
}
