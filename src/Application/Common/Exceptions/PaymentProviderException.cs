namespace NovaPulse.Application.Common.Exceptions;

/// <summary>The payment provider failed: unreachable or timed out (503, retry later) or answered with an error (502).</summary>
public sealed class PaymentProviderException(string message, bool transient, Exception? inner = null) : Exception(message, inner)
{
    public bool Transient { get; } = transient;
}
