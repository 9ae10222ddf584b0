using System.Reflection;
using Namotion.Reflection;
using NJsonSchema;
using NSwag;
using NSwag.Generation.Processors;
using NSwag.Generation.Processors.Contexts;

namespace NovaPulse.WebApi.Infrastructure.OpenApi;

/// <summary>
/// Documents the 409 of <see cref="NotConfiguredResponseAttribute"/> actions: the <c>code</c> in the description and as a
/// named example, so a generated client can tell "this deployment lacks the provider" from the operation's other 409s.
/// </summary>
public sealed class NotConfiguredResponseProcessor : IOperationProcessor
{
    public bool Process(OperationProcessorContext context)
    {
        if (context.MethodInfo.GetCustomAttribute<NotConfiguredResponseAttribute>() is not { } notConfigured)
        {
            return true;
        }

        var operation = context.OperationDescription.Operation;
        if (!operation.Responses.TryGetValue("409", out var response))
        {
            response = new OpenApiResponse();
            response.Content["application/problem+json"] = new OpenApiMediaType
            {
                Schema = context.SchemaGenerator.GenerateWithReference<JsonSchema>(
                    typeof(Microsoft.AspNetCore.Mvc.ProblemDetails).ToContextualType(), context.SchemaResolver),
            };
            operation.Responses["409"] = response;
        }

        var description = $"`code: {notConfigured.Code}`: {notConfigured.Provider} is not configured in this deployment. "
            + "An operator's setting, not an outage: retrying does not help.";
        response.Description = string.IsNullOrEmpty(response.Description) ? description : response.Description + " " + description;
        foreach (var media in response.Content.Values)
        {
            media.Examples[notConfigured.Code] = new OpenApiExample
            {
                Summary = $"{notConfigured.Provider} is not configured",
                Value = new Dictionary<string, object>
                {
                    ["title"] = "Not configured",
                    ["status"] = 409,
                    ["detail"] = $"{notConfigured.Provider} is not configured.",
                    ["code"] = notConfigured.Code,
                },
            };
        }

        return true;
    }
}
