using NovaPulse.Domain.Tasks;

namespace NovaPulse.Dashboard.Components.Pages.Tasks;

public static class TaskLabels
{
    public static string For(TaskItemStatus status) => status switch
    {
        TaskItemStatus.InProgress => "In progress",
        _ => status.ToString(),
    };
}
