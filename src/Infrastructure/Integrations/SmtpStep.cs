namespace NovaPulse.Infrastructure.Integrations;

/// <summary>How far a send got: a timeout names the step the server went quiet in.</summary>
internal enum SmtpStep
{
    Connecting,
    Greeting,
    LoggingIn,
    Sending,
}
