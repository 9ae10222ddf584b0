using Mediator;
using NovaPulse.Application.Common.Security;
using NovaPulse.Application.Tasks.Common;
using NovaPulse.Domain.Common;

namespace NovaPulse.Application.Tasks.Get;

[RequireRole(Role.Member)]
public sealed record GetTaskQuery(Guid Id) : IQuery<TaskDto>;
