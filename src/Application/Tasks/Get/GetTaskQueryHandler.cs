using Mediator;
using Microsoft.EntityFrameworkCore;
using NovaPulse.Application.Common.Exceptions;
using NovaPulse.Application.Common.Interfaces;
using NovaPulse.Application.Tasks.Common;

namespace NovaPulse.Application.Tasks.Get;

public sealed class GetTaskQueryHandler(IAppDbContext db) : IQueryHandler<GetTaskQuery, TaskDto>
{
    public async ValueTask<TaskDto> Handle(GetTaskQuery query, CancellationToken cancellationToken)
    {
        var task = await db.Tasks.AsNoTracking().SingleOrDefaultAsync(t => t.Id == query.Id, cancellationToken)
            ?? throw AppException.NotFound("Task", query.Id);
        return TaskDto.From(task);
    }
}
