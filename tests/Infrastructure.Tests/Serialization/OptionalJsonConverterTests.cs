using System.Text.Json;
using NovaPulse.Domain.Common;
using NovaPulse.Domain.Tasks;
using NovaPulse.Infrastructure.Serialization;

namespace NovaPulse.Infrastructure.Tests.Serialization;

public sealed class OptionalJsonConverterTests
{
    private sealed record Patch(Optional<string?> Description, Optional<Guid?> AssigneeId, Optional<TaskItemStatus?> Status);

    private static Patch Read(string json) => JsonSerializer.Deserialize<Patch>(json, JsonDefaults.Options)!;

    [Fact]
    public void A_property_the_json_does_not_contain_is_absent()
    {
        var patch = Read("{}");

        Assert.False(patch.Description.HasValue);
        Assert.False(patch.AssigneeId.HasValue);
        Assert.False(patch.Status.HasValue);
    }

    [Fact]
    public void A_json_null_is_a_present_null()
    {
        var patch = Read("""{"description":null,"assigneeId":null}""");

        Assert.Equal(Optional<string?>.Of(null), patch.Description);
        Assert.Equal(Optional<Guid?>.Of(null), patch.AssigneeId);
        Assert.False(patch.Status.HasValue);
    }

    [Fact]
    public void A_value_is_read_with_the_public_json_shape()
    {
        var id = Guid.CreateVersion7();

        var patch = Read($$"""{"description":"text","assigneeId":"{{id}}","status":"in_progress"}""");

        Assert.Equal(Optional<string?>.Of("text"), patch.Description);
        Assert.Equal(Optional<Guid?>.Of(id), patch.AssigneeId);
        Assert.Equal(Optional<TaskItemStatus?>.Of(TaskItemStatus.InProgress), patch.Status);
    }

    [Fact]
    public void A_bad_value_is_reported_at_its_property_path()
    {
        var error = Assert.Throws<JsonException>(() => Read("""{"status":"paused"}"""));

        Assert.Equal("$.status", error.Path);
    }
}
