using Sightline.Calendar;
using Sightline.Model;

namespace Sightline.Oversight.Supervision;

/// <summary>One worker's due supervision sessions, in the clock's order, each with its due date and outcome. A due
/// date is usually later than the one before, but not always (a session held during an absence restarts the clock
/// before the due date it met), and the clock run to a date stops at the first session due after it: so the
/// sessions the clock gives up to a date are those before the first due after it.</summary>
internal sealed class WorkerDueSessions((DateOnly Due, SupervisionOutcome Outcome)[] sessions)
{
    public static readonly WorkerDueSessions None = new([]);

    public IReadOnlyList<(DateOnly Due, SupervisionOutcome Outcome)> Sessions { get; } = sessions;

    /// <summary>Whether each due date is on or after the one before.</summary>
    public bool InDateOrder { get; } = IsInDateOrder(sessions);

    /// <summary>The sessions the clock run to <paramref name="until"/> gives that are due in the period (both ends
    /// inclusive), by outcome.</summary>
    public ComplianceFigures In(Period period, DateOnly until)
    {
        var figures = new ComplianceFigures();
        foreach (var (due, outcome) in sessions)
        {
            if (due > until)
            {
                break;
            }

            if (period.Contains(due))
            {
                figures = figures.With(outcome);
            }
        }

        return figures;
    }

    private static bool IsInDateOrder((DateOnly Due, SupervisionOutcome Outcome)[] sessions)
    {
        for (var i = 1; i < sessions.Length; i++)
        {
            if (sessions[i].Due < sessions[i - 1].Due)
            {
                return false;
            }
        }

        return true;
    }
}

/// <summary>All measured workers' due sessions together, for the council's figures over a period: those of workers
/// whose due dates are in order as three lists of dates (one per outcome) searched by halves, the few others one
/// by one.</summary>
internal sealed class CouncilDueSessions
{
    private readonly DateOnly[][] _byOutcome;
    private readonly WorkerDueSessions[] _outOfOrder;

    public CouncilDueSessions(IReadOnlyList<WorkerDueSessions> workers)
    {
        var byOutcome = new[] { new List<DateOnly>(), new List<DateOnly>(), new List<DateOnly>() };
        var outOfOrder = new List<WorkerDueSessions>();
        foreach (var worker in workers)
        {
            if (!worker.InDateOrder)
            {
                outOfOrder.Add(worker);
                continue;
            }

            foreach (var (due, outcome) in worker.Sessions)
            {
                byOutcome[(int)outcome].Add(due);
            }
        }

        _byOutcome = [.. byOutcome.Select(l => l.ToArray())];
        foreach (var dates in _byOutcome)
        {
            Array.Sort(dates);
        }

        _outOfOrder = [.. outOfOrder];
    }

    /// <summary>The sessions due in the period, each worker's clock run to the period's last day, by outcome.</summary>
    public ComplianceFigures In(Period period)
    {
        var met = CountIn(_byOutcome[(int)SupervisionOutcome.Met], period);
        var reason = CountIn(_byOutcome[(int)SupervisionOutcome.MissedWithReason], period);
        var missed = CountIn(_byOutcome[(int)SupervisionOutcome.Missed], period);
        var figures = new ComplianceFigures(met + reason + missed, met, reason, missed);
        foreach (var worker in _outOfOrder)
        {
            figures += worker.In(period, period.To);
        }

        return figures;
    }

    private static int CountIn(DateOnly[] dates, Period period) =>
        Sorted.CountAtMost<DateOnly>(dates, period.To) - Sorted.CountAtMost<DateOnly>(dates, period.From.AddDays(-1));
}

/// <summary>Every measured worker's due sessions and their outcomes (<see cref="SupervisionClock.DueSessions"/>) up to
/// a horizon, worked out once per snapshot, standards and calendar and kept with the snapshot
/// (<see cref="CouncilSnapshot.Derived{T}"/>): compliance month by month, the indicator and the report all count from
/// it. The clock's due sessions up to a date are the first of those up to any later date (up to the first due after
/// it), so the clock need not run again for each period that ends on or before the horizon.</summary>
internal sealed class DueOutcomes
{
    private readonly Dictionary<int, WorkerDueSessions> _byWorker;

    private DueOutcomes(Dictionary<int, WorkerDueSessions> byWorker, CouncilDueSessions council)
    {
        _byWorker = byWorker;
        Council = council;
    }

    /// <summary>All measured workers' due sessions together.</summary>
    public CouncilDueSessions Council { get; }

    public WorkerDueSessions Of(Worker worker) => _byWorker.GetValueOrDefault(worker.Id, WorkerDueSessions.None);

    /// <summary>The due sessions up to at least <paramref name="until"/> under <paramref name="standards"/>: kept
    /// with the snapshot up to the end of a year (the later of <paramref name="until"/>'s and that of the last
    /// supervision recorded, so that a year and its months share one), or worked out afresh to
    /// <paramref name="until"/> itself when that year is beyond the calendar's.</summary>
    public static DueOutcomes For(CouncilSnapshot snapshot, WorkingDayCalendar calendar, LocalStandards standards, DateOnly until)
    {
        var year = Math.Max(until.Year, snapshot.Workforce.RecordsEnd?.Year ?? until.Year);
        if (year > calendar.LastYear)
        {
            year = until.Year;
        }

        return year > calendar.LastYear
            ? Build(snapshot, calendar, standards, until)
            : snapshot.Derived((typeof(DueOutcomes), standards, calendar, year), s => Build(s, calendar, standards, new DateOnly(year, 12, 31)));
    }

    private static DueOutcomes Build(CouncilSnapshot snapshot, WorkingDayCalendar calendar, LocalStandards standards, DateOnly until)
    {
        var records = snapshot.Workforce;
        var workers = snapshot.Workers.Where(w => SupervisionSchedule.IsMeasured(w, standards)).ToArray();
        var sessions = new WorkerDueSessions[workers.Length];
        Parallel.For(0, workers.Length, i =>
        {
            var due = SupervisionClock.DueSessions(workers[i], records, calendar, standards, until).Select(d => (d.Due, d.Outcome)).ToArray();
            sessions[i] = due.Length == 0 ? WorkerDueSessions.None : new WorkerDueSessions(due);
        });

        var byWorker = new Dictionary<int, WorkerDueSessions>(workers.Length);
        for (var i = 0; i < workers.Length; i++)
        {
            byWorker[workers[i].Id] = sessions[i];
        }

        return new DueOutcomes(byWorker, new CouncilDueSessions(sessions));
    }
}
