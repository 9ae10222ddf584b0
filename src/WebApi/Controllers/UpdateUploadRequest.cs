using NovaPulse.Application.Common.Models;
using NovaPulse.Application.Uploads.Update;

namespace NovaPulse.WebApi.Controllers;

/// <summary>
/// A partial upload update. Only properties present in the JSON change; <c>null</c> clears <c>folder</c> and <c>taskId</c>.
/// The setters record which properties the client sent.
/// </summary>
public sealed class UpdateUploadRequest
{
    private readonly HashSet<string> _present = [];

    public string? Name { get; set => Set(out field, value); }

    public string? Folder { get; set => Set(out field, value); }

    public IReadOnlyList<string>? Tags { get; set => Set(out field, value); }

    public Guid? TaskId { get; set => Set(out field, value); }

    internal UpdateUploadCommand ToCommand(Guid id, int? expectedVersion) => new(id, expectedVersion, Field(Name), Field(Folder), Field(Tags), Field(TaskId));

    private Optional<T> Field<T>(T value, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(value))] string name = "") =>
        _present.Contains(name) ? Optional<T>.Of(value) : Optional<T>.Absent;

    private void Set<T>(out T field, T value, [System.Runtime.CompilerServices.CallerMemberName] string name = "")
    {
        field = value;
        _present.Add(name);
    }
}
