using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NovaPulse.WebApi.Infrastructure.Errors;
using NovaPulse.WebApi.IntegrationTests.Infrastructure;

namespace NovaPulse.WebApi.IntegrationTests;

/// <summary>
/// Use cases turn a lost race into an application error (ConcurrencyBehaviour, unit-tested in Application.UnitTests); a
/// concurrency exception from a save outside one still answers 409 <c>concurrent_change</c>, never a 500 or a bare 412.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class ConcurrentChangeStatusTests(NovaPulseFactory factory)
{
    [Fact]
    public async Task A_lost_race_outside_a_use_case_is_409_concurrent_change()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        context.Request.Method = HttpMethods.Put;
        context.Request.Path = "/api/v1/integrations/email";
        using var body = new MemoryStream();
        context.Response.Body = body;
        var handler = ActivatorUtilities.CreateInstance<ProblemDetailsExceptionHandler>(scope.ServiceProvider);

        Assert.True(await handler.TryHandleAsync(context, new DbUpdateConcurrencyException("lost the race"), CancellationToken.None));

        Assert.Equal(StatusCodes.Status409Conflict, context.Response.StatusCode);
        Assert.Equal("concurrent_change", JsonNode.Parse(body.ToArray())!["code"]!.GetValue<string>());
    }
}
