using System.Text.Json;
using NSwag;
using NSwag.Generation.Processors;
using NSwag.Generation.Processors.Contexts;

namespace NovaPulse.WebApi.Infrastructure.OpenApi;

/// <summary>
/// Query objects bind from C# records, so ApiExplorer names their parameters in PascalCase; the contract uses
/// camelCase like the JSON bodies (binding is case-insensitive, so both work).
/// </summary>
public sealed class CamelCaseQueryParametersProcessor : IOperationProcessor
{
    public bool Process(OperationProcessorContext context)
    {
        foreach (var parameter in context.OperationDescription.Operation.Parameters.Where(p => p.Kind == OpenApiParameterKind.Query))
        {
            parameter.Name = JsonNamingPolicy.CamelCase.ConvertName(parameter.Name);
        }

        return true;
    }
}
