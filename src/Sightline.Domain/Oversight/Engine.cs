using System.Collections.Concurrent;
using Sightline.Model;

namespace Sightline.Oversight;

/// <summary>A rule that could not be judged because the data it needs was not loaded, and for how many children
/// (or, for a rule about workers, how many workers in post).</summary>
public sealed record CoverageGap(RuleInfo Rule, string Missing, int ChildrenWithOpenCases, int WorkersInPost = 0)
{
    public string Explanation => Rule.Subject == AlertSubject.Worker
        ? $"No {Missing} data has been loaded, so \"{Rule.Name}\" is not judged for the {WorkersInPost:N0} workers in post. Load the {Missing} extract to see it."
        : $"No {Missing} data has been loaded, so \"{Rule.Name}\" is not judged for the {ChildrenWithOpenCases:N0} children with an open case. Load the {Missing} extract to see it.";
}

/// <summary>The alerts for a council as at a date, with the gaps in what could be judged.</summary>
public sealed record AlertReport(DateOnly AsAt, IReadOnlyList<Alert> Alerts, IReadOnlyList<CoverageGap> Gaps);

/// <summary>Runs the catalogue's rules over a snapshot as at a date.</summary>
public static class OversightEngine
{
    /// <summary>Every alert as at <paramref name="asAt"/>, most urgent first (severity, then time overdue).</summary>
    /// <param name="snapshot">The council's records.</param>
    /// <param name="asAt">The date, calendar and local standards to judge by.</param>
    /// <param name="rules">The child rules to run; all of <see cref="RuleCatalogue.ChildRules"/> when null.</param>
    /// <param name="workerRules">The worker rules to run; when null, all of <see cref="RuleCatalogue.WorkerRules"/> if
    /// <paramref name="rules"/> is null too, and none if child rules were chosen.</param>
    public static AlertReport Alerts(CouncilSnapshot snapshot, AsAt asAt, IReadOnlyList<IChildRule>? rules = null, IReadOnlyList<IWorkerRule>? workerRules = null)
    {
        workerRules ??= rules is null ? RuleCatalogue.WorkerRules : [];
        rules ??= RuleCatalogue.ChildRules;
        var runnable = rules.Where(r => !snapshot.Coverage.MissingFor(r.Info).Any()).ToArray();
        var workerRunnable = workerRules.Where(r => !snapshot.Coverage.MissingFor(r.Info).Any()).ToArray();
        var alerts = new ConcurrentBag<Alert[]>();

        // Children are independent, so they are judged in parallel; each child's alerts stay together.
        Parallel.ForEach(Partition(snapshot.Children.Count, 2_000), range =>
        {
            var found = new List<Alert>();
            for (var i = range.From; i < range.To; i++)
            {
                foreach (var rule in runnable)
                {
                    found.AddRange(rule.Evaluate(snapshot.Children[i], asAt));
                }
            }

            alerts.Add([.. found]);
        });

        // Workers too, in smaller ranges: each reads the shared workforce records, built once before they start, and
        // a worker's allocations, supervision and caseload take far longer to judge than a child's record.
        if (workerRunnable.Length > 0)
        {
            var records = snapshot.Workforce;
            Parallel.ForEach(Partition(snapshot.Workers.Count, 100), range =>
            {
                var found = new List<Alert>();
                for (var i = range.From; i < range.To; i++)
                {
                    foreach (var rule in workerRunnable)
                    {
                        found.AddRange(rule.Evaluate(snapshot.Workers[i], records, asAt));
                    }
                }

                alerts.Add([.. found]);
            });
        }

        var notRun = rules.Except(runnable).Select(r => r.Info).Concat(workerRules.Except(workerRunnable).Select(r => r.Info)).ToList();
        var openCases = notRun.Count == 0 ? 0 : snapshot.Children.Count(c => c.CinEpisodes.Exists(e => e.IsOpenOn(asAt.Date)));
        var workersInPost = notRun.Count == 0 ? 0 : snapshot.Workers.Count(w => w.IsInPostOn(asAt.Date));
        var gaps = notRun
            .Select(r => new CoverageGap(r, string.Join(" and ", snapshot.Coverage.MissingFor(r)), openCases, workersInPost))
            .ToList();
        // The ranges were judged in no fixed order, but the order below is total for any two alerts that are not about
        // the same child or worker under the same rule, and those come from one range, in the order the rule gave them.
        var all = Gathered.ToArray(alerts.SelectMany(a => a));

        // Sorted as keys held side by side, each with its alert's position last, so that alerts equal on every key keep
        // the order they came in (as a stable sort would).
        var ruleOrder = all.Select(a => a.Rule.Id).Distinct().Order(StringComparer.Ordinal).Select((id, rank) => (id, rank)).ToDictionary(r => r.id, r => r.rank);
        var keys = new AlertKey[all.Length];
        for (var i = 0; i < all.Length; i++)
        {
            var alert = all[i];
            keys[i] = new AlertKey(alert.Severity, alert.Overdue, ruleOrder[alert.Rule.Id], alert.ChildId ?? long.MinValue, alert.WorkerId ?? long.MinValue, i);
        }

        Array.Sort(keys);
        var ordered = new Alert[all.Length];
        for (var i = 0; i < keys.Length; i++)
        {
            ordered[i] = all[keys[i].Position];
        }

        return new AlertReport(asAt.Date, ordered, gaps);
    }

