using System.CommandLine;
using SdkLogin = NovaPulse.Sdk.Generated.LoginCommand;

namespace NovaPulse.Cli.Commands;

/// <summary><c>novapulse login --api-key KEY | --email EMAIL</c>: signs in and stores the credentials in the profile.</summary>
internal static class LoginCommand
{
    public static Command Create(CliContext context, Option<bool> json)
    {
        var apiKey = new Option<string?>("--api-key") { Description = "Sign in with an API key (np_...)" };
        var email = new Option<string?>("--email") { Description = "Sign in with an email; the password is prompted" };
        var command = new Command("login", "Sign in and store the credentials in the profile") { apiKey, email };
        command.SetAction((r, ct) => CommandRunner.Run(context, r.GetValue(json), async () =>
        {
            var path = CliConfig.PathFor(context);
            var config = CliConfig.Load(path);
            config.ApiUrl = CliConnection.ApiUrl(context, config);
            var key = r.GetValue(apiKey);
            var address = r.GetValue(email);
            if (key is null == address is null)
            {
                throw new UsageException("Pass either --api-key or --email.");
            }

            if (key is not null)
            {
                using var client = CliConnection.Connect(context, config.ApiUrl, key, null);
                var me = await client.WhoAmIAsync(ct);
                config.ApiKey = key;
                config.AccessToken = config.RefreshToken = null;
                config.Save(path);
                return WhoAmICommand.Who(me);
            }

            var password = context.ReadSecret("Password:");
            using (var anonymous = CliConnection.Connect(context, config.ApiUrl, null, null))
            {
                var tokens = await anonymous.Auth.LoginAsync(new SdkLogin { Email = address!, Password = password }, ct);
                config.ApiKey = null;
                config.AccessToken = tokens.AccessToken;
                config.RefreshToken = tokens.RefreshToken;
            }

            using var signedIn = CliConnection.Connect(context, config.ApiUrl, null, config.AccessToken);
            var who = await signedIn.WhoAmIAsync(ct);
            config.Save(path);
            return WhoAmICommand.Who(who);
        }, result => $"Signed in as {WhoAmICommand.Describe(result)}", ct));
        return command;
    }
}
