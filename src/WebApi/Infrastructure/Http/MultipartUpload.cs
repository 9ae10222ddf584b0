using System.Globalization;
using System.Text;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using NovaPulse.Application.Common.Exceptions;
using NovaPulse.Application.Uploads.Common;
using NovaPulse.Application.Uploads.Create;

namespace NovaPulse.WebApi.Infrastructure.Http;

/// <summary>
/// Reads a <c>multipart/form-data</c> upload section by section with <see cref="MultipartReader"/>: small form fields
/// are collected, and the <c>file</c> part's body is handed to the use case as a stream, so the file is never
/// buffered (no IFormFile). Fields must come before the file; parts after it are drained and ignored.
/// </summary>
public static class MultipartUpload
{
    private const int MaxFieldLength = 4096;
    private const int MaxBoundaryLength = 70;

    /// <summary>The reader's buffer: bigger than the 16 KiB default, so large files move in fewer, larger chunks.</summary>
    private const int ReadBufferSize = 128 * 1024;

    public static async Task<UploadDto> ReadAsync(HttpRequest request, Func<UploadFileCommand, Task<UploadDto>> send, CancellationToken cancellationToken)
    {
        var boundary = Boundary(request.ContentType);
        var reader = new MultipartReader(boundary, request.Body, ReadBufferSize) { HeadersLengthLimit = 16 * 1024 };
        var fields = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
        UploadDto? result = null;
        while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
        {
            if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition) || !disposition.IsFormDisposition() && !disposition.IsFileDisposition())
            {
                continue;
            }

            var name = HeaderUtilities.RemoveQuotes(disposition.Name).ToString();
            if (disposition.IsFileDisposition() && result is null && string.Equals(name, "file", StringComparison.OrdinalIgnoreCase))
            {
                var fileName = disposition.FileNameStar.HasValue ? disposition.FileNameStar.Value : HeaderUtilities.RemoveQuotes(disposition.FileName).Value;
                result = await send(new UploadFileCommand(
                    section.Body,
                    fileName,
                    section.ContentType,
                    Single(fields, "folder"),
                    Tags(fields),
                    Bool(fields, "isPublic"),
                    Guid(fields, "taskId")));
            }
            else if (result is null && disposition.IsFormDisposition())
            {
                var value = await ReadFieldAsync(section.Body, cancellationToken);
                (fields.TryGetValue(name, out var list) ? list : fields[name] = []).Add(value);
            }
            else
            {
                await section.Body.CopyToAsync(Stream.Null, cancellationToken);
            }
        }

        return result ?? throw Invalid("file", "A file part named 'file' is required.");
    }

    private static string Boundary(string? contentType)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var mediaType)
            || !mediaType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            throw new UnsupportedMediaTypeException("Send the file as multipart/form-data.");
        }

        var boundary = HeaderUtilities.RemoveQuotes(mediaType.Boundary).Value;
        if (string.IsNullOrWhiteSpace(boundary) || boundary.Length > MaxBoundaryLength)
        {
            throw Invalid("file", "The multipart boundary is missing or too long.");
        }

        return boundary;
    }

    private static async Task<string> ReadFieldAsync(Stream body, CancellationToken cancellationToken)
    {
        var buffer = new byte[MaxFieldLength + 1];
        var filled = await body.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken);

        if (filled > MaxFieldLength)
        {
            throw Invalid("form", $"Form fields are limited to {MaxFieldLength} bytes.");
        }

        return Encoding.UTF8.GetString(buffer, 0, filled);
    }

    private static string? Single(Dictionary<string, List<string>> fields, string name) =>
        fields.TryGetValue(name, out var values) ? values[^1] : null;

    /// <summary>Tags as repeated <c>tags</c> fields, or one comma-separated field.</summary>
    private static List<string>? Tags(Dictionary<string, List<string>> fields) =>
        fields.TryGetValue("tags", out var values)
            ? [.. values.SelectMany(v => v.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))]
            : null;

    private static bool? Bool(Dictionary<string, List<string>> fields, string name) => Single(fields, name) switch
    {
        null or "" => null,
        var v when bool.TryParse(v, out var b) => b,
        _ => throw Invalid(name, $"'{name}' must be true or false."),
    };

    private static Guid? Guid(Dictionary<string, List<string>> fields, string name) => Single(fields, name) switch
    {
        null or "" => null,
        var v when System.Guid.TryParse(v, CultureInfo.InvariantCulture, out var g) => g,
        _ => throw Invalid(name, $"'{name}' must be a UUID."),
    };

    private static ValidationException Invalid(string field, string message) => new([new ValidationFailure(field, message)]);
}
