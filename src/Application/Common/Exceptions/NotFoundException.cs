namespace NovaPulse.Application.Common.Exceptions;

/// <summary>The resource does not exist for this caller (another company's ids land here too: no existence leak).</summary>
public sealed class NotFoundException(string resource, object key)
    : Exception($"{resource} '{key}' was not found.");
