using System.Reflection;
using NJsonSchema;
using NSwag;
using NSwag.Generation.Processors;
using NSwag.Generation.Processors.Contexts;

namespace NovaPulse.WebApi.Infrastructure.OpenApi;

/// <summary>
/// Documents the 200 answer of actions marked <see cref="ServerSentEventsAttribute"/> as <c>text/event-stream</c>. The
/// schema is a binary string so generated clients hand the open stream to the caller instead of reading it to the end.
/// </summary>
public sealed class ServerSentEventsProcessor : IOperationProcessor
{
    public bool Process(OperationProcessorContext context)
    {
        if (context.MethodInfo.GetCustomAttribute<ServerSentEventsAttribute>() is null)
        {
            return true;
        }

        var response = new OpenApiResponse { Description = "An open stream of server-sent events (id, event, data); ends when the client disconnects." };
        response.Content["text/event-stream"] = new OpenApiMediaType { Schema = new JsonSchema { Type = JsonObjectType.String, Format = "binary" } };
        context.OperationDescription.Operation.Responses["200"] = response;
        return true;
    }
}
