using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Types;
using WireMock.Util;

namespace NovaPulse.WebApi.IntegrationTests.Infrastructure;

/// <summary>
/// Google's OAuth 2.0 server as WireMock.Net, speaking its wire format: form-encoded token requests (authorization_code with
/// PKCE S256 verified against the challenge of the authorization request, refresh_token), JSON answers and errors
/// (<c>invalid_grant</c>), the OpenID userinfo endpoint and token revocation. Written from Google's documentation,
/// independently of the production client.
/// </summary>
public sealed class FakeGoogle : IDisposable
{
    public const string ClientId = "novapulse-test.apps.googleusercontent.com";
    public const string ClientSecret = "GOCSPX-fake-client-secret";
    public const string RedirectUri = "http://localhost/api/v1/integrations/oauth/google/callback";

    private readonly ConcurrentDictionary<string, (string Challenge, string RedirectUri, string Email)> _codes = new();
    private readonly ConcurrentDictionary<string, string> _refreshTokens = new(); // refresh token -> email
    private readonly ConcurrentDictionary<string, string> _accessTokens = new(); // access token -> refresh token

    public FakeGoogle()
    {
        Server.Given(Request.Create().WithPath("/token").UsingPost()).RespondWith(Response.Create().WithCallback(Token));
        Server.Given(Request.Create().WithPath("/userinfo").UsingGet()).RespondWith(Response.Create().WithCallback(UserInfo));
        Server.Given(Request.Create().WithPath("/revoke").UsingPost()).RespondWith(Response.Create().WithCallback(Revoke));
    }

    public WireMockServer Server { get; } = WireMockServer.Start();

    public ConcurrentQueue<string> RevokedTokens { get; } = new();

    public int PkceFailures => _pkceFailures;

    public int Refreshes => _refreshes;

    private int _pkceFailures;
    private int _refreshes;

    public Dictionary<string, string?> Settings => new()
    {
        ["Google:ClientId"] = ClientId,
        ["Google:ClientSecret"] = ClientSecret,
        ["Google:RedirectUri"] = RedirectUri,
        ["Google:AuthorizationEndpoint"] = Server.Url + "/o/oauth2/v2/auth",
        ["Google:TokenEndpoint"] = Server.Url + "/token",
        ["Google:UserInfoEndpoint"] = Server.Url + "/userinfo",
        ["Google:RevocationEndpoint"] = Server.Url + "/revoke",
    };

    /// <summary>What Google's consent screen does when <paramref name="email"/> accepts: a one-time code for that request.</summary>
    public string Consent(Uri authorizationUrl, string email)
    {
        var query = QueryHelpers.ParseQuery(authorizationUrl.Query);
        var code = "4/0A" + Guid.NewGuid().ToString("N");
        _codes[code] = (query["code_challenge"].ToString(), query["redirect_uri"].ToString(), email);
        return code;
    }

    /// <summary>The person removes the app's access in their Google account.</summary>
    public void RevokeAll()
    {
        foreach (var token in _refreshTokens.Keys)
        {
            _refreshTokens.TryRemove(token, out _);
        }
    }

    public string? EmailOf(string refreshToken) => _refreshTokens.TryGetValue(refreshToken, out var email) ? email : null;

    /// <summary>Refresh tokens issued and not revoked.</summary>
    public IReadOnlyCollection<string> LiveRefreshTokens => [.. _refreshTokens.Keys];

    public void Dispose() => Server.Stop();

    private ResponseMessage Token(IRequestMessage request)
    {
        var form = QueryHelpers.ParseQuery(request.Body ?? "");
        if (form["client_id"] != ClientId || form["client_secret"] != ClientSecret)
        {
            return Json(401, new { error = "invalid_client", error_description = "The OAuth client was not found." });
        }

        switch (form["grant_type"].ToString())
        {
            case "authorization_code":
                if (!_codes.TryRemove(form["code"].ToString(), out var grant) || grant.RedirectUri != form["redirect_uri"])
                {
                    return Json(400, new { error = "invalid_grant", error_description = "Malformed auth code." });
                }

                var challenge = Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(form["code_verifier"].ToString())));
                if (challenge != grant.Challenge)
                {
                    Interlocked.Increment(ref _pkceFailures);
                    return Json(400, new { error = "invalid_grant", error_description = "Invalid code verifier." });
                }

                var refresh = "1//0g" + Guid.NewGuid().ToString("N");
                _refreshTokens[refresh] = grant.Email;
                return Json(200, Tokens(refresh, includeRefresh: true));
            case "refresh_token":
                Interlocked.Increment(ref _refreshes);
                return _refreshTokens.ContainsKey(form["refresh_token"].ToString())
                    ? Json(200, Tokens(form["refresh_token"].ToString(), includeRefresh: false))
                    : Json(400, new { error = "invalid_grant", error_description = "Token has been expired or revoked." });
            default:
                return Json(400, new { error = "unsupported_grant_type" });
        }
    }

    private Dictionary<string, object> Tokens(string refresh, bool includeRefresh)
    {
        var access = "ya29.a0" + Guid.NewGuid().ToString("N");
        _accessTokens[access] = refresh;
        var body = new Dictionary<string, object>
        {
            ["access_token"] = access,
            ["expires_in"] = 3599,
            ["scope"] = "openid https://www.googleapis.com/auth/userinfo.email",
            ["token_type"] = "Bearer",
        };
        if (includeRefresh)
        {
            body["refresh_token"] = refresh;
        }

        return body;
    }

    private ResponseMessage UserInfo(IRequestMessage request)
    {
        var authorization = request.Headers!.TryGetValue("Authorization", out var values) ? values.ToString() : "";
        return authorization.StartsWith("Bearer ", StringComparison.Ordinal)
               && _accessTokens.TryGetValue(authorization["Bearer ".Length..], out var refresh)
               && _refreshTokens.TryGetValue(refresh, out var email)
            ? Json(200, new { sub = "1093" + Math.Abs(email.GetHashCode()), email, email_verified = true })
            : Json(401, new { error = "invalid_token" });
    }

    private ResponseMessage Revoke(IRequestMessage request)
    {
        var token = QueryHelpers.ParseQuery(request.Body ?? "")["token"].ToString();
        var refresh = _accessTokens.TryGetValue(token, out var owner) ? owner : token;
        if (!_refreshTokens.TryRemove(refresh, out _))
        {
            return Json(400, new { error = "invalid_token", error_description = "Token expired or revoked" });
        }

        RevokedTokens.Enqueue(refresh);
        return Json(200, new { });
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static ResponseMessage Json(int status, object body)
    {
        var message = new ResponseMessage
        {
            StatusCode = status,
            BodyData = new BodyData { BodyAsString = JsonSerializer.Serialize(body), DetectedBodyType = BodyType.String, Encoding = Encoding.UTF8 },
        };
        message.AddHeader("Content-Type", "application/json; charset=utf-8");
        return message;
    }
}
