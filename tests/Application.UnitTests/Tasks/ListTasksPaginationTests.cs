using NovaPulse.Application.Common.Paging;
using NovaPulse.Application.Tasks.Common;
using NovaPulse.Application.Tasks.List;
using NovaPulse.Domain.Common;
using NovaPulse.Domain.Tasks;
using static NovaPulse.Application.UnitTests.TestTasks;

namespace NovaPulse.Application.UnitTests.Tasks;

public sealed class ListTasksPaginationTests : IDisposable
{
    private const int TaskCount = 13;

    private readonly TestDatabase _database = new();

    public void Dispose() => _database.Dispose();

    public static TheoryData<string> Sorts => [.. TaskSort.Allowed];

    /// <summary>
    /// Tasks with many equal sort keys (same priority, several created in the same instant) so the id tie-breaker
    /// matters, and updates that reorder them by updatedAt.
    /// </summary>
    private async Task<List<TaskDto>> SeedAsync()
    {
        var acme = await TestTenant.CreateAsync(_database, "Acme");
        _database.CurrentUser.SignInAs(acme.Owner);
        var tasks = new List<TaskDto>();
        for (var i = 0; i < TaskCount; i++)
        {
            tasks.Add(await _database.CreateTaskAsync(NewTask($"Task {i}", priority: (TaskPriority)(i % 3))));
            if (i % 3 == 2)
            {
                _database.Clock.Advance(TimeSpan.FromSeconds(1));
            }
        }

        for (var i = 0; i < TaskCount; i += 4)
        {
            _database.Clock.Advance(TimeSpan.FromSeconds(1));
            await _database.UpdateTaskAsync(Change(tasks[i].Id) with { Title = Optional<string?>.Of($"Task {i} (edited)") });
        }

        return tasks;
    }

    private async Task<List<Page<TaskDto>>> AllPagesAsync(string? sort, int limit)
    {
        var pages = new List<Page<TaskDto>>();
        string? cursor = null;
        do
        {
            var page = await _database.ListTasksAsync(new ListTasksQuery(Sort: sort, Limit: limit, Cursor: cursor));
            pages.Add(page);
            cursor = page.NextCursor;
            Assert.True(pages.Count <= TaskCount, "Pagination does not terminate.");
        }
        while (cursor is not null);

        return pages;
    }

    private static IComparable SortKey(TaskDto task, string sort) => sort.TrimStart('-') switch
    {
        "priority" => task.Priority,
        "updatedAt" => task.UpdatedAt,
        _ => task.CreatedAt,
    };

    [Theory]
    [MemberData(nameof(Sorts))]
    public async Task Paging_through_every_sort_returns_each_task_exactly_once(string sort)
    {
        var seeded = await SeedAsync();

        var pages = await AllPagesAsync(sort, limit: 4);

        var ids = pages.SelectMany(p => p.Items).Select(t => t.Id).ToList();
        Assert.Equal(TaskCount, ids.Count);
        Assert.Equal(seeded.Select(t => t.Id).Order(), ids.Order());
        Assert.Equal([4, 4, 4, 1], pages.Select(p => p.Items.Count));
    }

    [Theory]
    [MemberData(nameof(Sorts))]
    public async Task Small_pages_concatenate_to_the_same_order_as_one_large_page(string sort)
    {
        await SeedAsync();

        var paged = (await AllPagesAsync(sort, limit: 3)).SelectMany(p => p.Items).Select(t => t.Id);
        var whole = (await _database.ListTasksAsync(new ListTasksQuery(Sort: sort, Limit: PageRequest.MaxLimit))).Items.Select(t => t.Id);

        Assert.Equal(whole, paged);
    }

    [Theory]
    [MemberData(nameof(Sorts))]
    public async Task Pages_follow_the_requested_sort_direction(string sort)
    {
        await SeedAsync();

        var keys = (await AllPagesAsync(sort, limit: 5)).SelectMany(p => p.Items).Select(t => SortKey(t, sort)).ToList();

        var descending = sort.StartsWith('-');
        for (var i = 1; i < keys.Count; i++)
        {
            var comparison = keys[i - 1].CompareTo(keys[i]);
            Assert.True(descending ? comparison >= 0 : comparison <= 0, $"Out of order at position {i} for sort '{sort}'.");
        }
    }

    [Fact]
    public async Task The_default_order_is_newest_first()
    {
        var seeded = await SeedAsync();

        var first = (await _database.ListTasksAsync(new ListTasksQuery(Limit: 1))).Items.Single();

        Assert.Equal(seeded.Max(t => t.CreatedAt), first.CreatedAt);
    }

    [Fact]
    public async Task The_last_page_has_no_next_cursor()
    {
        await SeedAsync();

        var exact = await _database.ListTasksAsync(new ListTasksQuery(Limit: TaskCount));
        var larger = await _database.ListTasksAsync(new ListTasksQuery(Limit: TaskCount + 1));
        var smaller = await _database.ListTasksAsync(new ListTasksQuery(Limit: TaskCount - 1));

        Assert.Null(exact.NextCursor);
        Assert.Null(larger.NextCursor);
        Assert.NotNull(smaller.NextCursor);
    }

    [Fact]
    public async Task Tasks_created_while_paging_cause_no_duplicates_or_gaps_in_the_rest()
    {
        var seeded = await SeedAsync();
        var firstPage = await _database.ListTasksAsync(new ListTasksQuery(Limit: 5));

        _database.Clock.Advance(TimeSpan.FromMinutes(1));
        await _database.CreateTaskAsync(NewTask("Newcomer"));
        var rest = new List<TaskDto>();
        var cursor = firstPage.NextCursor;
        while (cursor is not null)
        {
            var page = await _database.ListTasksAsync(new ListTasksQuery(Limit: 5, Cursor: cursor));
            rest.AddRange(page.Items);
            cursor = page.NextCursor;
        }

        var seen = firstPage.Items.Concat(rest).Select(t => t.Id).ToList();
        Assert.Equal(seeded.Select(t => t.Id).Order(), seen.Order());
    }

    [Fact]
    public async Task Filters_apply_on_every_page()
    {
        await SeedAsync();

        var items = (await AllPagesAsyncFiltered(TaskPriority.Medium, limit: 2)).ToList();

        Assert.Equal(4, items.Count);
        Assert.All(items, t => Assert.Equal(TaskPriority.Medium, t.Priority));
        Assert.Equal(items.Count, items.Select(t => t.Id).Distinct().Count());
    }

    private async Task<IEnumerable<TaskDto>> AllPagesAsyncFiltered(TaskPriority priority, int limit)
    {
        var items = new List<TaskDto>();
        string? cursor = null;
        do
        {
            var page = await _database.ListTasksAsync(new ListTasksQuery(Priority: priority, Sort: "-priority", Limit: limit, Cursor: cursor));
            items.AddRange(page.Items);
            cursor = page.NextCursor;
        }
        while (cursor is not null);

        return items;
    }
}
