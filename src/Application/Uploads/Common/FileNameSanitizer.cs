using System.Text;

namespace NovaPulse.Application.Uploads.Common;

/// <summary>
/// Turns a client-supplied file name into a safe display name: the last path segment only (no traversal), no
/// control or reserved characters, no leading dots, bounded length with the extension kept. Storage keys never
/// use it.
/// </summary>
public static class FileNameSanitizer
{
    public const string Fallback = "file";
    private const int MaxLength = 255;
    private const string Reserved = "<>:\"/\\|?*";

    public static string Sanitize(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return Fallback;
        }

        var lastSegment = name.Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? "";
        var builder = new StringBuilder(lastSegment.Length);
        foreach (var rune in lastSegment.EnumerateRunes())
        {
            if (Rune.IsControl(rune) || rune.Value is 0x200E or 0x200F or (>= 0x202A and <= 0x202E) or (>= 0x2066 and <= 0x2069))
            {
                continue; // control characters and bidi overrides (which disguise extensions)
            }

            builder.Append(rune.IsAscii && Reserved.Contains((char)rune.Value, StringComparison.Ordinal) ? "_" : rune.ToString());
        }

        var cleaned = builder.ToString().Trim().TrimStart('.').Trim().TrimEnd('.', ' ');
        if (cleaned.Length == 0 || cleaned is "." or "..")
        {
            return Fallback;
        }

        return cleaned.Length <= MaxLength ? cleaned : Truncate(cleaned);
    }

    /// <summary>The lower-case extension without the dot, or empty.</summary>
    public static string Extension(string name)
    {
        var dot = name.LastIndexOf('.');
        return dot < 0 || dot == name.Length - 1 ? "" : name[(dot + 1)..].ToLowerInvariant();
    }

    private static string Truncate(string name)
    {
        var extension = Extension(name);
        if (extension.Length is 0 or > 16)
        {
            return name[..MaxLength];
        }

        return name[..(MaxLength - extension.Length - 1)] + "." + extension;
    }
}
