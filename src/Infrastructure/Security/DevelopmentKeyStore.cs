using System.Security.Cryptography;

namespace NovaPulse.Infrastructure.Security;

/// <summary>
/// Outside Production, keys nobody configured are generated once and kept under the data folder, so a fresh
/// clone runs with no setup and tokens survive restarts. Production must configure them (validated at start).
/// </summary>
public static class DevelopmentKeyStore
{
    public static string GetOrCreate(string dataDirectory, string name)
    {
        var folder = Path.Combine(dataDirectory, "keys");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name + ".key");
        if (File.Exists(path))
        {
            return File.ReadAllText(path).Trim();
        }

        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48));
        File.WriteAllText(path, key);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return key;
    }
}
