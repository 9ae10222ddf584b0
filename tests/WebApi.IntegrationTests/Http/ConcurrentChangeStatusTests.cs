using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NovaPulse.WebApi.Infrastructure.Errors;
using NovaPulse.WebApi.IntegrationTests.Infrastructure;

namespace NovaPulse.WebApi.IntegrationTests;

/// <summary>
/// A save that lost a race to a concurrent request (EF Core's concurrency exception) is a 412 only for a request that sent
/// a precondition; without one, 409 <c>concurrent_change</c>: a client that sent no If-Match has no precondition to fail.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class ConcurrentChangeStatusTests(NovaPulseFactory factory)
{
    [Fact]
    public async Task A_lost_race_without_If_Match_is_409_concurrent_change()
    {
        var (status, body) = await HandleAsync(ifMatch: null);

        Assert.Equal(StatusCodes.Status409Conflict, status);
        Assert.Equal("concurrent_change", body["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_lost_race_with_If_Match_is_412_precondition_failed()
    {
        var (status, body) = await HandleAsync(ifMatch: "\"3\"");

        Assert.Equal(StatusCodes.Status412PreconditionFailed, status);
        Assert.Equal("precondition_failed", body["code"]!.GetValue<string>());
    }

    /// <summary>Runs the host's exception handler on a PUT that failed with the concurrency exception.</summary>
    private async Task<(int Status, JsonNode Body)> HandleAsync(string? ifMatch)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        context.Request.Method = HttpMethods.Put;
        context.Request.Path = "/api/v1/integrations/email";
        if (ifMatch is not null)
        {
            context.Request.Headers.IfMatch = ifMatch;
        }

        using var body = new MemoryStream();
        context.Response.Body = body;
        var handler = ActivatorUtilities.CreateInstance<ProblemDetailsExceptionHandler>(scope.ServiceProvider);

        Assert.True(await handler.TryHandleAsync(context, new DbUpdateConcurrencyException("lost the race"), CancellationToken.None));
        return (context.Response.StatusCode, JsonNode.Parse(body.ToArray())!);
    }
}
