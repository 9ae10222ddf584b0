using NovaPulse.Application.Common.Interfaces;
using NovaPulse.Domain.Integrations;

namespace NovaPulse.Application.Integrations.Common;

/// <summary>Sends one text through an integration (its test message or a notification) and records the outcome on it.</summary>
public sealed class IntegrationMessenger(ISecretProtector protector, IEmailSender email, ISlackClient slack, TimeProvider clock)
{
    /// <summary>Email needs <paramref name="recipient"/>; Slack posts to its channel. The caller saves the integration.</summary>
    public async Task<SendResult> SendAsync(Integration integration, string subject, string text, string? recipient, bool test, CancellationToken cancellationToken)
    {
        var result = integration.Type switch
        {
            IntegrationType.Email => await SendEmailAsync(integration, subject, text, recipient!, cancellationToken),
            IntegrationType.Slack => await SendSlackAsync(integration, text, cancellationToken),
            _ => SendResult.Transient("Google integrations do not send messages."),
        };
        result.ApplyTo(integration, clock.GetUtcNow(), test);
        return result;
    }

    private Task<SendResult> SendEmailAsync(Integration integration, string subject, string text, string recipient, CancellationToken cancellationToken)
    {
        var settings = IntegrationSecrets.SettingsOf<EmailSettings>(integration);
        var secret = protector.Open<EmailSecret>(integration);
        return email.SendAsync(
            new SmtpServer(settings.Host, settings.Port, settings.Security, settings.Username, secret.Password),
            new EmailMessage(settings.FromAddress, settings.FromName, recipient, subject, text),
            cancellationToken);
    }

    private Task<SendResult> SendSlackAsync(Integration integration, string text, CancellationToken cancellationToken)
    {
        var settings = IntegrationSecrets.SettingsOf<SlackSettings>(integration);
        var secret = protector.Open<SlackSecret>(integration);
        return slack.PostAsync(new Uri(secret.WebhookUrl), text, settings.Channel, cancellationToken);
    }
}
