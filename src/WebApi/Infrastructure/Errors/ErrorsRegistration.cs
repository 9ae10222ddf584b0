namespace NovaPulse.WebApi.Infrastructure.Errors;

public static class ErrorsRegistration
{
    /// <summary>Every error as ProblemDetails: exceptions through <see cref="ProblemDetailsExceptionHandler"/>, each with a request id.</summary>
    public static IServiceCollection AddApiErrors(this IServiceCollection services)
    {
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
            context.ProblemDetails.Extensions["requestId"] = context.HttpContext.TraceIdentifier);
        services.AddExceptionHandler<ProblemDetailsExceptionHandler>();
        services.AddSingleton<IProblemDetailsWriter, AnyClientProblemDetailsWriter>();
        return services;
    }
}
