using System.CommandLine;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Spectre.Console;
using Sightline.Cli.Generation;
using Sightline.Formats.CinCensus;
using Sightline.Model;
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
        var censusYear = new Option<int?>("--census-year")
        {
            Description = $"Write the council as a DfE CIN census file for this year ({CinCensusWriter.FirstCensusYear}–{CinCensusWriter.LastCensusYear}, " +
                          "the year of the 31 March reference date) instead of into the database. Needs --output.",
            HelpName = "YYYY",
        };
        var output = new Option<FileInfo?>("--output") { Description = "The census file to write, with --census-year.", HelpName = "FILE" };
        var extracts = new Option<DirectoryInfo?>("--extracts")
        {
            Description = "Write the council as the files a council loads, into this folder: a CIN census for each year and one CSV extract of each kind " +
                          "(docs/data/extracts.md), as at the census reference date (the six years end on 31 March unless --to says otherwise). " +
                          "Into the database as well only when --database is given.",
            HelpName = "DIR",
        };

        var command = new Command("generate", "Generate a synthetic council over six years, deterministically, into the database or as a CIN census file.")
        {
            size, seed, children, end, replace, database, censusYear, output, extracts,
        };
        command.SetAction(parse =>
        {
            var count = parse.GetValue(children);
            if (count is <= 0)
            {
                throw new ArgumentException("--children must be a positive number.");
            }

            var calendar = CalendarConfiguration.Load(Path.GetDirectoryName(SightlineDatabase.DefaultPath)!);
            // A council's files are as at a census reference date: records after the last 31 March would belong
            // to children no census carries yet, so by default the files' six years end on a 31 March.
            var lastDay = parse.GetValue(end) ?? (parse.GetValue(extracts) is null ? null : CinCensusWriter.ReferenceDate(CinCodes.CensusYearOf(CouncilGenerator.DefaultEnd.AddDays(1)) - 1));
            CouncilGenerator Make() => new(parse.GetValue(size), parse.GetValue(seed), lastDay, count, calendar);
            var generator = Make();
            if (parse.GetValue(censusYear) is { } year)
            {
                var file = parse.GetValue(output) ?? throw new ArgumentException("--census-year needs --output FILE: where to write the census.");
                return WriteCensus(generator, year, file.FullName);
            }

            if (parse.GetValue(extracts) is { } folder)
            {
                return WriteFiles(Make, folder.FullName, parse.GetValue(database) is { } given ? SightlineDatabase.Parse(given) : null, parse.GetValue(replace));
            }

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

    private static int WriteCensus(CouncilGenerator generator, int year, string path)
    {
        var reference = CinCensusWriter.ReferenceDate(year);
        if (reference < generator.Start || reference > generator.End)
        {
            throw new ArgumentException($"The {year} census (reference date {reference:d MMMM yyyy}) falls outside the six years generated, " +
                                        $"{generator.Start:d MMMM yyyy} to {generator.End:d MMMM yyyy}: choose a later year or move them with --to.");
        }

        var timer = Stopwatch.StartNew();
        var result = Terminal.WithProgress(progress =>
        {
            var made = 0;
            var children = generator.Children().Select(child =>
            {
                if (++made % 1_000 == 0 || made == generator.ChildCount)
                {
                    progress("Children", made, generator.ChildCount);
                }

                return child;
            });
            return CinCensusWriter.Write(children, path, year, CouncilGenerator.CouncilCode);
        });
        AnsiConsole.MarkupLine($"Wrote the {year} CIN census for {result.ChildrenWritten:N0} children ({result.EpisodesWritten:N0} episodes) " +
                               $"to {Markup.Escape(path)} in {timer.Elapsed.TotalSeconds:N1} s.");
        return 0;
    }

    private static int WriteFiles(Func<CouncilGenerator> make, string folder, SightlineDatabase? database, bool replace)
    {
        if (database is not null && replace)
        {
            Delete(database);
        }

        var timer = Stopwatch.StartNew();
        var written = Terminal.WithProgress(progress => CouncilFiles.Write(make, folder, database, progress));
        var table = new Table().AddColumn("File").AddColumn(new TableColumn("Rows").RightAligned());
        foreach (var (year, children) in written.Censuses)
        {
            table.AddRow(CouncilFiles.CensusFileName(year), $"{children:N0} children");
        }

        foreach (var (kind, rows) in written.Extracts)
        {
            table.AddRow($"{kind}.csv", rows.ToString("N0"));
        }

        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine($"Wrote the council's files to {Markup.Escape(folder)}{(database is null ? "" : $" and the council into the {Markup.Escape(database.Describe())}")} " +
                               $"in {timer.Elapsed.TotalSeconds:N1} s.");
        return 0;
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
