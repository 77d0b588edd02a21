using System.CommandLine;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;
using SafeguardDocs.Web;

namespace SafeguardDocs.Cli.Commands;

/// <summary><c>serve</c>: the web app on this machine, with its database in the data folder.</summary>
internal static class ServeCommand
{
    public static Command Create(CliEnvironment env)
    {
        var port = new Option<int>("--port") { Description = "Port on 127.0.0.1 to listen on.", DefaultValueFactory = _ => 5080 };
        var urls = new Option<string?>("--urls") { Description = "Addresses to listen on instead, separated by ';' (anything beyond this machine needs https:// or --behind-tls-proxy)." };
        var data = new Option<string>("--data") { Description = "Folder for the database and keys (created, readable by its owner only).", DefaultValueFactory = _ => "data" };
        var proxy = new Option<bool>("--behind-tls-proxy") { Description = "A TLS proxy is in front: allow plain HTTP on a non-loopback address and trust its X-Forwarded-Proto." };
        var command = new Command("serve", "Start the web app: forms for every kind, rules as you type, preview and download, records and accounts.")
        {
            port, urls, data, proxy,
        };

        command.SetAction(parse =>
        {
            var listen = parse.GetValue(urls) ?? $"http://127.0.0.1:{parse.GetValue(port).ToString(CultureInfo.InvariantCulture)}";
            string[] args = ["--urls", listen, "--Data", env.Resolve(parse.GetValue(data)!), "--BehindTlsProxy", parse.GetValue(proxy) ? "true" : "false"];
            WebApplication app;
            try
            {
                app = WebApp.Build(args);
            }
            catch (WebStartupException e)
            {
                env.Error.WriteLine($"safeguard-docs: {e.Message}");
                return ExitCodes.InputUnusable;
            }

            app.StartAsync().GetAwaiter().GetResult();
            foreach (var line in WebApp.StartupLinesAsync(app).GetAwaiter().GetResult())
            {
                env.Out.WriteLine(line);
            }

            app.WaitForShutdownAsync().GetAwaiter().GetResult();
            return ExitCodes.Success;
        });
        return command;
    }
}
