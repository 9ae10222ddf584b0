namespace NovaPulse.WebApi.Infrastructure.OpenApi;

/// <summary>
/// The action reads its body as a stream itself (no model binding, so nothing is buffered); this documents the
/// body in the contract (see <see cref="StreamedBodyProcessor"/>).
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class StreamedBodyAttribute(StreamedBodyKind kind) : Attribute
{
    public StreamedBodyKind Kind { get; } = kind;
}

public enum StreamedBodyKind
{
    /// <summary><c>multipart/form-data</c> with <c>file</c>, <c>folder</c>, <c>tags</c>, <c>isPublic</c>, <c>taskId</c>.</summary>
    MultipartUpload,

    /// <summary>The raw file bytes, any content type.</summary>
    Binary,
}
