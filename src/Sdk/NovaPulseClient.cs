using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text.Json;
using NovaPulse.Sdk.Events;
using NovaPulse.Sdk.Generated;
using NovaPulse.Sdk.Http;
using NovaPulse.Sdk.Uploads;

namespace NovaPulse.Sdk;

/// <summary>
/// The NovaPulse API client: friendly task methods on top of the generated clients (<see cref="Tasks"/>,
/// <see cref="Auth"/>, <see cref="Members"/>, ...), which cover every operation of the contract. Create one with
/// <see cref="Init"/> and reuse it; it is thread-safe.
/// </summary>
public sealed class NovaPulseClient : IDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly TimeSpan DefaultReconnectDelay = TimeSpan.FromSeconds(3);

    private readonly HttpClient _http;
    private readonly Uri _baseUrl;

    private NovaPulseClient(HttpClient http, Uri baseUrl)
    {
        _http = http;
        _baseUrl = baseUrl;
        var root = baseUrl.ToString();
        Tasks = new TasksClient(root, http);
        Auth = new AuthClient(root, http);
        Members = new MembersClient(root, http);
        ApiKeys = new ApiKeysClient(root, http);
        AuditLogs = new AuditLogsClient(root, http);
        Invitations = new InvitationsClient(root, http);
        Webhooks = new WebhooksClient(root, http);
        Uploads = new UploadsClient(root, http);
        Events = new EventsClient(root, http);
        Billing = new BillingClient(root, http);
        Integrations = new IntegrationsClient(root, http);
    }

    /// <summary>Tasks: list, create, get, update, delete.</summary>
    public ITasksClient Tasks { get; }

    /// <summary>Register, login, refresh, logout, me.</summary>
    public IAuthClient Auth { get; }

    /// <summary>Members and invitations.</summary>
    public IMembersClient Members { get; }

    /// <summary>API keys (Admin).</summary>
    public IApiKeysClient ApiKeys { get; }

    /// <summary>The audit trail (Admin).</summary>
    public IAuditLogsClient AuditLogs { get; }

    /// <summary>Accepting invitations (public).</summary>
    public IInvitationsClient Invitations { get; }

    /// <summary>Webhook endpoints, their delivery logs, replay and secret rotation.</summary>
    public IWebhooksClient Webhooks { get; }

    /// <summary>The media library.</summary>
    public IUploadsClient Uploads { get; }

    /// <summary>The raw event stream; <see cref="StreamEventsAsync"/> parses it and reconnects.</summary>
    public IEventsClient Events { get; }

    /// <summary>Plans, subscription, Checkout and the billing portal (Admin).</summary>
    public IBillingClient Billing { get; }

    /// <summary>Email, Slack and Google integrations: configure, test, choose notifications (Admin).</summary>
    public IIntegrationsClient Integrations { get; }

    /// <summary>
    /// The configured <see cref="HttpClient"/> (authentication, idempotency keys, retries, errors as
    /// <see cref="NovaPulseApiException"/>), for endpoints newer than this SDK.
    /// </summary>
    public HttpClient HttpClient => _http;

    /// <summary>Creates a client from options.</summary>
    /// <exception cref="ArgumentException">No base URL, or both an API key and an access token.</exception>
    public static NovaPulseClient Init(NovaPulseOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.BaseUrl is null || !options.BaseUrl.IsAbsoluteUri)
        {
            throw new ArgumentException("NovaPulseOptions.BaseUrl must be an absolute URL, e.g. https://api.novapulse.example.", nameof(options));
        }

        if (!string.IsNullOrEmpty(options.ApiKey) && !string.IsNullOrEmpty(options.AccessToken))
        {
            throw new ArgumentException("Set either NovaPulseOptions.ApiKey or NovaPulseOptions.AccessToken, not both.", nameof(options));
        }

        if (!string.IsNullOrEmpty(options.RefreshToken) && string.IsNullOrEmpty(options.AccessToken))
        {
            throw new ArgumentException("NovaPulseOptions.RefreshToken needs an AccessToken.", nameof(options));
        }

        HttpMessageHandler idempotentRetries = new IdempotencyKeyHandler
        {
            InnerHandler = new RetryHandler(options.MaxRetries, options.RetryBaseDelay, options.MaxRetryDelay)
            {
                InnerHandler = options.PrimaryHandler ?? new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) },
            },
        };
        if (!string.IsNullOrEmpty(options.AccessToken))
        {
            // Above the problem mapping's input: it must see a raw 401 to refresh and repeat the request.
            idempotentRetries = new TokenRefreshHandler(options.BaseUrl, options.AccessToken, options.RefreshToken, options.TokensRefreshed)
            {
                InnerHandler = idempotentRetries,
            };
        }

        var pipeline = new ProblemDetailsHandler { InnerHandler = idempotentRetries };
        var http = new HttpClient(pipeline, disposeHandler: true) { Timeout = options.Timeout };
        if (!string.IsNullOrEmpty(options.ApiKey))
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", options.ApiKey);
        }

        http.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("NovaPulse.Sdk", typeof(NovaPulseClient).Assembly.GetName().Version?.ToString(3)));
        return new NovaPulseClient(http, options.BaseUrl);
    }

    /// <summary>Creates a task; safe to retry (an idempotency key is sent).</summary>
    public Task<TaskDto> CreateTaskAsync(CreateTaskCommand task, CancellationToken cancellationToken = default) =>
        Tasks.CreateAsync(task, cancellationToken);

    /// <summary>Gets one task.</summary>
    public Task<TaskDto> GetTaskAsync(Guid id, CancellationToken cancellationToken = default) =>
        Tasks.GetAsync(id, cancellationToken);

    /// <summary>Changes the fields set (non-null) in <paramref name="changes"/>; <paramref name="ifMatch"/> (the version) guards against lost updates.</summary>
    public Task<TaskDto> UpdateTaskAsync(Guid id, UpdateTaskRequest changes, int? ifMatch = null, CancellationToken cancellationToken = default) =>
        Tasks.UpdateAsync(id, changes, ifMatch is { } version ? $"\"{version}\"" : null, cancellationToken);

    /// <summary>Deletes a task.</summary>
    public Task DeleteTaskAsync(Guid id, CancellationToken cancellationToken = default) =>
        Tasks.DeleteAsync(id, null, cancellationToken);

    /// <summary>One page of tasks; pass the page's <c>NextCursor</c> as <see cref="TaskFilter.Cursor"/> for the next.</summary>
    public Task<PageOfTaskDto> GetTasksAsync(TaskFilter? filter = null, CancellationToken cancellationToken = default)
    {
        var f = filter ?? new TaskFilter();
        return Tasks.ListAsync(
            status: f.Status,
            priority: f.Priority,
            assigneeId: f.AssigneeId,
            tag: f.Tag,
            search: f.Search,
            dueBefore: f.DueBefore,
            dueAfter: f.DueAfter,
            sort: f.Sort,
            limit: f.Limit,
            cursor: f.Cursor,
            cancellationToken: cancellationToken);
    }

    /// <summary>Every task matching the filter, fetching page after page as the caller enumerates.</summary>
    public async IAsyncEnumerable<TaskDto> ListAllTasksAsync(TaskFilter? filter = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var current = filter ?? new TaskFilter();
        while (true)
        {
            var page = await GetTasksAsync(current, cancellationToken).ConfigureAwait(false);
            foreach (var task in page.Items ?? [])
            {
                yield return task;
            }

            if (string.IsNullOrEmpty(page.NextCursor))
            {
                yield break;
            }

            current = current with { Cursor = page.NextCursor };
        }
    }

    /// <summary>The caller: user, company, role and (for API keys) the key id.</summary>
    public Task<MeResponse> WhoAmIAsync(CancellationToken cancellationToken = default) => Auth.MeAsync(cancellationToken);

    /// <summary>
    /// Creates a webhook endpoint (Admin) that receives <paramref name="events"/> (<see cref="NovaPulseEventTypes"/>, or <c>"*"</c> for all) at
    /// <paramref name="url"/>; returns its id and signing secret, which is shown only this once.
    /// </summary>
    public async Task<WebhookSubscription> SubscribeToEventsAsync(Uri url, IEnumerable<string> events, string? description = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(events);
        var endpoint = await Webhooks.CreateAsync(new CreateWebhookCommand { Url = url.ToString(), Events = [.. events], Description = description }, cancellationToken)
            .ConfigureAwait(false);
        return new WebhookSubscription(endpoint.Id!.Value, endpoint.Secret!);
    }

    /// <summary>The company's webhook endpoints (secrets masked), following every cursor.</summary>
    public async IAsyncEnumerable<WebhookEndpointDto> ListAllWebhooksAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        string? cursor = null;
        do
        {
            var page = await Webhooks.ListAsync(limit: 100, cursor: cursor, cancellationToken: cancellationToken).ConfigureAwait(false);
            foreach (var endpoint in page.Items ?? [])
            {
                yield return endpoint;
            }

            cursor = page.NextCursor;
        }
        while (!string.IsNullOrEmpty(cursor));
    }

    /// <summary>Uploads a file from disk; <paramref name="progress"/> hears the bytes sent so far.</summary>
    public Task<UploadDto> UploadAsync(string path, bool isPublic = false, IProgress<long>? progress = null, string? folder = null, CancellationToken cancellationToken = default)
    {
        var file = new FileInfo(path);
        if (!file.Exists)
        {
            throw new FileNotFoundException($"No file at {path}.", path);
        }

        return UploadAsync(() => file.OpenRead(), file.Name, file.Length, isPublic, progress, folder, cancellationToken);
    }

    /// <summary>
    /// Uploads what <paramref name="open"/> returns (called again if the request is retried) as <paramref name="fileName"/>;
    /// <paramref name="progress"/> hears the bytes sent so far.
    /// </summary>
    public async Task<UploadDto> UploadAsync(
        Func<Stream> open, string fileName, long? length = null, bool isPublic = false, IProgress<long>? progress = null, string? folder = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(open);
        using var form = new MultipartFormDataContent();
        // Fields before the file: the API streams the file to storage as it arrives.
        form.Add(new StringContent(isPublic ? "true" : "false"), "isPublic");
        if (folder is not null)
        {
            form.Add(new StringContent(folder), "folder");
        }

        form.Add(new ProgressFileContent(open, length, ContentTypes.For(fileName), progress), "file", fileName);
        using var response = await _http.PostAsync(new Uri(_baseUrl, "api/v1/uploads"), form, cancellationToken).ConfigureAwait(false);
        return (await response.Content.ReadFromJsonAsync<UploadDto>(Json, cancellationToken).ConfigureAwait(false))!;
    }

    /// <summary>
    /// The company's events live (from now, or after <paramref name="lastEventId"/>), optionally only
    /// <paramref name="events"/>. A dropped connection is reopened with the last event's id, so nothing is missed;
    /// enumeration ends only when <paramref name="cancellationToken"/> fires or the API refuses the stream.
    /// </summary>
    public async IAsyncEnumerable<NovaPulseEvent> StreamEventsAsync(
        IEnumerable<string>? events = null, string? lastEventId = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var types = events?.ToList();
        var reconnectDelay = DefaultReconnectDelay;
        while (true)
        {
            FileResponse? response = null;
            try
            {
                response = await Events.StreamAsync(types is { Count: > 0 } ? types : null, lastEventId, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (IsDropped(e, cancellationToken))
            {
                // Unreachable for now: wait and reconnect below.
            }

            if (response is not null)
            {
                using (response)
                using (var parser = new ServerSentEventParser(response.Stream))
                {
                    while (await NextAsync(parser, cancellationToken).ConfigureAwait(false) is { } message)
                    {
                        reconnectDelay = message.Retry ?? reconnectDelay;
                        if (message.Event is null || message.Data is null)
                        {
                            continue;
                        }

                        lastEventId = message.Id ?? lastEventId;
                        yield return new NovaPulseEvent(message.Id ?? "", message.Event, message.Data);
                    }
                }
            }

            await Task.Delay(reconnectDelay, cancellationToken).ConfigureAwait(false);
        }
    }

    public void Dispose() => _http.Dispose();

    private static async Task<ServerSentEvent?> NextAsync(ServerSentEventParser parser, CancellationToken cancellationToken)
    {
        try
        {
            return await parser.ReadAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (IsDropped(e, cancellationToken))
        {
            return null;
        }
    }

    /// <summary>A transport failure (not the caller's cancellation, not an API refusal): worth reconnecting.</summary>
    private static bool IsDropped(Exception e, CancellationToken cancellationToken) =>
        !cancellationToken.IsCancellationRequested && e is HttpRequestException or IOException or OperationCanceledException;
}
