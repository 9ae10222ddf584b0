using FluentValidation.TestHelper;
using NovaPulse.Application.Common.Paging;
using NovaPulse.Application.Tasks.List;
using NovaPulse.Domain.Tasks;

namespace NovaPulse.Application.UnitTests.Tasks;

public sealed class ListTasksQueryValidatorTests
{
    private readonly ListTasksQueryValidator _validator = new();

    [Fact]
    public void No_parameters_at_all_is_valid()
    {
        _validator.TestValidate(new ListTasksQuery()).ShouldNotHaveAnyValidationErrors();
    }

    [Theory]
    [InlineData("createdAt")]
    [InlineData("-createdAt")]
    [InlineData("updatedAt")]
    [InlineData("-updatedAt")]
    [InlineData("priority")]
    [InlineData("-priority")]
    public void Each_documented_sort_is_accepted(string sort)
    {
        _validator.TestValidate(new ListTasksQuery(Sort: sort)).ShouldNotHaveAnyValidationErrors();
    }

    [Theory]
    [InlineData("title")]
    [InlineData("CreatedAt")]
    [InlineData("--createdAt")]
    [InlineData("")]
    [InlineData("createdAt desc")]
    public void Any_other_sort_is_rejected(string sort)
    {
        _validator.TestValidate(new ListTasksQuery(Sort: sort)).ShouldHaveValidationErrorFor(q => q.Sort);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(PageRequest.MaxLimit)]
    public void Limits_from_1_to_100_are_accepted(int limit)
    {
        _validator.TestValidate(new ListTasksQuery(Limit: limit)).ShouldNotHaveAnyValidationErrors();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(PageRequest.MaxLimit + 1)]
    public void Limits_outside_1_to_100_are_rejected(int limit)
    {
        _validator.TestValidate(new ListTasksQuery(Limit: limit)).ShouldHaveValidationErrorFor(q => q.Limit);
    }

    [Fact]
    public void A_cursor_the_api_issued_is_accepted()
    {
        var cursor = new Cursor(Keyset.FormatDate(DateTimeOffset.UnixEpoch), Guid.NewGuid()).Encode();

        _validator.TestValidate(new ListTasksQuery(Cursor: cursor)).ShouldNotHaveAnyValidationErrors();
    }

    [Theory]
    [InlineData("not-a-cursor")]
    [InlineData("WyJhIl0")]
    [InlineData("!!!")]
    public void A_cursor_the_api_did_not_issue_is_rejected(string cursor)
    {
        _validator.TestValidate(new ListTasksQuery(Cursor: cursor)).ShouldHaveValidationErrorFor(q => q.Cursor);
    }

    [Fact]
    public void An_overlong_cursor_is_rejected()
    {
        _validator.TestValidate(new ListTasksQuery(Cursor: new string('A', 600))).ShouldHaveValidationErrorFor(q => q.Cursor);
    }

    [Fact]
    public void Unknown_status_and_priority_filters_are_rejected()
    {
        var result = _validator.TestValidate(new ListTasksQuery(Status: (TaskItemStatus)9, Priority: (TaskPriority)9));

        result.ShouldHaveValidationErrorFor(q => q.Status);
        result.ShouldHaveValidationErrorFor(q => q.Priority);
    }

    [Fact]
    public void Tag_and_search_filters_have_length_limits()
    {
        var result = _validator.TestValidate(new ListTasksQuery(Tag: new string('t', 41), Search: new string('s', 201)));

        result.ShouldHaveValidationErrorFor(q => q.Tag);
        result.ShouldHaveValidationErrorFor(q => q.Search);
    }
}
