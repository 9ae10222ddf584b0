using System.ComponentModel.DataAnnotations;

namespace NovaPulse.WebApi.Infrastructure.Http;

/// <summary>Section <c>Api</c>.</summary>
public sealed class ApiOptions
{
    public const string SectionName = "Api";

    /// <summary>Largest accepted request body for endpoints that set no limit of their own (413 beyond).</summary>
    [Range(1024, long.MaxValue)]
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;
}
