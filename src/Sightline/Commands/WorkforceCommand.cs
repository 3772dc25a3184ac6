using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Spectre.Console;
using Sightline.Formats.Csv;
using Sightline.Oversight;
using Sightline.Oversight.Workforce;
using Sightline.Storage;

namespace Sightline.Cli.Commands;

/// <summary><c>sightline workforce</c>: caseloads pro rata to FTE against the ceiling, their spread, the agency share,
/// changes of social worker and turnover, as at a date. The figures are <see cref="WorkforceMeasures"/>'.</summary>
internal static class WorkforceCommand
{
    public static Command Create()
    {
        var asAt = Terminal.DateOption("--as-at", "The date to count on (default: today). Turnover and changes of social worker look back 12 months from it.");
        var team = new Option<string?>("--team") { Description = "Only this team's workers (the team's name); the table then lists each of them." };
        var format = new Option<string>("--format") { Description = "table, csv (a line per worker, team and service, and the council) or json.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "csv", "json");
        var database = Terminal.DatabaseOption();
        var command = new Command("workforce",
            "Caseloads per worker pro rata to FTE against the ceiling, per team and their spread; agency share; changes of social worker per child; turnover.")
        {
            asAt, team, format, database,
        };
        command.SetAction(parse =>
        {
            var date = parse.GetValue(asAt) ?? DateOnly.FromDateTime(DateTime.Today);
            var snapshot = Terminal.LoadSnapshot(parse.GetValue(database));
            var include = WorkerFilter.From(snapshot, parse.GetValue(team), null);
            var calendar = CalendarConfiguration.Load(Path.GetDirectoryName(SightlineDatabase.DefaultPath)!);
            var asAtDate = snapshot.On(date, calendar);
            var standards = asAtDate.Standards;
            var report = WorkforceMeasures.Compute(snapshot, asAtDate, include);
            if (!snapshot.Coverage.Has("allocations"))
            {
                Console.Error.WriteLine("No allocations have been loaded, so every caseload reads 0: load the allocations extract (sightline import csv allocations FILE).");
            }

            switch (parse.GetValue(format))
            {
                case "csv":
                    WriteCsv(report, snapshot.Workforce);
                    break;
                case "json":
                    WriteJson(report, snapshot.Workforce, standards);
                    break;
                default:
                    WriteTable(report, standards, showAllWorkers: parse.GetValue(team) is not null);
                    break;
            }

            return 0;
        });
        return command;
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Number(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private static string? Number(double? value) => value?.ToString("0.0", CultureInfo.InvariantCulture);

    private static string? TeamOf(WorkforceLine line, WorkforceRecords records) => line.TeamId is { } t ? records.TeamName(t) : null;

    private static string? ServiceOf(WorkforceLine line, WorkforceRecords records) =>
        line.ServiceId is { } s && records.Services.TryGetValue(s, out var service) ? service.Name : null;

    private static void WriteCsv(WorkforceReport report, WorkforceRecords records)
    {
        Console.Out.Write(CsvWriter.Line("level", "name", "staff_id", "team", "service", "as_at", "workers", "fte", "agency_workers", "agency_fte", "agency_share",
            "children", "per_fte", "over_ceiling", "at_warning", "status", "unallocated", "changes_of_worker", "children_with_churn", "leavers", "leaver_fte", "turnover"));
        foreach (var l in report.Lines)
        {
            Console.Out.Write(CsvWriter.Line(l.Level.ToString().ToLowerInvariant(), l.Name, l.Worker?.StaffId, TeamOf(l, records), ServiceOf(l, records),
                report.AsAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Number(l.Workers), Number(l.Fte), Number(l.AgencyWorkers), Number(l.AgencyFte), Number(l.AgencyShare),
                Number(l.Children), Number(l.PerFte), Number(l.OverCeiling), Number(l.AtWarning), Status(l.Status), Number(l.Unallocated), Number(l.Changes), Number(l.WithChurn),
                Number(l.Leavers), Number(l.LeaverFte), Number(l.Turnover)));
        }
    }

    private static string? Status(CaseloadStatus? status) => status switch
    {
        CaseloadStatus.OverCeiling => "over-ceiling",
        CaseloadStatus.AtWarning => "at-warning",
        CaseloadStatus.Within => "within",
        _ => null,
    };

    private static void WriteJson(WorkforceReport report, WorkforceRecords records, LocalStandards standards)
    {
        Console.Out.WriteLine(JsonSerializer.Serialize(new
        {
            asAt = report.AsAt,
            standards = new { caseloadCeiling = standards.CaseloadCeiling, caseloadWarning = standards.CaseloadWarning, churnChanges = standards.ChurnChanges },
            medianPerFte = report.MedianPerFte,
            highestPerFte = report.HighestPerFte,
            vacancies = WorkforceReport.Vacancies,
            distribution = report.Distribution.Select(b => new { band = b.Band, workers = b.Workers }),
            changesOfWorker = report.ChangesOfWorker.Select(c => new { changes = c.Changes, children = c.Children }),
            lines = report.Lines.Select(l => new
            {
                level = l.Level.ToString().ToLowerInvariant(),
                name = l.Name,
                staffId = l.Worker?.StaffId,
                team = TeamOf(l, records),
                service = ServiceOf(l, records),
                workers = l.Workers,
                fte = l.Fte,
                agencyWorkers = l.AgencyWorkers,
                agencyFte = l.AgencyFte,
                agencyShare = l.AgencyShare,
                children = l.Children,
                perFte = l.PerFte,
                overCeiling = l.OverCeiling,
                atWarning = l.AtWarning,
                status = Status(l.Status),
                unallocated = l.Unallocated,
                changesOfWorker = l.Changes,
                childrenWithChurn = l.WithChurn,
                leavers = l.Leavers,
                leaverFte = l.LeaverFte,
                turnover = l.Turnover,
            }),
        }, new JsonSerializerOptions { WriteIndented = true }));
    }

    private static string Count(int n, string what) => $"{n:N0} {what}{(n == 1 ? "" : "s")}";

    private static string Share(double? value) => value is { } v ? $"{v:0.0}%" : "–";

    private static void WriteTable(WorkforceReport report, LocalStandards standards, bool showAllWorkers)
    {
        var c = report.Council;
        AnsiConsole.MarkupLine($"[bold]Workforce as at {report.AsAt:d MMMM yyyy}[/]");
        AnsiConsole.MarkupLine($"{Count(c.Workers, "case-holding worker")} in post ({c.Fte:0.#} FTE) hold{(c.Workers == 1 ? "s" : "")} {c.Children:N0} children: {(c.PerFte is { } p ? $"{p:0.0}" : "–")} per FTE, " +
                               $"against a ceiling of {standards.CaseloadCeiling} (warning at {standards.CaseloadWarning}). {c.OverCeiling:N0} over the ceiling, {c.AtWarning:N0} at the warning point; " +
                               $"median {(report.MedianPerFte is { } m ? $"{m:0.0}" : "–")}, highest {(report.HighestPerFte is { } h ? $"{h:0.0}" : "–")} per FTE.");
        AnsiConsole.MarkupLine($"Agency: {Count(c.AgencyWorkers, "worker")}, {c.AgencyFte:0.#} FTE, {Share(c.AgencyShare)} of FTE. " +
                               $"Turnover: {Count(c.Leavers, "leaver")} in 12 months ({c.LeaverFte:0.#} FTE), {Share(c.Turnover)} of FTE in post. Vacancies: {Markup.Escape(WorkforceReport.Vacancies)}");
        AnsiConsole.MarkupLine($"Changes of social worker in 12 months: {c.WithChurn:N0} of {c.Children:N0} children allocated had {standards.ChurnChanges} or more ({Share(c.ChurnShare)}).");

        var teams = new Table().AddColumn("Team").AddColumn(new TableColumn("Workers").RightAligned()).AddColumn(new TableColumn("FTE").RightAligned())
            .AddColumn(new TableColumn("Children").RightAligned()).AddColumn(new TableColumn("Per FTE").RightAligned()).AddColumn(new TableColumn("Over ceiling").RightAligned())
            .AddColumn(new TableColumn("At warning").RightAligned()).AddColumn(new TableColumn("Unallocated").RightAligned()).AddColumn(new TableColumn("Agency").RightAligned())
            .AddColumn(new TableColumn($"{standards.ChurnChanges}+ changes").RightAligned()).AddColumn(new TableColumn("Turnover").RightAligned());
        foreach (var l in report.Lines.Where(l => l.Level is OrganisationLevel.Service or OrganisationLevel.Team))
        {
            teams.AddRow(Markup.Escape((l.Level == OrganisationLevel.Team ? "  " : "") + l.Name), $"{l.Workers:N0}", $"{l.Fte:0.#}", $"{l.Children:N0}",
                l.PerFte is { } v ? $"{v:0.0}" : "–", $"{l.OverCeiling:N0}", $"{l.AtWarning:N0}", $"{l.Unallocated:N0}", Share(l.AgencyShare), $"{l.WithChurn:N0}", Share(l.Turnover));
        }

        AnsiConsole.Write(teams);

        var spread = new Table().AddColumn("Caseload per FTE").AddColumn(new TableColumn("Workers").RightAligned());
        foreach (var band in report.Distribution)
        {
            spread.AddRow(Markup.Escape(band.Band), $"{band.Workers:N0}");
        }

        var changes = new Table().AddColumn("Changes of social worker in 12 months").AddColumn(new TableColumn("Children").RightAligned());
        foreach (var (n, children) in report.ChangesOfWorker)
        {
            changes.AddRow(Markup.Escape(n), $"{children:N0}");
        }

        AnsiConsole.Write(new Columns(spread, changes));

        var shown = report.Lines.Where(l => l.Level == OrganisationLevel.Worker && (showAllWorkers || l.Status != CaseloadStatus.Within)).ToList();
        if (shown.Count > 0)
        {
            var workers = new Table().AddColumn("Worker").AddColumn("Team").AddColumn(new TableColumn("FTE").RightAligned()).AddColumn("Employment")
                .AddColumn(new TableColumn("Children").RightAligned()).AddColumn(new TableColumn("Per FTE").RightAligned()).AddColumn("Caseload");
            foreach (var l in shown.OrderByDescending(l => l.PerFte ?? double.MaxValue))
            {
                workers.AddRow(Markup.Escape($"{l.Name} ({l.Worker!.StaffId})"), Markup.Escape(report.Lines.FirstOrDefault(t => t.Level == OrganisationLevel.Team && t.TeamId == l.TeamId)?.Name ?? "–"),
                    $"{l.Fte:0.##}", l.Worker.Employment.ToString(), $"{l.Children:N0}", l.PerFte is { } v ? $"{v:0.0}" : "–",
                    l.Status switch { CaseloadStatus.OverCeiling => "over the ceiling", CaseloadStatus.AtWarning => "at the warning point", _ => "within" });
            }

            AnsiConsole.MarkupLine(showAllWorkers ? "Each worker:" : "Workers over the ceiling or at the warning point (--team NAME lists every worker in a team):");
            AnsiConsole.Write(workers);
        }
    }
}
