using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using NovaPulse.Application.Integrations.Common;

namespace NovaPulse.Infrastructure.Integrations;

/// <summary>
/// What a failed SMTP send means, in words a company admin can act on, with the server's reply code when it gave one.
/// Permanent (the integration turns broken) when the same send would fail again until someone changes the settings: a
/// refused login, a TLS mismatch, a host that does not exist. Passing otherwise: a timeout, a refused connection (a
/// restarting server), a 4xx reply.
/// </summary>
internal static class SmtpFailures
{
    public static SendResult? Classify(Exception exception, SmtpServer server, SmtpStep step, int timeoutSeconds)
    {
        var at = $"{server.Host}:{server.Port}";
        return exception switch
        {
            OperationCanceledException or TimeoutException =>
                SendResult.Transient($"The SMTP server {at} did not answer within {timeoutSeconds} s ({Describe(step)})."),
            SocketException { SocketErrorCode: SocketError.HostNotFound or SocketError.NoData } when step == SmtpStep.Connecting =>
                SendResult.Permanent($"The SMTP host {server.Host} does not exist (DNS has no address for it); check the host name."),
            SocketException { SocketErrorCode: SocketError.ConnectionRefused } when step == SmtpStep.Connecting =>
                SendResult.Transient($"The SMTP server {at} refused the connection: nothing takes mail on that port (check the port: usually 587 for starttls, 465 for tls)."),
            SocketException e when step == SmtpStep.Connecting =>
                SendResult.Transient($"Could not connect to the SMTP server {at}: {e.Message}"),
            SslHandshakeException e =>
                SendResult.Permanent($"TLS with {at} failed ({e.InnerException?.Message ?? "handshake refused"}); check the security setting "
                    + "(tls speaks TLS from the first byte, usually port 465; starttls upgrades a plain connection, usually port 587) and the server's certificate."),
            NotSupportedException when step == SmtpStep.Greeting && server.Security == EmailSecurity.Starttls =>
                SendResult.Permanent($"TLS with {at} failed: the server does not offer STARTTLS; choose tls if it speaks TLS from the first byte (usually port 465), or check the port."),
            ServiceNotAuthenticatedException e =>
                SendResult.Permanent($"The SMTP server {at} requires a login ({(int)SmtpStatusCode.AuthenticationRequired} {e.Message}); enter a username and password."),
            AuthenticationException e =>
                SendResult.Permanent($"Authentication failed: the SMTP server {at} refused the login ({e.Message})."),
            SmtpCommandException { ErrorCode: SmtpErrorCode.SenderNotAccepted } e =>
                SendResult.Permanent($"The SMTP server {at} refused the sender address ({SmtpLogin.Reply(e)})."),
            SmtpCommandException { ErrorCode: SmtpErrorCode.RecipientNotAccepted } e =>
                SendResult.Transient($"The SMTP server {at} refused the recipient {e.Mailbox?.Address} ({SmtpLogin.Reply(e)})."),
            SmtpCommandException { ErrorCode: SmtpErrorCode.MessageNotAccepted } e =>
                SendResult.Transient($"The SMTP server {at} refused the message ({SmtpLogin.Reply(e)})."),
            SmtpCommandException e when (int)e.StatusCode >= 500 =>
                SendResult.Permanent($"The SMTP server {at} refused us ({SmtpLogin.Reply(e)})."),
            SmtpCommandException e =>
                SendResult.Transient($"The SMTP server {at} is not taking mail right now ({SmtpLogin.Reply(e)})."),
            SocketException or IOException or SmtpProtocolException or ServiceNotConnectedException or NotSupportedException =>
                SendResult.Transient($"Could not talk to the SMTP server {at}: {exception.Message}"),
            _ => null,
        };
    }

    private static string Describe(SmtpStep step) => step switch
    {
        SmtpStep.Connecting => "while connecting",
        SmtpStep.Greeting => "during its greeting and the TLS setup",
        SmtpStep.LoggingIn => "during the login",
        _ => "while sending the message",
    };
}
