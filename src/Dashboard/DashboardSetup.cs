using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using NovaPulse.Dashboard.Auth;
using NovaPulse.Dashboard.Components;

namespace NovaPulse.Dashboard;

/// <summary>Registers and maps the dashboard: Razor components (static SSR, interactive server where needed).</summary>
public static class DashboardSetup
{
    public static IServiceCollection AddDashboard(this IServiceCollection services)
    {
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, RevalidatingDashboardAuthenticationStateProvider>();
        services.AddScoped<DashboardUser>();
        services.AddScoped<DashboardSender>();
        return services;
    }

    public static IEndpointRouteBuilder MapDashboard(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapRazorComponents<App>()
            .AddInteractiveServerRenderMode(options => options.ContentSecurityFrameAncestorsPolicy = "'none'");
        // A form post (antiforgery-checked because it binds a form field), so another site cannot sign people out.
        endpoints.MapPost(DashboardAuthentication.LogoutPath, async (HttpContext context, [FromForm] string? returnUrl) =>
        {
            await context.SignOutAsync(DashboardAuthentication.Scheme);
            return Results.LocalRedirect(DashboardAuthentication.LoginPath);
        });
        return endpoints;
    }
}
