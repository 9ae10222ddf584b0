using System.Globalization;
using System.Text;
using NovaPulse.Application.Common.Exceptions;
using NovaPulse.Application.Uploads.Create;

namespace NovaPulse.WebApi.Infrastructure.Http;

/// <summary>
/// The form fields of a multipart upload, counted and measured as they arrive so a client cannot make the host
/// read an unbounded number of them.
/// </summary>
internal sealed class FormFields
{
    private const int MaxFieldLength = 4096;

    private readonly Dictionary<string, List<string>> _fields = new(StringComparer.OrdinalIgnoreCase);
    private int _count;
    private int _bytes;

    public async Task AddAsync(string name, Stream body, CancellationToken cancellationToken)
    {
        if (++_count > MultipartUpload.MaxFields)
        {
            throw AppException.BadRequest("too_many_form_fields", $"An upload carries at most {MultipartUpload.MaxFields} form fields.");
        }

        var buffer = new byte[MaxFieldLength + 1];
        var filled = await body.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken);
        if (filled > MaxFieldLength)
        {
            throw MultipartUpload.Invalid("form", $"Form fields are limited to {MaxFieldLength} bytes.");
        }

        _bytes += filled;
        if (_bytes > MultipartUpload.MaxFieldBytes)
        {
            throw AppException.TooLarge(
                MultipartUpload.MaxFieldBytes, $"The form fields exceed {MultipartUpload.MaxFieldBytes} bytes in all.", "form_fields_too_large");
        }

        (_fields.TryGetValue(name, out var list) ? list : _fields[name] = []).Add(Encoding.UTF8.GetString(buffer, 0, filled));
    }

    public UploadFields ToUploadFields() => new(Single("folder"), Tags(), Bool("isPublic"), Guid("taskId"));

    private string? Single(string name) => _fields.TryGetValue(name, out var values) ? values[^1] : null;

    /// <summary>Tags as repeated <c>tags</c> fields, or one comma-separated field.</summary>
    private List<string>? Tags() =>
        _fields.TryGetValue("tags", out var values)
            ? [.. values.SelectMany(v => v.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))]
            : null;

    private bool? Bool(string name) => Single(name) switch
    {
        null or "" => null,
        var v when bool.TryParse(v, out var b) => b,
        _ => throw MultipartUpload.Invalid(name, $"'{name}' must be true or false."),
    };

    private Guid? Guid(string name) => Single(name) switch
    {
        null or "" => null,
        var v when System.Guid.TryParse(v, CultureInfo.InvariantCulture, out var g) => g,
        _ => throw MultipartUpload.Invalid(name, $"'{name}' must be a UUID."),
    };
}
