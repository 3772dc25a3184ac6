using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Spectre.Console;
using Sightline.Cli.Generation;
using Sightline.Storage;
using Sightline.Web;
using Sightline.Web.Access;

namespace Sightline.Cli.Commands;

/// <summary><c>sightline demo</c>: makes (or reuses) the demonstration council, shows what it holds, adds an account
/// for each role, and serves the web application over it on this machine.</summary>
internal static class DemoCommand
{
    /// <summary>The demonstration council: medium, seed 1.</summary>
    private const int Seed = 1;

    public static Command Create()
    {
        var database = Terminal.DatabaseOption();
        database.Description = "Where the demonstration council is kept (default: demo.db beside the default database).";
        var urls = ServeCommand.UrlsOption();
        var noServe = new Option<bool>("--no-serve") { Description = "Make the council and the accounts, show them, and stop without starting the web application." };
        var command = new Command("demo", "Create, or reuse, a demonstration database of a medium synthetic council, show what it holds and its " +
                                          "demonstration accounts, and start the web application on this machine.")
        {
            database, urls, noServe,
        };
        command.SetAction(parse =>
        {
            var target = parse.GetValue(database) is { } given
                ? SightlineDatabase.Parse(given)
                : SightlineDatabase.SqliteFile(Path.Combine(ServeCommand.DataFolder, "demo.db"));
            target.Migrate();
            bool empty;
            using (var db = target.Open())
            {
                empty = !db.Children.Any();
            }

            if (empty)
            {
                AnsiConsole.MarkupLine($"Generating the demonstration council into the {Markup.Escape(target.Describe())}…");
                var generator = new CouncilGenerator(CouncilSize.Medium, Seed, calendar: CalendarConfiguration.Load(ServeCommand.DataFolder));
                Terminal.WithProgress(progress => generator.WriteTo(target, progress));
            }
            else
            {
                AnsiConsole.MarkupLine($"Using the demonstration council already in the {Markup.Escape(target.Describe())}.");
            }

            DateOnly today;
            using (var council = target.Open())
            {
                CouncilSummary.Show(council);
                today = CouncilSummary.LastRecordedDate(council);
            }

            var accounts = DemoAccounts.EnsureAsync(target, today).GetAwaiter().GetResult();
            var table = new Table().AddColumn("User name").AddColumn("Role").AddColumn("Stands for");
            foreach (var account in accounts)
            {
                var who = string.Join(", ", new[] { account.WorkerName, account.Teams.Count > 0 ? string.Join(", ", account.Teams) : null }.OfType<string>());
                table.AddRow(Markup.Escape(account.UserName), Markup.Escape(Roles.Find(account.Role)!.Title), Markup.Escape(who.Length == 0 ? "–" : who));
            }

            AnsiConsole.MarkupLine($"Demonstration accounts (password [bold]{DemoAccounts.Password}[/] for each):");
            AnsiConsole.Write(table);
            if (parse.GetValue(noServe))
            {
                return 0;
            }

            AnsiConsole.MarkupLine($"Pages judge the council as at {today:d MMMM yyyy}, its last recorded day.");
            ServeCommand.Serve(new WebOptions(target, ServeCommand.DataFolder)
            {
                Urls = parse.GetValue(urls) is { Length: > 0 } listen ? listen : [ServeCommand.DefaultUrl],
                Today = today,
                Demonstration = true,
            });
            return 0;
        });
        return command;
    }
}
