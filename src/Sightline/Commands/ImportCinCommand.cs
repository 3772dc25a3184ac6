using System.CommandLine;
using Sightline.Formats.Csv;
using System.Globalization;
using System.Text;
using Spectre.Console;
using Sightline.Cli.Importing;
using Sightline.Model;
using Sightline.Storage;

namespace Sightline.Cli.Commands;

/// <summary><c>sightline import cin FILE…</c>: loads DfE CIN census files, each as its own all-or-nothing import.</summary>
internal static class ImportCinCommand
{
    /// <summary>How many rejections the terminal shows per file; <c>--rejections</c> writes them all.</summary>
    private const int RejectionsShown = 20;

    public static Command Create()
    {
        var files = new Argument<FileInfo[]>("FILE")
        {
            Description = "CIN census XML files, of any year 2017–2026. They are loaded in the order given, oldest first is best: " +
                          "a value in a later file replaces the same value from an earlier one.",
            Arity = ArgumentArity.OneOrMore,
        };
        var database = Terminal.DatabaseOption();
        var rejections = new Option<FileInfo?>("--rejections")
        {
            Description = "Also write every rejection of every file to this CSV file (the terminal shows the first 20 of each).",
            HelpName = "FILE.csv",
        };

        var command = new Command("cin", "Load DfE children in need census files into the council's records. Each file is loaded all or nothing; " +
                                         "a child that cannot be read is left out and reported, and every other child is loaded.")
        {
            files, database, rejections,
        };
        command.SetAction(parse => Run(parse.GetValue(files)!, SightlineDatabase.Parse(parse.GetValue(database)), parse.GetValue(rejections)));
        return command;
    }

    private static int Run(FileInfo[] files, SightlineDatabase database, FileInfo? rejectionsFile)
    {
        if (files.FirstOrDefault(f => !f.Exists) is { } missing)
        {
            throw new FileNotFoundException($"{missing.FullName} was not found: nothing was loaded.");
        }

        database.Migrate();
        var rejected = new List<(string File, ImportRejection Rejection)>();
        try
        {
            for (var i = 0; i < files.Length; i++)
            {
                var file = files[i];
                AnsiConsole.MarkupLine($"Loading [bold]{Markup.Escape(file.Name)}[/] into the {Markup.Escape(database.Describe())}…");
                CinCensusImportResult result;
                try
                {
                    result = Terminal.WithProgress(progress => CinCensusImport.Run(database, file.FullName, Environment.UserName, progress));
                }
                catch (FileRefusedException refused) when (i < files.Length - 1)
                {
                    // Later censuses update earlier ones, so loading on past a failure could leave them in the wrong order.
                    throw new FileRefusedException($"{refused.Message} The {files.Length - 1 - i} file(s) after it were not loaded either, " +
                                                   "so that the files load in the order given.", refused);
                }

                Show(result);
                rejected.AddRange(result.Record.Rejections.Select(r => (file.Name, r)));
            }
        }
        finally
        {
            if (rejectionsFile is not null)
            {
                WriteRejections(rejectionsFile.FullName, rejected);
                AnsiConsole.MarkupLine($"Wrote {rejected.Count:N0} rejection(s) to {Markup.Escape(rejectionsFile.FullName)}.");
            }
        }

        return 0;
    }

    private static void Show(CinCensusImportResult result)
    {
        var record = result.Record;
        AnsiConsole.MarkupLine($"Council {Markup.Escape(result.Council)}, census year {Markup.Escape(result.Year.ToString())}.");

        var table = new Table().AddColumn("Records").AddColumn(new TableColumn("Loaded").RightAligned()).AddColumn(new TableColumn("New to the database").RightAligned());
        foreach (var (key, label) in CinCensusCounts.Kinds)
        {
            table.AddRow(label, result.Counts.Loaded(key).ToString("N0", CultureInfo.InvariantCulture), result.Counts.New(key).ToString("N0", CultureInfo.InvariantCulture));
        }

        table.AddRow("[bold]Children rejected[/]", $"[bold]{result.ChildrenRejected:N0}[/]", "");
        AnsiConsole.Write(table);

        var dropped = record.RecordsRejected - result.ChildrenRejected;
        if (record.Outcome == ImportOutcome.Loaded)
        {
            AnsiConsole.MarkupLine($"[green]Loaded all {record.RecordsLoaded:N0} children; nothing was rejected.[/]");
            return;
        }

        AnsiConsole.MarkupLine($"[yellow]Loaded {record.RecordsLoaded:N0} of {record.RecordsRead:N0} children, with rejections: " +
                               $"{result.ChildrenRejected:N0} child(ren) left out whole, and {dropped:N0} other value(s), record(s) or stray item(s) reported.[/]");
        var shown = new Table().AddColumn("Line").AddColumn("Child").AddColumn("Element").AddColumn("Value").AddColumn("Reason");
        foreach (var r in record.Rejections.Take(RejectionsShown))
        {
            shown.AddRow(r.Line?.ToString(CultureInfo.InvariantCulture) ?? "", Markup.Escape(r.RecordId ?? ""), Markup.Escape(r.Field ?? ""),
                Markup.Escape(r.Value ?? ""), Markup.Escape(r.Reason));
        }

        AnsiConsole.Write(shown);
        if (record.Rejections.Count > RejectionsShown)
        {
            AnsiConsole.MarkupLine($"…and {record.Rejections.Count - RejectionsShown:N0} more: --rejections FILE.csv writes them all.");
        }
    }

    /// <summary>Writes every rejection as CSV a spreadsheet opens safely (<see cref="Sightline.Formats.SpreadsheetText.Neutralise"/>).</summary>
    private static void WriteRejections(string path, List<(string File, ImportRejection Rejection)> rejections)
    {
        using var writer = CsvWriter.Create(path, CsvWriter.Utf8WithBom);
        writer.WriteRow(["file", "line", "child", "element", "value", "reason"]);
        foreach (var (file, r) in rejections)
        {
            writer.WriteSafeRow([file, r.Line?.ToString(CultureInfo.InvariantCulture), r.RecordId, r.Field, r.Value, r.Reason]);
        }
    }
}
