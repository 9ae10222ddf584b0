using NovaPulse.Domain.Tasks;

namespace NovaPulse.Application.Common.Events;

// The wire payloads (webhook "data") that are not a domain snapshot as it is. Part of the public contract: property
// names and order are what subscribers parse.

/// <summary><c>task.updated</c>: the task and the fields that changed.</summary>
public sealed record TaskUpdatedPayload(TaskSnapshot Task, IReadOnlyList<string> ChangedFields);

/// <summary><c>task.assigned</c>: the task and whom it was assigned to before.</summary>
public sealed record TaskAssignedPayload(TaskSnapshot Task, Guid? PreviousAssigneeId);

/// <summary><c>member.joined</c>: the role in lower case, as the API spells roles.</summary>
public sealed record MemberJoinedPayload(Guid Id, string Email, string Name, string Role);

/// <summary><c>member.removed</c>.</summary>
public sealed record MemberRemovedPayload(Guid Id, string Email);

/// <summary><c>webhook.test</c>: sent by <c>POST /webhooks/{id}/test</c>.</summary>
public sealed record WebhookTestPayload(string Message, Guid EndpointId);
