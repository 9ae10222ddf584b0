using FluentValidation.TestHelper;
using NovaPulse.Application.Events.Common;
using NovaPulse.Application.Events.Position;
using NovaPulse.Application.Events.Read;

namespace NovaPulse.Application.UnitTests.Events;

public sealed class EventStreamQueryTests
{
    private static readonly ReadEventsQuery AllEvents = new(DateTimeOffset.UnixEpoch, Guid.Empty);

    private readonly ReadEventsQueryValidator _read = new();
    private readonly GetEventPositionQueryValidator _position = new();

    [Fact]
    public void Known_event_types_or_none_are_a_valid_filter()
    {
        _read.TestValidate(AllEvents).ShouldNotHaveAnyValidationErrors();
        _read.TestValidate(AllEvents with { Events = ["task.created", " task.updated "] }).ShouldNotHaveAnyValidationErrors();
    }

    [Fact]
    public void An_unknown_event_type_is_named_in_the_error()
    {
        var result = _read.TestValidate(AllEvents with { Events = ["task.created", "task.exploded"] });

        result.ShouldHaveValidationErrorFor("events").WithErrorMessage(
            "Unknown event type(s): task.exploded. See GET /api/v1/webhooks/event-types.");
    }

    [Fact]
    public void The_filter_and_the_page_are_bounded()
    {
        _read.TestValidate(AllEvents with { Events = [.. Enumerable.Repeat("task.created", ReadEventsQueryValidator.MaxEventTypes + 1)] })
            .ShouldHaveValidationErrorFor("events");
        _read.TestValidate(AllEvents with { Limit = 0 }).ShouldHaveValidationErrorFor(q => q.Limit);
        _read.TestValidate(AllEvents with { Limit = ReadEventsQuery.MaxLimit + 1 }).ShouldHaveValidationErrorFor(q => q.Limit);
    }

    [Fact]
    public void Event_ids_are_webhook_message_ids_and_round_trip()
    {
        var id = Guid.CreateVersion7();

        var text = PublicEventId.Format(id);

        Assert.Equal("msg_" + id.ToString("N"), text);
        Assert.True(PublicEventId.TryParse(text, out var parsed));
        Assert.Equal(id, parsed);
    }

    [Theory]
    [InlineData("")]
    [InlineData("msg_")]
    [InlineData("msg_not-hex-not-hex-not-hex-not-hex")]
    [InlineData("0194e0a65a4e7c3b9a611f2e3d4c5b6a")]
    [InlineData("evt_0194e0a65a4e7c3b9a611f2e3d4c5b6a")]
    public void A_malformed_Last_Event_ID_is_a_validation_error(string lastEventId)
    {
        Assert.False(PublicEventId.TryParse(lastEventId, out _));
        _position.TestValidate(new GetEventPositionQuery(lastEventId)).ShouldHaveValidationErrorFor("Last-Event-ID");
    }
}
