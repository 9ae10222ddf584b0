namespace NovaPulse.Application.Common.Exceptions;

/// <summary>A paid operation was asked for while no payment provider is configured (409); the Free plan keeps working.</summary>
public sealed class PaymentProviderNotConfiguredException() : ProviderNotConfiguredException(Billing, "The billing provider is not configured.");
