using NovaPulse.Domain.Common;

namespace NovaPulse.Domain.Uploads;

public sealed record UploadCreated(UploadSnapshot Upload) : IDomainEvent
{
    public string EventType => "upload.created";

    public object Data => Upload;
}

public sealed record UploadDeleted(UploadSnapshot Upload) : IDomainEvent
{
    public string EventType => "upload.deleted";

    public object Data => Upload;
}
