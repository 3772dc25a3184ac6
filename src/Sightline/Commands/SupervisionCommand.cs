using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Spectre.Console;
using Sightline.Formats.Csv;
using Sightline.Model;
using Sightline.Oversight;
using Sightline.Oversight.Supervision;
using Sightline.Oversight.Workforce;
using Sightline.Storage;

namespace Sightline.Cli.Commands;

/// <summary><c>sightline supervision</c>: supervision compliance per worker, team and service over a period, with
/// absence taken into account, sessions missed with a reason counted apart, case supervision and supervision
/// actions. The figures are <see cref="SupervisionCompliance"/>'s.</summary>
internal static class SupervisionCommand
{
    public static Command Create()
    {
        var from = Terminal.DateOption("--from", "The first day of the period.");
        var to = Terminal.DateOption("--to", "The last day of the period. Sessions due on or before it count; case supervision is as at this day, and the period is judged under the local standards in force on it.");
        from.Required = true;
        to.Required = true;
        var team = new Option<string?>("--team") { Description = "Only this team's workers (the team's name); the table then lists each worker." };
        var worker = new Option<string?>("--worker") { Description = "Only this worker (staff ID or name)." };
        var monthly = new Option<bool>("--monthly") { Description = "One line per calendar month of the period, for trends." };
        var format = new Option<string>("--format") { Description = "table, csv or json (csv and json list every worker, team and service).", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "csv", "json");
        var database = Terminal.DatabaseOption();
        var command = new Command("supervision",
            "Supervision compliance per worker, team and service: sessions due (absence pauses the clock), met, missed with a reason, missed; " +
            "case supervision and supervision actions. Compliance is met / due.")
        {
            from, to, team, worker, monthly, format, database,
        };
        command.SetAction(parse =>
        {
            var period = new Period(parse.GetValue(from)!.Value, parse.GetValue(to)!.Value);
            if (period.To < period.From)
            {
                throw new ArgumentException("--to must not be before --from.");
            }

            var timer = Stopwatch.StartNew();
            var snapshot = Terminal.LoadSnapshot(parse.GetValue(database));
            var loaded = timer.Elapsed;
            var include = WorkerFilter.From(snapshot, parse.GetValue(team), parse.GetValue(worker));
            var calendar = CalendarConfiguration.Load(Path.GetDirectoryName(SightlineDatabase.DefaultPath)!);
            var standards = snapshot.Standards.InForceOn(period.To);
            var periods = parse.GetValue(monthly) ? period.Months().ToList() : [period];
            var lines = SupervisionCompliance.Compute(snapshot, periods, calendar, include)
                .OrderBy(l => l.Level).ThenBy(l => l.Name, StringComparer.OrdinalIgnoreCase).ThenBy(l => l.Worker?.StaffId, StringComparer.Ordinal)
                .ThenBy(l => l.TeamId).ThenBy(l => l.Period.From)
                .ToList();
            var computed = timer.Elapsed - loaded;
            var records = snapshot.Workforce;
            if (!snapshot.Coverage.Has("supervision"))
            {
                Console.Error.WriteLine("No supervision data has been loaded, so no session can be shown as held: load the supervision extract (sightline import csv supervision FILE).");
            }
            else if (!snapshot.Coverage.Has("absences"))
            {
                Console.Error.WriteLine("No absences have been loaded, so no absence pauses the supervision clock and compliance may read lower than it is: load the absences extract.");
            }

            switch (parse.GetValue(format))
            {
                case "csv":
                    WriteCsv(lines, records);
                    break;
                case "json":
                    WriteJson(lines, records, period, parse.GetValue(monthly), standards);
                    break;
                default:
                    WriteTable(lines, period, showWorkers: parse.GetValue(team) is not null || parse.GetValue(worker) is not null, parse.GetValue(monthly), loaded, computed);
                    break;
            }

            return 0;
        });
        return command;
    }

