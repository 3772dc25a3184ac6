using System.CommandLine;
using System.Diagnostics;
using Spectre.Console;
using Sightline.Cli.AnnexA;
using Sightline.Storage;

namespace Sightline.Cli.Commands;

/// <summary><c>sightline export</c>: the files a council is asked for, computed from its records.</summary>
internal static class ExportCommand
{
    public static Command Create() => new("export", "Write the files a council is asked for, computed from its records.")
    {
        AnnexA(),
    };

    /// <summary><c>sightline export annex-a --as-at DATE OUT.xlsx</c>.</summary>
    private static Command AnnexA()
    {
        var asAt = Terminal.DateOption("--as-at", "The date the lists are as at (Ofsted's inspection date): periods run back from it, and nothing after it is shown.");
        asAt.Required = true;
        var output = new Argument<FileInfo>("OUT.xlsx") { Description = "The workbook to write (replaced if it exists)." };
        var database = Terminal.DatabaseOption();
        var command = new Command("annex-a", "Write Ofsted's Annex A workbook (lists 1 to 11) as at a date.") { asAt, database, output };
        command.SetAction(parse =>
        {
            var file = parse.GetValue(output)!;
            if (!file.Name.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase))
            {
                throw new ArgumentException($"The workbook must be an .xlsx file, not '{file.Name}'.");
            }

            var date = parse.GetValue(asAt)!.Value;
            var target = SightlineDatabase.Parse(parse.GetValue(database));
            target.Migrate();
            var timer = Stopwatch.StartNew();
            var lists = Terminal.WithProgress(progress => AnnexAExporter.Export(target, date, file.FullName, progress));
            var table = new Table().AddColumn("List").AddColumn(new TableColumn("Rows").RightAligned());
            foreach (var (list, rows) in lists)
            {
                table.AddRow(Markup.Escape(list.SheetName), rows.ToString("N0"));
            }

            AnsiConsole.Write(table);
            AnsiConsole.MarkupLine($"Wrote Annex A as at {date:d MMMM yyyy} to {Markup.Escape(file.FullName)} in {timer.Elapsed.TotalSeconds:N1} s.");
            return 0;
        });
        return command;
    }
}
