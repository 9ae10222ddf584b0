using FluentValidation.TestHelper;
using NovaPulse.Application.Tasks.Create;
using NovaPulse.Domain.Tasks;

namespace NovaPulse.Application.UnitTests.Tasks;

public sealed class CreateTaskCommandValidatorTests
{
    private static readonly CreateTaskCommand Valid = new("Write the spec", null, null, null, null, null, null);

    private readonly CreateTaskCommandValidator _validator = new();

    [Fact]
    public void A_title_alone_is_enough()
    {
        _validator.TestValidate(Valid).ShouldNotHaveAnyValidationErrors();
    }

    [Fact]
    public void A_fully_specified_task_is_valid()
    {
        var command = new CreateTaskCommand(
            new string('t', TaskItem.TitleMaxLength), new string('d', TaskItem.DescriptionMaxLength), TaskItemStatus.InProgress, TaskPriority.Urgent,
            Guid.NewGuid(), DateTimeOffset.UnixEpoch, [.. Enumerable.Range(0, TaskItem.MaxTags).Select(i => $"tag{i}")]);

        _validator.TestValidate(command).ShouldNotHaveAnyValidationErrors();
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\t\n")]
    public void The_title_must_not_be_empty_or_blank(string title)
    {
        _validator.TestValidate(Valid with { Title = title }).ShouldHaveValidationErrorFor(c => c.Title);
    }

    [Fact]
    public void The_title_is_at_most_200_characters()
    {
        _validator.TestValidate(Valid with { Title = new string('t', TaskItem.TitleMaxLength + 1) }).ShouldHaveValidationErrorFor(c => c.Title);
    }

    [Fact]
    public void The_description_is_at_most_10000_characters()
    {
        _validator.TestValidate(Valid with { Description = new string('d', TaskItem.DescriptionMaxLength + 1) })
            .ShouldHaveValidationErrorFor(c => c.Description);
    }

    [Fact]
    public void An_unknown_status_is_rejected()
    {
        _validator.TestValidate(Valid with { Status = (TaskItemStatus)99 }).ShouldHaveValidationErrorFor(c => c.Status);
    }

    [Fact]
    public void An_unknown_priority_is_rejected()
    {
        _validator.TestValidate(Valid with { Priority = (TaskPriority)99 }).ShouldHaveValidationErrorFor(c => c.Priority);
    }

    [Fact]
    public void The_empty_guid_is_not_an_assignee()
    {
        _validator.TestValidate(Valid with { AssigneeId = Guid.Empty }).ShouldHaveValidationErrorFor(c => c.AssigneeId);
    }

    [Fact]
    public void At_most_20_tags_are_allowed()
    {
        var tags = Enumerable.Range(0, TaskItem.MaxTags + 1).Select(i => $"tag{i}").ToList();

        _validator.TestValidate(Valid with { Tags = tags }).ShouldHaveValidationErrorFor(c => c.Tags);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("a-tag-that-is-far-too-long-to-be-accepted")]
    public void Each_tag_has_1_to_40_characters(string tag)
    {
        _validator.TestValidate(Valid with { Tags = ["ok", tag] }).ShouldHaveValidationErrorFor(c => c.Tags);
    }

    [Fact]
    public void A_tag_of_exactly_40_characters_is_accepted()
    {
        _validator.TestValidate(Valid with { Tags = [new string('x', TaskItem.TagMaxLength)] }).ShouldNotHaveAnyValidationErrors();
    }

    [Fact]
    public void A_null_tag_is_rejected()
    {
        _validator.TestValidate(Valid with { Tags = ["ok", null!] }).ShouldHaveValidationErrorFor(c => c.Tags);
    }
}
