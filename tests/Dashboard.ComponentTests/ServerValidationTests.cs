using FluentValidation;
using FluentValidation.Results;

namespace NovaPulse.Dashboard.ComponentTests;

public sealed class ServerValidationTests : BunitContext
{
    private static ValidationException Failures(params (string Property, string Message)[] failures) =>
        new([.. failures.Select(f => new ValidationFailure(f.Property, f.Message))]);

    [Fact]
    public void Each_failure_is_shown_next_to_the_field_it_names()
    {
        var form = Render<ValidationHarness>(p => p.Add(h => h.Errors, Failures(("Title", "'Title' must not be empty."), ("Tags[1]", "Each tag must have 1 to 40 characters."))));

        Assert.Equal("'Title' must not be empty.", form.Find("[data-field=Title] .validation-message").TextContent);
        Assert.Equal("Each tag must have 1 to 40 characters.", form.Find("[data-field=Tags] .validation-message").TextContent);
        Assert.Empty(form.FindAll("[role=alert]"));
    }

    [Fact]
    public void A_failure_for_a_field_the_form_does_not_have_is_shown_as_a_form_alert()
    {
        var form = Render<ValidationHarness>(p => p.Add(h => h.Errors, Failures(("AssigneeId", "'Assignee Id' must be a member of your company."))));

        Assert.Contains("must be a member of your company", form.Find("[role=alert]").TextContent, StringComparison.Ordinal);
        Assert.Empty(form.FindAll(".validation-message"));
    }

    [Fact]
    public void Editing_a_field_clears_its_message_and_keeps_the_others()
    {
        var form = Render<ValidationHarness>(p => p.Add(h => h.Errors, Failures(("Title", "Title is wrong."), ("Tags", "Tags are wrong."))));

        form.Find("#title").Change("Better title");

        Assert.Empty(form.FindAll("[data-field=Title] .validation-message"));
        Assert.Equal("Tags are wrong.", form.Find("[data-field=Tags] .validation-message").TextContent);
    }

    [Fact]
    public void A_new_failure_replaces_the_previous_one_and_none_clears_them()
    {
        var form = Render<ValidationHarness>(p => p.Add(h => h.Errors, Failures(("Title", "First."))));

        form.Render(p => p.Add(h => h.Errors, Failures(("Tags", "Second."))));
        Assert.Empty(form.FindAll("[data-field=Title] .validation-message"));
        Assert.Equal("Second.", form.Find("[data-field=Tags] .validation-message").TextContent);

        form.Render(p => p.Add(h => h.Errors, null));
        Assert.Empty(form.FindAll(".validation-message"));
    }
}
