using System.Runtime.InteropServices;
using Sightline.Model;

namespace Sightline.Oversight.Workforce;

/// <summary>A snapshot's workforce records indexed once for the supervision and caseload measures: each worker's
/// formal sessions and absences in date order, each worker's allocations, and when each child's case was last
/// discussed in formal supervision. Built on first use by <see cref="CouncilSnapshot.Workforce"/>; read-only
/// after, so rules may share it across threads. It reads the records' dates once, when built: records changed after
/// are seen by a new snapshot.</summary>
public sealed class WorkforceRecords
{
    private static readonly WorkerSupervisionRecords NoSupervision = new([], [], [], []);

    private readonly Dictionary<int, WorkerSupervisionRecords> _supervision = [];
    private readonly Dictionary<int, (Child Child, Allocation Allocation)[]> _allocations = [];

    // Each allocation's first and last days as day numbers (the last int.MaxValue while it continues), in the same
    // order as _allocations: judging a date reads these few bytes, not each allocation.
    private readonly Dictionary<int, (int From, int To)[]> _allocationDays = [];

    // The days each child was discussed in a formal session held, all children's in one array: the dates of the child
    // at place k (of _discussedPlaces) are _discussedDates[_discussedStart[k].._discussedStart[k + 1]], in order.
    private readonly int[] _discussedStart;
    private readonly DateOnly[] _discussedDates;
    private readonly IdentifierPlaces _discussedPlaces;

    public WorkforceRecords(CouncilSnapshot snapshot)
    {
        Snapshot = snapshot;
        Workers = snapshot.Workers.ToDictionary(w => w.Id);
        Teams = snapshot.Teams.ToDictionary(t => t.Id);
        Services = snapshot.Services.ToDictionary(s => s.Id);

        // Three independent walks over millions of records, for England: the sessions by worker and the days each
        // child was discussed on other cores while this thread indexes the allocations.
        var supervision = Task.Run(() => IndexSupervision(snapshot));
        var discussed = Task.Run(() => DiscussionDates(snapshot.Supervision));
        IndexAllocations(snapshot);
        supervision.GetAwaiter().GetResult();
        (_discussedStart, _discussedDates, _discussedPlaces) = discussed.GetAwaiter().GetResult();
        RecordsBegin = snapshot.Supervision.Count == 0 ? null : snapshot.Supervision.Min(s => s.Date);
        RecordsEnd = snapshot.Supervision.Count == 0 ? null : snapshot.Supervision.Max(s => s.Date);
    }

    /// <summary>Each worker's sessions held and not held, actions and merged absences.</summary>
    private void IndexSupervision(CouncilSnapshot snapshot)
    {
        foreach (var group in snapshot.Supervision.GroupBy(s => s.WorkerId))
        {
            var held = new List<DateOnly>();
            var notHeld = new List<(DateOnly, string?)>();
            foreach (var session in group)
            {
                if (session.Kind == SupervisionKind.Formal && session.Held)
                {
                    held.Add(session.Date);
                }
                else if (session.Kind == SupervisionKind.Formal)
                {
                    notHeld.Add((session.Date, string.IsNullOrWhiteSpace(session.ReasonNotHeld) ? null : session.ReasonNotHeld));
                }
            }

            held.Sort();
            var actions = group.SelectMany(s => s.Actions.Select(a => (Session: s, Action: a))).ToArray();
            _supervision[group.Key] = new WorkerSupervisionRecords([.. held.Distinct()], [.. notHeld.OrderBy(n => n.Item1)], actions,
                Workers.TryGetValue(group.Key, out var worker) ? MergedAbsences(worker) : []);
        }

        foreach (var worker in snapshot.Workers)
        {
            if (worker.Absences.Count > 0 && !_supervision.ContainsKey(worker.Id))
            {
                _supervision[worker.Id] = new WorkerSupervisionRecords([], [], [], MergedAbsences(worker));
            }
        }
    }

    /// <summary>Each worker's allocations, with their days.</summary>
    private void IndexAllocations(CouncilSnapshot snapshot)
    {
        // Each worker has a place, from the run of the workers' identifiers; a worker not loaded whose identifier an
        // allocation names is given one too.
        var places = snapshot.Workers.Count == 0 ? new IdentifierPlaces(0, -1, 0)
            : new IdentifierPlaces(snapshot.Workers.Min(w => w.Id), snapshot.Workers.Max(w => w.Id), snapshot.Workers.Count);
        var counts = new List<int>(new int[places.Count]);

        // Counted first, then filled, so that each worker's allocations are one array of exactly their number.
        foreach (var child in snapshot.Children)
        {
            foreach (var allocation in child.Allocations)
            {
                if (allocation.WorkerId is { } workerId)
                {
                    var place = places.Of(workerId);
                    if (place == counts.Count)
                    {
                        counts.Add(0);
                    }

                    counts[place]++;
                }
            }
        }

        var allocations = new (Child, Allocation)[counts.Count][];
        var days = new (int, int)[counts.Count][];
        var filled = new int[counts.Count];
        for (var place = 0; place < counts.Count; place++)
        {
            allocations[place] = counts[place] == 0 ? [] : new (Child, Allocation)[counts[place]];
            days[place] = counts[place] == 0 ? [] : new (int, int)[counts[place]];
        }

        foreach (var child in snapshot.Children)
        {
            foreach (var allocation in child.Allocations)
            {
                if (allocation.WorkerId is { } workerId)
                {
                    var place = places.Of(workerId);
                    var at = filled[place]++;
                    allocations[place][at] = (child, allocation);
                    days[place][at] = (allocation.StartDate.DayNumber, allocation.EndDate?.DayNumber ?? int.MaxValue);
                }
            }
        }

        foreach (var (workerId, place) in places.All())
        {
            if (counts[place] > 0)
            {
                (_allocations[workerId], _allocationDays[workerId]) = (allocations[place], days[place]);
            }
        }
    }

