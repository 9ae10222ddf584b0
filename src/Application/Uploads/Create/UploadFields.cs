namespace NovaPulse.Application.Uploads.Create;

/// <summary>The metadata form fields of a multipart upload, wherever they stood relative to the file part.</summary>
public sealed record UploadFields(string? Folder, IReadOnlyList<string>? Tags, bool? IsPublic, Guid? TaskId);
