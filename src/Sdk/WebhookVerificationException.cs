namespace NovaPulse.Sdk;

/// <summary>A webhook delivery failed verification; the message says why. Answer such a request with 400 and drop it.</summary>
public class WebhookVerificationException : Exception
{
    public WebhookVerificationException()
        : this("The webhook could not be verified.")
    {
    }

    public WebhookVerificationException(string message)
        : base(message)
    {
    }

    public WebhookVerificationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
