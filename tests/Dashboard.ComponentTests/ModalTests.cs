using Microsoft.AspNetCore.Components;
using NovaPulse.Dashboard.Components.Shared;

namespace NovaPulse.Dashboard.ComponentTests;

public sealed class ModalTests : BunitContext
{
    public ModalTests() => JSInterop.Mode = JSRuntimeMode.Loose;

    [Fact]
    public void Is_a_modal_dialog_labelled_by_its_title_and_escape_asks_to_close_it()
    {
        var closed = 0;
        var modal = Render<Modal>(p => p
            .Add(m => m.Title, "New task")
            .Add(m => m.OnClose, () => closed++)
            .Add(m => m.ChildContent, (RenderFragment)(b => b.AddMarkupContent(0, "<input id=\"inside\" />"))));

        var dialog = modal.Find("[role=dialog]");
        Assert.Equal("true", dialog.GetAttribute("aria-modal"));
        Assert.Equal("New task", modal.Find("#" + dialog.GetAttribute("aria-labelledby")).TextContent);
        Assert.NotNull(modal.Find("#inside"));

        modal.Find(".backdrop").KeyDown("Enter");
        Assert.Equal(0, closed);
        modal.Find(".backdrop").KeyDown("Escape");
        Assert.Equal(1, closed);
    }
}
