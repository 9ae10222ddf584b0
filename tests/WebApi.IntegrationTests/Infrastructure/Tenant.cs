using System.Net;
using System.Net.Http.Json;

namespace NovaPulse.WebApi.IntegrationTests.Infrastructure;

/// <summary>A registered company as seen by its Owner: an authenticated client and the ids the API returned.</summary>
public sealed record Tenant(NovaPulseFactory Factory, HttpClient Owner, Guid CompanyId, Guid OwnerId, string OwnerEmail, string RefreshToken)
{
    public const string Password = "correct-horse-9";

    /// <summary>Invites a person with <paramref name="role"/> and signs them in; returns their client and id.</summary>
    public async Task<(HttpClient Client, Guid Id)> AddMemberAsync(string role)
    {
        var email = $"{role}-{Guid.NewGuid():N}@example.test";
        var invite = await Owner.PostAsJsonAsync("/api/v1/members/invitations", new { email, role });
        Assert.Equal(HttpStatusCode.Created, invite.StatusCode);
        var token = (await invite.ReadJsonAsync())["token"]!.GetValue<string>();
        var accept = await Factory.CreateClient().PostAsJsonAsync($"/api/v1/invitations/{token}/accept", new { name = role, password = Password });
        Assert.Equal(HttpStatusCode.Created, accept.StatusCode);
        var body = await accept.ReadJsonAsync();
        return (Factory.WithBearer(body["accessToken"]!.GetValue<string>()), Guid.Parse(body["user"]!["id"]!.GetValue<string>()));
    }

    /// <summary>Creates an API key with <paramref name="role"/> and returns a client that authenticates with it.</summary>
    public async Task<(HttpClient Client, string Key, Guid Id)> AddApiKeyAsync(string role = "member")
    {
        var response = await Owner.PostAsJsonAsync("/api/v1/api-keys", new { name = "ci", role });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.ReadJsonAsync();
        var key = body["key"]!.GetValue<string>();
        return (Factory.WithBearer(key), key, Guid.Parse(body["apiKey"]!["id"]!.GetValue<string>()));
    }
}
