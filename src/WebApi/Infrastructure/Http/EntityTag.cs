using System.Globalization;
using FluentValidation;
using FluentValidation.Results;

namespace NovaPulse.WebApi.Infrastructure.Http;

/// <summary>Strong ETags over an entity's version number: <c>"3"</c>.</summary>
public static class EntityTag
{
    public static string For(int version) => $"\"{version.ToString(CultureInfo.InvariantCulture)}\"";

    /// <summary>The version an If-Match header names; null when absent or <c>*</c> (any version).</summary>
    public static int? ParseIfMatch(string? header)
    {
        if (string.IsNullOrWhiteSpace(header) || header.Trim() == "*")
        {
            return null;
        }

        var value = header.Trim();
        if (value.Length > 2 && value[0] == '"' && value[^1] == '"'
            && int.TryParse(value.AsSpan(1, value.Length - 2), NumberStyles.None, CultureInfo.InvariantCulture, out var version))
        {
            return version;
        }

        throw new ValidationException([new ValidationFailure("If-Match", "If-Match must be an ETag this API issued, e.g. \"3\", or *.")]);
    }
}
