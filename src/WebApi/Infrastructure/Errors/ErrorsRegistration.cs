namespace NovaPulse.WebApi.Infrastructure.Errors;

public static class ErrorsRegistration
{
    /// <summary>Every error as ProblemDetails: exceptions through <see cref="ProblemDetailsExceptionHandler"/>, each with a <c>code</c> and a request id.</summary>
    public static IServiceCollection AddApiErrors(this IServiceCollection services)
    {
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            ErrorTable.EnsureCode(context.ProblemDetails);
            context.ProblemDetails.Extensions["requestId"] = context.HttpContext.TraceIdentifier;
        });
        services.AddExceptionHandler<ProblemDetailsExceptionHandler>();
        services.AddSingleton<IProblemDetailsWriter, AnyClientProblemDetailsWriter>();
        return services;
    }
}
