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
        var children = 0;
        foreach (var _ in records.AllocatedOn(worker.Id, date))
        {
            children++;
        }

        return children;
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
        // Each child's allocations to the worker (next to each other in AllocationsOf), joined where they overlap or
        // adjoin, so that a child counts once; a spell's count goes up on its first day and down the day after its last.
        var allocations = records.AllocationsOf(worker.Id);
        var changes = new List<(DateOnly Day, int Change)>();
        var child = new List<Allocation>();
        for (var i = 0; i < allocations.Count;)
        {
            var first = i;
            child.Clear();
            for (; i < allocations.Count && allocations[i].Child == allocations[first].Child; i++)
            {
                var allocation = allocations[i].Allocation;
                if (allocation.StartDate > date)
                {
                    continue;
                }

                // In order of start, those starting on the same day in the order given.
                var at = child.Count;
                while (at > 0 && child[at - 1].StartDate > allocation.StartDate)
                {
                    at--;
                }

                child.Insert(at, allocation);
            }

            (DateOnly From, DateOnly? To)? current = null;
            foreach (var allocation in child)
            {
                if (current is { } c && (c.To is null || c.To.Value.AddDays(1) >= allocation.StartDate))
                {
                    current = (c.From, c.To is null || allocation.EndDate is null ? null : allocation.EndDate > c.To ? allocation.EndDate : c.To);
                }
                else
                {
                    if (current is { } done)
                    {
                        Spell(done);
                    }

                    current = (allocation.StartDate, allocation.EndDate);
                }
            }

            if (current is { } last)
            {
                Spell(last);
            }
        }

        void Spell((DateOnly From, DateOnly? To) spell)
        {
            changes.Add((spell.From, 1));
            if (spell.To is { } end && end < date)
            {
                changes.Add((end.AddDays(1), -1));
            }
        }

        // Walk the days on which the count changes, in order, each day's changes together.
        changes.Sort((a, b) => a.Day.CompareTo(b.Day));
        var ceiling = Ceiling(worker, standards);
        var count = 0;
        DateOnly? since = null;
        for (var i = 0; i < changes.Count;)
        {
            var day = changes[i].Day;
            if (day > date)
            {
                break;
            }

            for (; i < changes.Count && changes[i].Day == day; i++)
            {
                count += changes[i].Change;
            }

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
