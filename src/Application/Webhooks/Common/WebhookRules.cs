using FluentValidation;
using NovaPulse.Application.Common.Events;
using NovaPulse.Domain.Webhooks;

namespace NovaPulse.Application.Webhooks.Common;

/// <summary>Validation rules shared by create and update.</summary>
public static class WebhookRules
{
    public static IRuleBuilderOptions<T, string?> ValidWebhookUrl<T>(this IRuleBuilder<T, string?> rule, IWebhookTargetGuard guard) =>
        rule.NotEmpty()
            .MaximumLength(WebhookEndpoint.UrlMaxLength)
            .Must(u => ParseHttpUrl(u) is not null)
            .WithMessage("'url' must be an absolute http(s) URL without credentials.")
            .MustAsync(async (_, url, context, cancellationToken) =>
            {
                if (ParseHttpUrl(url) is not { } uri)
                {
                    return true; // reported by the rule above
                }

                var refusal = await guard.RefusalAsync(uri, cancellationToken);
                context.MessageFormatter.AppendArgument("Refusal", refusal ?? "");
                return refusal is null;
            })
            .WithMessage("{Refusal}");

    public static IRuleBuilderOptions<T, IReadOnlyList<string>?> ValidEventTypes<T>(this IRuleBuilder<T, IReadOnlyList<string>?> rule) =>
        rule.NotEmpty().WithMessage("'events' must name at least one event type, or \"*\" for all.")
            .Must(e => e is null || e.Count <= WebhookEndpoint.MaxEventTypes).WithMessage($"At most {WebhookEndpoint.MaxEventTypes} event types.")
            .Must((_, events, context) =>
            {
                var unknown = (events ?? []).Where(t => t != WebhookEndpoint.AllEvents && !EventCatalogue.IsKnown(t?.Trim() ?? "")).ToList();
                context.MessageFormatter.AppendArgument("Unknown", string.Join(", ", unknown));
                return unknown.Count == 0;
            })
            .WithMessage("Unknown event type(s): {Unknown}. See GET /api/v1/webhooks/event-types.");

    public static Uri? ParseHttpUrl(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
        && uri.UserInfo.Length == 0
            ? uri
            : null;
}
