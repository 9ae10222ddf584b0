using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using NovaPulse.Application.Common.Exceptions;
using NovaPulse.Application.Common.Interfaces;
using NovaPulse.Domain.Uploads;

namespace NovaPulse.Infrastructure.Storage.Cloudinary;

/// <summary>
/// Cloudinary over its REST API (CloudinaryDotNet is not available): signed upload, destroy and rename, Admin API
/// lookup after direct uploads, and URLs — delivery type <c>upload</c> for public files, <c>authenticated</c> for private
/// ones (served through expiring <c>download</c> URLs), thumbnails by the <c>c_thumb,w_256,h_256</c> transformation.
/// </summary>
public sealed partial class CloudinaryFileStorage(IHttpClientFactory httpClients, IOptions<CloudinaryOptions> options, TimeProvider clock) : IFileStorage
{
    public const string Name = "Cloudinary";
    public const string HttpClientName = "cloudinary";

    private CloudinaryOptions Options => options.Value;

    public string Provider => Name;

    public bool TransformsImages => true;

    public Task<StoredUpload> StoreUploadAsync(string key, bool isPublic, Stream content, UploadPolicy policy, CancellationToken cancellationToken) =>
        UploadInspection.StoreAsync(this, key, isPublic, content, policy, cancellationToken);

    public async Task<StoredObject> SaveAsync(StorageObject target, Stream content, CancellationToken cancellationToken)
    {
        var parameters = SignedParameters(new Dictionary<string, string>
        {
            ["public_id"] = target.Key,
            ["type"] = DeliveryType(target.IsPublic),
            ["overwrite"] = "true",
        });
        using var form = new MultipartFormDataContent();
        foreach (var (key, value) in parameters)
        {
            form.Add(new StringContent(value), key);
        }

        var file = new StreamContent(content, 128 * 1024);
        file.Headers.ContentType = new MediaTypeHeaderValue(target.ContentType);
        form.Add(file, "file", "upload");
        try
        {
            using var response = await Client().PostAsync(ApiUrl($"{ResourceType(target)}/upload"), form, cancellationToken);
            var json = await ReadJsonAsync(response, cancellationToken);
            return Describe(json);
        }
        catch (HttpRequestException e) when (Find<AppException>(e) is { Kind: ErrorKind.TooLarge } tooLarge)
        {
            // HttpClient wraps what the body stream throws; the client should see the 413, not a storage failure.
            ExceptionDispatchInfo.Throw(tooLarge);
            throw;
        }
    }

