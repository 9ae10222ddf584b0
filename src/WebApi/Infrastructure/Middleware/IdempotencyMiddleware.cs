using System.Security.Cryptography;
using Microsoft.AspNetCore.Mvc;
using NovaPulse.Application.Common.Interfaces;
using NovaPulse.Infrastructure.Identity;

namespace NovaPulse.WebApi.Infrastructure.Middleware;

/// <summary>
/// <c>Idempotency-Key</c> on POST: the first response is stored and replayed for a retry with the same key and
/// body; the same key with a different body is a 422; a retry while the first is still running is a 409.
/// </summary>
public sealed class IdempotencyMiddleware(RequestDelegate next, IProblemDetailsService problemDetails)
{
    public const string Header = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotent-Replayed";
    private const int MaxKeyLength = 255;

    public async Task InvokeAsync(HttpContext context, IIdempotencyStore store)
    {
        if (!HttpMethods.IsPost(context.Request.Method)
            || !context.Request.Headers.TryGetValue(Header, out var values)
            || context.GetEndpoint()?.Metadata.GetMetadata<SkipIdempotencyAttribute>() is not null)
        {
            await next(context);
            return;
        }

        var key = values.ToString();
        if (key.Length is 0 or > MaxKeyLength || key.Any(c => c < 0x21 || c > 0x7e))
        {
            await WriteProblem(context, StatusCodes.Status400BadRequest, "invalid_idempotency_key", "Invalid Idempotency-Key", $"The key must be 1 to {MaxKeyLength} visible ASCII characters.");
            return;
        }

        var scope = Scope(context);
        var hash = await HashRequestAsync(context.Request);
        var lookup = await store.TryBeginAsync(scope, key, hash, context.RequestAborted);
        if (!lookup.IsNew)
        {
            if (lookup.RequestHash != hash)
            {
                await WriteProblem(context, StatusCodes.Status422UnprocessableEntity, "idempotency_key_reused", "Idempotency-Key reused", "This Idempotency-Key was used with a different request.");
            }
            else if (lookup.Response is { } stored)
            {
                await Replay(context, stored);
            }
            else
            {
                await WriteProblem(context, StatusCodes.Status409Conflict, "idempotency_request_in_progress", "Request in progress", "A request with this Idempotency-Key is still being processed; retry later.");
            }

            return;
        }

        await RunAndStoreAsync(context, store, scope, key);
    }

    private async Task RunAndStoreAsync(HttpContext context, IIdempotencyStore store, string scope, string key)
    {
        var original = context.Response.Body;
        await using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next(context);
        }
        catch
        {
            await store.AbandonAsync(scope, key, CancellationToken.None);
            context.Response.Body = original;
            throw;
        }

        context.Response.Body = original;
        var status = context.Response.StatusCode;
        if (status >= 500)
        {
            await store.AbandonAsync(scope, key, CancellationToken.None);
        }
        else
        {
            await store.CompleteAsync(
                scope,
                key,
                new StoredResponse(status, context.Response.ContentType, context.Response.Headers.Location, context.Response.Headers.ETag, buffer.ToArray()),
                CancellationToken.None);
        }

        buffer.Position = 0;
        await buffer.CopyToAsync(original, context.RequestAborted);
    }

    private static async Task Replay(HttpContext context, StoredResponse stored)
    {
        context.Response.StatusCode = stored.StatusCode;
        context.Response.ContentType = stored.ContentType;
        if (stored.Location is { Length: > 0 } location)
        {
            context.Response.Headers.Location = location;
        }

        if (stored.ETag is { Length: > 0 } etag)
        {
            context.Response.Headers.ETag = etag;
        }

        context.Response.Headers[ReplayedHeader] = "true";
        await context.Response.Body.WriteAsync(stored.Body, context.RequestAborted);
    }

    /// <summary>Keys are per caller: the same key from two companies or two keys never collides.</summary>
    private static string Scope(HttpContext context)
    {
        var user = context.User;
        var principal = user.FindFirst(JwtClaimNames.ApiKey)?.Value ?? user.FindFirst(JwtClaimNames.Subject)?.Value;
        return principal is null
            ? $"anonymous:{context.Connection.RemoteIpAddress}"
            : $"{user.FindFirst(JwtClaimNames.Company)?.Value}:{principal}";
    }

    private static async Task<string> HashRequestAsync(HttpRequest request)
    {
        request.EnableBuffering();
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(System.Text.Encoding.UTF8.GetBytes($"{request.Method} {request.Path}{request.QueryString}\n"));
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted)) > 0)
        {
            sha.AppendData(chunk, 0, read);
        }

        request.Body.Position = 0;
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    private Task WriteProblem(HttpContext context, int status, string code, string title, string detail)
    {
        context.Response.StatusCode = status;
        return problemDetails.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail, Extensions = { ["code"] = code } },
        }).AsTask();
    }
}
