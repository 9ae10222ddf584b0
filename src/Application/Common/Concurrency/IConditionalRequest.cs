namespace NovaPulse.Application.Common.Concurrency;

/// <summary>A use case that may carry the version the caller last saw (<c>If-Match</c>): a lost race then fails its precondition.</summary>
public interface IConditionalRequest
{
    int? ExpectedVersion { get; }
}
