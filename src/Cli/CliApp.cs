using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using NovaPulse.Cli.Commands;
using NovaPulse.Sdk;
using NovaPulse.Sdk.Generated;
using Spectre.Console;

namespace NovaPulse.Cli;

/// <summary>The <c>novapulse</c> commands. Exit codes: 0 ok, 1 API error, 2 usage error.</summary>
public static class CliApp
{
    public const int Ok = 0;
    public const int ApiError = 1;
    public const int UsageError = 2;

    private const string DefaultApiUrl = "http://localhost:5080";
    private static readonly JsonSerializerOptions OutputJson = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>Runs one command line; output goes to the context's writers.</summary>
    public static async Task<int> RunAsync(string[] args, CliContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var root = BuildCommands(context);
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
            {
                await context.Error.WriteLineAsync("Error: " + error.Message);
            }

            await context.Error.WriteLineAsync("Run 'novapulse --help' for usage.");
            return UsageError;
        }

        return await parsed.InvokeAsync(new InvocationConfiguration { Output = context.Out, Error = context.Error }, cancellationToken);
    }

    private static RootCommand BuildCommands(CliContext context)
    {
        var json = new Option<bool>("--json") { Description = "Write JSON for scripts instead of tables and text", Recursive = true };
        var root = new RootCommand("novapulse: manage NovaPulse from the command line.") { json };

        var initUrl = new Option<string?>("--api-url") { Description = $"API root (default: $NOVAPULSE_API_URL or {DefaultApiUrl})" };
        var init = new Command("init", "Write the profile config file (mode 0600)") { initUrl };
        init.SetAction((r, ct) => Run(context, r.GetValue(json), () =>
        {
            var path = CliConfig.PathFor(context);
            var config = CliConfig.Load(path);
            config.ApiUrl = r.GetValue(initUrl) ?? context.GetEnvironmentVariable("NOVAPULSE_API_URL") ?? config.ApiUrl ?? DefaultApiUrl;
            ValidateUrl(config.ApiUrl);
            config.Save(path);
            return Task.FromResult<object>(new InitResult(path, config.ApiUrl));
        }, result => $"Wrote {((InitResult)result).ConfigPath} (API: {((InitResult)result).ApiUrl})", ct));
        root.Add(init);

        var apiKey = new Option<string?>("--api-key") { Description = "Sign in with an API key (np_...)" };
        var email = new Option<string?>("--email") { Description = "Sign in with an email; the password is prompted" };
        var login = new Command("login", "Sign in and store the credentials in the profile") { apiKey, email };
        login.SetAction((r, ct) => Run(context, r.GetValue(json), async () =>
        {
            var path = CliConfig.PathFor(context);
            var config = CliConfig.Load(path);
            config.ApiUrl = ApiUrl(context, config);
            var key = r.GetValue(apiKey);
            var address = r.GetValue(email);
            if (key is null == address is null)
            {
                throw new UsageException("Pass either --api-key or --email.");
            }

            if (key is not null)
            {
                using var client = Connect(context, config.ApiUrl, key, null);
                var me = await client.WhoAmIAsync(ct);
                config.ApiKey = key;
                config.AccessToken = config.RefreshToken = null;
                config.Save(path);
                return Who(me);
            }

            var password = context.ReadSecret("Password:");
            using (var anonymous = Connect(context, config.ApiUrl, null, null))
            {
                var tokens = await anonymous.Auth.LoginAsync(new LoginCommand { Email = address!, Password = password }, ct);
                config.ApiKey = null;
                config.AccessToken = tokens.AccessToken;
                config.RefreshToken = tokens.RefreshToken;
            }

            using var signedIn = Connect(context, config.ApiUrl, null, config.AccessToken);
            var who = await signedIn.WhoAmIAsync(ct);
            config.Save(path);
            return Who(who);
        }, result => $"Signed in as {Describe(result)}", ct));
        root.Add(login);

        var logout = new Command("logout", "Forget the stored credentials (and revoke the sign-in)");
        logout.SetAction((r, ct) => Run(context, r.GetValue(json), async () =>
        {
            var path = CliConfig.PathFor(context);
            var config = CliConfig.Load(path);
            if (config.AccessToken is not null && config.RefreshToken is not null && config.ApiUrl is not null)
            {
                try
                {
                    using var client = Connect(context, config.ApiUrl, null, config.AccessToken);
                    await client.Auth.LogoutAsync(new LogoutCommand { RefreshToken = config.RefreshToken }, ct);
                }
                catch (NovaPulseApiException)
                {
                    // An expired token cannot revoke itself; forgetting it locally is what matters.
                }
            }

            config.ApiKey = config.AccessToken = config.RefreshToken = null;
            config.Save(path);
            return new { loggedOut = true };
        }, _ => "Signed out.", ct));
        root.Add(logout);

        var whoami = new Command("whoami", "Show who the stored credentials belong to");
        whoami.SetAction((r, ct) => Run(context, r.GetValue(json), async () =>
        {
            using var client = Connect(context);
            return Who(await client.WhoAmIAsync(ct));
        }, Describe, ct));
        root.Add(whoami);

        root.Add(TaskCreate(context, json));
        root.Add(TaskList(context, json));
        root.Add(TaskGet(context, json));
        root.Add(TaskUpdate(context, json));
        root.Add(UploadCommand.Create(context, json));
        root.Add(WebhookListCommand.Create(context, json));
        root.Add(ListenCommand.Create(context, json));
        return root;
    }

    private static Command TaskCreate(CliContext context, Option<bool> json)
    {
        var title = new Option<string>("--title") { Description = "Title", Required = true };
        var fields = new TaskFields();
        var command = new Command("task:create", "Create a task") { title };
        fields.AddTo(command);
        command.SetAction((r, ct) => Run(context, r.GetValue(json), async () =>
        {
            using var client = Connect(context);
            return await client.CreateTaskAsync(new CreateTaskCommand
            {
                Title = r.GetValue(title)!,
                Description = r.GetValue(fields.Description),
                Status = ParseEnum<TaskItemStatus>(r.GetValue(fields.Status), "--status"),
                Priority = ParseEnum<TaskPriority>(r.GetValue(fields.Priority), "--priority"),
                DueDate = ParseDate(r.GetValue(fields.Due), "--due"),
                AssigneeId = ParseGuid(r.GetValue(fields.Assignee), "--assignee"),
                Tags = r.GetValue(fields.Tags) is { Length: > 0 } tags ? [.. tags] : null,
            }, ct);
        }, result => $"Created task {((TaskDto)result).Id}: {((TaskDto)result).Title}", ct));
        return command;
    }

    private static Command TaskList(CliContext context, Option<bool> json)
    {
        var status = new Option<string?>("--status") { Description = "todo, in_progress, done, ..." };
        var priority = new Option<string?>("--priority") { Description = "low, medium, high, urgent" };
        var tag = new Option<string?>("--tag") { Description = "Only tasks with this tag" };
        var assignee = new Option<string?>("--assignee") { Description = "Only tasks assigned to this member id" };
        var search = new Option<string?>("--search") { Description = "Text in title or description" };
        var sort = new Option<string?>("--sort") { Description = "Sort field, '-' for descending, e.g. -priority" };
        var limit = new Option<int?>("--limit") { Description = "Page size (1-100)" };
        var all = new Option<bool>("--all") { Description = "Follow the cursors and list every matching task" };
        var command = new Command("task:list", "List tasks") { status, priority, tag, assignee, search, sort, limit, all };
        command.SetAction((r, ct) => Run(context, r.GetValue(json), async () =>
        {
            var filter = new TaskFilter
            {
                Status = ParseEnum<TaskItemStatus>(r.GetValue(status), "--status"),
                Priority = ParseEnum<TaskPriority>(r.GetValue(priority), "--priority"),
                Tag = r.GetValue(tag),
                AssigneeId = ParseGuid(r.GetValue(assignee), "--assignee"),
                Search = r.GetValue(search),
                Sort = r.GetValue(sort),
                Limit = r.GetValue(limit),
            };
            using var client = Connect(context);
            if (!r.GetValue(all))
            {
                return (await client.GetTasksAsync(filter, ct)).Items ?? [];
            }

            var tasks = new List<TaskDto>();
            await foreach (var task in client.ListAllTasksAsync(filter, ct))
            {
                tasks.Add(task);
            }

            return tasks;
        }, result => RenderTable(context, (List<TaskDto>)result), ct));
        return command;
    }

    private static Command TaskGet(CliContext context, Option<bool> json)
    {
        var id = new Argument<string>("id") { Description = "Task id" };
        var command = new Command("task:get", "Show a task") { id };
        command.SetAction((r, ct) => Run(context, r.GetValue(json), async () =>
        {
            using var client = Connect(context);
            return await client.GetTaskAsync(ParseGuid(r.GetValue(id), "id")!.Value, ct);
        }, result => Details((TaskDto)result), ct));
        return command;
    }

    private static Command TaskUpdate(CliContext context, Option<bool> json)
    {
        var id = new Argument<string>("id") { Description = "Task id" };
        var title = new Option<string?>("--title") { Description = "New title" };
        var fields = new TaskFields();
        var command = new Command("task:update", "Change some fields of a task") { id, title };
        fields.AddTo(command);
        command.SetAction((r, ct) => Run(context, r.GetValue(json), async () =>
        {
            var changes = new UpdateTaskRequest
            {
                Title = r.GetValue(title),
                Description = r.GetValue(fields.Description),
                Status = ParseEnum<TaskItemStatus>(r.GetValue(fields.Status), "--status"),
                Priority = ParseEnum<TaskPriority>(r.GetValue(fields.Priority), "--priority"),
                DueDate = ParseDate(r.GetValue(fields.Due), "--due"),
                AssigneeId = ParseGuid(r.GetValue(fields.Assignee), "--assignee"),
                Tags = r.GetValue(fields.Tags) is { Length: > 0 } tags ? [.. tags] : null,
            };
            var taskId = ParseGuid(r.GetValue(id), "id")!.Value;
            using var client = Connect(context);
            return await client.UpdateTaskAsync(taskId, changes, cancellationToken: ct);
        }, result => $"Updated task {((TaskDto)result).Id} (version {((TaskDto)result).Version})", ct));
        return command;
    }

    private sealed record InitResult(string ConfigPath, string ApiUrl);

    private sealed class TaskFields
    {
        public Option<string?> Description { get; } = new("--description") { Description = "Description" };

        public Option<string?> Status { get; } = new("--status") { Description = "todo, in_progress, done, ..." };

        public Option<string?> Priority { get; } = new("--priority") { Description = "low, medium, high, urgent" };

        public Option<string?> Due { get; } = new("--due") { Description = "Due date, ISO 8601 (UTC unless an offset is given)" };

        public Option<string?> Assignee { get; } = new("--assignee") { Description = "Member id to assign" };

        public Option<string[]> Tags { get; } = new("--tag") { Description = "A tag (repeat for several)", AllowMultipleArgumentsPerToken = false };

        public void AddTo(Command command)
        {
            command.Add(Description);
            command.Add(Status);
            command.Add(Priority);
            command.Add(Due);
            command.Add(Assignee);
            command.Add(Tags);
        }
    }

    /// <summary>Runs one command body and maps its outcome to output and an exit code.</summary>
    internal static async Task<int> Run(CliContext context, bool json, Func<Task<object>> body, Func<object, string> text, CancellationToken cancelled = default)
    {
        try
        {
            var result = await body();
            if (json)
            {
                await context.Out.WriteLineAsync(JsonSerializer.Serialize(result, result.GetType(), OutputJson));
            }
            else
            {
                var rendered = text(result);
                if (rendered.Length > 0)
                {
                    await context.Out.WriteLineAsync(rendered);
                }
            }

            return Ok;
        }
        catch (OperationCanceledException) when (cancelled.IsCancellationRequested)
        {
            // Ctrl+C on a long-running command (listen): a normal end.
            return Ok;
        }
        catch (UsageException e)
        {
            await context.Error.WriteLineAsync("Error: " + e.Message);
            return UsageError;
        }
        catch (NovaPulseApiException e)
        {
            await context.Error.WriteLineAsync("Error: " + e.Message);
            if (json)
            {
                await context.Out.WriteLineAsync(JsonSerializer.Serialize(new { status = e.Status, code = e.Code, type = e.Type, title = e.Title, detail = e.Detail, errors = e.Errors, traceId = e.TraceId }, OutputJson));
            }

            return ApiError;
        }
        catch (HttpRequestException e)
        {
            await context.Error.WriteLineAsync($"Error: could not reach the API ({e.Message}).");
            return ApiError;
        }
    }

    private static string ApiUrl(CliContext context, CliConfig config)
    {
        var url = context.GetEnvironmentVariable("NOVAPULSE_API_URL") is { Length: > 0 } fromEnv ? fromEnv : config.ApiUrl;
        if (string.IsNullOrEmpty(url))
        {
            throw new UsageException("No API URL: run 'novapulse init --api-url <url>' or set NOVAPULSE_API_URL.");
        }

        ValidateUrl(url);
        return url;
    }

    private static void ValidateUrl(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new UsageException($"'{url}' is not an http(s) URL.");
        }
    }

    /// <summary>A client from the environment (NOVAPULSE_API_URL, NOVAPULSE_API_KEY) or the profile.</summary>
    internal static NovaPulseClient Connect(CliContext context)
    {
        var config = CliConfig.Load(CliConfig.PathFor(context));
        var url = ApiUrl(context, config);
        if (context.GetEnvironmentVariable("NOVAPULSE_API_KEY") is { Length: > 0 } key)
        {
            return Connect(context, url, key, null);
        }

        if (config.ApiKey is null && config.AccessToken is null)
        {
            throw new UsageException("Not signed in: run 'novapulse login' or set NOVAPULSE_API_KEY.");
        }

        if (config.ApiKey is not null)
        {
            return Connect(context, url, config.ApiKey, null);
        }

        // A signed-in user: an expired access token is refreshed by the SDK and the new pair stored for the next run.
        var path = CliConfig.PathFor(context);
        return Connect(context, url, null, config.AccessToken, config.RefreshToken, (access, refresh) =>
        {
            var current = CliConfig.Load(path);
            current.AccessToken = access;
            current.RefreshToken = refresh;
            current.Save(path);
        });
    }

    private static NovaPulseClient Connect(
        CliContext context, string url, string? apiKey, string? accessToken, string? refreshToken = null, Action<string, string>? refreshed = null) =>
        NovaPulseClient.Init(new NovaPulseOptions
        {
            BaseUrl = new Uri(url),
            ApiKey = apiKey,
            AccessToken = accessToken,
            RefreshToken = refreshToken,
            TokensRefreshed = refreshed,
            Timeout = TimeSpan.FromSeconds(60),
            PrimaryHandler = context.HttpHandler,
        });

    private static object Who(MeResponse me) => new
    {
        userId = me.User?.Id,
        email = me.User?.Email,
        name = me.User?.Name,
        companyId = me.Company?.Id,
        company = me.Company?.Name,
        role = me.Role is { } role ? JsonNamingPolicy.SnakeCaseLower.ConvertName(role.ToString()) : null,
        apiKeyId = me.ApiKeyId,
    };

    private static string Describe(object who)
    {
        var element = JsonSerializer.SerializeToElement(who);
        return $"{element.GetProperty("email").GetString()} ({element.GetProperty("role").GetString()}) in {element.GetProperty("company").GetString()}";
    }

    private static string Details(TaskDto task) => string.Join(Environment.NewLine,
        $"Id:          {task.Id}",
        $"Title:       {task.Title}",
        $"Status:      {Name(task.Status)}",
        $"Priority:    {Name(task.Priority)}",
        $"Due:         {task.DueDate?.ToString("u", CultureInfo.InvariantCulture)}",
        $"Assignee:    {task.AssigneeId}",
        $"Tags:        {string.Join(", ", task.Tags ?? [])}",
        $"Version:     {task.Version}",
        $"Description: {task.Description}");

    private static string RenderTable(CliContext context, List<TaskDto> tasks)
    {
        var console = CliConsole.For(context.Out);
        var table = new Table().AddColumns("Id", "Title", "Status", "Priority", "Due", "Tags");
        foreach (var task in tasks)
        {
            table.AddRow(
                Markup.Escape(task.Id?.ToString() ?? ""),
                Markup.Escape(task.Title ?? ""),
                Name(task.Status),
                Name(task.Priority),
                task.DueDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
                Markup.Escape(string.Join(", ", task.Tags ?? [])));
        }

        console.Write(table);
        return tasks.Count == 0 ? "No tasks." : "";
    }

    private static string Name<TEnum>(TEnum? value)
        where TEnum : struct, Enum => value is { } v ? JsonNamingPolicy.SnakeCaseLower.ConvertName(v.ToString()) : "";

    internal static TEnum? ParseEnum<TEnum>(string? value, string option)
        where TEnum : struct, Enum
    {
        if (value is null)
        {
            return null;
        }

        var normalized = value.Replace("_", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        if (Enum.TryParse<TEnum>(normalized, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(value, out _))
        {
            return parsed;
        }

        var allowed = string.Join(", ", Enum.GetValues<TEnum>().Select(v => JsonNamingPolicy.SnakeCaseLower.ConvertName(v.ToString())));
        throw new UsageException($"{option} '{value}' is not one of: {allowed}.");
    }

    private static DateTimeOffset? ParseDate(string? value, string option)
    {
        if (value is null)
        {
            return null;
        }

        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)
            ? parsed.ToUniversalTime()
            : throw new UsageException($"{option} '{value}' is not a date (use ISO 8601, e.g. 2026-12-01T17:00:00Z).");
    }

    private static Guid? ParseGuid(string? value, string option)
    {
        if (value is null)
        {
            return null;
        }

        return Guid.TryParse(value, out var parsed) ? parsed : throw new UsageException($"{option} '{value}' is not an id (a UUID).");
    }
}