    private static string? Percent(double? value) => value?.ToString("0.0", CultureInfo.InvariantCulture);

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static void WriteCsv(List<ComplianceLine> lines, WorkforceRecords records)
    {
        Console.Out.Write(CsvWriter.Line("level", "name", "staff_id", "team", "service", "from", "to", "workers", "due", "met", "missed_with_reason", "missed", "compliance",
            "cases", "cases_in_standard", "actions_agreed", "actions_without_timescale", "actions_due", "actions_done_on_time", "actions_done_late", "actions_not_done"));
        foreach (var l in lines)
        {
            Console.Out.Write(CsvWriter.Line(l.Level.ToString().ToLowerInvariant(), l.Name, l.Worker?.StaffId, l.TeamId is { } t ? records.TeamName(t) : null,
                l.ServiceId is { } s && records.Services.TryGetValue(s, out var service) ? service.Name : null, Date(l.Period.From), Date(l.Period.To),
                Number(l.Workers), Number(l.Sessions.Due), Number(l.Sessions.Met), Number(l.Sessions.MissedWithReason), Number(l.Sessions.Missed), Percent(l.Sessions.Compliance),
                Number(l.Cases.Children), Number(l.Cases.WithinStandard), Number(l.Actions.Agreed), Number(l.Actions.WithoutTimescale), Number(l.Actions.Due),
                Number(l.Actions.DoneOnTime), Number(l.Actions.DoneLate), Number(l.Actions.NotDoneAtEnd)));
        }
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static void WriteJson(List<ComplianceLine> lines, WorkforceRecords records, Period period, bool monthly, LocalStandards standards)
    {
        Console.Out.WriteLine(JsonSerializer.Serialize(new
        {
            from = period.From,
            to = period.To,
            monthly,
            standards = new
            {
                supervisionWeeks = standards.SupervisionWeeks, asyeWeeklyWeeks = standards.AsyeWeeklyWeeks, asyeFortnightlyMonths = standards.AsyeFortnightlyMonths,
                caseSupervisionCpWeeks = standards.CaseSupervisionCpWeeks, caseSupervisionCinWeeks = standards.CaseSupervisionCinWeeks,
            },
            lines = lines.Select(l => new
            {
                level = l.Level.ToString().ToLowerInvariant(),
                name = l.Name,
                staffId = l.Worker?.StaffId,
                team = l.TeamId is { } t ? records.TeamName(t) : null,
                service = l.ServiceId is { } s && records.Services.TryGetValue(s, out var service) ? service.Name : null,
                from = l.Period.From,
                to = l.Period.To,
                workers = l.Workers,
                due = l.Sessions.Due,
                met = l.Sessions.Met,
                missedWithReason = l.Sessions.MissedWithReason,
                missed = l.Sessions.Missed,
                compliance = l.Sessions.Compliance,
                cases = new { allocated = l.Cases.Children, withinStandard = l.Cases.WithinStandard, percentage = l.Cases.Percentage },
                actions = new { agreed = l.Actions.Agreed, withoutTimescale = l.Actions.WithoutTimescale, due = l.Actions.Due, doneOnTime = l.Actions.DoneOnTime, doneLate = l.Actions.DoneLate, notDone = l.Actions.NotDoneAtEnd },
            }),
        }, new JsonSerializerOptions { WriteIndented = true }));
    }

    private static void WriteTable(List<ComplianceLine> lines, Period period, bool showWorkers, bool monthly, TimeSpan loaded, TimeSpan computed)
    {
        AnsiConsole.MarkupLine($"[bold]Supervision, {period.From:d MMMM yyyy} to {period.To:d MMMM yyyy}[/] (loaded in {loaded.TotalSeconds:N1} s, computed in {computed.TotalSeconds:N2} s).");
        AnsiConsole.MarkupLine("Compliance is sessions met / sessions due. Absence pauses the clock; sessions missed with a reason are counted apart and are not met. Case supervision is as at the last day.");
        AnsiConsole.MarkupLine("Columns: sessions due, met, missed with a reason, missed; compliance; allocated cases discussed within their standard; supervision actions due in the period: done on time / not done.");
        var table = new Table().AddColumn(new TableColumn("Who").NoWrap());
        if (monthly)
        {
            table.AddColumn(new TableColumn("Month").NoWrap());
        }

        foreach (var heading in new[] { "Due", "Met", "Reason", "Missed", "Compliance", "Cases", "Actions" })
        {
            table.AddColumn(new TableColumn(heading).RightAligned());
        }

        foreach (var l in lines.Where(l => showWorkers || l.Level != OrganisationLevel.Worker))
        {
            var indent = new string(' ', 2 * (int)l.Level);
            var who = l.Level == OrganisationLevel.Worker ? $"{l.Name} ({l.Worker!.StaffId})" : l.Name;
            var cells = new List<string> { Markup.Escape(indent + who) };
            if (monthly)
            {
                cells.Add($"{l.Period.From:MMM yyyy}");
            }

            cells.AddRange([
                $"{l.Sessions.Due:N0}", $"{l.Sessions.Met:N0}", $"{l.Sessions.MissedWithReason:N0}", $"{l.Sessions.Missed:N0}",
                l.Sessions.Compliance is { } c ? $"{c:0.0}%" : "none due",
                l.Cases.Children == 0 ? "–" : $"{l.Cases.WithinStandard:N0} / {l.Cases.Children:N0}",
                l.Actions.Due == 0 ? "–" : $"{l.Actions.Due:N0}: {l.Actions.DoneOnTime:N0} / {l.Actions.NotDoneAtEnd:N0}",
            ]);
            table.AddRow(cells.ToArray());
        }

        AnsiConsole.Write(table);
        if (!showWorkers)
        {
            AnsiConsole.MarkupLine("--team NAME lists each worker in the team; --format csv lists every worker.");
        }
    }
}

/// <summary>The <c>--team</c> and <c>--worker</c> filters the workforce commands share: a team by name, a worker by
/// staff ID or name, each refused with the names there are when nothing matches.</summary>
internal static class WorkerFilter
{
    public static Func<Worker, bool>? From(CouncilSnapshot snapshot, string? team, string? worker)
    {
        Func<Worker, bool>? include = null;
        if (team is not null)
        {
            var found = snapshot.Teams.FirstOrDefault(t => string.Equals(t.Name, team, StringComparison.OrdinalIgnoreCase))
                ?? throw new ArgumentException($"There is no team '{team}'. The teams are: {string.Join(", ", snapshot.Teams.Select(t => t.Name).Order(StringComparer.OrdinalIgnoreCase))}.");
            include = w => w.TeamId == found.Id;
        }

        if (worker is not null)
        {
            var matches = snapshot.Workers.Where(w => string.Equals(w.StaffId, worker, StringComparison.OrdinalIgnoreCase)).ToList();
            if (matches.Count == 0)
            {
                matches = snapshot.Workers.Where(w => string.Equals(w.Name, worker, StringComparison.OrdinalIgnoreCase)).ToList();
            }

            if (matches.Count == 0)
            {
                throw new ArgumentException($"There is no worker with the staff ID or name '{worker}'.");
            }

            var ids = matches.Select(w => w.Id).ToHashSet();
            var byTeam = include;
            include = w => ids.Contains(w.Id) && (byTeam is null || byTeam(w));
        }

        return include;
    }
}
