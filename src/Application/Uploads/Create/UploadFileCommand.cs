using Mediator;
using NovaPulse.Application.Common.Security;
using NovaPulse.Application.Uploads.Common;
using NovaPulse.Domain.Common;

namespace NovaPulse.Application.Uploads.Create;

/// <summary>
/// Stores a file streamed from a multipart request. <see cref="Content"/> is the file part's body, read once and
/// never buffered whole; <see cref="ContentType"/> is the part's declared type, checked against the sniffed one.
/// <see cref="FieldsAfterFile"/>, when given, reads the rest of the request once the bytes are stored and answers all
/// the form fields (those before the file and those after it), which then replace the ones in this command.
/// </summary>
[RequireRole(Role.Member)]
public sealed record UploadFileCommand(
    Stream Content,
    string? FileName,
    string? ContentType,
    string? Folder,
    IReadOnlyList<string>? Tags,
    bool? IsPublic,
    Guid? TaskId,
    Func<CancellationToken, Task<UploadFields>>? FieldsAfterFile = null) : ICommand<UploadDto>;
