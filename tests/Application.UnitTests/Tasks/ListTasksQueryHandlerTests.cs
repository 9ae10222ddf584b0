using NovaPulse.Application.Tasks.List;
using NovaPulse.Domain.Tasks;
using static NovaPulse.Application.UnitTests.TestTasks;

namespace NovaPulse.Application.UnitTests.Tasks;

public sealed class ListTasksQueryHandlerTests : IDisposable
{
    private readonly TestDatabase _database = new();

    public void Dispose() => _database.Dispose();

    /// <summary>Four tasks created a minute apart: alpha (oldest) to delta (newest).</summary>
    private async Task<(Guid Bob, DateTimeOffset Start)> SeedAsync()
    {
        var acme = await TestTenant.CreateAsync(_database, "Acme");
        var bob = await acme.AddMemberAsync(_database, "Bob");
        _database.CurrentUser.SignInAs(acme.Owner);
        var start = _database.Clock.GetUtcNow();

        await _database.CreateTaskAsync(NewTask(
            "Alpha release", TaskItemStatus.Todo, TaskPriority.High, bob.Id, ["backend", "urgent"], dueDate: start.AddDays(1)));
        _database.Clock.Advance(TimeSpan.FromMinutes(1));
        await _database.CreateTaskAsync(NewTask(
            "Beta docs", TaskItemStatus.InProgress, TaskPriority.Low, tags: ["docs"], description: "Update the README", dueDate: start.AddDays(10)));
        _database.Clock.Advance(TimeSpan.FromMinutes(1));
        await _database.CreateTaskAsync(NewTask("Gamma fix", TaskItemStatus.Done, TaskPriority.Urgent, acme.Owner.Id, ["backend"]));
        _database.Clock.Advance(TimeSpan.FromMinutes(1));
        await _database.CreateTaskAsync(NewTask("Delta", TaskItemStatus.Todo, TaskPriority.Low));
        return (bob.Id, start);
    }

    private async Task<List<string>> TitlesAsync(ListTasksQuery query) =>
        [.. (await _database.ListTasksAsync(query)).Items.Select(t => t.Title)];

    [Fact]
    public async Task Without_filters_all_tasks_are_listed_newest_first()
    {
        await SeedAsync();

        Assert.Equal(["Delta", "Gamma fix", "Beta docs", "Alpha release"], await TitlesAsync(new ListTasksQuery()));
    }

    [Fact]
    public async Task Filtering_by_status_keeps_only_that_status()
    {
        await SeedAsync();

        Assert.Equal(["Delta", "Alpha release"], await TitlesAsync(new ListTasksQuery(Status: TaskItemStatus.Todo)));
    }

    [Fact]
    public async Task Filtering_by_priority_keeps_only_that_priority()
    {
        await SeedAsync();

        Assert.Equal(["Delta", "Beta docs"], await TitlesAsync(new ListTasksQuery(Priority: TaskPriority.Low)));
    }

    [Fact]
    public async Task Filtering_by_assignee_keeps_only_their_tasks()
    {
        var (bob, _) = await SeedAsync();

        Assert.Equal(["Alpha release"], await TitlesAsync(new ListTasksQuery(AssigneeId: bob)));
    }

    [Fact]
    public async Task Filtering_by_tag_keeps_tasks_carrying_that_tag()
    {
        await SeedAsync();

        Assert.Equal(["Gamma fix", "Alpha release"], await TitlesAsync(new ListTasksQuery(Tag: " backend ")));
    }

    [Theory]
    [InlineData("ALPHA", "Alpha release")]
    [InlineData("readme", "Beta docs")]
    [InlineData(" fix ", "Gamma fix")]
    public async Task Search_matches_title_or_description_ignoring_case(string search, string expected)
    {
        await SeedAsync();

        Assert.Equal([expected], await TitlesAsync(new ListTasksQuery(Search: search)));
    }

    [Fact]
    public async Task Due_date_bounds_keep_only_tasks_with_a_due_date_inside_them()
    {
        var (_, start) = await SeedAsync();

        Assert.Equal(["Alpha release"], await TitlesAsync(new ListTasksQuery(DueBefore: start.AddDays(5))));
        Assert.Equal(["Beta docs"], await TitlesAsync(new ListTasksQuery(DueAfter: start.AddDays(5))));
        Assert.Equal(["Beta docs"], await TitlesAsync(new ListTasksQuery(DueAfter: start.AddDays(2).ToOffset(TimeSpan.FromHours(-5)))));
    }

    [Fact]
    public async Task Filters_combine()
    {
        await SeedAsync();

        Assert.Equal(["Alpha release"], await TitlesAsync(new ListTasksQuery(Status: TaskItemStatus.Todo, Tag: "backend")));
        Assert.Empty(await TitlesAsync(new ListTasksQuery(Status: TaskItemStatus.Done, Priority: TaskPriority.Low)));
    }
}
