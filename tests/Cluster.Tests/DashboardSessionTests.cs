using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;

namespace NovaPulse.Cluster.Tests;

/// <summary>
/// The shared Data Protection key ring through the proxy: the sign-in form comes from one host and is posted to the next
/// (its antiforgery token checked there), and the session cookie then holds on every host in turn.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed partial class DashboardSessionTests(ClusterFixture cluster)
{
    private const string Password = "Correct-Horse-9";

    [Fact]
    public async Task A_dashboard_session_started_through_the_proxy_stays_signed_in_on_every_host()
    {
        await cluster.ProxyServesEveryHostAsync();
        var email = $"dash-{Guid.NewGuid():N}@cluster.test";
        using var handler = new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() };
        using var browser = new HttpClient(handler) { BaseAddress = cluster.Proxy };
        using (var registered = await browser.PostAsJsonAsync("/api/v1/auth/register", new { companyName = "Dashboard cluster", name = "Ada", email, password = Password }))
        {
            Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        }

        using var form = await browser.GetAsync("/account/login");
        var token = AntiforgeryField().Match(await form.Content.ReadAsStringAsync()).Groups[1].Value;
        using var signIn = await browser.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = token,
            ["Input.Email"] = email,
            ["Input.Password"] = Password,
        }));
        var pages = new List<HttpResponseMessage>();
        for (var i = 0; i < 6; i++)
        {
            pages.Add(await browser.GetAsync("/developer"));
        }

        Assert.NotEqual(cluster.ServedBy(form), cluster.ServedBy(signIn));
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.DoesNotContain("/account/login", signIn.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.All(pages, page => Assert.Equal(HttpStatusCode.OK, page.StatusCode));
        Assert.Equal([1, 2, 3], pages.Select(cluster.ServedBy).Distinct().Order());
        pages.ForEach(page => page.Dispose());
    }

    [GeneratedRegex("<input[^>]*name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
