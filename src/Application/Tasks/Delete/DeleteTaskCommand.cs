using Mediator;
using NovaPulse.Application.Common.Concurrency;
using NovaPulse.Application.Common.Security;
using NovaPulse.Domain.Common;

namespace NovaPulse.Application.Tasks.Delete;

[RequireRole(Role.Member)]
public sealed record DeleteTaskCommand(Guid Id, int? ExpectedVersion) : ICommand, IConditionalRequest;
