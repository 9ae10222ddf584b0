using Microsoft.Extensions.Options;
using NovaPulse.Application;
using NovaPulse.Dashboard;
using NovaPulse.Infrastructure;
using NovaPulse.Infrastructure.Configuration;
using NovaPulse.Infrastructure.Metrics;
using NovaPulse.Infrastructure.Persistence;
using NovaPulse.Infrastructure.Security;
using NovaPulse.WebApi;
using NovaPulse.WebApi.Infrastructure;
using NovaPulse.WebApi.Infrastructure.Errors;
using NovaPulse.WebApi.Infrastructure.Http;
using NovaPulse.WebApi.Infrastructure.Metrics;
using NovaPulse.WebApi.Infrastructure.Middleware;
using Prometheus;
using Serilog;
using Serilog.Events;

var builder = WebApplication.CreateBuilder(args);
builder.Configuration.AddSeedEnvironmentNames();
// The dashboard's CSS and blazor.web.js come from build-output manifests outside Development too (tests, `dotnet run`
// with another environment); a published app has them in wwwroot and this finds no manifest.
builder.WebHost.UseStaticWebAssets();
builder.Services.AddSerilog((services, logger) => logger
    .ReadFrom.Configuration(builder.Configuration)
    .ReadFrom.Services(services)
    .MinimumLevel.Override("Microsoft.AspNetCore.Hosting.Diagnostics", LogEventLevel.Warning)
    .Enrich.FromLogContext()
    .Enrich.With<SecretPathRedactor>()
    // Formatted and written on a background thread: request threads only enqueue (the console's lock was contended under load).
    .WriteTo.Async(sink => sink.Console(outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {CorrelationId} {Message:lj}{NewLine}{Exception}")),
    // Each host logs through its own logger, never the static Log.Logger: the last host built would take it over, and
    // disposing any host would silence the others (the test suite runs several hosts in one process).
    preserveStaticLogger: true);

WebApplication app;
try
{
    builder.Services
        .AddApplication()
        .AddInfrastructure(builder.Configuration, builder.Environment)
        .AddWebApi(builder.Configuration)
        .AddDashboard();

    app = builder.Build();
    // The ValidateOnStart checks now rather than in RunAsync: a wrong setting must not migrate the database first.
    app.Services.GetService<IStartupValidator>()?.Validate();
    await app.Services.InitialiseDatabaseAsync(migrate: args.Contains(DatabaseInitializer.MigrateCommand));
}
catch (Exception e) when (StartupFailure.IsReportable(e))
{
    return StartupFailure.Report(e);
}

if (args.Contains(DatabaseInitializer.MigrateCommand))
{
    Console.WriteLine($"{DatabaseInitializer.MigrateCommand}: the database is up to date.");
    return 0;
}

if (args.Contains(SecretRotation.Command))
{
    Console.WriteLine($"secrets:rotate: {await SecretRotation.RunAsync(app.Services)} stored secrets re-sealed with the current key.");
    return 0;
}

OutboxMetrics.Register(app.Services, app.Services.GetRequiredService<TimeProvider>());
WebhookMetrics.Register(app.Services, app.Services.GetRequiredService<TimeProvider>());
NotificationMetrics.Register(app.Services, app.Services.GetRequiredService<TimeProvider>());

// First: everything after it (logging, HSTS, rate limits, lockouts, audit) sees the real client and scheme.
app.UseForwardedHeaders();
app.UseMiddleware<RequestIdMiddleware>();
app.UseSerilogRequestLogging(options =>
{
    options.GetMessageTemplateProperties = RequestLogging.Properties;
    // This host's logger, not the static Log.Logger, which the last host started in the process owns (tests run several).
    options.Logger = app.Services.GetRequiredService<Serilog.ILogger>();
});
app.UseExceptionHandler(new ExceptionHandlerOptions
{
    SuppressDiagnosticsCallback = context => ProblemDetailsExceptionHandler.IsClientError(context.Exception),
});
app.UseStatusCodePages();
if (!app.Environment.IsDevelopment())
{
    app.UseHsts();
}

app.UseMiddleware<SecurityHeadersMiddleware>();
app.UseRouting();
app.UseCors(NovaPulse.WebApi.DependencyInjection.CorsPolicy);
app.UseHttpMetrics();
app.UseAuthentication();
app.UseRateLimiter();
app.UseAuthorization();
app.UseAntiforgery();
app.UseMiddleware<RequestBodyLimitMiddleware>();
app.UseMiddleware<IdempotencyMiddleware>();

app.UseOpenApi(settings =>
{
    settings.Path = "/openapi/{documentName}.json";
    // The contract is host-independent: clients supply their own base URL.
    settings.PostProcess = (document, _) => document.Servers.Clear();
});
app.UseSwaggerUi(settings =>
{
    settings.Path = "/docs";
    settings.DocumentPath = "/openapi/{documentName}.json";
});
app.MapControllers();
app.MapStaticAssets();
app.MapDashboard();
app.MapHealthEndpoints();
app.MapGuardedMetrics();

await app.RunAsync();
return 0;

/// <summary>Entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
