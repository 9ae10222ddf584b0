using Microsoft.AspNetCore.Authorization;
using Namotion.Reflection;
using NJsonSchema;
using NSwag;
using NSwag.Generation.Processors;
using NSwag.Generation.Processors.Contexts;

namespace NovaPulse.WebApi.Infrastructure.OpenApi;

/// <summary>
/// Documents the error answers every operation can give (ProblemDetails): 400 when it takes input, 401/403 when
/// it needs a principal, 429 and 500 always. Operation-specific ones (404, 409, 412...) come from attributes. The
/// ProblemDetails schema gains the <c>code</c> our problems carry, so generated clients can read it.
/// </summary>
public sealed class ProblemResponsesProcessor : IOperationProcessor
{
    public bool Process(OperationProcessorContext context)
    {
        var problem = context.SchemaGenerator.GenerateWithReference<JsonSchema>(
            typeof(Microsoft.AspNetCore.Mvc.ProblemDetails).ToContextualType(), context.SchemaResolver);
        AddCode(problem.ActualSchema);
        var operation = context.OperationDescription.Operation;
        var method = context.MethodInfo;
        var anonymous = method.GetCustomAttributes(typeof(AllowAnonymousAttribute), true).Length > 0;

        if (operation.Parameters.Count > 0 || operation.RequestBody is not null)
        {
            Add(operation, "400", "The request is invalid.", problem);
        }

        if (!anonymous)
        {
            Add(operation, "401", "Missing or invalid credentials.", problem);
            Add(operation, "403", "The caller's role does not allow this.", problem);
        }

        Add(operation, "429", "Too many requests; see Retry-After.", problem);
        Add(operation, "500", "Unexpected server error (no details are disclosed).", problem);
        return true;
    }

    private static void AddCode(JsonSchema problem)
    {
        if (problem.Properties.ContainsKey("code"))
        {
            return;
        }

        // Extensions may hold any JSON value; a bare "nullable" without a type is invalid OpenAPI 3.0 (Spectral).
        problem.AdditionalPropertiesSchema = new JsonSchema();

        problem.Properties["code"] = new JsonSchemaProperty
        {
            Type = JsonObjectType.String,
            IsNullableRaw = true,
            Description = "Machine-readable reason, stable across releases (e.g. task_limit_reached, billing_not_configured); every error has one (the list: docs/ERRORS.md).",
        };
    }

    private static void Add(OpenApiOperation operation, string status, string description, JsonSchema problemReference)
    {
        if (operation.Responses.ContainsKey(status))
        {
            return;
        }

        var response = new OpenApiResponse { Description = description };
        response.Content["application/problem+json"] = new OpenApiMediaType { Schema = problemReference };
        operation.Responses[status] = response;
    }
}
