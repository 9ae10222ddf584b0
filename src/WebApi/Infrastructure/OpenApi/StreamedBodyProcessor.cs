using System.Reflection;
using NJsonSchema;
using NSwag;
using NSwag.Generation.Processors;
using NSwag.Generation.Processors.Contexts;

namespace NovaPulse.WebApi.Infrastructure.OpenApi;

/// <summary>Describes the request body of actions marked <see cref="StreamedBodyAttribute"/>.</summary>
public sealed class StreamedBodyProcessor : IOperationProcessor
{
    public bool Process(OperationProcessorContext context)
    {
        if (context.MethodInfo.GetCustomAttribute<StreamedBodyAttribute>() is not { } streamed)
        {
            return true;
        }

        var body = new OpenApiRequestBody { IsRequired = true };
        if (streamed.Kind == StreamedBodyKind.MultipartUpload)
        {
            var schema = new JsonSchema { Type = JsonObjectType.Object };
            schema.RequiredProperties.Add("file");
            schema.Properties["file"] = new JsonSchemaProperty { Type = JsonObjectType.String, Format = "binary", Description = "The file (send it last)." };
            schema.Properties["folder"] = new JsonSchemaProperty { Type = JsonObjectType.String, Description = "A folder label, e.g. marketing/2026." };
            schema.Properties["tags"] = new JsonSchemaProperty { Type = JsonObjectType.String, Description = "Comma-separated tags (or repeat the field)." };
            schema.Properties["isPublic"] = new JsonSchemaProperty { Type = JsonObjectType.Boolean };
            schema.Properties["taskId"] = new JsonSchemaProperty { Type = JsonObjectType.String, Format = "uuid" };
            body.Content["multipart/form-data"] = new OpenApiMediaType { Schema = schema };
        }
        else
        {
            body.Content["application/octet-stream"] = new OpenApiMediaType
            {
                Schema = new JsonSchema { Type = JsonObjectType.String, Format = "binary" },
            };
        }

        context.OperationDescription.Operation.RequestBody = body;
        return true;
    }
}
