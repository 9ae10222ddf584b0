using System.Text.Json;
using System.Text.Json.Serialization;

namespace NovaPulse.Cli;

/// <summary>The profile: API URL and credentials, in <c>$XDG_CONFIG_HOME/novapulse/config.json</c> (or <c>~/.config/...</c>), mode 0600.</summary>
public sealed class CliConfig
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public string? ApiUrl { get; set; }

    public string? ApiKey { get; set; }

    public string? AccessToken { get; set; }

    public string? RefreshToken { get; set; }

    public static string PathFor(CliContext context)
    {
        var root = context.GetEnvironmentVariable("XDG_CONFIG_HOME") is { Length: > 0 } xdg
            ? xdg
            : Path.Combine(context.GetEnvironmentVariable("HOME") is { Length: > 0 } home ? home : Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".config");
        return Path.Combine(root, "novapulse", "config.json");
    }

    public static CliConfig Load(string path)
    {
        if (!File.Exists(path))
        {
            return new CliConfig();
        }

        try
        {
            return JsonSerializer.Deserialize<CliConfig>(File.ReadAllText(path), Json) ?? new CliConfig();
        }
        catch (JsonException e)
        {
            throw new UsageException($"The config file {path} is not valid JSON ({e.Message}); fix it or run 'novapulse init'.");
        }
    }

    /// <summary>Writes the file readable and writable by the owner only (0600), also when it already existed.</summary>
    public void Save(string path)
    {
        var directory = Path.GetDirectoryName(path)!;
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(directory);
            File.WriteAllText(path, JsonSerializer.Serialize(this, Json));
            return;
        }

        Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var options = new FileStreamOptions
        {
            Mode = FileMode.Create,
            Access = FileAccess.Write,
            UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
        };
        using (var stream = new FileStream(path, options))
        using (var writer = new StreamWriter(stream))
        {
            writer.Write(JsonSerializer.Serialize(this, Json));
        }

        // UnixCreateMode applies to new files only; an older file keeps its mode unless set again.
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }
}
