using System.CommandLine;
using Spectre.Console;
using Sightline.Cli.AnnexA;
using Sightline.Storage;

namespace Sightline.Cli.Commands;

/// <summary><c>sightline import annex-a WORKBOOK.xlsx --as-at DATE</c>: a council's own Annex A into its records.</summary>
internal static class AnnexAImportCommand
{
    /// <summary>How many rejections are listed on screen; every one is kept with the import's record.</summary>
    private const int Shown = 50;

    public static Command Create()
    {
        var workbook = new Argument<FileInfo>("WORKBOOK.xlsx") { Description = "The council's Annex A workbook (lists 1 to 11)." };
        var asAt = Terminal.DateOption("--as-at", "The date the workbook was produced as at (Ofsted's inspection date): its counts over the last 12 months, " +
                                                  "case statuses and care leavers' statuses are kept as at this date.");
        asAt.Required = true;
        var database = Terminal.DatabaseOption();
        var command = new Command("annex-a", "Import a council's Ofsted Annex A workbook. Unrecognised headers and values are reported, never guessed; " +
                                             "importing the same workbook again changes nothing.") { workbook, asAt, database };
        command.SetAction(parse =>
        {
            var file = parse.GetValue(workbook)!;
            if (!file.Exists)
            {
                throw new FileNotFoundException($"{file.FullName} does not exist.");
            }

            var target = SightlineDatabase.Parse(parse.GetValue(database));
            var record = Terminal.WithProgress(progress =>
                AnnexAImporter.Import(target, file.FullName, parse.GetValue(asAt)!.Value, Environment.UserName, progress));
            AnsiConsole.MarkupLine($"Read {record.RecordsRead:N0} rows from {Markup.Escape(file.Name)}: loaded {record.RecordsLoaded:N0}; " +
                                   $"{record.RecordsRejected:N0} problems reported ({Markup.Escape(record.Counts ?? "")}).");
            if (record.Rejections.Count > 0)
            {
                var table = new Table().AddColumn("Row").AddColumn("Child").AddColumn("Sheet and column").AddColumn("Value").AddColumn("Problem");
                foreach (var problem in record.Rejections.Take(Shown))
                {
                    table.AddRow(problem.Line?.ToString() ?? "", Markup.Escape(problem.RecordId ?? ""), Markup.Escape(problem.Field ?? ""),
                        Markup.Escape(problem.Value ?? ""), Markup.Escape(problem.Reason));
                }

                AnsiConsole.Write(table);
                if (record.Rejections.Count > Shown)
                {
                    AnsiConsole.MarkupLine($"… and {record.Rejections.Count - Shown:N0} more, kept with import {record.Id}.");
                }
            }

            return 0;
        });
        return command;
    }
}
