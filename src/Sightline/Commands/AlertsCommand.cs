using System.CommandLine;
using System.Diagnostics;
using System.Text.Json;
using Spectre.Console;
using Sightline.Formats.Csv;
using Sightline.Model;
using Sightline.Oversight;
using Sightline.Storage;

namespace Sightline.Cli.Commands;

/// <summary><c>sightline alerts</c>: every child and worker who needs someone's attention as at a date, and why.</summary>
internal static class AlertsCommand
{
    public static Command Create()
    {
        var asAt = Terminal.DateOption("--as-at", "The date to judge by, under the local standards in force on it (default: today). Nothing after it is seen.");
        var team = new Option<string?>("--team") { Description = "Only children allocated to this team (its name) on the date, and its workers." };
        var worker = new Option<string?>("--worker") { Description = "Only children allocated to this worker (staff ID or name) on the date, and the worker." };
        var kind = new Option<string?>("--kind") { Description = $"Only this rule: {string.Join(", ", RuleCatalogue.All.Select(r => r.Info.Id))}." };
        var format = new Option<string>("--format") { Description = "table (the most urgent first), csv or json (every alert).", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "csv", "json");
        var top = new Option<int>("--top") { Description = "How many alerts the table shows.", DefaultValueFactory = _ => 40 };
        var database = Terminal.DatabaseOption();
        var command = new Command("alerts", "Children whose timescales have run out, and workers overdue supervision or over the caseload ceiling, most urgent first, with the rule, the dates and what would clear each.")
        {
            asAt, team, worker, kind, format, top, database,
        };
        command.SetAction(parse =>
        {
            var chosen = parse.GetValue(kind) is { } id
                ? RuleCatalogue.Find(id) ?? throw new ArgumentException($"There is no rule '{id}'. The rules are: {string.Join(", ", RuleCatalogue.All.Select(r => r.Info.Id))}.")
                : null;
            IReadOnlyList<IChildRule> rules = chosen is null ? RuleCatalogue.ChildRules : chosen is IChildRule childRule ? [childRule] : [];
            IReadOnlyList<IWorkerRule> workerRules = chosen is null ? RuleCatalogue.WorkerRules : chosen is IWorkerRule workerRule ? [workerRule] : [];
            var date = parse.GetValue(asAt) ?? DateOnly.FromDateTime(DateTime.Today);
            var timer = Stopwatch.StartNew();
            var snapshot = Terminal.LoadSnapshot(parse.GetValue(database));
            var loaded = timer.Elapsed;
            var calendar = CalendarConfiguration.Load(Path.GetDirectoryName(SightlineDatabase.DefaultPath)!);
            var report = OversightEngine.Alerts(snapshot, snapshot.On(date, calendar), rules, workerRules);
            var judged = timer.Elapsed - loaded;

            var children = snapshot.Children.ToDictionary(c => c.Id);
            var teams = snapshot.Teams.ToDictionary(t => t.Id);
            var workers = snapshot.Workers.ToDictionary(w => w.Id);
            var rows = report.Alerts.Select(a => Row(a, a.ChildId is { } c ? children[c] : null, date, teams, workers)).ToList();
            if (parse.GetValue(team) is { } teamName)
            {
                rows = rows.Where(r => string.Equals(r.Team, teamName, StringComparison.OrdinalIgnoreCase)).ToList();
            }

            if (parse.GetValue(worker) is { } who)
            {
                rows = rows.Where(r => string.Equals(r.WorkerStaffId, who, StringComparison.OrdinalIgnoreCase) || string.Equals(r.Worker, who, StringComparison.OrdinalIgnoreCase)).ToList();
            }

            switch (parse.GetValue(format))
            {
                case "csv":
                    WriteCsv(rows, report.Gaps);
                    break;
                case "json":
                    Console.Out.Write(JsonSerializer.Serialize(new
                    {
                        asAt = date,
                        alerts = rows.Select(r => new { rule = r.Alert.Rule.Id, subject = r.Alert.Rule.Subject.ToString().ToLowerInvariant(), child = r.Child, staffId = r.WorkerStaffId, severity = r.Alert.Severity.ToString().ToLowerInvariant(), due = r.Alert.Due, overdue = r.Alert.Overdue, unit = Unit(r.Alert), team = r.Team, worker = r.Worker, explanation = r.Alert.Explanation }),
                        notJudged = report.Gaps.Select(g => new { rule = g.Rule.Id, missing = g.Missing, explanation = g.Explanation }),
                    }, new JsonSerializerOptions { WriteIndented = true }));
                    Console.Out.WriteLine();
                    break;
                default:
                    WriteTable(rows, report.Gaps, date, parse.GetValue(top), loaded, judged, snapshot.Children.Count);
                    break;
            }

            return 0;
        });
        return command;
    }