    /// <summary>Every indicator over each period, in catalogue order and, within an indicator, in the order the periods are
    /// given; each period is judged as at its own last day.</summary>
    /// <param name="snapshot">The council's records.</param>
    /// <param name="periods">The periods, for example the year to a date and each of its months.</param>
    /// <param name="asAtEnd">The date, calendar and local standards to judge a period by, given its last day.</param>
    /// <param name="indicators">The indicators to compute; all of <see cref="IndicatorCatalogue.All"/> when null.</param>
    public static IReadOnlyList<IndicatorValue> Indicators(CouncilSnapshot snapshot, IReadOnlyList<Period> periods, Func<DateOnly, AsAt> asAtEnd, IReadOnlyList<IIndicator>? indicators = null)
    {
        indicators ??= IndicatorCatalogue.All;
        var values = new IndicatorValue[indicators.Count * periods.Count];
        void Compute(int indicator, int period) =>
            values[(indicator * periods.Count) + period] = indicators[indicator].Compute(snapshot, periods[period], asAtEnd(periods[period].To));

        if (values.Length == 0)
        {
            return values;
        }

        // Each value is independent of the others, so they are computed in parallel, each into its own place. First each
        // indicator's first period, which works out what the indicator keeps on the snapshot (its dated records, say): the
        // cores take indicators from both ends of the list, so that each builds its own while the others build theirs,
        // rather than several waiting for the one building what neighbouring indicators share. Then every other value,
        // which mostly reads what was kept.
        var (front, back) = (0, indicators.Count - 1);
        var gate = new object();
        Parallel.For(0, Math.Min(Environment.ProcessorCount, indicators.Count), core =>
        {
            while (true)
            {
                int indicator;
                lock (gate)
                {
                    if (front > back)
                    {
                        return;
                    }

                    indicator = core % 2 == 0 ? front++ : back--;
                }

                Compute(indicator, 0);
            }
        });
        Parallel.For(indicators.Count, values.Length, n => Compute(n % indicators.Count, n / indicators.Count));
        return values;
    }

    /// <summary>An alert's place in the report, most urgent first: severity, then time overdue, both descending; then
    /// rule (by identifier, ordinal), child and worker (an alert with none before those with one: long.MinValue stands for none,
    /// below every identifier), and last its position as it came in.</summary>
    private readonly record struct AlertKey(Severity Severity, int Overdue, int Rule, long Child, long Worker, int Position) : IComparable<AlertKey>
    {
        public int CompareTo(AlertKey other)
        {
            var c = other.Severity.CompareTo(Severity);
            if (c == 0)
            {
                c = other.Overdue.CompareTo(Overdue);
            }

            if (c == 0)
            {
                c = Rule.CompareTo(other.Rule);
            }

            if (c == 0)
            {
                c = Child.CompareTo(other.Child);
            }

            if (c == 0)
            {
                c = Worker.CompareTo(other.Worker);
            }

            return c != 0 ? c : Position.CompareTo(other.Position);
        }
    }

    private static IEnumerable<(int From, int To)> Partition(int count, int size)
    {
        for (var from = 0; from < count; from += size)
        {
            yield return (from, Math.Min(count, from + size));
        }
    }
}
