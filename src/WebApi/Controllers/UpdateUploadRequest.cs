using NovaPulse.Application.Uploads.Update;
using NovaPulse.Domain.Common;

namespace NovaPulse.WebApi.Controllers;

// The JSON converter leaves a property the client did not send Absent and turns a sent one, null included, into a value;
// the OpenAPI schema shows each property as its T (OptionalSchemaReflectionService). The summary is part of the contract.

/// <summary>
/// A partial upload update. Only properties present in the JSON change; <c>null</c> clears <c>folder</c> and <c>taskId</c>.
/// The setters record which properties the client sent.
/// </summary>
public sealed class UpdateUploadRequest
{
    public Optional<string?> Name { get; init; }

    public Optional<string?> Folder { get; init; }

    public Optional<IReadOnlyList<string>?> Tags { get; init; }

    public Optional<Guid?> TaskId { get; init; }

    internal UpdateUploadCommand ToCommand(Guid id, int? expectedVersion) => new(id, expectedVersion, Name, Folder, Tags, TaskId);
}
