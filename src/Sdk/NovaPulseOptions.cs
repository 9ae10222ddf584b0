namespace NovaPulse.Sdk;

/// <summary>How a <see cref="NovaPulseClient"/> reaches the API and authenticates.</summary>
public sealed class NovaPulseOptions
{
    /// <summary>The API root, e.g. <c>https://api.novapulse.example</c> (without <c>/api/v1</c>).</summary>
    public Uri? BaseUrl { get; set; }

    /// <summary>An API key (<c>np_...</c>). Use this or <see cref="AccessToken"/>.</summary>
    public string? ApiKey { get; set; }

    /// <summary>A JWT access token from <c>/auth/login</c>. Use this or <see cref="ApiKey"/>.</summary>
    public string? AccessToken { get; set; }

    /// <summary>
    /// With <see cref="AccessToken"/>: the refresh token from <c>/auth/login</c>. An expired access token is then renewed
    /// automatically (one refresh for any number of concurrent calls) and the request repeated.
    /// </summary>
    public string? RefreshToken { get; set; }

    /// <summary>Called with the new access and refresh tokens after an automatic refresh, e.g. to store them.</summary>
    public Action<string, string>? TokensRefreshed { get; set; }

    /// <summary>Overall time a call may take, retries included. Default 100 seconds.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(100);

    /// <summary>Retries after a 429, a 5xx or a transport error (0 turns retries off). Default 3.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>First backoff delay; doubled per attempt, with jitter. Default 500 ms.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Upper bound of one wait, also for a server's <c>Retry-After</c>. Default 30 seconds.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The innermost handler that sends requests (default: a new <see cref="SocketsHttpHandler"/>). Lets tests and
    /// hosts plug in their own transport; the SDK's retry, idempotency and error handlers wrap it.
    /// </summary>
    public HttpMessageHandler? PrimaryHandler { get; set; }
}
