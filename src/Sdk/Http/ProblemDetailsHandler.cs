namespace NovaPulse.Sdk.Http;

/// <summary>Turns every unsuccessful response into a <see cref="NovaPulseApiException"/>, for all operations alike.</summary>
public sealed class ProblemDetailsHandler : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.IsSuccessStatusCode || (int)response.StatusCode == 304)
        {
            return response;
        }

        using (response)
        {
            throw await NovaPulseApiException.FromResponseAsync(response, cancellationToken).ConfigureAwait(false);
        }
    }
}
