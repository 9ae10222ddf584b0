using NovaPulse.Application.Common.Behaviours;

namespace NovaPulse.WebApi.Infrastructure;

public static class UseCasePipeline
{
    /// <summary>
    /// The mediator and its behaviours, outermost first. Authorization runs before validation: a caller without the role
    /// learns only that (403), never which fields of a use case it may not run would have been wrong. A lost race becomes an
    /// application error next to the handler, so the API and the dashboard answer it alike.
    /// </summary>
    public static IServiceCollection AddUseCasePipeline(this IServiceCollection services) => services.AddMediator(options =>
    {
        options.ServiceLifetime = ServiceLifetime.Scoped;
        options.PipelineBehaviors = [typeof(LoggingBehaviour<,>), typeof(AuthorizationBehaviour<,>), typeof(ValidationBehaviour<,>), typeof(ConcurrencyBehaviour<,>)];
    });
}
