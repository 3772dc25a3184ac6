using System.Collections.Concurrent;
using Sightline.Calendar;
using Sightline.Model;
using Sightline.Oversight;

namespace Sightline.Web;

/// <summary>The council's records held in memory for the pages: the snapshot, loaded once when the server starts,
/// with look-ups by identifier, who holds each case on a date, and the whole council's alerts as at each date asked
/// for, judged once and kept. When the application records supervision or an absence, <see cref="Reload"/> puts a
/// new snapshot in place (with the workforce read again) and forgets what was judged over the old one; a request
/// already running keeps reading the snapshot it started with.</summary>
public sealed class CouncilData
{
    private const int DatesKept = 8;

    private readonly Lock _reloading = new();
    private volatile State _state;

    public CouncilData(CouncilSnapshot snapshot, WorkingDayCalendar calendar)
    {
        Calendar = calendar;
        _state = new State(snapshot);
    }

    public CouncilSnapshot Snapshot => _state.Snapshot;

    public WorkingDayCalendar Calendar { get; }

    /// <summary>The council's name, or a plain one when none is recorded.</summary>
    public string CouncilName => Snapshot.Council?.Name ?? "Children's services";

    public Child? Child(int id) => _state.Children.GetValueOrDefault(id);

    public Team? Team(int id) => _state.Teams.GetValueOrDefault(id);

    public Worker? Worker(int id) => _state.Workers.GetValueOrDefault(id);

    public Worker? WorkerByStaffId(string staffId) => _state.WorkersByStaffId.GetValueOrDefault(staffId);

    /// <summary>The date, calendar and the local standards in force on the date, that the rules judge by.</summary>
    public AsAt AsAt(DateOnly date) => Snapshot.On(date, Calendar);

    /// <summary>Every child's alerts as at the date, most urgent first: judged once per date and kept (the last
    /// <see cref="DatesKept"/> dates).</summary>
    public AlertReport Alerts(DateOnly date)
    {
        var state = _state;
        return Kept(state.Alerts, date, () => OversightEngine.Alerts(state.Snapshot, state.Snapshot.On(date, Calendar)));
    }

    /// <summary>The alerts about only these children as at the date (for a user who sees few, without judging the
    /// whole council); alerts about workers alone are left out.</summary>
    public AlertReport Alerts(DateOnly date, IReadOnlyCollection<int> childIds)
    {
        var snapshot = Snapshot;
        var children = childIds.Select(Child).OfType<Child>().OrderBy(c => c.Id).ToList();
        // The workforce comes whole: case supervision reads the sessions in which each child was discussed.
        var some = new CouncilSnapshot(snapshot.Council, children, snapshot.Workers, snapshot.Teams, snapshot.Coverage, snapshot.Standards)
        {
            Services = snapshot.Services,
            Supervision = snapshot.Supervision,
        };
        var report = OversightEngine.Alerts(some, AsAt(date));

        // The worker rules judge every worker; only the alerts about these children are asked for.
        var wanted = childIds.ToHashSet();
        return report with { Alerts = [.. report.Alerts.Where(a => a.ChildId is { } id && wanted.Contains(id))] };
    }

    /// <summary>Who holds each case on the date: by worker, by team, and each child's open allocation.</summary>
    public Allocations AllocationsOn(DateOnly date)
    {
        var state = _state;
        return Kept(state.Allocations, date, () => new Allocations(state.Snapshot.Children, date));
    }

    /// <summary>Puts in place the snapshot <paramref name="reload"/> makes from the one held now, one reload at a
    /// time (so that two recordings made together are both in the snapshot that ends up held).</summary>
    public void Reload(Func<CouncilSnapshot, CouncilSnapshot> reload)
    {
        lock (_reloading)
        {
            _state = new State(reload(_state.Snapshot));
        }
    }

    private static T Kept<T>(ConcurrentDictionary<DateOnly, Lazy<T>> kept, DateOnly date, Func<T> make)
    {
        var value = kept.GetOrAdd(date, _ => new Lazy<T>(make)).Value;
        if (kept.Count > DatesKept)
        {
            foreach (var old in kept.Keys.Where(d => d != date).Take(kept.Count - DatesKept))
            {
                kept.TryRemove(old, out _);
            }
        }

        return value;
    }

    /// <summary>One snapshot with its look-ups and what has been judged over it.</summary>
    private sealed class State(CouncilSnapshot snapshot)
    {
        public CouncilSnapshot Snapshot { get; } = snapshot;
        public Dictionary<int, Child> Children { get; } = snapshot.Children.ToDictionary(c => c.Id);
        public Dictionary<int, Team> Teams { get; } = snapshot.Teams.ToDictionary(t => t.Id);
        public Dictionary<int, Worker> Workers { get; } = snapshot.Workers.ToDictionary(w => w.Id);
        public Dictionary<string, Worker> WorkersByStaffId { get; } = snapshot.Workers.ToDictionary(w => w.StaffId, StringComparer.OrdinalIgnoreCase);
        public ConcurrentDictionary<DateOnly, Lazy<AlertReport>> Alerts { get; } = new();
        public ConcurrentDictionary<DateOnly, Lazy<Allocations>> Allocations { get; } = new();
    }
}

/// <summary>The allocations open on one date. When a child has more than one open (an overlap in the council's
/// data), the one that started last holds the case.</summary>
public sealed class Allocations
{
    private readonly Dictionary<int, Allocation> _byChild = [];
    private readonly Dictionary<int, List<int>> _byWorker = [];
    private readonly Dictionary<int, List<int>> _byTeam = [];

    public Allocations(IEnumerable<Child> children, DateOnly date)
    {
        foreach (var child in children)
        {
            if (child.Allocations.LastOrDefault(a => a.IsOpenOn(date)) is not { } allocation)
            {
                continue;
            }

            _byChild[child.Id] = allocation;
            Add(_byTeam, allocation.TeamId, child.Id);
            if (allocation.WorkerId is { } worker)
            {
                Add(_byWorker, worker, child.Id);
            }
        }
    }

    /// <summary>The child's open allocation, or null when the case is not allocated on the date.</summary>
    public Allocation? Of(int childId) => _byChild.GetValueOrDefault(childId);

    public IReadOnlyList<int> OfWorker(int workerId) => _byWorker.GetValueOrDefault(workerId) ?? [];

    public IReadOnlyList<int> OfTeam(int teamId) => _byTeam.GetValueOrDefault(teamId) ?? [];

    private static void Add(Dictionary<int, List<int>> index, int key, int childId)
    {
        if (!index.TryGetValue(key, out var list))
        {
            index[key] = list = [];
        }

        list.Add(childId);
    }
}
