using Mediator;
using NovaPulse.Application.Common.Security;
using NovaPulse.Domain.Common;

namespace NovaPulse.Application.Events.CloseStream;

/// <summary>Frees an ended stream's slot at once.</summary>
[RequireRole(Role.Member)]
public sealed record CloseEventStreamCommand(Guid LeaseId) : ICommand;
