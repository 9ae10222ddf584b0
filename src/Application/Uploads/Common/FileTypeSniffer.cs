using System.Text;
using NovaPulse.Domain.Uploads;

namespace NovaPulse.Application.Uploads.Common;

/// <summary>
/// Decides what a file really is from its first bytes (magic numbers), against an allow-list: images (PNG, JPEG, GIF,
/// WebP), PDF, video (MP4, WebM, QuickTime), plain text/CSV/JSON and the zip-based Office formats. Executables are
/// refused whatever they claim to be, and so is content that contradicts the declared type or the file extension.
/// </summary>
public static class FileTypeSniffer
{
    /// <summary>How many leading bytes <see cref="Sniff"/> wants to see.</summary>
    public const int HeaderLength = 4096;

    private static readonly Dictionary<string, string> OfficeTypes = new(StringComparer.Ordinal)
    {
        ["docx"] = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ["xlsx"] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ["pptx"] = "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        ["odt"] = "application/vnd.oasis.opendocument.text",
        ["ods"] = "application/vnd.oasis.opendocument.spreadsheet",
        ["odp"] = "application/vnd.oasis.opendocument.presentation",
    };

    private static readonly Dictionary<string, string> TextTypes = new(StringComparer.Ordinal)
    {
        ["txt"] = "text/plain",
        ["md"] = "text/plain",
        ["log"] = "text/plain",
        ["csv"] = "text/csv",
        ["json"] = "application/json",
    };

    /// <summary>Extensions that run code when opened; refused even when the bytes look harmless.</summary>
    private static readonly HashSet<string> DangerousExtensions = new(StringComparer.Ordinal)
    {
        "exe", "dll", "com", "scr", "msi", "bat", "cmd", "ps1", "vbs", "js", "jar", "sh", "app", "elf", "so", "dylib", "html", "htm", "svg",
    };

    private static readonly Dictionary<string, string> Aliases = new(StringComparer.Ordinal)
    {
        ["image/jpg"] = "image/jpeg",
        ["image/pjpeg"] = "image/jpeg",
        ["text/json"] = "application/json",
        ["application/csv"] = "text/csv",
        ["video/x-quicktime"] = "video/quicktime",
    };

    /// <summary>Every content type the sniffer can answer.</summary>
    public static IReadOnlyCollection<string> AllowedTypes { get; } =
    [
        "image/png", "image/jpeg", "image/gif", "image/webp", "application/pdf", "video/mp4", "video/webm", "video/quicktime",
        "text/plain", "text/csv", "application/json", .. OfficeTypes.Values,
    ];

    /// <summary>
    /// The file's real content type and kind, or a refusal. <paramref name="declaredContentType"/> is what the client
    /// claimed (multipart part header or signed-url request); <c>application/octet-stream</c> or none claims nothing.
    /// </summary>
    public static SniffResult Sniff(ReadOnlySpan<byte> header, string? declaredContentType, string fileName)
    {
        var extension = FileNameSanitizer.Extension(fileName);
        var declared = Normalize(declaredContentType);
        if (IsExecutable(header))
        {
            return SniffResult.Refuse("Executable files are not allowed.");
        }

        if (DangerousExtensions.Contains(extension))
        {
            return SniffResult.Refuse($"Files with the extension '.{extension}' are not allowed.");
        }

        var detected = DetectBinary(header, extension);
        if (detected is null && LooksLikeText(header))
        {
            detected = TextType(declared, extension);
        }

        if (detected is null)
        {
            return SniffResult.Refuse("The file type is not allowed.");
        }

        if (declared is not null && declared != "application/octet-stream" && !Compatible(declared, detected))
        {
            return SniffResult.Refuse($"The content is {detected} but was declared as {declared}.");
        }

        return ExtensionRefusal(extension, detected) is { } refusal ? SniffResult.Refuse(refusal) : SniffResult.Allow(detected, KindOf(detected));
    }

    /// <summary>
    /// For a rename: the new name must pass the extension rules the upload passed against its stored (sniffed or, for
    /// a pending signed upload, declared) <paramref name="contentType"/>: no dangerous extension, and no extension that
    /// contradicts the content.
    /// </summary>
    public static SniffResult CheckName(string contentType, string fileName)
    {
        var extension = FileNameSanitizer.Extension(fileName);
        if (DangerousExtensions.Contains(extension))
        {
            return SniffResult.Refuse($"Files with the extension '.{extension}' are not allowed.");
        }

        return ExtensionRefusal(extension, contentType) is { } refusal ? SniffResult.Refuse(refusal) : SniffResult.Allow(contentType, KindOf(contentType));
    }

    /// <summary>
    /// For signed direct uploads, where no byte is seen before the URL is issued: the declared type must be on the
    /// allow-list and agree with the file name. (LocalDisk still sniffs the bytes when they arrive.)
    /// </summary>
    public static SniffResult CheckDeclared(string? declaredContentType, string fileName)
    {
        var extension = FileNameSanitizer.Extension(fileName);
        var declared = Normalize(declaredContentType);
        if (DangerousExtensions.Contains(extension))
        {
            return SniffResult.Refuse($"Files with the extension '.{extension}' are not allowed.");
        }

        if (declared is null || !AllowedTypes.Contains(declared))
        {
            return SniffResult.Refuse($"The content type '{declaredContentType}' is not allowed.");
        }

        if (ExtensionType(extension) is { } byExtension && !Compatible(byExtension, declared))
        {
            return SniffResult.Refuse($"The file name says .{extension} but the content type is {declared}.");
        }

        return SniffResult.Allow(declared, KindOf(declared));
    }

