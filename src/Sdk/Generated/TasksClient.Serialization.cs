using System.Text.Json;
using System.Text.Json.Serialization;

namespace NovaPulse.Sdk.Generated;

public partial class TasksClient
{
    // PATCH is a merge patch: a property left null must be absent, not sent as null (which would clear it).
    static partial void UpdateJsonSerializerSettings(JsonSerializerOptions settings) =>
        settings.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
}
