using System.Globalization;
using Mediator;
using Microsoft.EntityFrameworkCore;
using NovaPulse.Application.Common.Interfaces;
using NovaPulse.Application.Common.Paging;
using NovaPulse.Application.Common.Specifications;
using NovaPulse.Application.Tasks.Common;
using NovaPulse.Domain.Tasks;
using static NovaPulse.Application.Tasks.List.TaskSpecifications;

namespace NovaPulse.Application.Tasks.List;

public sealed class ListTasksQueryHandler(IAppDbContext db) : IQueryHandler<ListTasksQuery, Page<TaskDto>>
{
    public async ValueTask<Page<TaskDto>> Handle(ListTasksQuery query, CancellationToken cancellationToken)
    {
        var limit = query.Limit ?? PageRequest.DefaultLimit;
        var sort = TaskSort.Parse(query.Sort);
        var tasks = db.Tasks.AsNoTracking().WhereAll(
            WithStatus(query.Status),
            WithPriority(query.Priority),
            AssignedTo(query.AssigneeId),
            Tagged(query.Tag),
            Matching(query.Search),
            DueBefore(query.DueBefore),
            DueAfter(query.DueAfter));

        Cursor.TryDecode(query.Cursor, out var cursor);
        var rows = sort.Field switch
        {
            TaskSortField.Priority => await Seek(tasks, t => t.Priority, cursor, k => (TaskPriority)int.Parse(k, CultureInfo.InvariantCulture), sort.Descending, limit, cancellationToken),
            TaskSortField.UpdatedAt => await Seek(tasks, t => t.UpdatedAt, cursor, Keyset.ParseDate, sort.Descending, limit, cancellationToken),
            _ => await Seek(tasks, t => t.CreatedAt, cursor, Keyset.ParseDate, sort.Descending, limit, cancellationToken),
        };

        return Keyset.ToPage(rows, limit, t => SortKey(t, sort.Field), t => t.Id, TaskDto.From);
    }

    private static async Task<List<TaskItem>> Seek<TKey>(
        IQueryable<TaskItem> tasks, System.Linq.Expressions.Expression<Func<TaskItem, TKey>> key, Cursor? cursor,
        Func<string, TKey> parse, bool descending, int limit, CancellationToken cancellationToken)
    {
        if (cursor is not null)
        {
            tasks = tasks.After(key, t => t.Id, parse(cursor.Key), cursor.Id, descending);
        }

        var ordered = descending
            ? tasks.OrderByDescending(key).ThenByDescending(t => t.Id)
            : tasks.OrderBy(key).ThenBy(t => t.Id);
        return await ordered.Take(limit + 1).ToListAsync(cancellationToken);
    }

    private static string SortKey(TaskItem task, TaskSortField field) => field switch
    {
        TaskSortField.Priority => ((int)task.Priority).ToString(CultureInfo.InvariantCulture),
        TaskSortField.UpdatedAt => Keyset.FormatDate(task.UpdatedAt),
        _ => Keyset.FormatDate(task.CreatedAt),
    };
}
