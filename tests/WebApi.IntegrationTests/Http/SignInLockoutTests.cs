using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using NovaPulse.WebApi.IntegrationTests.Infrastructure;

namespace NovaPulse.WebApi.IntegrationTests.Http;

/// <summary>
/// Sign-in lockout is counted per (email, client address), atomically, and looks the same for unknown emails. A real
/// Kestrel host trusts the test's loopback connection as its proxy, so X-Forwarded-For chooses the client address.
/// </summary>
public sealed class SignInLockoutTests(SignInLockoutTests.Host host) : IClassFixture<SignInLockoutTests.Host>
{
    private const int MaxFailedLogins = 12;
    private const string Stranger = "198.51.100.23";
    private const string OwnersAddress = "203.0.113.80";
    private const string WrongPassword = "wrong-horse-1";

    [Fact]
    public async Task A_stranger_failing_from_another_address_cannot_lock_the_owner_out()
    {
        var email = await host.RegisterAsync();

        for (var i = 0; i < MaxFailedLogins; i++)
        {
            // Case and surrounding spaces do not make a fresh counter.
            var typed = i % 2 == 0 ? email.ToUpperInvariant() : $"  {email} ";
            Assert.Equal(HttpStatusCode.Unauthorized, (await host.SignInAsync(Stranger, typed, WrongPassword)).StatusCode);
        }

        var strangerWithTheRightPassword = await host.SignInAsync(Stranger, email, Tenant.Password);
        await strangerWithTheRightPassword.AssertProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.True(strangerWithTheRightPassword.Headers.RetryAfter?.Delta > TimeSpan.Zero);

        var owner = await host.SignInAsync(OwnersAddress, email, Tenant.Password);
        Assert.Equal(HttpStatusCode.OK, owner.StatusCode);
    }

    [Fact]
    public async Task Concurrent_wrong_passwords_are_each_counted()
    {
        var email = await host.RegisterAsync();

        var failures = await Task.WhenAll(Enumerable.Range(0, MaxFailedLogins)
            .Select(_ => host.SignInAsync(Stranger, email, WrongPassword)));

        Assert.All(failures, f => Assert.Equal(HttpStatusCode.Unauthorized, f.StatusCode));
        // Exactly MaxFailedLogins failures were counted: a lost update would leave the pair unlocked.
        await (await host.SignInAsync(Stranger, email, Tenant.Password)).AssertProblemAsync(HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task One_failure_fewer_than_the_limit_does_not_lock()
    {
        var email = await host.RegisterAsync();

        await Task.WhenAll(Enumerable.Range(0, MaxFailedLogins - 1).Select(_ => host.SignInAsync(Stranger, email, WrongPassword)));

        Assert.Equal(HttpStatusCode.OK, (await host.SignInAsync(Stranger, email, Tenant.Password)).StatusCode);
    }

    [Fact]
    public async Task Unknown_and_known_emails_answer_alike_when_failing_and_when_locked()
    {
        var known = await host.RegisterAsync();
        var unknown = $"nobody-{Guid.NewGuid():N}@example.test";

        for (var i = 0; i < MaxFailedLogins; i++)
        {
            var a = await host.SignInAsync(Stranger, known, WrongPassword);
            var b = await host.SignInAsync(Stranger, unknown, WrongPassword);
            Assert.Equal(await ProblemWithoutTraceAsync(a, HttpStatusCode.Unauthorized), await ProblemWithoutTraceAsync(b, HttpStatusCode.Unauthorized));
        }

        var lockedKnown = await host.SignInAsync(Stranger, known, WrongPassword);
        var lockedUnknown = await host.SignInAsync(Stranger, unknown, WrongPassword);
        Assert.Equal(
            await ProblemWithoutTraceAsync(lockedKnown, HttpStatusCode.TooManyRequests),
            await ProblemWithoutTraceAsync(lockedUnknown, HttpStatusCode.TooManyRequests));
        Assert.Equal(lockedKnown.Headers.RetryAfter, lockedUnknown.Headers.RetryAfter);
    }

    [Fact]
    public async Task The_lock_passes_after_the_lockout_and_the_count_starts_again()
    {
        var email = await host.RegisterAsync();
        for (var i = 0; i < MaxFailedLogins; i++)
        {
            await host.SignInAsync(Stranger, email, WrongPassword);
        }

        await (await host.SignInAsync(Stranger, email, Tenant.Password)).AssertProblemAsync(HttpStatusCode.TooManyRequests);
        host.Clock.Advance(Host.LockoutDuration);

        // One failure after the lock does not lock again at once; the right password then signs in.
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.SignInAsync(Stranger, email, WrongPassword)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await host.SignInAsync(Stranger, email, Tenant.Password)).StatusCode);
    }

    /// <summary>The problem body without its per-request ids.</summary>
    private static async Task<string> ProblemWithoutTraceAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var problem = (JsonObject)await response.AssertProblemAsync(status);
        problem.Remove("traceId");
        problem.Remove("requestId");
        return problem.ToJsonString();
    }

    public sealed class Host : NovaPulseFactory
    {
        public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);

        private HttpClient? _http;

        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["ForwardedHeaders:KnownProxies:0"] = "127.0.0.1",
            ["Auth:MaxFailedLogins"] = MaxFailedLogins.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Auth:LockoutDuration"] = LockoutDuration.ToString(),
            // The per-address ceiling across accounts is the rate limiter's, tested in RateLimitTests.
            ["RateLimiting:AuthPermitsPerMinute"] = "100000",
        };

        private HttpClient Http
        {
            get
            {
                if (_http is null)
                {
                    UseKestrel(0);
                    StartServer();
                    var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
                    _http = new HttpClient { BaseAddress = new Uri(address.Replace("localhost", "127.0.0.1", StringComparison.Ordinal)) };
                }

                return _http;
            }
        }

        public async Task<string> RegisterAsync()
        {
            var email = $"owner-{Guid.NewGuid():N}@example.test";
            using var response = await Http.PostAsJsonAsync("/api/v1/auth/register", new { companyName = "Lockout", name = "Owner", email, password = Tenant.Password });
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            return email;
        }

        public async Task<HttpResponseMessage> SignInAsync(string clientAddress, string email, string password)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/login") { Content = JsonContent.Create(new { email, password }) };
            request.Headers.Add("X-Forwarded-For", clientAddress);
            var response = await Http.SendAsync(request);
            await response.Content.LoadIntoBufferAsync();
            return response;
        }
    }
}
