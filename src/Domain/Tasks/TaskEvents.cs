using NovaPulse.Domain.Common;

namespace NovaPulse.Domain.Tasks;

public sealed record TaskCreated(TaskSnapshot Task) : IDomainEvent;

public sealed record TaskUpdated(TaskSnapshot Task, IReadOnlyList<string> ChangedFields) : IDomainEvent;

public sealed record TaskAssigned(TaskSnapshot Task, Guid? PreviousAssigneeId) : IDomainEvent;

public sealed record TaskCompleted(TaskSnapshot Task) : IDomainEvent;

public sealed record TaskDeleted(TaskSnapshot Task) : IDomainEvent;
