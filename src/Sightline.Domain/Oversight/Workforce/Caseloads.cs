using Sightline.Model;

namespace Sightline.Oversight.Workforce;

/// <summary>Caseloads, counted one way everywhere (the caseload alert, the workforce measures, and any caseload
/// indicator): a worker's caseload on a date is the number of distinct children with an allocation to that worker
/// open on the date (<see cref="Allocation.IsOpenOn"/>: both ends inclusive). The SSD's own caseload figure is not
/// read. Pro rata, a caseload is compared with the ceiling times the worker's FTE.</summary>
public static class Caseloads
{
    /// <summary>Every worker's caseload on <paramref name="date"/>, by worker ID; workers with none are absent.</summary>
    public static IReadOnlyDictionary<int, int> On(CouncilSnapshot snapshot, DateOnly date)
    {
        var children = new Dictionary<int, HashSet<int>>();
        foreach (var child in snapshot.Children)
        {
            foreach (var allocation in child.Allocations)
            {
                if (allocation.WorkerId is { } workerId && allocation.IsOpenOn(date))
                {
                    if (!children.TryGetValue(workerId, out var set))
                    {
                        children[workerId] = set = [];
                    }

                    set.Add(child.Id);
                }
            }
        }

        return children.ToDictionary(p => p.Key, p => p.Value.Count);
    }

    /// <summary>One worker's caseload on <paramref name="date"/>.</summary>
    public static int Of(Worker worker, WorkforceRecords records, DateOnly date)
    {
        var children = new HashSet<int>();
        foreach (var (child, allocation) in records.AllocationsOf(worker.Id))
        {
            if (allocation.IsOpenOn(date))
            {
                children.Add(child.Id);
            }
        }

        return children.Count;
    }

    /// <summary>The ceiling for the worker pro rata: the local ceiling (children per full-time worker) times their FTE.</summary>
    public static double Ceiling(Worker worker, LocalStandards standards) => standards.CaseloadCeiling * (double)worker.Fte;

    /// <summary>The warning point for the worker pro rata.</summary>
    public static double Warning(Worker worker, LocalStandards standards) => standards.CaseloadWarning * (double)worker.Fte;

    /// <summary>The caseload per full-time equivalent: children divided by FTE; null for a worker with no FTE.</summary>
    public static double? PerFte(int children, decimal fte) => fte > 0 ? children / (double)fte : null;

    /// <summary>Whether a caseload is over the worker's pro-rata ceiling: more children than the ceiling times FTE.</summary>
    public static bool IsOverCeiling(Worker worker, int children, LocalStandards standards) => children > Ceiling(worker, standards);

    /// <summary>The day from which the worker's caseload has been over their ceiling without a break, up to
    /// <paramref name="date"/>; null if it is not over on that date.</summary>
    public static DateOnly? OverCeilingSince(Worker worker, WorkforceRecords records, DateOnly date, LocalStandards standards)
    {
        // Each child's allocations to the worker, joined where they overlap or adjoin, so that a child counts once.
        var spells = new List<(DateOnly From, DateOnly? To)>();
        foreach (var group in records.AllocationsOf(worker.Id).Where(a => a.Allocation.StartDate <= date).GroupBy(a => a.Child.Id))
        {
            (DateOnly From, DateOnly? To)? current = null;
            foreach (var allocation in group.Select(a => a.Allocation).OrderBy(a => a.StartDate))
            {
                if (current is { } c && (c.To is null || c.To.Value.AddDays(1) >= allocation.StartDate))
                {
                    current = (c.From, c.To is null || allocation.EndDate is null ? null : allocation.EndDate > c.To ? allocation.EndDate : c.To);
                }
                else
                {
                    if (current is { } done)
                    {
                        spells.Add(done);
                    }

                    current = (allocation.StartDate, allocation.EndDate);
                }
            }

            if (current is { } last)
            {
                spells.Add(last);
            }
        }

        // Walk the days on which the count changes, in order: +1 on a spell's first day, -1 the day after its last.
        var changes = new SortedDictionary<DateOnly, int>();
        foreach (var (from, to) in spells)
        {
            changes[from] = changes.GetValueOrDefault(from) + 1;
            if (to is { } end && end < date)
            {
                changes[end.AddDays(1)] = changes.GetValueOrDefault(end.AddDays(1)) - 1;
            }
        }

        var ceiling = Ceiling(worker, standards);
        var count = 0;
        DateOnly? since = null;
        foreach (var (day, change) in changes)
        {
            if (day > date)
            {
                break;
            }

            count += change;
            if (count > ceiling)
            {
                since ??= day;
            }
            else
            {
                since = null;
            }
        }

        return since;
    }
}
