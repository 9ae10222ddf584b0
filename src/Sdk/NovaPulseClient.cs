using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using NovaPulse.Sdk.Generated;
using NovaPulse.Sdk.Http;

namespace NovaPulse.Sdk;

/// <summary>
/// The NovaPulse API client: friendly task methods on top of the generated clients (<see cref="Tasks"/>,
/// <see cref="Auth"/>, <see cref="Members"/>, ...), which cover every operation of the contract. Create one with
/// <see cref="Init"/> and reuse it; it is thread-safe.
/// </summary>
public sealed class NovaPulseClient : IDisposable
{
    private readonly HttpClient _http;

    private NovaPulseClient(HttpClient http, string baseUrl)
    {
        _http = http;
        Tasks = new TasksClient(baseUrl, http);
        Auth = new AuthClient(baseUrl, http);
        Members = new MembersClient(baseUrl, http);
        ApiKeys = new ApiKeysClient(baseUrl, http);
        AuditLogs = new AuditLogsClient(baseUrl, http);
        Invitations = new InvitationsClient(baseUrl, http);
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

        var pipeline = new ProblemDetailsHandler
        {
            InnerHandler = new IdempotencyKeyHandler
            {
                InnerHandler = new RetryHandler(options.MaxRetries, options.RetryBaseDelay, options.MaxRetryDelay)
                {
                    InnerHandler = options.PrimaryHandler ?? new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) },
                },
            },
        };
        var http = new HttpClient(pipeline, disposeHandler: true) { Timeout = options.Timeout };
        var token = string.IsNullOrEmpty(options.ApiKey) ? options.AccessToken : options.ApiKey;
        if (!string.IsNullOrEmpty(token))
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        http.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("NovaPulse.Sdk", typeof(NovaPulseClient).Assembly.GetName().Version?.ToString(3)));
        return new NovaPulseClient(http, options.BaseUrl.ToString());
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

    public void Dispose() => _http.Dispose();
}
