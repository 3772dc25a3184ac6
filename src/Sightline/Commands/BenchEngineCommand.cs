using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Spectre.Console;
using Sightline.Cli.Generation;
using Sightline.Oversight;
using Sightline.Oversight.Supervision;
using Sightline.Storage;

namespace Sightline.Cli.Commands;

/// <summary><c>sightline bench engine</c>: how long the oversight engine takes on a whole council: the snapshot loaded
/// from the database, every alert rule as at a date, and every indicator over the year to that date and each of its
/// months. The council is generated once into a bench database and reused; each run is a process of its own.</summary>
internal static class BenchEngineCommand
{
    public static Command Create()
    {
        var size = new Option<CouncilSize>("--size")
        {
            Description = "The synthetic council: small (about 2,000 children), medium (15,000), large (60,000) or england (2.7 million).",
            DefaultValueFactory = _ => CouncilSize.Large,
        };
        var seed = new Option<int>("--seed") { Description = "The synthetic council's seed.", DefaultValueFactory = _ => 1 };
        var children = new Option<int?>("--children") { Description = "Generate exactly this many children instead of the size's number." };
        var database = new Option<string?>("--database")
        {
            Description = "The database to measure, generated there first if it holds no council (default: a SQLite file per size and seed " +
                          $"in {Path.Combine(DataFolder, "bench")}). A PostgreSQL connection string works too.",
            HelpName = "PATH|CONNECTION-STRING",
        };
        var asAt = Terminal.DateOption("--as-at", $"The date to judge by (default {CouncilGenerator.DefaultEnd:yyyy-MM-dd}, the synthetic council's last day).");
        var runs = new Option<int>("--runs") { Description = "How many times to measure, each in a new process.", DefaultValueFactory = _ => 3 };
        var detail = new Option<bool>("--detail") { Description = "Also time each table read, every rule together, supervision compliance, and each rule and each indicator alone, in the first run." };
        var measure = new Option<bool>("--measure") { Hidden = true, Description = "Measure once in this process and print the figures (used by the benchmark itself)." };

        var command = new Command("engine", "Time the oversight engine on a whole council: loading its snapshot, judging every alert rule as at a date, " +
                                            "computing every indicator over the year to that date and month by month, and supervision compliance over the same periods. " +
                                            "Generates the council first " +
                                            "if the database holds none.")
        {
            size, seed, children, database, asAt, runs, detail, measure,
        };
        command.SetAction(parse =>
        {
            var date = parse.GetValue(asAt) ?? CouncilGenerator.DefaultEnd;
            if (parse.GetValue(measure))
            {
                return MeasureOnce(SightlineDatabase.Parse(parse.GetValue(database)), date, parse.GetValue(detail));
            }

            if (parse.GetValue(runs) < 1)
            {
                throw new ArgumentException("--runs must be at least 1.");
            }

            if (parse.GetValue(children) is <= 0)
            {
                throw new ArgumentException("--children must be a positive number.");
            }

            var target = parse.GetValue(database) is { } given
                ? SightlineDatabase.Parse(given)
                : SightlineDatabase.SqliteFile(DefaultDatabase(parse.GetValue(size), parse.GetValue(seed), parse.GetValue(children)));
            return Run(target, parse.GetValue(size), parse.GetValue(seed), parse.GetValue(children), date, parse.GetValue(runs), parse.GetValue(detail));
        });
        return command;
    }

    private static string DataFolder => Path.GetDirectoryName(SightlineDatabase.DefaultPath)!;

    private static string DefaultDatabase(CouncilSize size, int seed, int? children) =>
        Path.Combine(DataFolder, "bench", $"{size.ToString().ToLowerInvariant()}-seed-{seed}{(children is { } n ? $"-{n}-children" : "")}.db");