    /// <summary>The kind a content type belongs to.</summary>
    public static UploadKind KindOf(string contentType) => contentType switch
    {
        _ when contentType.StartsWith("image/", StringComparison.Ordinal) => UploadKind.Image,
        _ when contentType.StartsWith("video/", StringComparison.Ordinal) => UploadKind.Video,
        _ when AllowedTypes.Contains(contentType) => UploadKind.Document,
        _ => UploadKind.Other,
    };

    /// <summary>Lower-case media type without parameters, aliases resolved; null when absent.</summary>
    public static string? Normalize(string? contentType)
    {
        if (string.IsNullOrWhiteSpace(contentType))
        {
            return null;
        }

        var mediaType = contentType.Split(';')[0].Trim().ToLowerInvariant();
        return Aliases.TryGetValue(mediaType, out var canonical) ? canonical : mediaType;
    }

    private static bool IsExecutable(ReadOnlySpan<byte> h) =>
        h.StartsWith("MZ"u8)                                   // Windows PE
        || h.StartsWith("\u007fELF"u8)                         // Linux ELF
        || Starts(h, [0xFE, 0xED, 0xFA, 0xCE]) || Starts(h, [0xCE, 0xFA, 0xED, 0xFE]) // Mach-O 32
        || Starts(h, [0xFE, 0xED, 0xFA, 0xCF]) || Starts(h, [0xCF, 0xFA, 0xED, 0xFE]) // Mach-O 64
        || Starts(h, [0xCA, 0xFE, 0xBA, 0xBE])              // Mach-O universal / Java class
        || h.StartsWith("#!"u8);                               // scripts with an interpreter line

    private static string? DetectBinary(ReadOnlySpan<byte> h, string extension)
    {
        if (Starts(h, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return "image/png";
        }

        if (Starts(h, [0xFF, 0xD8, 0xFF]))
        {
            return "image/jpeg";
        }

        if (h.StartsWith("GIF87a"u8) || h.StartsWith("GIF89a"u8))
        {
            return "image/gif";
        }

        if (h.Length >= 12 && h.StartsWith("RIFF"u8) && h[8..12].SequenceEqual("WEBP"u8))
        {
            return "image/webp";
        }

        if (h.StartsWith("%PDF-"u8))
        {
            return "application/pdf";
        }

        if (Starts(h, [0x1A, 0x45, 0xDF, 0xA3]))
        {
            return "video/webm";
        }

        if (h.Length >= 12 && h[4..8].SequenceEqual("ftyp"u8))
        {
            return h[8..12].SequenceEqual("qt  "u8) ? "video/quicktime" : "video/mp4";
        }

        if (Starts(h, [0x50, 0x4B, 0x03, 0x04]))
        {
            // A zip: allowed only as an Office document, which the extension names.
            return OfficeTypes.GetValueOrDefault(extension);
        }

        return null;
    }

    /// <summary>No NUL bytes and valid UTF-8 (a multi-byte character cut at the end of the header is fine).</summary>
    private static bool LooksLikeText(ReadOnlySpan<byte> h)
    {
        if (h.IsEmpty || h.Contains((byte)0))
        {
            return false;
        }

        var body = Starts(h, [0xEF, 0xBB, 0xBF]) ? h[3..] : h;
        for (var trim = 0; trim < 4 && trim <= body.Length; trim++)
        {
            if (System.Text.Unicode.Utf8.IsValid(body[..^trim]))
            {
                return true;
            }
        }

        return false;
    }

    private static string TextType(string? declared, string extension)
    {
        if (declared is "text/csv" or "application/json" or "text/plain")
        {
            return declared;
        }

        return TextTypes.GetValueOrDefault(extension, "text/plain");
    }

    /// <summary>
    /// Why <paramref name="extension"/> cannot name <paramref name="contentType"/>, or null: it names another type, or
    /// the content is a zip-based Office document (only its Office extension lets a zip in) and it names none.
    /// </summary>
    private static string? ExtensionRefusal(string extension, string contentType)
    {
        var byExtension = ExtensionType(extension);
        var officeWithoutItsExtension = OfficeTypes.ContainsValue(contentType) && byExtension != contentType;
        if (officeWithoutItsExtension || (byExtension is not null && !Compatible(byExtension, contentType)))
        {
            return extension.Length == 0
                ? $"The content is {contentType} but the file name has no extension."
                : $"The content is {contentType} but the file name says .{extension}.";
        }

        return null;
    }

    private static string? ExtensionType(string extension) => extension switch
    {
        "png" => "image/png",
        "jpg" or "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "pdf" => "application/pdf",
        "mp4" or "m4v" => "video/mp4",
        "webm" => "video/webm",
        "mov" => "video/quicktime",
        _ => OfficeTypes.GetValueOrDefault(extension) ?? TextTypes.GetValueOrDefault(extension),
    };

    /// <summary>Text flavours are interchangeable (a CSV is plain text); MP4 and QuickTime share a container.</summary>
    private static bool Compatible(string claimed, string detected) =>
        claimed == detected
        || (IsText(claimed) && IsText(detected))
        || (claimed is "video/mp4" or "video/quicktime" && detected is "video/mp4" or "video/quicktime");

    private static bool Starts(ReadOnlySpan<byte> header, ReadOnlySpan<byte> magic) => header.StartsWith(magic);

    private static bool IsText(string contentType) => contentType is "text/plain" or "text/csv" or "application/json";
}

/// <summary>The sniffer's verdict: an allowed content type and kind, or the reason for refusing.</summary>
public sealed record SniffResult(bool Allowed, string ContentType, UploadKind Kind, string? Reason)
{
    public static SniffResult Allow(string contentType, UploadKind kind) => new(true, contentType, kind, null);

    public static SniffResult Refuse(string reason) => new(false, "", UploadKind.Other, reason);
}
