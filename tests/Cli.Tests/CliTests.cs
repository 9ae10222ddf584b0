using System.Text.Json;
using NovaPulse.Sdk.Generated;
using NovaPulse.Sdk.Tests;

namespace NovaPulse.Cli.Tests;

[Collection(ApiCollection.Name)]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed partial class CliTests(ApiHost host) : IDisposable
{
    private readonly string _home = Path.Combine(Path.GetTempPath(), "novapulse-cli-tests", Guid.NewGuid().ToString("N"));
    private readonly Dictionary<string, string?> _environment = [];

    private string ConfigPath => Path.Combine(_home, "xdg", "novapulse", "config.json");

    public void Dispose()
    {
        if (Directory.Exists(_home))
        {
            Directory.Delete(_home, recursive: true);
        }
    }

    private async Task<(int Code, string Out, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await CliApp.RunAsync(args, Context(output, error));
        return (code, output.ToString(), error.ToString());
    }

    private CliContext Context(TextWriter output, TextWriter error) => new()
    {
        Out = output,
        Error = error,
        GetEnvironmentVariable = name => name switch
        {
            "XDG_CONFIG_HOME" => Path.Combine(_home, "xdg"),
            "HOME" => _home,
            _ => _environment.GetValueOrDefault(name),
        },
        ReadSecret = _ => ApiHost.Password,
    };

    private async Task<string> SignedInWithApiKeyAsync(Role role = Role.Admin)
    {
        var key = await host.ApiKeyAsync(role);
        Assert.Equal(0, (await RunAsync("init", "--api-url", host.BaseUrl.ToString())).Code);
        var login = await RunAsync("login", "--api-key", key);
        Assert.True(login.Code == 0, login.Error);
        return key;
    }

    private static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement;

    [Fact]
    public async Task Init_writes_the_profile_with_mode_0600()
    {
        var (code, output, _) = await RunAsync("init", "--api-url", host.BaseUrl.ToString(), "--json");

        Assert.Equal(0, code);
        Assert.Equal(ConfigPath, Json(output).GetProperty("configPath").GetString());
        Assert.Equal(host.BaseUrl.ToString(), Json(File.ReadAllText(ConfigPath)).GetProperty("apiUrl").GetString());
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(ConfigPath));
    }

    [Fact]
    public async Task Login_with_an_api_key_stores_it_0600_and_whoami_shows_the_caller()
    {
        var key = await SignedInWithApiKeyAsync(Role.Member);

        Assert.Equal(key, Json(File.ReadAllText(ConfigPath)).GetProperty("apiKey").GetString());
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(ConfigPath));
        var (code, output, _) = await RunAsync("whoami", "--json");
        Assert.Equal(0, code);
        Assert.Equal("member", Json(output).GetProperty("role").GetString());
    }

    [Fact]
    public async Task Login_with_email_prompts_for_the_password_and_logout_forgets_the_tokens()
    {
        var owner = await host.RegisterAsync();
        await RunAsync("init", "--api-url", host.BaseUrl.ToString());

        var login = await RunAsync("login", "--email", owner.User!.Email!);
        Assert.True(login.Code == 0, login.Error);
        Assert.Contains(owner.User.Email!, login.Out, StringComparison.Ordinal);
        Assert.Contains("owner", login.Out, StringComparison.Ordinal);

        var logout = await RunAsync("logout");
        Assert.Equal(0, logout.Code);
        Assert.False(Json(File.ReadAllText(ConfigPath)).TryGetProperty("accessToken", out _));

        var whoami = await RunAsync("whoami");
        Assert.Equal(2, whoami.Code);
        Assert.Contains("novapulse login", whoami.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Task_commands_create_get_update_and_list_with_json_output()
    {
        await SignedInWithApiKeyAsync();
        var tag = "cli-" + Guid.NewGuid().ToString("N")[..8];

        var created = await RunAsync("task:create", "--title", "From the CLI", "--description", "Typed in a terminal",
            "--priority", "high", "--due", "2026-12-01T17:00:00Z", "--tag", tag, "--tag", "second", "--json");
        Assert.True(created.Code == 0, created.Error);
        var task = Json(created.Out);
        var id = task.GetProperty("id").GetString()!;
        Assert.Equal("high", task.GetProperty("priority").GetString());
        Assert.Equal(2, task.GetProperty("tags").GetArrayLength());

        var fetched = await RunAsync("task:get", id, "--json");
        Assert.Equal(0, fetched.Code);
        Assert.Equal("From the CLI", Json(fetched.Out).GetProperty("title").GetString());

        var updated = await RunAsync("task:update", id, "--status", "in_progress", "--json");
        Assert.True(updated.Code == 0, updated.Error);
        Assert.Equal("in_progress", Json(updated.Out).GetProperty("status").GetString());
        Assert.Equal("Typed in a terminal", Json(updated.Out).GetProperty("description").GetString());

        var listed = await RunAsync("task:list", "--status", "in_progress", "--tag", tag, "--json");
        Assert.Equal(0, listed.Code);
        var items = Json(listed.Out);
        Assert.Equal(1, items.GetArrayLength());
        Assert.Equal(id, items[0].GetProperty("id").GetString());

        var table = await RunAsync("task:list", "--tag", tag);
        Assert.Equal(0, table.Code);
        Assert.Contains("From the CLI", table.Out, StringComparison.Ordinal);
        Assert.Contains("in_progress", table.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Task_list_all_follows_cursors()
    {
        await SignedInWithApiKeyAsync();
        var tag = "page-" + Guid.NewGuid().ToString("N")[..8];
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(0, (await RunAsync("task:create", "--title", $"Paged {i}", "--tag", tag)).Code);
        }

        var page = await RunAsync("task:list", "--tag", tag, "--limit", "2", "--json");
        var all = await RunAsync("task:list", "--tag", tag, "--limit", "2", "--all", "--json");

        Assert.Equal(2, Json(page.Out).GetArrayLength());
        Assert.Equal(5, Json(all.Out).GetArrayLength());
    }

    [Fact]
    public async Task Environment_variables_are_enough_without_a_profile()
    {
        _environment["NOVAPULSE_API_URL"] = host.BaseUrl.ToString();
        _environment["NOVAPULSE_API_KEY"] = await host.ApiKeyAsync();

        var (code, output, error) = await RunAsync("task:list", "--json");

        Assert.True(code == 0, error);
        Assert.Equal(JsonValueKind.Array, Json(output).ValueKind);
        Assert.False(File.Exists(ConfigPath));
    }

    [Fact]
    public async Task Api_errors_exit_1_with_the_problem_details_message()
    {
        await SignedInWithApiKeyAsync();

        var missing = await RunAsync("task:get", Guid.NewGuid().ToString());
        Assert.Equal(1, missing.Code);
        Assert.Contains("404", missing.Error, StringComparison.Ordinal);

        var invalid = await RunAsync("task:create", "--title", "", "--json");
        Assert.Equal(1, invalid.Code);
        Assert.Contains("title", invalid.Error, StringComparison.Ordinal);
        Assert.Equal(400, Json(invalid.Out).GetProperty("status").GetInt32());

        _environment["NOVAPULSE_API_KEY"] = "np_wrong";
        var unauthorized = await RunAsync("whoami");
        Assert.Equal(1, unauthorized.Code);
        Assert.Contains("401", unauthorized.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("task:create")]
    [InlineData("task:create", "--title", "x", "--priority", "critical")]
    [InlineData("task:create", "--title", "x", "--due", "next tuesday")]
    [InlineData("task:get", "not-a-guid")]
    [InlineData("no-such-command")]
    [InlineData("login")]
    public async Task Usage_errors_exit_2(params string[] args)
    {
        await SignedInWithApiKeyAsync();

        var (code, _, error) = await RunAsync(args);

        Assert.Equal(2, code);
        Assert.StartsWith("Error:", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_init_commands_explain_how_to_set_up()
    {
        var (code, _, error) = await RunAsync("whoami");

        Assert.Equal(2, code);
        Assert.Contains("novapulse init", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_exits_0()
    {
        var (code, output, _) = await RunAsync("--help");

        Assert.Equal(0, code);
        Assert.Contains("task:create", output, StringComparison.Ordinal);
    }
}
