using System.Buffers.Text;
using System.Text;
using System.Text.Json;

namespace NovaPulse.Application.Common.Paging;

/// <summary>
/// An opaque keyset position: the sort key of the last row returned and its id (the tie-breaker), so pages stay
/// stable while rows are inserted.
/// </summary>
public sealed record Cursor(string Key, Guid Id)
{
    public string Encode() => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new[] { Key, Id.ToString() })));

    /// <summary>Decodes a cursor from a client; returns false for anything we did not issue.</summary>
    public static bool TryDecode(string? value, out Cursor? cursor)
    {
        cursor = null;
        if (string.IsNullOrEmpty(value) || value.Length > 512)
        {
            return false;
        }

        try
        {
            var parts = JsonSerializer.Deserialize<string[]>(Base64Url.DecodeFromChars(value));
            if (parts is [var key, var id] && Guid.TryParse(id, out var guid))
            {
                cursor = new Cursor(key, guid);
                return true;
            }
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
        }

        return false;
    }
}
