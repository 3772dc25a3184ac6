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

    /// <summary>The supervision sessions and informal discussions in which the child's case was discussed, in the
    /// snapshot's order (indexed once per snapshot, the first time a child's are asked for).</summary>
    public IReadOnlyList<SupervisionSession> SupervisionOf(int childId) => _state.Discussed.Value.GetValueOrDefault(childId) ?? [];

    /// <summary>The date, calendar and the local standards in force on the date, that the rules judge by.</summary>
    public AsAt AsAt(DateOnly date) => Snapshot.On(date, Calendar);

    /// <summary>Every child's alerts as at the date, most urgent first: judged once per date and kept (the last
    /// <see cref="DatesKept"/> dates).</summary>
    public AlertReport Alerts(DateOnly date) => Judged(_state, date).Report;

    /// <summary>The alerts about only these children as at the date, most urgent first, as the whole council's
    /// judgement found them (each child's rules read only that child's records, so judging a child alone finds the
    /// same); alerts about workers alone are left out, and a gap counts only these children's open cases. A page
    /// asking for a few children costs a look-up once the date has been judged.</summary>
    public AlertReport Alerts(DateOnly date, IReadOnlyCollection<int> childIds)
    {
        var state = _state;
        var judged = Judged(state, date);
        var positions = new List<int>();
        foreach (var id in childIds.Distinct())
        {
            if (judged.ByChild.TryGetValue(id, out var found))
            {
                positions.AddRange(found);
            }
        }

        positions.Sort();
        var alerts = positions.Select(i => judged.Report.Alerts[i]).ToList();
        var gaps = judged.Report.Gaps;
        if (gaps.Count > 0)
        {
            var openCases = childIds.Distinct().Count(id => state.Children.GetValueOrDefault(id) is { } child && child.CinEpisodes.Exists(e => e.IsOpenOn(date)));
            gaps = gaps.Select(g => g with { ChildrenWithOpenCases = openCases }).ToList();
        }

        return new AlertReport(date, alerts, gaps);
    }

    /// <summary>Something worked out from the records for one date and kept with them (the last
    /// <see cref="DatesKept"/> dates of each kind), such as a page's figures that are the same for every request:
    /// made once per date, however many ask at once, and forgotten when the records are reloaded.</summary>
    /// <param name="date">The date it is as at.</param>
    /// <param name="make">Makes it from the records; called at most once per date and kind.</param>
    public T PerDate<T>(DateOnly date, Func<CouncilData, T> make) where T : class
    {
        var state = _state;
        var kept = (ConcurrentDictionary<DateOnly, Lazy<T>>)state.PerDate.GetOrAdd(typeof(T), _ => new ConcurrentDictionary<DateOnly, Lazy<T>>());
        return Kept(kept, date, () => make(this));
    }

    private Judgement Judged(State state, DateOnly date) =>
        Kept(state.Alerts, date, () => new Judgement(OversightEngine.Alerts(state.Snapshot, state.Snapshot.On(date, Calendar))));

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
        public ConcurrentDictionary<DateOnly, Lazy<Judgement>> Alerts { get; } = new();
        public ConcurrentDictionary<Type, object> PerDate { get; } = new();

        public Lazy<Dictionary<int, SupervisionSession[]>> Discussed { get; } = new(() => snapshot.Supervision
            .SelectMany(session => session.ChildIdsDiscussed.ToArray().Distinct().Select(child => (child, session)))
            .GroupBy(p => p.child)
            .ToDictionary(g => g.Key, g => g.Select(p => p.session).ToArray()));
        public ConcurrentDictionary<DateOnly, Lazy<Allocations>> Allocations { get; } = new();
    }
}

/// <summary>The whole council's alerts as at one date, and where each child's are in the list.</summary>
internal sealed class Judgement
{
    public Judgement(AlertReport report)
    {
        Report = report;
        var byChild = new Dictionary<int, List<int>>();
        for (var i = 0; i < report.Alerts.Count; i++)
        {
            if (report.Alerts[i].ChildId is { } child)
            {
                if (!byChild.TryGetValue(child, out var list))
                {
                    byChild[child] = list = [];
                }

                list.Add(i);
            }
        }

        ByChild = byChild.ToDictionary(p => p.Key, p => p.Value.ToArray());
    }

    public AlertReport Report { get; }

    /// <summary>The positions in <see cref="AlertReport.Alerts"/> of each child's alerts, in order.</summary>
    public Dictionary<int, int[]> ByChild { get; }
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
