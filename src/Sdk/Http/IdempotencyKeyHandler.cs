namespace NovaPulse.Sdk.Http;

/// <summary>
/// Gives every POST without one an <c>Idempotency-Key</c> (a new GUID), before the retry handler, so all attempts of
/// one call share the key and the API executes it once.
/// </summary>
public sealed class IdempotencyKeyHandler : DelegatingHandler
{
    /// <summary>The header the API reads.</summary>
    public const string HeaderName = "Idempotency-Key";

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Method == HttpMethod.Post && !request.Headers.Contains(HeaderName))
        {
            request.Headers.TryAddWithoutValidation(HeaderName, Guid.NewGuid().ToString());
        }

        return base.SendAsync(request, cancellationToken);
    }
}
