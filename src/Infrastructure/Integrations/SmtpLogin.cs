using System.Net;
using MailKit.Net.Smtp;
using MailKit.Security;
using NovaPulse.Application.Integrations.Common;

namespace NovaPulse.Infrastructure.Integrations;

/// <summary>
/// Logs in with one password mechanism at a time and stops at the server's first verdict on the credentials. MailKit's own
/// loop tries every offered mechanism with the same password: against servers that delay each refusal (Exchange waits 5 s)
/// a wrong password then outlasts the timeout and is reported as one, and every extra try counts toward the account's lockout.
/// </summary>
internal static class SmtpLogin
{
    // SCRAM never sends the password; PLAIN and LOGIN are what servers offer everywhere. OAuth mechanisms (XOAUTH2,
    // OAUTHBEARER) take tokens, not passwords, so they are never tried.
    private static readonly string[] Mechanisms = ["SCRAM-SHA-512", "SCRAM-SHA-256", "SCRAM-SHA-1", "PLAIN", "LOGIN", "NTLM", "CRAM-MD5"];

    /// <summary>Null once logged in; otherwise why not.</summary>
    public static async Task<SendResult?> RunAsync(SmtpClient client, SmtpServer server, CancellationToken cancellationToken)
    {
        var at = $"{server.Host}:{server.Port}";
        if (!client.Capabilities.HasFlag(SmtpCapabilities.Authentication))
        {
            return SendResult.Permanent($"The SMTP server {at} offers no login (AUTH) on this connection; servers often offer it only over TLS: "
                + "check the security setting, or remove the username if the server takes mail without one.");
        }

        var offered = Mechanisms.Where(client.AuthenticationMechanisms.Contains).ToList();
        if (offered.Count == 0)
        {
            return SendResult.Permanent($"The SMTP server {at} offers no password login we support ({string.Join(", ", client.AuthenticationMechanisms)}).");
        }

        var credential = new NetworkCredential(server.Username, server.Password ?? "");
        var skipped = "";
        foreach (var mechanism in offered)
        {
            // MailKit tries whatever is left in this set: leave it the one mechanism.
            client.AuthenticationMechanisms.Clear();
            client.AuthenticationMechanisms.Add(mechanism);
            try
            {
                await client.AuthenticateAsync(credential, cancellationToken);
                return null;
            }
            catch (AuthenticationException e) when (e.InnerException is null or SmtpCommandException
            {
                StatusCode: SmtpStatusCode.CommandParameterNotImplemented or SmtpStatusCode.EncryptionRequiredForAuthenticationMechanism,
            })
            {
                // Not this mechanism here (504, 538, or 534 which MailKit reports without the reply): the next one may do.
                skipped = e.InnerException is SmtpCommandException reply ? Reply(reply) : $"{(int)SmtpStatusCode.AuthenticationMechanismTooWeak} {mechanism} too weak";
            }
            catch (AuthenticationException e) when (e.InnerException is SmtpCommandException reply)
            {
                return reply.StatusCode switch
                {
                    SmtpStatusCode.AuthenticationInvalidCredentials =>
                        SendResult.Permanent($"Authentication failed: the SMTP server {at} rejected the username or password ({Reply(reply)})."),
                    _ when (int)reply.StatusCode < 500 =>
                        SendResult.Transient($"The SMTP server {at} could not check the login right now ({Reply(reply)})."),
                    _ => SendResult.Permanent($"Authentication failed: the SMTP server {at} refused the login ({Reply(reply)})."),
                };
            }
        }

        return SendResult.Permanent($"Authentication failed: the SMTP server {at} accepts none of the login mechanisms it offers here ({skipped}); "
            + "it may want TLS first: check the security setting.");
    }

    public static string Reply(SmtpCommandException reply) => $"{(int)reply.StatusCode} {reply.Message}";
}
