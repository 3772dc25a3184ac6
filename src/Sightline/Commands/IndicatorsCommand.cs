using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Spectre.Console;
using Sightline.Formats.Csv;
using Sightline.Calendar;
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

            var snapshot = Terminal.LoadSnapshot(parse.GetValue(database));
            var calendar = CalendarConfiguration.Load(Path.GetDirectoryName(SightlineDatabase.DefaultPath)!);
            var periods = parse.GetValue(monthly) ? period.Months().ToList() : [period];
            var values = Compute(snapshot, calendar, periods);
            switch (parse.GetValue(format))
            {
                case "csv":
                    WriteCsv(values);
                    break;
                case "json":
                    WriteJson(values);
                    break;
                default:
                    WriteTable(values);
                    break;
            }

            return 0;
        });
        return command;
    }

    /// <summary>A value or England figure to at least one decimal place, as before.</summary>
    private static string Number(double? value) => value?.ToString("0.0##", CultureInfo.InvariantCulture) ?? "";

    /// <summary>A count as a whole number; a full-time equivalent with its decimals.</summary>
    private static string Amount(double? value) => value?.ToString("0.###", CultureInfo.InvariantCulture) ?? "";

    /// <summary>One row per indicator and period, followed by one row per band of a distribution: the band's label,
    /// its share as the value, its count as the numerator and the number measured as the denominator.</summary>
    private static void WriteCsv(IEnumerable<IndicatorValue> values)
    {
        Console.Out.Write(CsvWriter.Line("indicator", "from", "to", "band", "value", "numerator", "denominator", "unit", "england"));
        foreach (var v in values)
        {
            var (from, to) = (v.Period.From.ToString("yyyy-MM-dd"), v.Period.To.ToString("yyyy-MM-dd"));
            Console.Out.Write(CsvWriter.Line(v.Indicator.Id, from, to, "", Number(v.Value), Amount(v.Numerator), Amount(v.Denominator), v.Indicator.Unit.ToString(), Number(v.Indicator.England)));
            var measured = v.Bands.Sum(b => b.Count);
            foreach (var band in v.Bands)
            {
                Console.Out.Write(CsvWriter.Line(v.Indicator.Id, from, to, band.Label, Number(band.Share), band.Count.ToString(CultureInfo.InvariantCulture), Amount(measured), nameof(IndicatorUnit.Percentage), ""));
            }
        }
    }

    private static void WriteJson(IEnumerable<IndicatorValue> values) =>
        Console.Out.WriteLine(JsonSerializer.Serialize(values.Select(v => new
        {
            indicator = v.Indicator.Id, name = v.Indicator.Name, from = v.Period.From, to = v.Period.To, value = v.Value, display = v.Display,
            numerator = v.Numerator, denominator = v.Denominator, unit = v.Indicator.Unit.ToString(), england = v.Indicator.England,
            missing = v.Missing, bands = v.Bands.Select(b => new { label = b.Label, count = b.Count, share = b.Share }),
        }), new JsonSerializerOptions { WriteIndented = true }));

    /// <summary>One row per indicator and period; a distribution's bands follow it, indented, each with its share and count.</summary>
    private static void WriteTable(IEnumerable<IndicatorValue> values)
    {
        var table = new Table().AddColumn("Indicator").AddColumn("Period").AddColumn(new TableColumn("Value").RightAligned())
            .AddColumn(new TableColumn("Of").RightAligned()).AddColumn(new TableColumn("England").RightAligned());
        foreach (var v in values)
        {
            table.AddRow(Markup.Escape(v.Indicator.Name), $"{v.Period.From:d MMM yyyy} – {v.Period.To:d MMM yyyy}", Markup.Escape(v.Display), v.Of,
                v.Indicator.England is { } e ? Markup.Escape(v.Indicator.Format(e)) : "–");
            foreach (var band in v.Bands)
            {
                table.AddRow($"[grey]  {Markup.Escape(band.Label)}[/]", "", band.Share is { } share ? $"[grey]{share:0.0}%[/]" : "[grey]–[/]", $"[grey]{band.Count:N0}[/]", "");
            }
        }

        AnsiConsole.Write(table);
    }
    /// <summary>Every indicator of the catalogue (or only <paramref name="only"/>, by identifier) over each period, each
    /// judged under the standards in force on the period's last day: what this command prints and the dashboard shows.</summary>
    public static List<IndicatorValue> Compute(CouncilSnapshot snapshot, WorkingDayCalendar calendar, IReadOnlyList<Period> periods, IReadOnlySet<string>? only = null) =>
        [.. OversightEngine.Indicators(snapshot, periods, end => snapshot.On(end, calendar),
            only is null ? null : [.. IndicatorCatalogue.All.Where(indicator => only.Contains(indicator.Info.Id))])];
}
