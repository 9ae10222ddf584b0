using FluentValidation;
using NovaPulse.Application.Events.Common;

namespace NovaPulse.Application.Events.Position;

public sealed class GetEventPositionQueryValidator : AbstractValidator<GetEventPositionQuery>
{
    public GetEventPositionQueryValidator()
    {
        RuleFor(q => q.EventId)
            .Must(id => PublicEventId.TryParse(id, out _))
            .WithMessage("'Last-Event-ID' must be an event id from this stream (msg_ followed by 32 hex digits).")
            .OverridePropertyName("Last-Event-ID");
    }
}
