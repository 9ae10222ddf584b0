using System.CommandLine;
using System.Text.Json;
using NovaPulse.Sdk.Generated;

namespace NovaPulse.Cli.Commands;

/// <summary><c>novapulse whoami</c>: who the stored credentials belong to (also the answer of <c>login</c>).</summary>
internal static class WhoAmICommand
{
    public static Command Create(CliContext context, Option<bool> json)
    {
        var command = new Command("whoami", "Show who the stored credentials belong to");
        command.SetAction((r, ct) => CommandRunner.Run(context, r.GetValue(json), async () =>
        {
            using var client = CliConnection.Connect(context);
            return Who(await client.WhoAmIAsync(ct));
        }, Describe, ct));
        return command;
    }

    public static object Who(MeResponse me) => new
    {
        userId = me.User?.Id,
        email = me.User?.Email,
        name = me.User?.Name,
        companyId = me.Company?.Id,
        company = me.Company?.Name,
        role = me.Role is { } role ? JsonNamingPolicy.SnakeCaseLower.ConvertName(role.ToString()) : null,
        apiKeyId = me.ApiKeyId,
    };

    public static string Describe(object who)
    {
        var element = JsonSerializer.SerializeToElement(who);
        return $"{element.GetProperty("email").GetString()} ({element.GetProperty("role").GetString()}) in {element.GetProperty("company").GetString()}";
    }
}
