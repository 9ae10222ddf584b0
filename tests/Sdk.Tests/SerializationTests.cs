using System.Runtime.Serialization;
using System.Text.Json;
using System.Text.Json.Serialization;
using NovaPulse.Sdk.Generated;
using NovaPulse.Sdk.Serialization;

namespace NovaPulse.Sdk.Tests;

public sealed class SerializationTests
{
    private enum EventType
    {
        [EnumMember(Value = "task.created")]
        TaskCreated,

        InProgress,
    }

    private sealed record Envelope([property: JsonConverter(typeof(SnakeCaseEnumConverter<EventType>))] EventType Type);

    [Fact]
    public void Generated_models_use_the_specs_snake_case_values()
    {
        var json = JsonSerializer.Serialize(new UpdateTaskRequest { Status = TaskItemStatus.InProgress, Priority = TaskPriority.Urgent });

        Assert.Contains("\"status\":\"in_progress\"", json, StringComparison.Ordinal);
        Assert.Contains("\"priority\":\"urgent\"", json, StringComparison.Ordinal);
        Assert.Equal(TaskItemStatus.InProgress, JsonSerializer.Deserialize<TaskDto>("""{"status":"in_progress"}""")!.Status);
    }

    [Fact]
    public void EnumMember_values_win_over_names_so_future_enums_like_event_types_work()
    {
        Assert.Equal("""{"Type":"task.created"}""", JsonSerializer.Serialize(new Envelope(EventType.TaskCreated)));
        Assert.Equal(EventType.TaskCreated, JsonSerializer.Deserialize<Envelope>("""{"Type":"task.created"}""")!.Type);
        Assert.Equal("""{"Type":"in_progress"}""", JsonSerializer.Serialize(new Envelope(EventType.InProgress)));
    }

    [Fact]
    public void An_unknown_value_is_a_clear_error()
    {
        var error = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<TaskDto>("""{"status":"archived"}"""));

        Assert.Contains("archived", error.Message, StringComparison.Ordinal);
    }
}
