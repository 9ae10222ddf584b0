using System.CommandLine;
using NovaPulse.Sdk;
using SdkLogout = NovaPulse.Sdk.Generated.LogoutCommand;

namespace NovaPulse.Cli.Commands;

/// <summary><c>novapulse logout</c>: revokes the stored sign-in where it can and forgets the credentials.</summary>
internal static class LogoutCommand
{
    public static Command Create(CliContext context, Option<bool> json)
    {
        var command = new Command("logout", "Forget the stored credentials (and revoke the sign-in)");
        command.SetAction((r, ct) => CommandRunner.Run(context, r.GetValue(json), async () =>
        {
            var path = CliConfig.PathFor(context);
            var config = CliConfig.Load(path);
            if (config.AccessToken is not null && config.RefreshToken is not null && config.ApiUrl is not null)
            {
                try
                {
                    using var client = CliConnection.Connect(context, config.ApiUrl, null, config.AccessToken);
                    await client.Auth.LogoutAsync(new SdkLogout { RefreshToken = config.RefreshToken }, ct);
                }
                catch (NovaPulseApiException)
                {
                    // An expired token cannot revoke itself; forgetting it locally is what matters.
                }
            }

            config.ApiKey = config.AccessToken = config.RefreshToken = null;
            config.Save(path);
            return new { loggedOut = true };
        }, _ => "Signed out.", ct));
        return command;
    }
}
