using Microsoft.AspNetCore.Components;
using NovaPulse.Dashboard.Components.Shared;

namespace NovaPulse.Dashboard.ComponentTests;

public sealed class ConfirmButtonTests : BunitContext
{
    public ConfirmButtonTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Renderer.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    private IRenderedComponent<ConfirmButton> RenderButton(Action onConfirmed) =>
        Render<ConfirmButton>(p => p
            .Add(b => b.Text, "Delete")
            .Add(b => b.Question, "Delete this task?")
            .Add(b => b.ConfirmText, "Yes, delete")
            .Add(b => b.OnConfirmed, onConfirmed));

    [Fact]
    public void Prerendered_it_stays_disabled_so_a_click_before_the_circuit_connects_is_not_lost()
    {
        Renderer.SetRendererInfo(new RendererInfo("Static", isInteractive: false));

        var button = RenderButton(() => { });

        Assert.True(button.Find("button").HasAttribute("disabled"));
    }

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
