using System.Net;
using System.Net.Sockets;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;
using NovaPulse.Application.Integrations.Common;
using NovaPulse.Application.Webhooks.Common;
using NovaPulse.Domain.Integrations;
using NovaPulse.Infrastructure.Webhooks;

namespace NovaPulse.Infrastructure.Integrations;

/// <summary>
/// Sends through the company's SMTP server with MailKit. The socket is opened here, after the SSRF check on the resolved
/// address (a company must not make us talk to our own network), then handed to MailKit for TLS and SMTP.
/// No protocol logger is attached: the SMTP dialogue carries the password. <see cref="SmtpFailures"/> says what a failure means.
/// </summary>
public sealed class MailKitEmailSender(IOptions<IntegrationOptions> options, IOptions<WebhookOptions> network) : IEmailSender
{
    public async Task<SendResult> SendAsync(SmtpServer server, EmailMessage message, CancellationToken cancellationToken)
    {
        var mime = Build(message);
        var seconds = options.Value.TimeoutSeconds;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(seconds));
        using var client = new SmtpClient { Timeout = seconds * 1000 };
        var step = SmtpStep.Connecting;
        try
        {
            var socket = await ConnectAsync(server.Host, server.Port, timeout.Token);
            step = SmtpStep.Greeting;
            await client.ConnectAsync(socket, server.Host, server.Port, SocketOptions(server.Security), timeout.Token);
            if (server.Username is not null)
            {
                step = SmtpStep.LoggingIn;
                if (await SmtpLogin.RunAsync(client, server, timeout.Token) is { } refused)
                {
                    return refused;
                }
            }

            step = SmtpStep.Sending;
            await client.SendAsync(mime, timeout.Token);
            await client.DisconnectAsync(quit: true, timeout.Token);
            return SendResult.Ok;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (RefusedAddressException e)
        {
            return SendResult.Permanent(e.Message);
        }
        catch (Exception e) when (SmtpFailures.Classify(e, server, step, seconds) is { } failure)
        {
            return failure;
        }
    }

    private static MimeMessage Build(EmailMessage message)
    {
        var mime = new MimeMessage();
        mime.From.Add(new MailboxAddress(message.FromName ?? "", message.FromAddress));
        mime.To.Add(MailboxAddress.Parse(message.To));
        mime.Subject = message.Subject;
        // RFC 3834: machine-sent, so auto-responders stay quiet.
        mime.Headers.Add("Auto-Submitted", "auto-generated");
        mime.Body = new TextPart("plain") { Text = message.Body };
        return mime;
    }

    private static SecureSocketOptions SocketOptions(EmailSecurity security) => security switch
    {
        EmailSecurity.Tls => SecureSocketOptions.SslOnConnect,
        EmailSecurity.Starttls => SecureSocketOptions.StartTls,
        _ => SecureSocketOptions.None,
    };

    private async Task<Socket> ConnectAsync(string host, int port, CancellationToken cancellationToken)
    {
        var addresses = IPAddress.TryParse(host.Trim('[', ']'), out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, cancellationToken);
        if (!network.Value.AllowPrivateTargets
            && (NetworkAddressPolicy.IsBlockedHostName(host) || addresses.FirstOrDefault(a => !NetworkAddressPolicy.IsPublic(a)) is not null))
        {
            throw new RefusedAddressException($"The SMTP host {host} resolves to a non-public address; only public mail servers can be used.");
        }

        SocketException? last = null;
        foreach (var address in addresses)
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, port), cancellationToken);
                return socket;
            }
            catch (SocketException e)
            {
                socket.Dispose();
                last = e;
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }

        throw last ?? new SocketException((int)SocketError.HostNotFound);
    }

    private sealed class RefusedAddressException(string message) : Exception(message);
}