    private static int Run(SightlineDatabase target, CouncilSize size, int seed, int? children, DateOnly asAt, int runs, bool detail)
    {
        EnsureCouncil(target, size, seed, children);
        var (name, childCount, rows) = Describe(target);
        var loadBefore = BenchMachine.LoadAverage();
        AnsiConsole.MarkupLine(Markup.Escape($"Machine: {BenchMachine.Describe()}."));
        AnsiConsole.MarkupLine(Markup.Escape($"Council: {name} in the {target.Describe()}{FileSize(target)}: {childCount:N0} children, {rows:N0} rows in all tables."));
        var year = Period.YearTo(asAt);
        AnsiConsole.MarkupLine(Markup.Escape($"Alerts as at {asAt:d MMMM yyyy}; indicators over {year.From:d MMMM yyyy} to {year.To:d MMMM yyyy} and each of its " +
                                             $"{year.Months().Count()} months. {runs} run(s), each in a new process."));

        var rowsTable = new List<string>
        {
            "| run | load s | load cpu s | alerts s | indicators s | supervision s | all three s | their cpu s | their gc pauses s | their collections (gen 0, 1, 2) | again s | alerts | records loaded | peak after load | peak working set | process s |",
            "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
        };
        var results = new List<Figures>();
        var details = "";
        for (var run = 1; run <= runs; run++)
        {
            AnsiConsole.MarkupLine($"Run {run} of {runs}…");
            var arguments = new List<string> { "bench", "engine", "--measure", "--database", target.ConnectionString, "--as-at", asAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) };
            if (detail && run == 1)
            {
                arguments.Add("--detail");
            }

            var (values, output) = BenchProcess.RunWithOutput([.. arguments]);
            var figures = Figures.From(values);
            if (run == 1)
            {
                details = output;
            }

            results.Add(figures);
            rowsTable.Add(string.Join(" | ", "", run.ToString(CultureInfo.InvariantCulture), Seconds(figures.Load), Seconds(figures.LoadCpu), Seconds(figures.Alerts),
                Seconds(figures.Indicators), Seconds(figures.Supervision), Seconds(figures.All), Seconds(figures.WorkCpu), Seconds(figures.WorkGcPause), figures.WorkCollections, Seconds(figures.Again), Count(figures.AlertCount), Count(figures.Records), Megabytes(figures.LoadPeak), Megabytes(figures.Peak),
                Seconds(figures.Process), "").Trim());
        }

        Console.WriteLine();
        rowsTable.ForEach(Console.WriteLine);
        Console.WriteLine();
        Console.WriteLine("load s: SnapshotLoader.Load, from opening the database (EF Core's model included) to the snapshot in memory; load cpu s: " +
                          "the processor time it took, on all cores. alerts s: every rule in the catalogue over every child as at the date. indicators s: " +
                          "every indicator over the year and over each month. supervision s: supervision compliance of every worker, team and service " +
                          "over the year and each month. all three s: the three together; their cpu s: the processor time they took, on all cores; their gc pauses s: " +
                          "the time the garbage collector held the program's threads still during them; their collections: how many collections " +
                          "of each generation they caused (a generation 2 collection may run in the background, alongside the work, without pausing it). again s: " +
                          "all three once more in the same process, already compiled. records loaded: rows read into the snapshot. " +
                          "peak after load: the process's most resident memory by the end of the load; peak working set: by the end of the alerts and indicators (the second pass and the detail are not counted). process s: the whole process, start-up included.");
        if (details.Length > 0)
        {
            Console.WriteLine();
            Console.WriteLine(details);
        }

        var first = results[0];
        if (results.Exists(r => r.Fingerprint != first.Fingerprint || r.AlertCount != first.AlertCount || r.ComplianceFingerprint != first.ComplianceFingerprint))
        {
            throw new InvalidOperationException("The runs did not all find the same alerts, indicators and supervision compliance: " +
                                                string.Join(", ", results.Select(r => $"{r.AlertCount:N0} alerts ({r.Fingerprint}, compliance {r.ComplianceFingerprint})")) + ".");
        }

