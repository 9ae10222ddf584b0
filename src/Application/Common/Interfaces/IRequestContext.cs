namespace NovaPulse.Application.Common.Interfaces;

/// <summary>Where the current request came from, for audit entries.</summary>
public interface IRequestContext
{
    string? RequestId { get; }

    string? IpAddress { get; }
}