    public CouncilSnapshot Snapshot { get; }
    public IReadOnlyDictionary<int, Worker> Workers { get; }
    public IReadOnlyDictionary<int, Team> Teams { get; }
    public IReadOnlyDictionary<int, Service> Services { get; }

    /// <summary>The first day of the council's supervision records: the earliest session of any kind recorded for
    /// any worker; null when none is loaded. No supervision clock starts before it.</summary>
    public DateOnly? RecordsBegin { get; }

    /// <summary>The day of the latest session of any kind recorded for any worker; null when none is loaded.</summary>
    public DateOnly? RecordsEnd { get; }

    /// <summary>A worker's formal sessions, sessions not held, supervision actions and absences.</summary>
    public WorkerSupervisionRecords SupervisionOf(Worker worker) => _supervision.GetValueOrDefault(worker.Id, NoSupervision);

    /// <summary>Every allocation of a child's case to the worker, with the child, in the snapshot's order of children;
    /// a child's allocations to the worker are next to each other.</summary>
    public IReadOnlyList<(Child Child, Allocation Allocation)> AllocationsOf(int workerId) =>
        _allocations.TryGetValue(workerId, out var list) ? list : [];

    /// <summary>The children with an allocation to the worker open on <paramref name="date"/>
    /// (<see cref="Allocation.IsOpenOn"/>: both ends inclusive), each once, in the order of
    /// <see cref="AllocationsOf"/>.</summary>
    public IEnumerable<Child> AllocatedOn(int workerId, DateOnly date)
    {
        if (!_allocations.TryGetValue(workerId, out var allocations))
        {
            yield break;
        }

        var days = _allocationDays[workerId];
        var day = date.DayNumber;
        Child? last = null;
        for (var i = 0; i < days.Length; i++)
        {
            // A child's allocations are next to each other, so a child already given is the last one given.
            if (days[i].From <= day && day <= days[i].To && !ReferenceEquals(allocations[i].Child, last))
            {
                last = allocations[i].Child;
                yield return last;
            }
        }
    }

    /// <summary>The days on which the child's case was discussed in a formal supervision session held, in order.</summary>
    public IReadOnlyList<DateOnly> DiscussedInSupervision(int childId) =>
        ChildSlot(childId) is var k and >= 0 ? new ArraySegment<DateOnly>(_discussedDates, _discussedStart[k], _discussedStart[k + 1] - _discussedStart[k]) : [];

    /// <summary>The last day on or before <paramref name="date"/> on which the child's case was discussed in a formal
    /// supervision session held, or null.</summary>
    public DateOnly? LastDiscussedOnOrBefore(int childId, DateOnly date)
    {
        if (ChildSlot(childId) is not (var k and >= 0))
        {
            return null;
        }

        var dates = new ReadOnlySpan<DateOnly>(_discussedDates, _discussedStart[k], _discussedStart[k + 1] - _discussedStart[k]);
        var count = Sorted.CountAtMost(dates, date);
        return count > 0 ? dates[count - 1] : null;
    }

    /// <summary>Where a child's dates are in <see cref="_discussedStart"/>; -1 for a child never discussed.</summary>
    private int ChildSlot(int childId) =>
        _discussedPlaces.Find(childId) is var k and >= 0 && _discussedStart[k] < _discussedStart[k + 1] ? k : -1;

