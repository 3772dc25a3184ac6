using System.CommandLine;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Spectre.Console;
using Sightline.Cli.Generation;
using Sightline.Storage;

namespace Sightline.Cli.Commands;

/// <summary><c>sightline generate</c>: a deterministic synthetic council, into a database or as a CIN census file.</summary>
internal static class GenerateCommand
{
    public static Command Create()
    {
        var size = new Option<CouncilSize>("--size")
        {
            Description = "small (about 2,000 children), medium (15,000), large (60,000) or england (650,000 referrals a year).",
            DefaultValueFactory = _ => CouncilSize.Small,
        };
        var seed = new Option<int>("--seed") { Description = "The same seed always gives the same council.", DefaultValueFactory = _ => 1 };
        var children = new Option<int?>("--children") { Description = "Generate exactly this many children instead of the size's number." };
        var end = Terminal.DateOption("--to", $"The last day of the six years (default {CouncilGenerator.DefaultEnd:yyyy-MM-dd}).");
        var replace = new Option<bool>("--replace") { Description = "Delete the council already in the database first." };
        var database = Terminal.DatabaseOption();

        var command = new Command("generate", "Generate a synthetic council over six years, deterministically, into the database.")
        {
            size, seed, children, end, replace, database,
        };
        command.SetAction(parse =>
        {
            var count = parse.GetValue(children);
            if (count is <= 0)
            {
                throw new ArgumentException("--children must be a positive number.");
            }

            var generator = new CouncilGenerator(parse.GetValue(size), parse.GetValue(seed), parse.GetValue(end), count);
            var target = SightlineDatabase.Parse(parse.GetValue(database));
            if (parse.GetValue(replace))
            {
                Delete(target);
            }

            var timer = Stopwatch.StartNew();
            var rows = Terminal.WithProgress(progress => generator.WriteTo(target, progress));
            timer.Stop();
            ShowRows(rows);
            AnsiConsole.MarkupLine($"Generated {generator.ChildCount:N0} children from {generator.Start:d MMMM yyyy} to {generator.End:d MMMM yyyy} " +
                                   $"into the {Markup.Escape(target.Describe())} in {timer.Elapsed.TotalSeconds:N1} s.");
            return 0;
        });
        return command;
    }

    /// <summary>Removes the whole database so the next council starts from nothing.</summary>
    internal static void Delete(SightlineDatabase target)
    {
        using var db = target.Open();
        db.Database.EnsureDeleted();
    }

    private static void ShowRows(IReadOnlyDictionary<string, long> rows)
    {
        var table = new Table().AddColumn("Table").AddColumn(new TableColumn("Rows").RightAligned());
        foreach (var (name, count) in rows.Where(r => r.Value > 0).OrderByDescending(r => r.Value))
        {
            table.AddRow(name, count.ToString("N0"));
        }

        table.AddRow("[bold]All tables[/]", $"[bold]{rows.Values.Sum():N0}[/]");
        AnsiConsole.Write(table);
    }
}
