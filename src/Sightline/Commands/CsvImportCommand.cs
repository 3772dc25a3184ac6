using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Spectre.Console;
using Sightline.Formats.Csv;
using Sightline.Storage;
using Sightline.Storage.Extracts;

namespace Sightline.Cli.Commands;

/// <summary><c>sightline import csv KIND FILE</c>: loads one CSV extract (docs/data/extracts.md). New records are
/// added and changed ones updated by their natural key, so loading the same file again changes nothing; bad rows
/// are rejected, each with its line and reason, and every other row loads.</summary>
internal static class CsvImportCommand
{
    /// <summary>How many rejections are shown; <c>--rejections</c> writes them all.</summary>
    private const int Shown = 20;

    public static Command Create()
    {
        var kind = new Argument<string>("KIND") { Description = $"Which extract FILE is: {string.Join(", ", CsvExtracts.Names)}.", HelpName = "KIND" };
        kind.AcceptOnlyFromAmong([.. CsvExtracts.Names]);
        var file = new Argument<FileInfo>("FILE") { Description = "The extract: UTF-8 CSV with a header row naming its columns (docs/data/extracts.md)." };
        var rejections = new Option<FileInfo?>("--rejections")
        {
            Description = $"Write every rejected row, with its line and reason, to this CSV file (the first {Shown} are shown).",
            HelpName = "FILE.csv",
        };
        var database = Terminal.DatabaseOption();
        var command = new Command("csv", "Load a CSV extract of what neither the CIN census nor Annex A carries (workers, allocations, visits, supervision, …).")
        {
            kind, file, database, rejections,
        };
        command.SetAction(parse => Run(parse.GetValue(kind)!, parse.GetValue(file)!, SightlineDatabase.Parse(parse.GetValue(database)), parse.GetValue(rejections)));
        return command;
    }

    private static int Run(string kind, FileInfo file, SightlineDatabase target, FileInfo? rejectionsFile)
    {
        if (!file.Exists)
        {
            throw new ArgumentException($"{file.FullName} does not exist.");
        }

        target.Migrate();
        var notes = new List<string>();
        ImportResult? result = null;
        var timer = Stopwatch.StartNew();
        Terminal.WithProgress(progress => ImportLog.Run(target, $"csv:{kind}", file.FullName, Environment.UserName,
            db => result = CsvExtracts.Load(db, kind, file.FullName, progress, notes.Add)));
        timer.Stop();

        foreach (var note in notes)
        {
            AnsiConsole.MarkupLine(Markup.Escape(Printable(note, 500)));
        }

        var counts = result!.Counts.ToDictionary(c => c.Key, c => c.Value);
        var summary = new Table().AddColumn("File").AddColumn("Extract");
        foreach (var heading in new[] { "Rows read", "Added", "Updated", "Unchanged", "Rejected" })
        {
            summary.AddColumn(new TableColumn(heading).RightAligned());
        }

        summary.AddRow(Markup.Escape(file.Name), kind, N(result.Read), N(counts["added"]), N(counts["updated"]), N(counts["unchanged"]), N(result.Rejected.Count));
        AnsiConsole.Write(summary);
        AnsiConsole.MarkupLine($"Loaded {Markup.Escape(file.Name)} into the {Markup.Escape(target.Describe())} in {timer.Elapsed.TotalSeconds:N1} s.");

        if (result.Rejected.Count > 0)
        {
            ShowRejections(result.Rejected, rejectionsFile);
        }

        if (rejectionsFile is not null)
        {
            WriteRejections(result.Rejected, rejectionsFile.FullName);
            AnsiConsole.MarkupLine($"Wrote {N(result.Rejected.Count)} rejection{(result.Rejected.Count == 1 ? "" : "s")} to {Markup.Escape(rejectionsFile.FullName)}.");
        }

        return 0;
    }

    private static void ShowRejections(IReadOnlyList<ImportProblem> rejected, FileInfo? rejectionsFile)
    {
        var table = new Table().AddColumn(new TableColumn("Line").RightAligned()).AddColumn("Record").AddColumn("Column").AddColumn("Value").AddColumn("Reason");
        foreach (var problem in rejected.Take(Shown))
        {
            table.AddRow(problem.Line?.ToString(CultureInfo.InvariantCulture) ?? "", Markup.Escape(Printable(problem.RecordId, 30)),
                Markup.Escape(problem.Field ?? ""), Markup.Escape(Printable(problem.Value, 40)), Markup.Escape(Printable(problem.Reason, 300)));
        }

        AnsiConsole.Write(table);
        if (rejected.Count > Shown && rejectionsFile is null)
        {
            AnsiConsole.MarkupLine($"The first {Shown} of {N(rejected.Count)} rejections are shown: write them all with --rejections FILE.csv.");
        }
    }

    /// <summary>Writes every rejection for a spreadsheet: UTF-8 with a byte order mark, and any value from the
    /// file that a spreadsheet would run as a formula (=, +, -, @) prefixed with an apostrophe so that it shows
    /// as text. The extract's own records keep such values exactly; only this report is made safe to open.</summary>
    private static void WriteRejections(IReadOnlyList<ImportProblem> rejected, string path)
    {
        using var writer = CsvWriter.Create(path, CsvWriter.Utf8WithBom);
        writer.WriteRow(["line", "record_id", "column", "value", "reason"]);
        foreach (var problem in rejected)
        {
            writer.WriteSafeRow([problem.Line?.ToString(CultureInfo.InvariantCulture), problem.RecordId, problem.Field, problem.Value, problem.Reason]);
        }
    }

    /// <summary>A value from the file made safe to print: control characters (which could move the cursor or
    /// recolour the terminal) become spaces, and long values are cut short.</summary>
    private static string Printable(string? value, int length)
    {
        if (value is null)
        {
            return "";
        }

        var text = new StringBuilder(Math.Min(value.Length, length + 1));
        foreach (var c in value)
        {
            if (text.Length == length)
            {
                text.Append('…');
                break;
            }

            text.Append(char.IsControl(c) ? ' ' : c);
        }

        return text.ToString();
    }

    private static string N(int number) => number.ToString("N0", CultureInfo.InvariantCulture);
}
