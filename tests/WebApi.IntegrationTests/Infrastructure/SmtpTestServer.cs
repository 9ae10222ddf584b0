using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MimeKit;

namespace NovaPulse.WebApi.IntegrationTests.Infrastructure;

/// <summary>
/// A real SMTP server (Debian's python3-aiosmtpd) on a free loopback port, with AUTH (PLAIN/LOGIN) for one account. Each
/// accepted message is written to a folder as <c>.eml</c>, with the SMTP envelope prepended as X-Envelope-* headers.
/// With a refusal delay it behaves like servers that tarpit failed logins (Exchange waits 5 s by default): it also offers
/// CRAM-MD5 and answers every refused login only after the delay. With <c>loginRequired</c> it takes no mail before AUTH (530).
/// With <c>firstDataReplyDelay</c> it stores the first message and only then stalls before its 250 reply: the client's
/// timeout after DATA leaves it not knowing whether the message went through.
/// </summary>
public sealed class SmtpTestServer : IAsyncDisposable
{
    public const string Username = "mailer";
    public const string Password = "smtp-Secret-Pass-71";

    private const string Script = """
        import asyncio, os, sys, threading, uuid
        from aiosmtpd.controller import Controller
        from aiosmtpd.smtp import MISSING, AuthResult, LoginPassword

        folder, port, user, delay, login_required = sys.argv[1], int(sys.argv[2]), sys.argv[3], float(sys.argv[4]), sys.argv[5] == "1"
        first_data_delay = [float(sys.argv[6])]

        class Handler:
            async def handle_DATA(self, server, session, envelope):
                name = os.path.join(folder, uuid.uuid4().hex)
                with open(name + ".tmp", "wb") as f:
                    f.write(("X-Envelope-From: %s\r\nX-Envelope-To: %s\r\n" % (envelope.mail_from, ",".join(envelope.rcpt_tos))).encode())
                    f.write(envelope.original_content)
                os.rename(name + ".tmp", name + ".eml")
                stall, first_data_delay[0] = first_data_delay[0], 0
                if stall > 0:
                    await asyncio.sleep(stall)
                return "250 Message accepted for delivery"

        def refuse(server):
            # The refusal comes after the delay (a tarpit); the event loop serves other sessions meanwhile.
            reply = lambda: asyncio.ensure_future(server.push("535 5.7.8 Authentication credentials invalid"))
            asyncio.get_running_loop().call_later(delay, reply)
            return AuthResult(success=False, handled=True)

        class TarpitHandler(Handler):
            # A challenge-response mechanism on offer as well, as on real servers; it never succeeds here.
            async def auth_CRAM__MD5(self, server, args):
                if await server.challenge_auth("<%s@smtp.test>" % uuid.uuid4().hex) is MISSING:
                    return AuthResult(success=False, handled=True)
                return refuse(server)

        def authenticate(server, session, envelope, mechanism, data):
            # Read at every login, so a test can change the account's password on a running server.
            with open(os.path.join(folder, "password")) as f:
                password = f.read()
            ok = isinstance(data, LoginPassword) and data.login.decode() == user and data.password.decode() == password
            return AuthResult(success=ok, handled=False) if ok or delay == 0 else refuse(server)

        handler = TarpitHandler() if delay > 0 else Handler()
        controller = Controller(handler, hostname="127.0.0.1", port=port, authenticator=authenticate, auth_require_tls=False,
                                auth_required=login_required)
        controller.start()
        print("ready", flush=True)
        threading.Event().wait()
        """;

    private readonly Process _process;

    private SmtpTestServer(Process process, string folder, int port)
    {
        _process = process;
        Folder = folder;
        Port = port;
    }

    public string Folder { get; }

    public int Port { get; }

    public static async Task<SmtpTestServer> StartAsync(TimeSpan? refusalDelay = null, bool loginRequired = false, TimeSpan? firstDataReplyDelay = null)
    {
        var folder = Path.Combine(Path.GetTempPath(), "novapulse-smtp", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var script = Path.Combine(folder, "server.py");
        await File.WriteAllTextAsync(script, Script);
        await File.WriteAllTextAsync(Path.Combine(folder, "password"), Password);
        var port = FreePort();
        var start = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        var delay = (refusalDelay ?? TimeSpan.Zero).TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var dataDelay = (firstDataReplyDelay ?? TimeSpan.Zero).TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        foreach (var argument in new[] { script, folder, port.ToString(System.Globalization.CultureInfo.InvariantCulture), Username, delay, loginRequired ? "1" : "0", dataDelay })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("python3 did not start");
        var ready = process.StandardOutput.ReadLineAsync();
        if (await Task.WhenAny(ready, Task.Delay(TimeSpan.FromSeconds(20))) != ready || await ready != "ready")
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException("aiosmtpd did not start (is python3-aiosmtpd installed?): " + await process.StandardError.ReadToEndAsync());
        }

        return new SmtpTestServer(process, folder, port);
    }

    /// <summary>The account's password from now on (someone reset it on the mail server).</summary>
    public Task ChangePasswordAsync(string password) => File.WriteAllTextAsync(Path.Combine(Folder, "password"), password);

    /// <summary>Waits for a message to <paramref name="recipient"/> and parses it.</summary>
    public async Task<MimeMessage> WaitForMessageToAsync(string recipient, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        while (DateTime.UtcNow < deadline)
        {
            foreach (var file in Directory.GetFiles(Folder, "*.eml"))
            {
                var message = await MimeMessage.LoadAsync(file);
                if (message.Headers["X-Envelope-To"]?.Split(',').Contains(recipient, StringComparer.OrdinalIgnoreCase) == true)
                {
                    return message;
                }
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"No message to {recipient} arrived at the SMTP server.");
    }

    public int MessagesTo(string recipient) => Directory.GetFiles(Folder, "*.eml")
        .Count(f => File.ReadLines(f).Take(2).Any(l => l.StartsWith("X-Envelope-To:", StringComparison.Ordinal) && l.Contains(recipient, StringComparison.OrdinalIgnoreCase)));

    public ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(5000);
        }

        _process.Dispose();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // left to the OS temp cleaner
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>A loopback port nobody listens on (connections to it are refused).</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
