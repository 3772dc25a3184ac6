using Sightline.Calendar;
using Sightline.Model;
using Sightline.Oversight.Workforce;

namespace Sightline.Oversight.Supervision;

/// <summary>Supervision sessions due, and how they turned out. Compliance is met / due; sessions missed with a
/// reason are counted apart, never hidden, and are not met.</summary>
public readonly record struct ComplianceFigures(int Due, int Met, int MissedWithReason, int Missed)
{
    /// <summary>Met as a percentage of due; null when nothing was due.</summary>
    public double? Compliance => Due == 0 ? null : 100.0 * Met / Due;

    public ComplianceFigures With(SupervisionOutcome outcome) => outcome switch
    {
        SupervisionOutcome.Met => this with { Due = Due + 1, Met = Met + 1 },
        SupervisionOutcome.MissedWithReason => this with { Due = Due + 1, MissedWithReason = MissedWithReason + 1 },
        _ => this with { Due = Due + 1, Missed = Missed + 1 },
    };

    public static ComplianceFigures operator +(ComplianceFigures a, ComplianceFigures b) =>
        new(a.Due + b.Due, a.Met + b.Met, a.MissedWithReason + b.MissedWithReason, a.Missed + b.Missed);
}

/// <summary>Case supervision as at the end of a period: the open cases allocated, and how many had been discussed
/// in formal supervision within their standard (<see cref="CaseSupervision"/>).</summary>
public readonly record struct CaseSupervisionFigures(int Children, int WithinStandard)
{
    public double? Percentage => Children == 0 ? null : 100.0 * WithinStandard / Children;

    public static CaseSupervisionFigures operator +(CaseSupervisionFigures a, CaseSupervisionFigures b) =>
        new(a.Children + b.Children, a.WithinStandard + b.WithinStandard);
}

/// <summary>Actions agreed in supervision (formal sessions and informal case discussions): those agreed in the period
/// and how many had no timescale; those due in the period, how many were done by their due date, and how many were
/// still not done at the period's end.</summary>
public readonly record struct ActionFigures(int Agreed, int WithoutTimescale, int Due, int DoneOnTime, int NotDoneAtEnd)
{
    /// <summary>Actions due in the period and done after their due date, by the period's end.</summary>
    public int DoneLate => Due - DoneOnTime - NotDoneAtEnd;

    public static ActionFigures operator +(ActionFigures a, ActionFigures b) =>
        new(a.Agreed + b.Agreed, a.WithoutTimescale + b.WithoutTimescale, a.Due + b.Due, a.DoneOnTime + b.DoneOnTime, a.NotDoneAtEnd + b.NotDoneAtEnd);
}

/// <summary>One line of supervision figures: a worker, team, service or the council, over one period.</summary>
/// <param name="Level">Who it is about.</param>
/// <param name="Name">The worker's, team's or service's name, or "Council".</param>
/// <param name="Worker">The worker, on a worker's line.</param>
/// <param name="TeamId">The team (a worker's own team on a worker's line).</param>
/// <param name="ServiceId">The service (of the team, on a team's or worker's line).</param>
/// <param name="Period">The period; both ends inclusive.</param>
/// <param name="Sessions">Sessions due in the period (by due date) and their outcomes.</param>
/// <param name="Cases">Case supervision as at the period's last day.</param>
/// <param name="Actions">Supervision actions agreed and due in the period.</param>
/// <param name="Workers">How many workers the line covers.</param>
public sealed record ComplianceLine(OrganisationLevel Level, string Name, Worker? Worker, int? TeamId, int? ServiceId, Period Period,
    ComplianceFigures Sessions, CaseSupervisionFigures Cases, ActionFigures Actions, int Workers);