    public Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken) => Task.FromResult<Stream?>(null);

    public async Task DeleteAsync(StorageObject target, CancellationToken cancellationToken)
    {
        var parameters = SignedParameters(new Dictionary<string, string>
        {
            ["public_id"] = target.Key,
            ["type"] = DeliveryType(target.IsPublic),
            ["invalidate"] = "true",
        });
        using var response = await Client().PostAsync(ApiUrl($"{ResourceType(target)}/destroy"), new FormUrlEncodedContent(parameters), cancellationToken);
        // "ok" and "not found" both mean the object is gone: deletes are idempotent.
        await ReadJsonAsync(response, cancellationToken);
    }

    public async Task SetVisibilityAsync(StorageObject target, bool isPublic, CancellationToken cancellationToken)
    {
        var parameters = SignedParameters(new Dictionary<string, string>
        {
            ["from_public_id"] = target.Key,
            ["to_public_id"] = target.Key,
            ["type"] = DeliveryType(target.IsPublic),
            ["to_type"] = DeliveryType(isPublic),
            ["overwrite"] = "true",
        });
        using var response = await Client().PostAsync(ApiUrl($"{ResourceType(target)}/rename"), new FormUrlEncodedContent(parameters), cancellationToken);
        await ReadJsonAsync(response, cancellationToken);
    }

    public Uri? GetDeliveryUrl(StorageObject target, bool thumbnail, DateTimeOffset expiresAt)
    {
        var resourceType = ResourceType(target);
        if (!target.IsPublic && !thumbnail)
        {
            // Private originals: an expiring, signed download URL of the API (private_download_url).
            var parameters = SignedParameters(new Dictionary<string, string>
            {
                ["public_id"] = target.Key,
                ["type"] = DeliveryType(false),
                ["format"] = FormatOf(target.ContentType),
                ["expires_at"] = expiresAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
            });
            var query = string.Join('&', parameters.Where(p => p.Value.Length > 0).Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value)}"));
            return new Uri($"{ApiUrl($"{resourceType}/download")}?{query}");
        }

        var path = (thumbnail ? Options.ThumbnailTransformation + "/" : "") + target.Key;
        var signature = target.IsPublic ? "" : CloudinarySignature.DeliverySignature(path, Options.ApiSecret) + "/";
        return new Uri($"{Options.DeliveryBase.TrimEnd('/')}/{Options.CloudName}/{resourceType}/{DeliveryType(target.IsPublic)}/{signature}{path}");
    }

    public DirectUploadTarget? CreateDirectUpload(StorageObject target, DateTimeOffset expiresAt)
    {
        var fields = SignedParameters(new Dictionary<string, string>
        {
            ["public_id"] = target.Key,
            ["type"] = DeliveryType(target.IsPublic),
        });
        return new DirectUploadTarget("POST", ApiUrl($"{ResourceType(target)}/upload"), fields, null);
    }

    public async Task<StoredObject?> DescribeAsync(StorageObject target, CancellationToken cancellationToken)
    {
        using var request = AdminRequest(ApiUrl($"resources/{ResourceType(target)}/{DeliveryType(target.IsPublic)}/{target.Key}"));
        using var response = await Client().SendAsync(request, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        return Describe(await ReadJsonAsync(response, cancellationToken));
    }

    /// <summary>
    /// Pages through the Admin API's resource listing for each resource and delivery type. Only public ids of our key
    /// scheme are returned: the account may hold assets of other applications, which the orphan sweep must never touch.
    /// </summary>
    public async IAsyncEnumerable<StoredEntry> ListAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var kind in (UploadKind[])[UploadKind.Image, UploadKind.Video, UploadKind.Other])
        {
            foreach (var isPublic in (bool[])[true, false])
            {
                var probe = new StorageObject("", "application/octet-stream", kind, isPublic);
                string? cursor = null;
                do
                {
                    var url = ApiUrl($"resources/{ResourceType(probe)}/{DeliveryType(isPublic)}?max_results=500")
                        + (cursor is null ? "" : "&next_cursor=" + Uri.EscapeDataString(cursor));
                    using var request = AdminRequest(url);
                    using var response = await Client().SendAsync(request, cancellationToken);
                    var page = await ReadJsonAsync(response, cancellationToken);
                    foreach (var resource in page.GetProperty("resources").EnumerateArray())
                    {
                        var publicId = resource.GetProperty("public_id").GetString()!;
                        if (OurKey().IsMatch(publicId))
                        {
                            yield return new StoredEntry(probe with { Key = publicId }, resource.GetProperty("created_at").GetDateTimeOffset());
                        }
                    }

                    cursor = page.TryGetProperty("next_cursor", out var next) && next.ValueKind == JsonValueKind.String ? next.GetString() : null;
                }
                while (cursor is not null);
            }
        }
    }

    /// <summary><c>image</c>, <c>video</c> or <c>raw</c> (documents), as Cloudinary routes them.</summary>
    public static string ResourceType(StorageObject target) => target.Kind switch
    {
        UploadKind.Image => "image",
        UploadKind.Video => "video",
        _ => "raw",
    };

    public static string DeliveryType(bool isPublic) => isPublic ? "upload" : "authenticated";

    private static string FormatOf(string contentType) => contentType switch
    {
        "image/png" => "png",
        "image/jpeg" => "jpg",
        "image/gif" => "gif",
        "image/webp" => "webp",
        "video/mp4" => "mp4",
        "video/webm" => "webm",
        "video/quicktime" => "mov",
        _ => "",
    };

    private Dictionary<string, string> SignedParameters(Dictionary<string, string> parameters)
    {
        parameters["timestamp"] = clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        parameters["signature"] = CloudinarySignature.Sign(parameters, Options.ApiSecret, Options.SignatureAlgorithm);
        parameters["api_key"] = Options.ApiKey;
        if (string.Equals(Options.SignatureAlgorithm, "sha256", StringComparison.OrdinalIgnoreCase))
        {
            parameters["signature_algorithm"] = "sha256";
        }

        return parameters;
    }

    /// <summary>The Admin API authenticates with HTTP Basic (key:secret) instead of signed parameters.</summary>
    private HttpRequestMessage AdminRequest(string url)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Options.ApiKey}:{Options.ApiSecret}")));
        return request;
    }

    private string ApiUrl(string path) => $"{Options.ApiBase.TrimEnd('/')}/v1_1/{Options.CloudName}/{path}";

    private HttpClient Client() => httpClients.CreateClient(HttpClientName);

    private static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            // Cloudinary answers {"error":{"message":"..."}}; the message never contains our secret.
            throw new HttpRequestException($"Cloudinary answered {(int)response.StatusCode}: {Truncate(body)}", null, response.StatusCode);
        }

        using var document = JsonDocument.Parse(body);
        return document.RootElement.Clone();
    }

    private static StoredObject Describe(JsonElement json) => new(
        json.TryGetProperty("bytes", out var bytes) ? bytes.GetInt64() : 0,
        json.TryGetProperty("width", out var width) ? width.GetInt32() : null,
        json.TryGetProperty("height", out var height) ? height.GetInt32() : null,
        json.TryGetProperty("format", out var format) ? format.GetString() : null);

    private static T? Find<T>(Exception exception)
        where T : Exception
    {
        for (var current = exception.InnerException; current is not null; current = current.InnerException)
        {
            if (current is T found)
            {
                return found;
            }
        }

        return null;
    }

    private static string Truncate(string body) => body.Length > 300 ? body[..300] : body;

    /// <summary>Upload keys are <c>{company:N}/{upload:N}</c> (see <see cref="Upload"/>); thumbnails are URL transformations.</summary>
    [GeneratedRegex("^[0-9a-f]{32}/[0-9a-f]{32}$")]
    private static partial Regex OurKey();
}
