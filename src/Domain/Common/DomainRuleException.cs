namespace NovaPulse.Domain.Common;

/// <summary>A request that is well-formed but breaks a business rule given the current state (answered as 409).</summary>
public sealed class DomainRuleException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}