    /// <summary>Every child's days discussed in formal sessions held, in one array, each child's in order, with each
    /// discussed child's place (from the run of their identifiers, as usual, or given as each is first met when they
    /// are spread far apart).</summary>
    private static (int[] Start, DateOnly[] Dates, IdentifierPlaces Places) DiscussionDates(IReadOnlyList<SupervisionSession> sessions)
    {
        int min = int.MaxValue, max = int.MinValue;
        long discussions = 0;
        foreach (var session in sessions)
        {
            if (session.Kind == SupervisionKind.Formal && session.Held)
            {
                foreach (var childId in session.ChildIdsDiscussed)
                {
                    min = Math.Min(min, childId);
                    max = Math.Max(max, childId);
                    discussions++;
                }
            }
        }

        var places = new IdentifierPlaces(min, max, discussions);
        var counts = new List<int>(new int[places.Count]);
        foreach (var session in sessions)
        {
            if (session.Kind == SupervisionKind.Formal && session.Held)
            {
                foreach (var childId in session.ChildIdsDiscussed)
                {
                    var place = places.Of(childId);
                    if (place == counts.Count)
                    {
                        counts.Add(0);
                    }

                    counts[place]++;
                }
            }
        }

        // Summed, so that start[k] is where the dates of the child at place k begin.
        var start = new int[counts.Count + 1];
        for (var k = 0; k < counts.Count; k++)
        {
            start[k + 1] = start[k] + counts[k];
        }

        var dates = new DateOnly[discussions];
        var next = start[..^1];
        foreach (var session in sessions)
        {
            if (session.Kind == SupervisionKind.Formal && session.Held)
            {
                foreach (var childId in session.ChildIdsDiscussed)
                {
                    dates[next[places.Of(childId)]++] = session.Date;
                }
            }
        }

        for (var k = 0; k < counts.Count; k++)
        {
            if (counts[k] > 1)
            {
                Array.Sort(dates, start[k], counts[k]);
            }
        }

        return (start, dates, places);
    }

    /// <summary>The team's name, or "no team".</summary>
    public string TeamName(int teamId) => Teams.TryGetValue(teamId, out var team) ? team.Name : "no team";

    /// <summary>The service of a team, if known.</summary>
    public Service? ServiceOf(int teamId) =>
        Teams.TryGetValue(teamId, out var team) && Services.TryGetValue(team.ServiceId, out var service) ? service : null;

    /// <summary>A worker's absences with overlapping and adjoining spells joined, in date order, so that no day is
    /// counted twice. A spell with no end runs on indefinitely.</summary>
    private static AbsenceSpell[] MergedAbsences(Worker worker)
    {
        var merged = new List<AbsenceSpell>();
        foreach (var absence in worker.Absences.OrderBy(a => a.From))
        {
            if (merged.Count > 0 && (merged[^1].To is null || merged[^1].To!.Value.AddDays(1) >= absence.From))
            {
                var last = merged[^1];
                merged[^1] = last with { To = last.To is null || absence.To is null ? null : (absence.To > last.To ? absence.To : last.To) };
            }
            else
            {
                merged.Add(new AbsenceSpell(absence.From, absence.To));
            }
        }

        return [.. merged];
    }
}

/// <summary>A spell of absence, both days inclusive; <paramref name="To"/> is null while the worker is still away.</summary>
public readonly record struct AbsenceSpell(DateOnly From, DateOnly? To)
{
    public bool Covers(DateOnly date) => From <= date && (To is null || To >= date);
}

/// <summary>One worker's supervision records: the days formal sessions were held (in order, each day once), the
/// formal sessions recorded as not held with their reasons (in order), every action agreed in their sessions, and
/// their absences merged (in order).</summary>
public sealed record WorkerSupervisionRecords(
    DateOnly[] Held,
    IReadOnlyList<(DateOnly Date, string? Reason)> NotHeld,
    IReadOnlyList<(SupervisionSession Session, SupervisionAction Action)> Actions,
    IReadOnlyList<AbsenceSpell> Absences)
{
    /// <summary>The last day a formal session was held after <paramref name="after"/> and on or before
    /// <paramref name="onOrBefore"/>, or null.</summary>
    public DateOnly? LastHeld(DateOnly after, DateOnly onOrBefore)
    {
        var i = UpperBound(onOrBefore) - 1;
        return i >= 0 && Held[i] > after ? Held[i] : null;
    }

    /// <summary>The first day a formal session was held after <paramref name="after"/> and on or before
    /// <paramref name="onOrBefore"/>, or null.</summary>
    public DateOnly? FirstHeld(DateOnly after, DateOnly onOrBefore)
    {
        var i = UpperBound(after);
        return i < Held.Length && Held[i] <= onOrBefore ? Held[i] : null;
    }

    /// <summary>Whether the worker was absent on <paramref name="date"/>.</summary>
    public bool IsAbsentOn(DateOnly date)
    {
        foreach (var spell in Absences)
        {
            if (spell.From > date)
            {
                return false;
            }

            if (spell.Covers(date))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The days after <paramref name="after"/> and on or before <paramref name="to"/> on which the worker
    /// was not absent.</summary>
    public int DaysAtWork(DateOnly after, DateOnly to)
    {
        var days = to.DayNumber - after.DayNumber;
        foreach (var spell in Absences)
        {
            if (spell.From > to)
            {
                break;
            }

            var from = spell.From > after ? spell.From : after.AddDays(1);
            var end = spell.To is { } t && t < to ? t : to;
            if (from <= end)
            {
                days -= end.DayNumber - from.DayNumber + 1;
            }
        }

        return Math.Max(0, days);
    }

    /// <summary>The index of the first held day after <paramref name="date"/>.</summary>
    private int UpperBound(DateOnly date) => Sorted.CountAtMost<DateOnly>(Held, date);
}