    private sealed record AlertRow(Alert Alert, string? Child, string? Team, string? Worker, string? WorkerStaffId);

    /// <summary>An alert with who it is about: a worker alert names the worker and their team; a child alert the
    /// child's allocated team and worker on the date (or the worker the rule names, for case supervision).</summary>
    private static AlertRow Row(Alert alert, Child? child, DateOnly date, Dictionary<int, Team> teams, Dictionary<int, Worker> workers)
    {
        if (alert.WorkerId is { } workerId && workers.GetValueOrDefault(workerId) is { } named)
        {
            return new AlertRow(alert, child?.LAChildId, teams.GetValueOrDefault(named.TeamId)?.Name, named.Name, named.StaffId);
        }

        var allocation = child?.Allocations.LastOrDefault(a => a.IsOpenOn(date));
        var worker = allocation?.WorkerId is { } id ? workers.GetValueOrDefault(id) : null;
        return new AlertRow(alert, child?.LAChildId, allocation is null ? null : teams.GetValueOrDefault(allocation.TeamId)?.Name, worker?.Name, worker?.StaffId);
    }

    private static string Unit(Alert alert) => alert.Rule.Counting == Counting.WorkingDays ? "working days" : "days";

    private static void WriteCsv(List<AlertRow> rows, IReadOnlyList<CoverageGap> gaps)
    {
        Console.Out.Write(CsvWriter.Line("rule", "severity", "child", "due", "overdue", "unit", "team", "worker", "explanation"));
        foreach (var row in rows)
        {
            Console.Out.Write(CsvWriter.Line(row.Alert.Rule.Id, row.Alert.Severity.ToString(), row.Child, row.Alert.Due.ToString("yyyy-MM-dd"),
                row.Alert.Overdue.ToString(), Unit(row.Alert), row.Team, row.Worker, row.Alert.Explanation));
        }

        foreach (var gap in gaps)
        {
            Console.Error.WriteLine(gap.Explanation);
        }
    }

    private static void WriteTable(List<AlertRow> rows, IReadOnlyList<CoverageGap> gaps, DateOnly date, int top, TimeSpan loaded, TimeSpan judged, int children)
    {
        AnsiConsole.MarkupLine($"[bold]{rows.Count:N0} alerts as at {date:d MMMM yyyy}[/] for {children:N0} children and their workers (loaded in {loaded.TotalSeconds:N1} s, judged in {judged.TotalSeconds:N2} s).");
        var byRule = new Table().AddColumn("Rule").AddColumn(new TableColumn("Alerts").RightAligned()).AddColumn(new TableColumn("Critical").RightAligned()).AddColumn(new TableColumn("High").RightAligned());
        foreach (var group in rows.GroupBy(r => r.Alert.Rule).OrderByDescending(g => g.Count()))
        {
            byRule.AddRow(Markup.Escape(group.Key.Name), group.Count().ToString("N0"),
                group.Count(r => r.Alert.Severity == Severity.Critical).ToString("N0"), group.Count(r => r.Alert.Severity == Severity.High).ToString("N0"));
        }

        AnsiConsole.Write(byRule);
        var list = new Table().AddColumn("Severity").AddColumn("Child").AddColumn("Team").AddColumn("Worker").AddColumn("Why");
        foreach (var row in rows.Take(top))
        {
            list.AddRow(row.Alert.Severity.ToString(), Markup.Escape(row.Child ?? "–"), Markup.Escape(row.Team ?? "–"), Markup.Escape(row.Worker ?? "unallocated"), Markup.Escape(row.Alert.Explanation));
        }

        AnsiConsole.Write(list);
        if (rows.Count > top)
        {
            AnsiConsole.MarkupLine($"The {top} most urgent of {rows.Count:N0} are shown: --format csv gives them all.");
        }

        foreach (var gap in gaps)
        {
            AnsiConsole.MarkupLine($"[yellow]Not judged:[/] {Markup.Escape(gap.Explanation)}");
        }
    }
}
