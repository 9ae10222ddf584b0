using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using SkiaSharp;
using WireMock;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Types;
using WireMock.Util;

namespace NovaPulse.WebApi.IntegrationTests.Infrastructure;

/// <summary>
/// A local stand-in for Cloudinary's Upload and Admin APIs (WireMock.Net) that checks every signature the way
/// Cloudinary documents it — implemented here independently of the production code — and keeps the stored assets.
/// </summary>
public sealed class FakeCloudinary : IDisposable
{
    public const string CloudName = "demo-cloud";
    public const string ApiKey = "123456789012345";
    public const string ApiSecret = "fake-api-secret-0123456789";

    private static readonly HashSet<string> Unsigned = ["file", "cloud_name", "resource_type", "api_key", "signature", "signature_algorithm"];

    public FakeCloudinary()
    {
        Server.Given(Request.Create().WithPath(new RegexMatcher($"^/v1_1/{CloudName}/(image|video|raw)/(upload|destroy|rename)$")).UsingPost())
            .RespondWith(Response.Create().WithCallback(HandleUploadApi));
        Server.Given(Request.Create().WithPath(new RegexMatcher($"^/v1_1/{CloudName}/resources/")).UsingGet())
            .RespondWith(Response.Create().WithCallback(HandleAdminApi));
    }

    public WireMockServer Server { get; } = WireMockServer.Start();

    public string ApiBase => Server.Url!;

    /// <summary>A host's settings that store uploads in this fake; a host adds its own on top.</summary>
    public Dictionary<string, string?> HostSettings() => new()
    {
        ["Storage:Provider"] = "Cloudinary",
        ["Cloudinary:CloudName"] = CloudName,
        ["Cloudinary:ApiKey"] = ApiKey,
        ["Cloudinary:ApiSecret"] = ApiSecret,
        ["Cloudinary:ApiBase"] = ApiBase,
    };

    /// <summary>Stored assets by <c>{resource_type}/{type}/{public_id}</c>.</summary>
    public ConcurrentDictionary<string, byte[]> Assets { get; } = new();

    /// <summary>When each asset arrived (what the Admin API lists as <c>created_at</c>).</summary>
    public ConcurrentDictionary<string, DateTimeOffset> CreatedAt { get; } = new();

    /// <summary>Upload API requests that reached the fake, faulted or not (a request an open circuit stops never arrives).</summary>
    public int UploadApiRequests => _uploadApiRequests;

    /// <summary>When set, the Upload API answers this status (Cloudinary's error body) instead of working.</summary>
    public int? FailWithStatus { get; set; }

    /// <summary>When set, the Upload API waits this long before answering (a hung dependency).</summary>
    public TimeSpan Stall { get; set; }

    /// <summary>Accepted calls, e.g. <c>destroy image/authenticated/{public_id}</c>.</summary>
    public ConcurrentQueue<string> Calls { get; } = new();

    public int RejectedSignatures => _rejected;

    private int _rejected;
    private int _uploadApiRequests;

    public void Dispose() => Server.Stop();

    private ResponseMessage HandleUploadApi(IRequestMessage request)
    {
        Interlocked.Increment(ref _uploadApiRequests);
        if (Stall > TimeSpan.Zero)
        {
            Thread.Sleep(Stall);
        }

        if (FailWithStatus is { } status)
        {
            return Json(status, new { error = new { message = "General Error" } });
        }

        var segments = request.Path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var (resourceType, action) = (segments[2], segments[3]);
        var (fields, file) = ReadFields(request);
        if (!SignatureIsValid(fields))
        {
            Interlocked.Increment(ref _rejected);
            return Json(401, new { error = new { message = "Invalid Signature" } });
        }

        var type = fields.GetValueOrDefault("type", "upload");
        switch (action)
        {
            case "upload":
                var publicId = fields["public_id"];
                Assets[$"{resourceType}/{type}/{publicId}"] = file ?? [];
                CreatedAt[$"{resourceType}/{type}/{publicId}"] = DateTimeOffset.UtcNow;
                Calls.Enqueue($"upload {resourceType}/{type}/{publicId}");
                return Json(200, Describe(resourceType, type, publicId, file ?? []));
            case "destroy":
                var removed = Assets.TryRemove($"{resourceType}/{type}/{fields["public_id"]}", out _);
                Calls.Enqueue($"destroy {resourceType}/{type}/{fields["public_id"]}");
                return Json(200, new { result = removed ? "ok" : "not found" });
            default:
                var from = $"{resourceType}/{type}/{fields["from_public_id"]}";
                if (!Assets.TryRemove(from, out var bytes))
                {
                    return Json(404, new { error = new { message = "Resource not found" } });
                }

                var toType = fields.GetValueOrDefault("to_type", type);
                Assets[$"{resourceType}/{toType}/{fields["to_public_id"]}"] = bytes;
                Calls.Enqueue($"rename {from} -> {toType}");
                return Json(200, Describe(resourceType, toType, fields["to_public_id"], bytes));
        }
    }

