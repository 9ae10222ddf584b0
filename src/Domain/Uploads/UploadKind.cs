namespace NovaPulse.Domain.Uploads;

/// <summary>The broad family of a file, derived from its sniffed content type.</summary>
public enum UploadKind
{
    Image = 1,
    Video = 2,
    Document = 3,
    Other = 4,
}