        Console.WriteLine();
        Console.WriteLine($"Every run found the same results: {first.AlertCount:N0} alerts, {first.IndicatorValues:N0} indicator values and {first.ComplianceLines:N0} lines of supervision compliance, fingerprint {first.Fingerprint} (supervision compliance {first.ComplianceFingerprint}).");
        Console.WriteLine($"Load {Range(results.Select(r => r.Load))} s; alerts, indicators and supervision compliance {Range(results.Select(r => r.All))} s " +
                          $"(again {Range(results.Select(r => r.Again))} s); peak working set {Range(results.Select(r => r.Peak / 1024.0 / 1024 / 1024))} GiB.");
        Console.WriteLine($"Load average (1, 5, 15 minutes): {loadBefore} before, {BenchMachine.LoadAverage()} after.");
        return 0;
    }

    /// <summary>Generates the council into the database unless it already holds one.</summary>
    private static void EnsureCouncil(SightlineDatabase target, CouncilSize size, int seed, int? children)
    {
        target.Migrate();
        using (var db = target.Open())
        {
            if (db.Children.Any())
            {
                AnsiConsole.MarkupLine(Markup.Escape($"Using the council already in the {target.Describe()}."));
                return;
            }
        }

        AnsiConsole.MarkupLine(Markup.Escape($"Generating the {size.ToString().ToLowerInvariant()} council (seed {seed}) into the {target.Describe()}; this is done once…"));
        var timer = Stopwatch.StartNew();
        var generator = new CouncilGenerator(size, seed, children: children, calendar: CalendarConfiguration.Load(DataFolder));
        Terminal.WithProgress(progress => generator.WriteTo(target, progress));
        AnsiConsole.MarkupLine($"Generated {generator.ChildCount:N0} children in {timer.Elapsed.TotalSeconds:N1} s.");
    }

    private static (string Name, int Children, long Rows) Describe(SightlineDatabase target)
    {
        using var db = target.Open();
        var name = db.Councils.AsNoTracking().Select(c => c.Name).FirstOrDefault() ?? "A council with no name";
        var connection = db.Database.GetDbConnection();
        db.Database.OpenConnection();
        long rows = 0;
        foreach (var table in db.Model.GetEntityTypes().Select(t => t.GetTableName()).OfType<string>().Distinct())
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT COUNT(*) FROM \"{table}\"";
            rows += Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
        }

        return (name, db.Children.Count(), rows);
    }

    /// <summary>The measuring process: loads the snapshot, judges the alerts and computes the indicators, then prints
    /// its figures on one line.</summary>
    private static int MeasureOnce(SightlineDatabase database, DateOnly date, bool detail)
    {
        using var self = Process.GetCurrentProcess();
        TimeSpan Cpu()
        {
            self.Refresh();
            return self.TotalProcessorTime;
        }

        var tables = new List<(string Table, int Rows, TimeSpan Time, TimeSpan Cpu)>();
        var cpu = Cpu();
        var tableCpu = cpu;
        var timer = Stopwatch.StartNew();
        var snapshot = SnapshotLoader.Load(database, (table, rows, time) =>
        {
            lock (tables)
            {
                // The processor time since the last table, on every core: two tables may be read at once.
                var now = Cpu();
                tables.Add((table, rows, time, now - tableCpu));
                tableCpu = now;
            }
        });
        var load = timer.Elapsed;
        var loadCpu = Cpu() - cpu;
        self.Refresh();
        var loadPeak = self.PeakWorkingSet64;

        var calendar = CalendarConfiguration.Load(DataFolder);
        var asAt = snapshot.On(date, calendar);
        AsAt AsAtEnd(DateOnly end) => snapshot.On(end, calendar);
        var year = Period.YearTo(date);
        IReadOnlyList<Period> periods = [year, .. year.Months()];

        cpu = Cpu();
        var gcPause = GC.GetTotalPauseDuration();
        int[] collections = [GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)];
        timer.Restart();
        AlertReport? report = OversightEngine.Alerts(snapshot, asAt);
        var alerts = timer.Elapsed;
        timer.Restart();
        IReadOnlyList<IndicatorValue>? values = OversightEngine.Indicators(snapshot, periods, AsAtEnd);
        var indicators = timer.Elapsed;
        timer.Restart();
        IReadOnlyList<ComplianceLine>? compliance = SupervisionCompliance.Compute(snapshot, periods, calendar);
        var supervision = timer.Elapsed;
        var workCpu = Cpu() - cpu;
        var workGcPause = GC.GetTotalPauseDuration() - gcPause;
        var workCollections = string.Join(", ", collections.Select((before, generation) => GC.CollectionCount(generation) - before));
        var fingerprint = OversightResults.Fingerprint(report, values);
        var complianceFingerprint = OversightResults.Fingerprint(compliance);
        var (alertCount, valueCount, complianceLines) = (report.Alerts.Count, values.Count, compliance.Count);
        compliance = null;
        report = null;
        values = null;

        // The peak is read here: the second pass and the detail are not part of the work measured.
        self.Refresh();
        var peak = self.PeakWorkingSet64;

        timer.Restart();
        var again = OversightResults.Fingerprint(OversightEngine.Alerts(snapshot, asAt), OversightEngine.Indicators(snapshot, periods, AsAtEnd));
        var complianceAgain = OversightResults.Fingerprint(SupervisionCompliance.Compute(snapshot, periods, calendar));
        var second = timer.Elapsed;
        if (again != fingerprint || complianceAgain != complianceFingerprint)
        {
            throw new InvalidOperationException("Judging the same snapshot twice gave different results.");
        }

        if (detail)
        {
            PrintDetail(tables, snapshot, asAt, periods, AsAtEnd, Cpu);
        }

        BenchProcess.Report(("load", Invariant(load)), ("load-cpu", Invariant(loadCpu)), ("alerts", Invariant(alerts)), ("indicators", Invariant(indicators)),
            ("supervision", Invariant(supervision)), ("compliance-lines", complianceLines), ("work-cpu", Invariant(workCpu)), ("work-gc-pause", Invariant(workGcPause)), ("work-collections", workCollections), ("again", Invariant(second)),
            ("alert-count", alertCount), ("indicator-values", valueCount), ("fingerprint", fingerprint), ("compliance-fingerprint", complianceFingerprint),
            ("records", tables.Sum(t => (long)t.Rows)), ("load-peak", loadPeak), ("peak", peak));
        return 0;
    }

    /// <summary>Where the time goes: each table read, and each rule and indicator run on its own (already compiled), with the
    /// processor time each took on all cores, which a busy machine disturbs less than the time on the clock.</summary>
    private static void PrintDetail(List<(string Table, int Rows, TimeSpan Time, TimeSpan Cpu)> tables, CouncilSnapshot snapshot, AsAt asAt,
        IReadOnlyList<Period> periods, Func<DateOnly, AsAt> asAtEnd, Func<TimeSpan> cpu)
    {
        Console.WriteLine("| table read | rows | s | cpu s since the last |");
        Console.WriteLine("|---|---:|---:|---:|");
        foreach (var (table, rows, time, used) in tables.OrderByDescending(t => t.Time))
        {
            Console.WriteLine($"| {table} | {Count(rows)} | {Invariant(time)} | {Invariant(used)} |");
        }

        var timings = new List<(string Name, int Count, TimeSpan Time, TimeSpan Cpu)>();
        void Time(string name, Func<int> run)
        {
            var before = cpu();
            var timer = Stopwatch.StartNew();
            var count = run();
            timings.Add((name, count, timer.Elapsed, cpu() - before));
        }

        Time("every rule (alerts)", () => OversightEngine.Alerts(snapshot, asAt).Alerts.Count);
        Time("supervision compliance", () => SupervisionCompliance.Compute(snapshot, periods, asAt.Calendar).Count);
        foreach (var rule in RuleCatalogue.ChildRules)
        {
            Time("rule " + rule.Info.Id, () => OversightEngine.Alerts(snapshot, asAt, [rule]).Alerts.Count);
        }

        foreach (var rule in RuleCatalogue.WorkerRules)
        {
            Time("rule " + rule.Info.Id, () => OversightEngine.Alerts(snapshot, asAt, [], [rule]).Alerts.Count);
        }

        foreach (var indicator in IndicatorCatalogue.All)
        {
            Time("indicator " + indicator.Info.Id, () => OversightEngine.Indicators(snapshot, periods, asAtEnd, [indicator]).Count);
        }

        Console.WriteLine();
        Console.WriteLine("| rule or indicator, alone | alerts or values | s | cpu s |");
        Console.WriteLine("|---|---:|---:|---:|");
        foreach (var (name, count, time, used) in timings.OrderByDescending(t => t.Cpu))
        {
            Console.WriteLine($"| {name} | {Count(count)} | {Invariant(time)} | {Invariant(used)} |");
        }
    }

    private sealed record Figures(double Load, double LoadCpu, double Alerts, double Indicators, double Supervision, int ComplianceLines, double WorkCpu, double WorkGcPause, string WorkCollections, double Again, int AlertCount, int IndicatorValues, string Fingerprint, string ComplianceFingerprint, long Records, long LoadPeak, long Peak, double Process)
    {
        public static Figures From(Dictionary<string, string> values)
        {
            double D(string name) => double.Parse(values[name], CultureInfo.InvariantCulture);
            long L(string name) => long.Parse(values[name], CultureInfo.InvariantCulture);
            return new Figures(D("load"), D("load-cpu"), D("alerts"), D("indicators"), D("supervision"), (int)L("compliance-lines"), D("work-cpu"), D("work-gc-pause"), values["work-collections"], D("again"), (int)L("alert-count"), (int)L("indicator-values"), values["fingerprint"], values["compliance-fingerprint"],
                L("records"), L("load-peak"), L("peak"), D("process-seconds"));
        }

        /// <summary>Alerts, indicators and supervision compliance together: what the engine's one-second budget covers.</summary>
        public double All => Alerts + Indicators + Supervision;
    }

    private static string FileSize(SightlineDatabase target)
    {
        if (target.Provider != DatabaseProvider.Sqlite)
        {
            return "";
        }

        var file = new FileInfo(new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(target.ConnectionString).DataSource);
        return file.Exists ? $" ({file.Length / 1024.0 / 1024:N0} MB)" : "";
    }

    private static string Range(IEnumerable<double> values)
    {
        var list = values.ToList();
        var (low, high) = (list.Min(), list.Max());
        return low.ToString("N2", CultureInfo.InvariantCulture) + (high > low ? "–" + high.ToString("N2", CultureInfo.InvariantCulture) : "");
    }

    private static string Invariant(TimeSpan time) => time.TotalSeconds.ToString("F3", CultureInfo.InvariantCulture);

    private static string Seconds(double seconds) => seconds.ToString("N2", CultureInfo.InvariantCulture);

    private static string Count(long count) => count.ToString("N0", CultureInfo.InvariantCulture);

    private static string Megabytes(long bytes) => (bytes / 1024.0 / 1024.0).ToString("N1", CultureInfo.InvariantCulture) + " MB";
}