    private ResponseMessage HandleAdminApi(IRequestMessage request)
    {
        var expected = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{ApiKey}:{ApiSecret}"));
        if (!request.Headers!.TryGetValue("Authorization", out var authorization) || authorization.ToString() != expected)
        {
            return Json(401, new { error = new { message = "Invalid credentials" } });
        }

        var parts = request.Path.Split('/', 6, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 5)
        {
            return List(parts[3], parts[4], request.Query);
        }

        // /v1_1/{cloud}/resources/{resource_type}/{type}/{public_id...}
        var (resourceType, type, publicId) = (parts[3], parts[4], parts[5]);
        return Assets.TryGetValue($"{resourceType}/{type}/{publicId}", out var bytes)
            ? Json(200, Describe(resourceType, type, publicId, bytes))
            : Json(404, new { error = new { message = "Resource not found" } });
    }

    /// <summary>GET /resources/{resource_type}/{type}: pages of <c>max_results</c>, continued by <c>next_cursor</c>.</summary>
    private ResponseMessage List(string resourceType, string type, IDictionary<string, WireMockList<string>>? query)
    {
        var pageSize = int.Parse(query?.TryGetValue("max_results", out var max) == true ? max[0] : "10", CultureInfo.InvariantCulture);
        var offset = int.Parse(query?.TryGetValue("next_cursor", out var cursor) == true ? cursor[0] : "0", CultureInfo.InvariantCulture);
        var prefix = $"{resourceType}/{type}/";
        var matching = Assets.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
        var page = matching.Skip(offset).Take(pageSize).Select(k => new
        {
            public_id = k[prefix.Length..],
            resource_type = resourceType,
            type,
            created_at = CreatedAt.GetValueOrDefault(k, DateTimeOffset.UnixEpoch).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
        });
        return offset + pageSize < matching.Count
            ? Json(200, new { resources = page, next_cursor = (offset + pageSize).ToString(CultureInfo.InvariantCulture) })
            : Json(200, new { resources = page });
    }

    /// <summary>Cloudinary's documented rule: sorted <c>key=value</c> pairs joined by <c>&amp;</c>, secret appended, SHA-1 (or SHA-256) hex.</summary>
    private static bool SignatureIsValid(Dictionary<string, string> fields)
    {
        if (fields.GetValueOrDefault("api_key") != ApiKey || !fields.TryGetValue("signature", out var signature)
            || !long.TryParse(fields.GetValueOrDefault("timestamp"), out var timestamp)
            || Math.Abs(DateTimeOffset.UtcNow.ToUnixTimeSeconds() - timestamp) > 3600)
        {
            return false;
        }

        var toSign = string.Join("&", fields.Where(f => !Unsigned.Contains(f.Key) && f.Value.Length > 0)
            .OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => $"{f.Key}={f.Value}")) + ApiSecret;
        var bytes = Encoding.UTF8.GetBytes(toSign);
#pragma warning disable CA5350 // Cloudinary's protocol
        var expected = fields.GetValueOrDefault("signature_algorithm") == "sha256" ? SHA256.HashData(bytes) : SHA1.HashData(bytes);
#pragma warning restore CA5350
        return Convert.ToHexStringLower(expected) == signature;
    }

    private static (Dictionary<string, string> Fields, byte[]? File) ReadFields(IRequestMessage request)
    {
        var contentType = request.Headers!.TryGetValue("Content-Type", out var values) ? values.ToString() : "";
        var body = request.BodyData?.BodyAsBytes ?? Encoding.UTF8.GetBytes(request.BodyData?.BodyAsString ?? "");
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!contentType.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase))
        {
            foreach (var (key, value) in QueryHelpers.ParseQuery(Encoding.UTF8.GetString(body)))
            {
                fields[key] = value.ToString();
            }

            return (fields, null);
        }

        var boundary = HeaderUtilities.RemoveQuotes(Microsoft.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType).Boundary).Value!;
        var reader = new MultipartReader(boundary, new MemoryStream(body));
        byte[]? file = null;
        while (reader.ReadNextSectionAsync().GetAwaiter().GetResult() is { } section)
        {
            var disposition = ContentDispositionHeaderValue.Parse(section.ContentDisposition);
            using var buffer = new MemoryStream();
            section.Body.CopyTo(buffer);
            var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value!;
            if (name == "file")
            {
                file = buffer.ToArray();
            }
            else
            {
                fields[name] = Encoding.UTF8.GetString(buffer.ToArray());
            }
        }

        return (fields, file);
    }

    private static object Describe(string resourceType, string type, string publicId, byte[] bytes)
    {
        using var bitmap = resourceType == "image" && bytes.Length > 0 ? SKBitmap.Decode(bytes) : null;
        return new
        {
            public_id = publicId,
            version = 1700000000,
            resource_type = resourceType,
            type,
            bytes = bytes.Length,
            width = bitmap?.Width,
            height = bitmap?.Height,
            format = resourceType == "image" ? "png" : null,
            secure_url = $"https://res.example.test/{CloudName}/{resourceType}/{type}/v1700000000/{publicId}",
        };
    }

    private static ResponseMessage Json(int status, object body)
    {
        var message = new ResponseMessage
        {
            StatusCode = status,
            BodyData = new BodyData
            {
                BodyAsString = JsonSerializer.Serialize(body),
                DetectedBodyType = BodyType.String,
                Encoding = Encoding.UTF8,
            },
        };
        message.AddHeader("Content-Type", "application/json");
        return message;
    }
}
