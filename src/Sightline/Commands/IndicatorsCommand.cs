using System.CommandLine;
using System.Text.Json;
using Spectre.Console;
using Sightline.Formats.Csv;
using Sightline.Oversight;
using Sightline.Storage;

namespace Sightline.Cli.Commands;

/// <summary><c>sightline indicators</c>: how the council performs on what the DfE and Ofsted measure, over a period
/// or month by month, against England.</summary>
internal static class IndicatorsCommand
{
    public static Command Create()
    {
        var from = Terminal.DateOption("--from", "The first day of the period.");
        var to = Terminal.DateOption("--to", "The last day of the period.");
        from.Required = true;
        to.Required = true;
        var monthly = new Option<bool>("--monthly") { Description = "One value per calendar month of the period, for trends." };
        var format = new Option<string>("--format") { Description = "table, csv or json.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "csv", "json");
        var database = Terminal.DatabaseOption();
        var command = new Command("indicators", "Indicators over a period (rates, percentages with their numerators and denominators), against England.")
        {
            from, to, monthly, format, database,
        };
        command.SetAction(parse =>
        {
            var period = new Period(parse.GetValue(from)!.Value, parse.GetValue(to)!.Value);
            if (period.To < period.From)
            {
                throw new ArgumentException("--to must not be before --from.");
            }

            var snapshot = SnapshotLoader.Load(SightlineDatabase.Parse(parse.GetValue(database)));
            var calendar = CalendarConfiguration.Load(Path.GetDirectoryName(SightlineDatabase.DefaultPath)!);
            var periods = parse.GetValue(monthly) ? period.Months().ToList() : [period];
            var values = OversightEngine.Indicators(snapshot, periods, end => new AsAt(end, calendar, LocalStandards.Defaults));
            switch (parse.GetValue(format))
            {
                case "csv":
                    Console.Out.Write(CsvWriter.Line("indicator", "from", "to", "value", "numerator", "denominator", "unit", "england"));
                    foreach (var v in values)
                    {
                        Console.Out.Write(CsvWriter.Line(v.Indicator.Id, v.Period.From.ToString("yyyy-MM-dd"), v.Period.To.ToString("yyyy-MM-dd"),
                            v.Value?.ToString("0.0##"), v.Numerator.ToString(), v.Denominator?.ToString(), v.Indicator.Unit.ToString(), v.Indicator.England?.ToString("0.0##")));
                    }

                    break;
                case "json":
                    Console.Out.WriteLine(JsonSerializer.Serialize(values.Select(v => new
                    {
                        indicator = v.Indicator.Id, name = v.Indicator.Name, from = v.Period.From, to = v.Period.To, value = v.Value,
                        numerator = v.Numerator, denominator = v.Denominator, unit = v.Indicator.Unit.ToString(), england = v.Indicator.England,
                    }), new JsonSerializerOptions { WriteIndented = true }));
                    break;
                default:
                    var table = new Table().AddColumn("Indicator").AddColumn("Period").AddColumn(new TableColumn("Value").RightAligned())
                        .AddColumn(new TableColumn("Of").RightAligned()).AddColumn(new TableColumn("England").RightAligned());
                    foreach (var v in values)
                    {
                        table.AddRow(Markup.Escape(v.Indicator.Name), $"{v.Period.From:d MMM yyyy} – {v.Period.To:d MMM yyyy}", v.Display,
                            v.Denominator is { } d ? $"{v.Numerator:N0} / {d:N0}" : $"{v.Numerator:N0}",
                            v.Indicator.England is { } e ? (v.Indicator.Unit == IndicatorUnit.Percentage ? $"{e:0.0}%" : $"{e:0.0}") : "–");
                    }

                    AnsiConsole.Write(table);
                    break;
            }

            return 0;
        });
        return command;
    }
}