/// <summary>Supervision compliance per worker, team and service and for the council, over one period or each of
/// several (a monthly series). The one computation the command line, the pages and the JSON API all call.</summary>
public static class SupervisionCompliance
{
    /// <summary>The figures for each period, in order: for each period, the council's line, then each service's, each
    /// team's, and each worker's (by name).</summary>
    /// <param name="snapshot">The council's records, with its local standards: each period is judged under the
    /// standards in force on its last day (supervision frequencies and case supervision standards).</param>
    /// <param name="periods">The periods, both ends inclusive; each is judged as at its last day.</param>
    /// <param name="calendar">The working-day calendar, for absences.</param>
    /// <param name="include">Which workers to count; all whose supervision is measured when null. Only workers in
    /// post on at least one day of a period, and whose supervision is measured, have lines for it.</param>
    public static IReadOnlyList<ComplianceLine> Compute(CouncilSnapshot snapshot, IReadOnlyList<Period> periods, WorkingDayCalendar calendar, Func<Worker, bool>? include = null)
    {
        var records = snapshot.Workforce;
        var byPeriod = new List<ComplianceLine>[periods.Count];

        // Each worker's due sessions are worked out once for all the periods judged under the same standards (a
        // monthly series usually has one set), and kept with the snapshot; the periods are then independent, and run
        // on every core.
        foreach (var group in Enumerable.Range(0, periods.Count).GroupBy(i => snapshot.Standards.InForceOn(periods[i].To)))
        {
            var standards = group.Key;
            var until = group.Max(i => periods[i].To);
            var workers = snapshot.Workers.Where(w => SupervisionSchedule.IsMeasured(w, standards) && (include is null || include(w)))
                .OrderBy(w => w.Name, StringComparer.OrdinalIgnoreCase).ThenBy(w => w.StaffId, StringComparer.Ordinal).ToList();
            var due = DueOutcomes.For(snapshot, calendar, standards, until);
            var indices = group.ToArray();
            var figures = WorkerFigures(records, workers, [.. indices.Select(i => periods[i])], calendar, standards);
            Parallel.For(0, indices.Length, j => byPeriod[indices[j]] = Lines(snapshot, records, workers, due, until, periods[indices[j]], figures[j]));
        }

        return Gathered.ToArray(byPeriod.SelectMany(l => l));
    }

    /// <summary>The council's sessions due in the period and how they turned out: the council's line of
    /// <see cref="Compute"/> without the case supervision and actions, for the indicator.</summary>
    public static ComplianceFigures Sessions(CouncilSnapshot snapshot, Period period, WorkingDayCalendar calendar)
    {
        var standards = snapshot.Standards.InForceOn(period.To);
        return DueOutcomes.For(snapshot, calendar, standards, period.To).Council.In(period);
    }

    /// <summary>The figures over one period.</summary>
    public static IReadOnlyList<ComplianceLine> Over(CouncilSnapshot snapshot, Period period, WorkingDayCalendar calendar, Func<Worker, bool>? include = null) =>
        Compute(snapshot, [period], calendar, include);

    /// <summary>The figures for each calendar month of the period (the first and last cut to it).</summary>
    public static IReadOnlyList<ComplianceLine> Monthly(CouncilSnapshot snapshot, Period period, WorkingDayCalendar calendar, Func<Worker, bool>? include = null) =>
        Compute(snapshot, [.. period.Months()], calendar, include);

    private static bool InPostDuring(Worker worker, Period period) =>
        worker.StartDate <= period.To && (worker.LeavingDate is null || worker.LeavingDate >= period.From);

