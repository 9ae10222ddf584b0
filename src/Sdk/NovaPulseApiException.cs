using System.Net;
using System.Text.Json;

namespace NovaPulse.Sdk;

/// <summary>
/// The API answered with an error. Carries the RFC 9457 ProblemDetails the API sends: <see cref="Status"/>,
/// <see cref="Type"/>, <see cref="Title"/>, <see cref="Detail"/>, field <see cref="Errors"/> and <see cref="TraceId"/>.
/// </summary>
public class NovaPulseApiException : Exception
{
    private static readonly IReadOnlyDictionary<string, string[]> NoErrors = new Dictionary<string, string[]>();

    public NovaPulseApiException()
        : this("The NovaPulse API returned an error.")
    {
    }

    public NovaPulseApiException(string message)
        : base(message)
    {
    }

    public NovaPulseApiException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>HTTP status code, e.g. 400.</summary>
    public int Status { get; init; }

    /// <summary>ProblemDetails <c>type</c>: a URI reference naming the kind of problem.</summary>
    public string? Type { get; init; }

    /// <summary>ProblemDetails <c>title</c>: a short summary of the kind of problem.</summary>
    public string? Title { get; init; }

    /// <summary>ProblemDetails <c>detail</c>: what went wrong with this request.</summary>
    public string? Detail { get; init; }

    /// <summary>
    /// ProblemDetails <c>code</c>: the machine-readable reason (every API error has one), e.g. <c>task_limit_reached</c> or
    /// <c>billing_not_configured</c> (a 409 that retrying cannot fix).
    /// </summary>
    public string? Code { get; init; }

    /// <summary>Validation errors by JSON field name (empty when the problem is not about fields).</summary>
    public IReadOnlyDictionary<string, string[]> Errors { get; init; } = NoErrors;

    /// <summary>The server's trace id, to quote when asking for support.</summary>
    public string? TraceId { get; init; }

    /// <summary>The request id (<c>X-Request-Id</c>) of the failed call.</summary>
    public string? RequestId { get; init; }

    /// <summary>The raw response body.</summary>
    public string? ResponseBody { get; init; }

    /// <summary>Reads an error response into an exception; bodies that are not ProblemDetails keep the status only.</summary>
    public static async Task<NovaPulseApiException> FromResponseAsync(HttpResponseMessage response, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(response);
        var body = response.Content is null ? "" : await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        string? type = null, title = null, detail = null, code = null, traceId = null, requestId = null;
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object)
            {
                type = StringOf(root, "type");
                title = StringOf(root, "title");
                detail = StringOf(root, "detail");
                code = StringOf(root, "code");
                traceId = StringOf(root, "traceId");
                requestId = StringOf(root, "requestId");
                if (root.TryGetProperty("errors", out var errorsElement) && errorsElement.ValueKind == JsonValueKind.Object)
                {
                    foreach (var field in errorsElement.EnumerateObject())
                    {
                        errors[field.Name] = field.Value.ValueKind == JsonValueKind.Array
                            ? [.. field.Value.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.String ? e.GetString() ?? "" : e.ToString())]
                            : [field.Value.ToString()];
                    }
                }
            }
        }
        catch (JsonException)
        {
            // Not JSON (a proxy's HTML page, an empty body): the status says enough.
        }

        requestId ??= response.Headers.TryGetValues("X-Request-Id", out var ids) ? ids.FirstOrDefault() : null;
        var status = (int)response.StatusCode;
        var summary = title ?? response.ReasonPhrase ?? ((HttpStatusCode)status).ToString();
        var message = detail is { Length: > 0 } ? $"{status} {summary}: {detail}" : $"{status} {summary}";
        if (errors.Count > 0)
        {
            message += " (" + string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")) + ")";
        }

        return new NovaPulseApiException(message)
        {
            Status = status,
            Type = type,
            Title = title,
            Detail = detail,
            Code = code,
            Errors = errors,
            TraceId = traceId,
            RequestId = requestId,
            ResponseBody = body,
        };
    }

    private static string? StringOf(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
