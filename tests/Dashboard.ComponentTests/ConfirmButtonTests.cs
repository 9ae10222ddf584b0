using NovaPulse.Dashboard.Components.Shared;

namespace NovaPulse.Dashboard.ComponentTests;

public sealed class ConfirmButtonTests : BunitContext
{
    public ConfirmButtonTests() => JSInterop.Mode = JSRuntimeMode.Loose;

    private IRenderedComponent<ConfirmButton> RenderButton(Action onConfirmed) =>
        Render<ConfirmButton>(p => p
            .Add(b => b.Text, "Delete")
            .Add(b => b.Question, "Delete this task?")
            .Add(b => b.ConfirmText, "Yes, delete")
            .Add(b => b.OnConfirmed, onConfirmed));

    [Fact]
    public void The_first_click_only_asks()
    {
        var confirmed = 0;
        var button = RenderButton(() => confirmed++);

        button.Find("button").Click();

        Assert.Equal(0, confirmed);
        Assert.Equal("Delete this task?", button.Find("[role=alertdialog]").GetAttribute("aria-label"));
    }

    [Fact]
    public void Confirming_runs_the_action_once_and_goes_back_to_the_button()
    {
        var confirmed = 0;
        var button = RenderButton(() => confirmed++);

        button.Find("button").Click();
        button.FindAll("button").Single(b => b.TextContent == "Yes, delete").Click();

        Assert.Equal(1, confirmed);
        Assert.Empty(button.FindAll("[role=alertdialog]"));
        Assert.Equal("Delete", button.Find("button").TextContent);
    }

    [Fact]
    public void Cancel_or_escape_backs_out_without_running_the_action()
    {
        var confirmed = 0;
        var button = RenderButton(() => confirmed++);

        button.Find("button").Click();
        button.FindAll("button").Single(b => b.TextContent == "Cancel").Click();
        button.Find("button").Click();
        button.Find("[role=alertdialog]").KeyDown("Escape");

        Assert.Equal(0, confirmed);
        Assert.Empty(button.FindAll("[role=alertdialog]"));
    }
}
