using NovaPulse.Domain.Common;

namespace NovaPulse.Domain.Uploads;

public sealed record UploadCreated(UploadSnapshot Upload) : IDomainEvent;

public sealed record UploadDeleted(UploadSnapshot Upload) : IDomainEvent;
