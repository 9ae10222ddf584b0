using FluentValidation;
using FluentValidation.Results;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using NovaPulse.Application.Common.Exceptions;
using NovaPulse.Application.Uploads.Common;
using NovaPulse.Application.Uploads.Create;

namespace NovaPulse.WebApi.Infrastructure.Http;

/// <summary>
/// Reads a <c>multipart/form-data</c> upload section by section with <see cref="MultipartReader"/>: small form fields
/// are collected, and the <c>file</c> part's body is handed to the use case as a stream, so the file is never
/// buffered (no IFormFile). Fields may come before or after the file: those after it are read once the bytes are
/// stored (<see cref="UploadFileCommand.FieldsAfterFile"/>), before the row is written. At most
/// <see cref="MaxFields"/> fields of <see cref="MaxFieldBytes"/> bytes in all are read; beyond that 400/413.
/// </summary>
public static class MultipartUpload
{
    public const int MaxFields = 32;
    public const int MaxFieldBytes = 64 * 1024;

    /// <summary>What the body may carry besides the file: the fields, part headers and boundaries.</summary>
    public const long BodyMargin = 1024 * 1024;

    private const int MaxBoundaryLength = 70;

    /// <summary>The reader's buffer: bigger than the 16 KiB default, so large files move in fewer, larger chunks.</summary>
    private const int ReadBufferSize = 128 * 1024;

    /// <summary>
    /// Caps the request body at the plan's largest file plus <see cref="BodyMargin"/> (413 when Content-Length says
    /// more; the server enforces it on chunked bodies), so extra parts cannot make the host read without end.
    /// </summary>
    public static void LimitBody(HttpRequest request, long maxUploadBytes)
    {
        var max = maxUploadBytes + BodyMargin;
        if (request.ContentLength > max)
        {
            throw AppException.TooLarge(maxUploadBytes);
        }

        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = max;
        }
    }

    public static async Task<UploadDto> ReadAsync(HttpRequest request, Func<UploadFileCommand, Task<UploadDto>> send, CancellationToken cancellationToken)
    {
        var boundary = Boundary(request.ContentType);
        var reader = new MultipartReader(boundary, request.Body, ReadBufferSize) { HeadersLengthLimit = 16 * 1024 };
        var form = new FormFields();
        UploadDto? result = null;
        while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
        {
            if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition) || !disposition.IsFormDisposition() && !disposition.IsFileDisposition())
            {
                continue;
            }

            var name = HeaderUtilities.RemoveQuotes(disposition.Name).ToString();
            if (disposition.IsFileDisposition() && string.Equals(name, "file", StringComparison.OrdinalIgnoreCase))
            {
                if (result is not null)
                {
                    throw AppException.BadRequest("multiple_files", "Send one file part named 'file' per upload.");
                }

                var fileName = disposition.FileNameStar.HasValue ? disposition.FileNameStar.Value : HeaderUtilities.RemoveQuotes(disposition.FileName).Value;
                var fields = form.ToUploadFields();
                result = await send(new UploadFileCommand(
                    section.Body,
                    fileName,
                    section.ContentType,
                    fields.Folder,
                    fields.Tags,
                    fields.IsPublic,
                    fields.TaskId,
                    async ct =>
                    {
                        await ReadFieldsAsync(reader, form, ct);
                        return form.ToUploadFields();
                    }));
            }
            else if (disposition.IsFormDisposition())
            {
                await form.AddAsync(name, section.Body, cancellationToken);
            }
            else
            {
                await section.Body.CopyToAsync(Stream.Null, cancellationToken);
            }
        }

        return result ?? throw Invalid("file", "A file part named 'file' is required.");
    }

    /// <summary>The parts after the file: more fields; another file part is refused.</summary>
    private static async Task ReadFieldsAsync(MultipartReader reader, FormFields form, CancellationToken cancellationToken)
    {
        while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
        {
            if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition) || !disposition.IsFormDisposition() && !disposition.IsFileDisposition())
            {
                continue;
            }

            if (disposition.IsFileDisposition())
            {
                throw AppException.BadRequest("multiple_files", "Send one file part named 'file' per upload.");
            }

            await form.AddAsync(HeaderUtilities.RemoveQuotes(disposition.Name).ToString(), section.Body, cancellationToken);
        }
    }

    private static string Boundary(string? contentType)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var mediaType)
            || !mediaType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            throw AppException.UnsupportedMediaType("Send the file as multipart/form-data.");
        }

        var boundary = HeaderUtilities.RemoveQuotes(mediaType.Boundary).Value;
        if (string.IsNullOrWhiteSpace(boundary) || boundary.Length > MaxBoundaryLength)
        {
            throw Invalid("file", "The multipart boundary is missing or too long.");
        }

        return boundary;
    }

    internal static ValidationException Invalid(string field, string message) => new([new ValidationFailure(field, message)]);
}
