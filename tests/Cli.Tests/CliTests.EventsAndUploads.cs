using System.Text.Json;
using NovaPulse.Sdk;
using NovaPulse.Sdk.Generated;

namespace NovaPulse.Cli.Tests;

/// <summary><c>listen</c>, <c>upload</c>, <c>webhook:list</c> and the stored sign-in's token refresh, end to end.</summary>
public sealed partial class CliTests
{
    [Fact]
    public async Task Listen_forwards_a_real_event_signed_with_the_secret_it_prints()
    {
        var key = await SignedInWithApiKeyAsync(Role.Member);
        await using var receiver = await LocalReceiver.StartAsync();
        var output = new LiveWriter();
        using var error = new StringWriter();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var run = CliApp.RunAsync(["listen", "--forward-to", receiver.Url, "--events", "task.created", "--json"], Context(output, error), stop.Token);

        var ready = JsonDocument.Parse(await output.WaitForLineAsync(run)).RootElement;
        Assert.True(ready.GetProperty("ready").GetBoolean());
        receiver.Secret = ready.GetProperty("secret").GetString()!;
        Assert.StartsWith("whsec_", receiver.Secret, StringComparison.Ordinal);

        using var client = NovaPulseClient.Init(new NovaPulseOptions { BaseUrl = host.BaseUrl, ApiKey = key });
        var task = await client.CreateTaskAsync(new CreateTaskCommand { Title = "heard by listen" });
        var received = await receiver.WaitForFirstAsync(TimeSpan.FromSeconds(20));

        Assert.Null(received.VerificationError);
        var body = JsonDocument.Parse(received.Body).RootElement;
        Assert.Equal("task.created", body.GetProperty("type").GetString());
        Assert.Equal(task.Id.ToString(), body.GetProperty("data").GetProperty("id").GetString());
        Assert.Equal(body.GetProperty("id").GetString(), received.WebhookId);
        var forwarded = JsonDocument.Parse(await output.WaitForLineAsync(run)).RootElement;
        Assert.Equal(200, forwarded.GetProperty("status").GetInt32());

        await stop.CancelAsync();
        Assert.Equal(0, await run);
    }

    [Fact]
    public async Task Listen_with_an_unknown_event_type_exits_1_before_it_is_ready()
    {
        await SignedInWithApiKeyAsync(Role.Member);

        var (code, output, error) = await RunAsync("listen", "--forward-to", "http://127.0.0.1:9/hook", "--events", "task.exploded");

        Assert.Equal(1, code);
        Assert.True(error.Contains("task.exploded", StringComparison.Ordinal), error);
        Assert.DoesNotContain("Ready", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_sends_the_file_with_a_progress_bar_and_public_sets_the_visibility()
    {
        await SignedInWithApiKeyAsync(Role.Member);
        var path = Path.Combine(_home, "notes.txt");
        Directory.CreateDirectory(_home);
        await File.WriteAllTextAsync(path, string.Concat(Enumerable.Repeat("a line of notes\n", 10_000)));

        var json = await RunAsync("upload", path, "--public", "--json");
        Assert.True(json.Code == 0, json.Error);
        var upload = Json(json.Out);
        Assert.True(upload.GetProperty("isPublic").GetBoolean());
        Assert.Equal(new FileInfo(path).Length, upload.GetProperty("size").GetInt64());

        var text = await RunAsync("upload", path);
        Assert.True(text.Code == 0, text.Error);
        Assert.Contains("Uploaded notes.txt", text.Out, StringComparison.Ordinal);
        Assert.Contains("notes.txt: 100%", text.Error, StringComparison.Ordinal); // progress on stderr (plain lines: no terminal)

        var missing = await RunAsync("upload", Path.Combine(_home, "nope.txt"));
        Assert.Equal(2, missing.Code);
    }

    [Fact]
    public async Task Webhook_list_shows_the_companys_endpoints()
    {
        var key = await SignedInWithApiKeyAsync(Role.Admin);
        using var client = NovaPulseClient.Init(new NovaPulseOptions { BaseUrl = host.BaseUrl, ApiKey = key });
        var subscription = await client.SubscribeToEventsAsync(new Uri("http://127.0.0.1:9/cli-hook"), ["task.created"]);

        var json = await RunAsync("webhook:list", "--json");
        Assert.True(json.Code == 0, json.Error);
        var endpoint = Assert.Single(Json(json.Out).EnumerateArray());
        Assert.Equal(subscription.Id.ToString(), endpoint.GetProperty("id").GetString());

        var table = await RunAsync("webhook:list");
        Assert.Equal(0, table.Code);
        Assert.Contains("http://127.0.0.1:9/cli-hook", table.Out, StringComparison.Ordinal);
        Assert.DoesNotContain(subscription.Secret, table.Out + json.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_expired_stored_access_token_is_refreshed_and_the_new_tokens_saved()
    {
        var owner = await host.RegisterAsync();
        await RunAsync("init", "--api-url", host.BaseUrl.ToString());
        Assert.Equal(0, (await RunAsync("login", "--email", owner.User!.Email!)).Code);
        var stored = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(ConfigPath))!;
        var oldRefresh = stored["refreshToken"]!.GetValue<string>();
        stored["accessToken"] = "expired-access-token";
        File.WriteAllText(ConfigPath, stored.ToJsonString());

        var whoami = await RunAsync("whoami", "--json");

        Assert.True(whoami.Code == 0, whoami.Error);
        var saved = Json(File.ReadAllText(ConfigPath));
        Assert.NotEqual("expired-access-token", saved.GetProperty("accessToken").GetString());
        Assert.NotEqual(oldRefresh, saved.GetProperty("refreshToken").GetString());
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(ConfigPath));
    }

    /// <summary>Output of a command still running, read line by line.</summary>
    private sealed class LiveWriter : StringWriter
    {
        private readonly SemaphoreSlim _lines = new(0);
        private readonly System.Collections.Concurrent.ConcurrentQueue<string> _queue = new();

        public override void WriteLine(string? value)
        {
            foreach (var line in (value ?? "").Split('\n'))
            {
                _queue.Enqueue(line);
                _lines.Release();
            }
        }

        public override Task WriteLineAsync(string? value)
        {
            WriteLine(value);
            return Task.CompletedTask;
        }

        public async Task<string> WaitForLineAsync(Task<int> run)
        {
            var line = _lines.WaitAsync(TimeSpan.FromSeconds(20));
            if (await Task.WhenAny(line, run) == run)
            {
                Assert.Fail($"the command ended with {await run} before writing a line");
            }

            Assert.True(await line, "no line within 20 s");
            Assert.True(_queue.TryDequeue(out var text));
            return text!;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _lines.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
