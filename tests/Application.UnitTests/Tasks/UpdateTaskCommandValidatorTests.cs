using FluentValidation.TestHelper;
using NovaPulse.Application.Tasks.Update;
using NovaPulse.Domain.Common;
using NovaPulse.Domain.Tasks;

namespace NovaPulse.Application.UnitTests.Tasks;

public sealed class UpdateTaskCommandValidatorTests
{
    private static readonly UpdateTaskCommand NothingPresent = new(
        Guid.NewGuid(), null,
        Optional<string?>.Absent, Optional<string?>.Absent, Optional<TaskItemStatus?>.Absent, Optional<TaskPriority?>.Absent,
        Optional<Guid?>.Absent, Optional<DateTimeOffset?>.Absent, Optional<IReadOnlyList<string>?>.Absent);

    private readonly UpdateTaskCommandValidator _validator = new();

    [Fact]
    public void Absent_fields_are_not_validated()
    {
        _validator.TestValidate(NothingPresent).ShouldNotHaveAnyValidationErrors();
    }

    [Fact]
    public void Present_valid_fields_pass()
    {
        var command = NothingPresent with
        {
            Title = Optional<string?>.Of("New title"),
            Description = Optional<string?>.Of("Details"),
            Status = Optional<TaskItemStatus?>.Of(TaskItemStatus.Done),
            Priority = Optional<TaskPriority?>.Of(TaskPriority.Low),
            AssigneeId = Optional<Guid?>.Of(Guid.NewGuid()),
            DueDate = Optional<DateTimeOffset?>.Of(DateTimeOffset.UnixEpoch),
            Tags = Optional<IReadOnlyList<string>?>.Of(["a", "b"]),
        };

        _validator.TestValidate(command).ShouldNotHaveAnyValidationErrors();
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void A_present_title_must_not_be_blank(string title)
    {
        _validator.TestValidate(NothingPresent with { Title = Optional<string?>.Of(title) }).ShouldHaveValidationErrorFor("Title");
    }

    [Fact]
    public void A_title_cannot_be_set_to_null()
    {
        _validator.TestValidate(NothingPresent with { Title = Optional<string?>.Of(null) }).ShouldHaveValidationErrorFor("Title");
    }

    [Fact]
    public void A_present_title_is_at_most_200_characters()
    {
        _validator.TestValidate(NothingPresent with { Title = Optional<string?>.Of(new string('t', TaskItem.TitleMaxLength + 1)) })
            .ShouldHaveValidationErrorFor("Title");
    }

    [Fact]
    public void A_present_description_is_at_most_10000_characters()
    {
        _validator.TestValidate(NothingPresent with { Description = Optional<string?>.Of(new string('d', TaskItem.DescriptionMaxLength + 1)) })
            .ShouldHaveValidationErrorFor("Description");
    }

    [Fact]
    public void Clearable_fields_may_be_set_to_null()
    {
        var command = NothingPresent with
        {
            Description = Optional<string?>.Of(null),
            AssigneeId = Optional<Guid?>.Of(null),
            DueDate = Optional<DateTimeOffset?>.Of(null),
        };

        _validator.TestValidate(command).ShouldNotHaveAnyValidationErrors();
    }

    [Fact]
    public void Status_cannot_be_set_to_null()
    {
        _validator.TestValidate(NothingPresent with { Status = Optional<TaskItemStatus?>.Of(null) }).ShouldHaveValidationErrorFor("Status");
    }

    [Fact]
    public void An_unknown_status_is_rejected()
    {
        _validator.TestValidate(NothingPresent with { Status = Optional<TaskItemStatus?>.Of((TaskItemStatus)42) }).ShouldHaveValidationErrorFor("Status");
    }

    [Fact]
    public void Priority_cannot_be_set_to_null()
    {
        _validator.TestValidate(NothingPresent with { Priority = Optional<TaskPriority?>.Of(null) }).ShouldHaveValidationErrorFor("Priority");
    }

    [Fact]
    public void An_unknown_priority_is_rejected()
    {
        _validator.TestValidate(NothingPresent with { Priority = Optional<TaskPriority?>.Of((TaskPriority)42) }).ShouldHaveValidationErrorFor("Priority");
    }

    [Fact]
    public void The_empty_guid_is_not_an_assignee()
    {
        _validator.TestValidate(NothingPresent with { AssigneeId = Optional<Guid?>.Of(Guid.Empty) }).ShouldHaveValidationErrorFor("AssigneeId");
    }

    [Fact]
    public void Tags_cannot_be_set_to_null()
    {
        _validator.TestValidate(NothingPresent with { Tags = Optional<IReadOnlyList<string>?>.Of(null) }).ShouldHaveValidationErrorFor("Tags");
    }

    [Fact]
    public void Present_tags_follow_the_tag_rules()
    {
        var tooMany = Enumerable.Range(0, TaskItem.MaxTags + 1).Select(i => $"t{i}").ToList();

        _validator.TestValidate(NothingPresent with { Tags = Optional<IReadOnlyList<string>?>.Of(tooMany) }).ShouldHaveValidationErrorFor("Tags");
        _validator.TestValidate(NothingPresent with { Tags = Optional<IReadOnlyList<string>?>.Of(["ok", " "]) }).ShouldHaveValidationErrorFor("Tags");
    }

    [Fact]
    public void An_empty_tag_list_clears_the_tags_and_is_valid()
    {
        _validator.TestValidate(NothingPresent with { Tags = Optional<IReadOnlyList<string>?>.Of([]) }).ShouldNotHaveAnyValidationErrors();
    }
}
