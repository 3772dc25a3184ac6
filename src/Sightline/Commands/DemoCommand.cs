using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Spectre.Console;
using Sightline.Cli.Generation;
using Sightline.Storage;

namespace Sightline.Cli.Commands;

/// <summary><c>sightline demo</c>: makes (or reuses) the demonstration council and shows what it holds.</summary>
internal static class DemoCommand
{
    /// <summary>The demonstration council: medium, seed 1.</summary>
    private const int Seed = 1;

    public static Command Create()
    {
        var database = Terminal.DatabaseOption();
        database.Description = "Where the demonstration council is kept (default: demo.db beside the default database).";
        var command = new Command("demo", "Create, or reuse, a demonstration database of a medium synthetic council and show what it holds.") { database };
        command.SetAction(parse =>
        {
            var target = parse.GetValue(database) is { } given
                ? SightlineDatabase.Parse(given)
                : SightlineDatabase.SqliteFile(Path.Combine(Path.GetDirectoryName(SightlineDatabase.DefaultPath)!, "demo.db"));
            target.Migrate();
            bool empty;
            using (var db = target.Open())
            {
                empty = !db.Children.Any();
            }

            if (empty)
            {
                AnsiConsole.MarkupLine($"Generating the demonstration council into the {Markup.Escape(target.Describe())}…");
                var generator = new CouncilGenerator(CouncilSize.Medium, Seed, calendar: CalendarConfiguration.Load(Path.GetDirectoryName(SightlineDatabase.DefaultPath)!));
                Terminal.WithProgress(progress => generator.WriteTo(target, progress));
            }
            else
            {
                AnsiConsole.MarkupLine($"Using the demonstration council already in the {Markup.Escape(target.Describe())}.");
            }

            using var council = target.Open();
            CouncilSummary.Show(council);
            return 0;
        });
        return command;
    }
}
