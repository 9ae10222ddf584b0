using System.Net;
using NovaPulse.WebApi.IntegrationTests.Infrastructure;

namespace NovaPulse.WebApi.IntegrationTests.Events;

/// <summary>An open event stream ends when its credential stops being valid (checked every <c>EventStream:RevalidateInterval</c>).</summary>
/// <remarks>Own host: the expiry test moves its clock.</remarks>
public sealed class EventStreamAccessTests(EventStreamAccessTests.Host factory) : IClassFixture<EventStreamAccessTests.Host>
{
    [Fact]
    public async Task Revoking_the_streams_api_key_ends_the_stream()
    {
        var tenant = await factory.RegisterAsync();
        var (client, _, id) = await tenant.AddApiKeyAsync();
        await using var stream = await SseReader.OpenAsync(client, "?events=task.created");
        await tenant.Owner.CreateTaskAsync(new { title = "seen while the key is valid" });
        Assert.Equal("task.created", (await stream.NextEventAsync()).Event);

        Assert.Equal(HttpStatusCode.NoContent, (await tenant.Owner.DeleteAsync($"/api/v1/api-keys/{id}")).StatusCode);

        await AssertEndsAsync(stream);
    }

    [Fact]
    public async Task The_stream_of_an_expired_access_token_ends()
    {
        var tenant = await factory.RegisterAsync();
        await using var stream = await SseReader.OpenAsync(tenant.Owner, "?events=task.created");
        Assert.Equal("connected", (await stream.NextAsync()).Comment);

        factory.Clock.Advance(TimeSpan.FromMinutes(16));

        await AssertEndsAsync(stream);
    }

    /// <summary>Only heartbeats (no event) may arrive before the server closes the stream.</summary>
    private static async Task AssertEndsAsync(SseReader stream)
    {
        var ended = await Assert.ThrowsAsync<InvalidOperationException>(async () =>
        {
            while (true)
            {
                Assert.Null((await stream.NextAsync()).Event);
            }
        });
        Assert.Equal("The stream ended.", ended.Message);
    }

    public sealed class Host : NovaPulseFactory;
}