/// <summary>The alerts and indicator values as lines that can be compared: one per rule (how many alerts, and a hash of
/// each alert's child, dates, lateness, severity and explanation, in report order), one per rule not judged, and one per
/// indicator value. Two runs with equal lines found exactly the same.</summary>
internal static class OversightResults
{
    public static IReadOnlyList<string> Lines(AlertReport report, IReadOnlyList<IndicatorValue> values)
    {
        var lines = new List<string>();
        var byRule = report.Alerts.ToLookup(a => a.Rule.Id);
        foreach (var rule in RuleCatalogue.All.Select(r => r.Info.Id).Order(StringComparer.Ordinal))
        {
            var alerts = byRule[rule];
            var hash = Hash(alerts.Select(a => FormattableString.Invariant($"{a.ChildId}|{a.WorkerId}|{a.Due:yyyy-MM-dd}|{a.Overdue}|{a.Severity}|{a.Explanation}")));
            lines.Add($"alerts {rule} {alerts.Count()} {hash}");
        }

        lines.AddRange(report.Gaps.Select(g => $"not-judged {g.Rule.Id} {g.Missing} {g.ChildrenWithOpenCases}"));
        lines.AddRange(values.Select(v => FormattableString.Invariant(
            $"indicator {v.Indicator.Id} {v.Period.From:yyyy-MM-dd} {v.Period.To:yyyy-MM-dd} {v.Numerator}/{v.Denominator?.ToString(CultureInfo.InvariantCulture) ?? "-"} {v.Value?.ToString("R", CultureInfo.InvariantCulture) ?? "-"}")));
        return lines;
    }

    /// <summary>A short hash of <see cref="Lines"/>.</summary>
    public static string Fingerprint(AlertReport report, IReadOnlyList<IndicatorValue> values) => Hash(Lines(report, values));

    /// <summary>A short hash of every line of supervision compliance, in order: who it is about, the period and every
    /// figure. Two runs with equal hashes found exactly the same lines.</summary>
    public static string Fingerprint(IReadOnlyList<ComplianceLine> lines) => Hash(lines.Select(l => FormattableString.Invariant(
        $"{l.Level}|{l.Name}|{l.Worker?.Id}|{l.TeamId}|{l.ServiceId}|{l.Period.From:yyyy-MM-dd}|{l.Period.To:yyyy-MM-dd}|{l.Sessions}|{l.Cases}|{l.Actions}|{l.Workers}")));

    /// <summary>The first 16 hexadecimal digits of the SHA-256 of the lines joined by line feeds, hashed a line at a time
    /// (the england council has a quarter of a million alerts).</summary>
    private static string Hash(IEnumerable<string> lines)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var first = true;
        foreach (var line in lines)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(first ? line : "\n" + line));
            first = false;
        }

        return Convert.ToHexString(hash.GetHashAndReset())[..16];
    }
}
