using System.CommandLine;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Spectre.Console;
using Sightline.Storage;
using Sightline.Web;

namespace Sightline.Cli.Commands;

/// <summary><c>sightline serve</c>: the web application over the council's database.</summary>
internal static class ServeCommand
{
    /// <summary>Where the server listens unless told otherwise: this machine only.</summary>
    public const string DefaultUrl = "http://127.0.0.1:5000";

    public static Option<string[]> UrlsOption() => new("--urls")
    {
        Description = $"Where to listen (default {DefaultUrl}: this machine only). Port 0 picks a free port. " +
                      "Behind a reverse proxy that ends HTTPS, set ASPNETCORE_FORWARDEDHEADERS_ENABLED=true.",
        HelpName = "URL",
        AllowMultipleArgumentsPerToken = true,
    };

    public static Command Create()
    {
        var database = Terminal.DatabaseOption();
        var urls = UrlsOption();
        var today = Terminal.DateOption("--today", "Judge every page as if today were this date (for training and demonstrations). Default: the real date.");
        var command = new Command("serve", "Run the web application: My work, children's records and the access log, for signed-in users.")
        {
            database, urls, today,
        };
        command.SetAction(parse =>
        {
            var target = SightlineDatabase.Parse(parse.GetValue(database));
            target.Migrate();
            Serve(new WebOptions(target, DataFolder)
            {
                Urls = parse.GetValue(urls) is { Length: > 0 } given ? given : [DefaultUrl],
                Today = parse.GetValue(today),
            });
            return 0;
        });
        return command;
    }

    /// <summary>Sightline's data folder (beside the default database).</summary>
    public static string DataFolder => Path.GetDirectoryName(SightlineDatabase.DefaultPath)!;

    /// <summary>Starts the server, says where it is listening, and runs until stopped (Ctrl+C).</summary>
    public static void Serve(WebOptions options)
    {
        using var app = SightlineWeb.Build(options);
        SightlineWeb.LoadCouncil(app);
        app.Start();
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        foreach (var address in addresses)
        {
            AnsiConsole.MarkupLine($"Sightline is running at [bold]{Markup.Escape(address)}[/]");
        }

        using (var db = options.Database.Open())
        {
            if (!db.Users.Any())
            {
                AnsiConsole.MarkupLine("There are no accounts yet: add one with [bold]sightline users add NAME --role administrator[/].");
            }
        }

        AnsiConsole.MarkupLine("Press Ctrl+C to stop.");
        app.WaitForShutdown();
    }
}
