namespace NovaPulse.Domain.Uploads;

/// <summary>An upload is <see cref="Pending"/> between a signed-URL request and its completion, then <see cref="Ready"/>.</summary>
public enum UploadStatus
{
    Pending = 1,
    Ready = 2,
}
