using FluentValidation;
using NovaPulse.Application.Common.Events;

namespace NovaPulse.Application.Events.Read;

public sealed class ReadEventsQueryValidator : AbstractValidator<ReadEventsQuery>
{
    public const int MaxEventTypes = 50;

    public ReadEventsQueryValidator()
    {
        RuleFor(q => q.Limit).InclusiveBetween(1, ReadEventsQuery.MaxLimit);
        RuleFor(q => q.Events)
            .Must(e => e is null || e.Count <= MaxEventTypes).WithMessage($"At most {MaxEventTypes} event types.")
            .Must((_, events, context) =>
            {
                var unknown = (events ?? []).Where(t => !EventCatalogue.IsKnown(t?.Trim() ?? "")).ToList();
                context.MessageFormatter.AppendArgument("Unknown", string.Join(", ", unknown));
                return unknown.Count == 0;
            })
            .WithMessage("Unknown event type(s): {Unknown}. See GET /api/v1/webhooks/event-types.")
            .OverridePropertyName("events");
    }
}
