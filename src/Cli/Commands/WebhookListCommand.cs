using System.CommandLine;
using System.Globalization;
using NovaPulse.Sdk.Generated;
using Spectre.Console;

namespace NovaPulse.Cli.Commands;

/// <summary><c>novapulse webhook:list</c>: the company's webhook endpoints (every page), secrets masked.</summary>
internal static class WebhookListCommand
{
    public static Command Create(CliContext context, Option<bool> json)
    {
        var command = new Command("webhook:list", "List the company's webhook endpoints");
        command.SetAction((r, ct) => CommandRunner.Run(context, r.GetValue(json), async () =>
        {
            using var client = CliConnection.Connect(context);
            var endpoints = new List<WebhookEndpointDto>();
            await foreach (var endpoint in client.ListAllWebhooksAsync(ct))
            {
                endpoints.Add(endpoint);
            }

            return endpoints;
        }, result => Render(context, (List<WebhookEndpointDto>)result), ct));
        return command;
    }

    private static string Render(CliContext context, List<WebhookEndpointDto> endpoints)
    {
        var table = new Table().AddColumns("Id", "Url", "Events", "Enabled", "Created");
        foreach (var endpoint in endpoints)
        {
            table.AddRow(
                Markup.Escape(endpoint.Id?.ToString() ?? ""),
                Markup.Escape(endpoint.Url ?? ""),
                Markup.Escape(string.Join(", ", endpoint.Events ?? [])),
                endpoint.Enabled == true ? "yes" : "no" + (endpoint.DisabledReason is { } reason ? $" ({Markup.Escape(reason)})" : ""),
                endpoint.CreatedAt?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "");
        }

        CliConsole.For(context.Out).Write(table);
        return endpoints.Count == 0 ? "No webhook endpoints." : "";
    }
}