    /// <summary>Each worker's case supervision as at the end of each period in which they were in post, and their
    /// supervision actions in it: the figures for period j and worker k are [j][k]. Taken a worker at a time, on every
    /// core, with all the periods together, so that the worker's children and actions are read from memory once for
    /// all the periods.</summary>
    private static (CaseSupervisionFigures Cases, ActionFigures Actions)[][] WorkerFigures(WorkforceRecords records, List<Worker> workers, Period[] periods,
        WorkingDayCalendar calendar, LocalStandards standards)
    {
        var asAt = periods.Select(p => new AsAt(p.To, calendar, standards)).ToArray();
        var figures = periods.Select(_ => new (CaseSupervisionFigures, ActionFigures)[workers.Count]).ToArray();
        Parallel.For(0, workers.Count, k =>
        {
            var supervision = records.SupervisionOf(workers[k]);
            for (var j = 0; j < periods.Length; j++)
            {
                if (InPostDuring(workers[k], periods[j]))
                {
                    figures[j][k] = (CaseSupervision.Figures(workers[k], records, asAt[j]), Actions(supervision, periods[j]));
                }
            }
        });
        return figures;
    }

    private static List<ComplianceLine> Lines(CouncilSnapshot snapshot, WorkforceRecords records, List<Worker> workers, DueOutcomes due, DateOnly until, Period period, (CaseSupervisionFigures Cases, ActionFigures Actions)[] workerFigures)
    {
        var workerLines = new List<ComplianceLine>();
        for (var k = 0; k < workers.Count; k++)
        {
            var worker = workers[k];
            if (!InPostDuring(worker, period))
            {
                continue;
            }

            var sessions = due.Of(worker).In(period, until);
            var (cases, actions) = workerFigures[k];

            workerLines.Add(new ComplianceLine(OrganisationLevel.Worker, worker.Name, worker, worker.TeamId, records.ServiceOf(worker.TeamId)?.Id, period,
                sessions, cases, actions, 1));
        }

        var teamLines = workerLines.GroupBy(l => l.TeamId!.Value)
            .Select(g => Sum(OrganisationLevel.Team, records.TeamName(g.Key), g.Key, records.ServiceOf(g.Key)?.Id, period, g))
            .OrderBy(l => l.Name, StringComparer.OrdinalIgnoreCase).ToList();
        var serviceLines = teamLines.GroupBy(l => l.ServiceId)
            .Select(g => Sum(OrganisationLevel.Service, g.Key is { } id && records.Services.TryGetValue(id, out var s) ? s.Name : "no service", null, g.Key, period, g))
            .OrderBy(l => l.Name, StringComparer.OrdinalIgnoreCase).ToList();
        return [Sum(OrganisationLevel.Council, snapshot.Council?.Name ?? "Council", null, null, period, serviceLines), .. serviceLines, .. teamLines, .. workerLines];
    }

    private static ComplianceLine Sum(OrganisationLevel level, string name, int? teamId, int? serviceId, Period period, IEnumerable<ComplianceLine> parts)
    {
        ComplianceFigures sessions = default;
        CaseSupervisionFigures cases = default;
        ActionFigures actions = default;
        var workers = 0;
        foreach (var part in parts)
        {
            sessions += part.Sessions;
            cases += part.Cases;
            actions += part.Actions;
            workers += part.Workers;
        }

        return new ComplianceLine(level, name, null, teamId, serviceId, period, sessions, cases, actions, workers);
    }

    private static ActionFigures Actions(WorkerSupervisionRecords supervision, Period period)
    {
        var figures = new ActionFigures();
        foreach (var (session, action) in supervision.Actions)
        {
            if (period.Contains(session.Date))
            {
                figures = figures with { Agreed = figures.Agreed + 1, WithoutTimescale = figures.WithoutTimescale + (action.DueDate is null ? 1 : 0) };
            }

            if (action.DueDate is { } due && period.Contains(due) && session.Date <= period.To)
            {
                var done = action.CompletedDate is { } completed && completed <= period.To ? completed : (DateOnly?)null;
                figures = figures with
                {
                    Due = figures.Due + 1,
                    DoneOnTime = figures.DoneOnTime + (done <= due ? 1 : 0),
                    NotDoneAtEnd = figures.NotDoneAtEnd + (done is null ? 1 : 0),
                };
            }
        }

        return figures;
    }
}
