using System.Collections.Concurrent;
using Sightline.Calendar;
using Sightline.Model;
using Sightline.Oversight;

namespace Sightline.Web;

/// <summary>The council's records held in memory for the pages: the snapshot, loaded once when the server starts,
/// with look-ups by identifier, who holds each case on a date, and the whole council's alerts as at each date asked
/// for, judged once and kept.</summary>
public sealed class CouncilData
{
    private const int DatesKept = 8;

    private readonly Dictionary<int, Child> _children;
    private readonly Dictionary<int, Team> _teams;
    private readonly Dictionary<int, Worker> _workers;
    private readonly Dictionary<string, Worker> _workersByStaffId;
    private readonly ConcurrentDictionary<DateOnly, Lazy<AlertReport>> _alerts = new();
    private readonly ConcurrentDictionary<DateOnly, Lazy<Allocations>> _allocations = new();

    public CouncilData(CouncilSnapshot snapshot, WorkingDayCalendar calendar)
    {
        Snapshot = snapshot;
        Calendar = calendar;
        _children = snapshot.Children.ToDictionary(c => c.Id);
        _teams = snapshot.Teams.ToDictionary(t => t.Id);
        _workers = snapshot.Workers.ToDictionary(w => w.Id);
        _workersByStaffId = snapshot.Workers.ToDictionary(w => w.StaffId, StringComparer.OrdinalIgnoreCase);
    }

    public CouncilSnapshot Snapshot { get; }

    public WorkingDayCalendar Calendar { get; }

    /// <summary>The council's name, or a plain one when none is recorded.</summary>
    public string CouncilName => Snapshot.Council?.Name ?? "Children's services";

    public Child? Child(int id) => _children.GetValueOrDefault(id);

    public Team? Team(int id) => _teams.GetValueOrDefault(id);

    public Worker? Worker(int id) => _workers.GetValueOrDefault(id);

    public Worker? WorkerByStaffId(string staffId) => _workersByStaffId.GetValueOrDefault(staffId);

    /// <summary>The date, calendar and the local standards in force on the date, that the rules judge by.</summary>
    public AsAt AsAt(DateOnly date) => Snapshot.On(date, Calendar);

    /// <summary>Every child's alerts as at the date, most urgent first: judged once per date and kept (the last
    /// <see cref="DatesKept"/> dates).</summary>
    public AlertReport Alerts(DateOnly date) => Kept(_alerts, date, () => OversightEngine.Alerts(Snapshot, AsAt(date)));

    /// <summary>The alerts of only these children as at the date (for a user who sees few, without judging the whole council).</summary>
    public AlertReport Alerts(DateOnly date, IReadOnlyCollection<int> childIds)
    {
        var children = childIds.Select(Child).OfType<Child>().OrderBy(c => c.Id).ToList();
        var some = new CouncilSnapshot(Snapshot.Council, children, Snapshot.Workers, Snapshot.Teams, Snapshot.Coverage, Snapshot.Standards);
        return OversightEngine.Alerts(some, AsAt(date));
    }

    /// <summary>Who holds each case on the date: by worker, by team, and each child's open allocation.</summary>
    public Allocations AllocationsOn(DateOnly date) => Kept(_allocations, date, () => new Allocations(Snapshot.Children, date));

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
