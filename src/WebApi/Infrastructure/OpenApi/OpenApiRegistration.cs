using NSwag;
using NSwag.Generation.Processors.Security;

namespace NovaPulse.WebApi.Infrastructure.OpenApi;

public static class OpenApiRegistration
{
    /// <summary>The v1 OpenAPI document (openapi/v1.json, from which the SDK is generated) and the processors that shape it.</summary>
    public static IServiceCollection AddApiDocument(this IServiceCollection services) => services.AddOpenApiDocument(document =>
    {
        document.DocumentName = "v1";
        document.ApiGroupNames = ["v1"];
        document.Title = "NovaPulse API";
        // v1.1: the event catalogue's example became any JSON value (the JsonNode schemas it replaced described CLR
        // internals no client could deserialize). Paths stay /api/v1.
        document.Version = "v1.1";
        document.Description = "Multi-tenant platform API: companies, members, tasks, uploads, audit. Authenticate with a JWT (POST /api/v1/auth/login) or an API key (np_...).";
        document.SchemaSettings.ReflectionService = new OptionalSchemaReflectionService();
        document.AddSecurity("Bearer", new OpenApiSecurityScheme
        {
            Type = OpenApiSecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "JWT or np_ API key",
        });
        document.OperationProcessors.Add(new AspNetCoreOperationSecurityScopeProcessor("Bearer"));
        document.OperationProcessors.Add(new StreamedBodyProcessor());
        document.OperationProcessors.Add(new ServerSentEventsProcessor());
        document.OperationProcessors.Add(new NotConfiguredResponseProcessor());
        document.OperationProcessors.Add(new ProblemResponsesProcessor());
        document.OperationProcessors.Add(new CamelCaseQueryParametersProcessor());
        document.OperationProcessors.Add(new RequiredRoleProcessor());
        document.DocumentProcessors.Add(new DeclaredTagsProcessor());
        document.DocumentProcessors.Add(new EventNamesProcessor());
    });
}
