using System.Collections.Concurrent;
using Sightline.Calendar;
using Sightline.Model;

namespace Sightline.Oversight;

/// <summary>One immutable in-memory view of a council's records, built once per data version: every child with
/// the records of their journey that rules, indicators and council-wide pages read (a loaded snapshot leaves out the
/// rest: see the storage's snapshot loader), the workforce, and the council's local standards over time (the defaults when none are
/// given). Rules and indicators run over it, never over the database. Nothing may change its records: they may
/// share lists (a loaded snapshot gives every child with no visits one and the same empty list of visits, for
/// example).</summary>
public sealed class CouncilSnapshot(Council? council, IReadOnlyList<Child> children, IReadOnlyList<Worker> workers, IReadOnlyList<Team> teams, DataCoverage coverage, LocalStandardsHistory? standards = null)
{
    private readonly Lazy<EveryRecord> _every = new(() => EveryRecord.Of(children));
    private readonly ConcurrentDictionary<object, Lazy<object>> _derived = new();

    public Council? Council { get; } = council;
    public IReadOnlyList<Child> Children { get; } = children;
    public IReadOnlyList<Worker> Workers { get; } = workers;
    public IReadOnlyList<Team> Teams { get; } = teams;

    /// <summary>Which kinds of record the council has loaded at all.</summary>
    public DataCoverage Coverage { get; } = coverage;

    /// <summary>The council's local standards, version by version (only the defaults when it has set none).</summary>
    public LocalStandardsHistory Standards { get; } = standards ?? LocalStandardsHistory.Defaults;

    /// <summary>What to judge by on <paramref name="date"/>: the date, the calendar, and the council's local
    /// standards in force on that date, so that a past date is judged as it stood then.</summary>
    public AsAt On(DateOnly date, WorkingDayCalendar calendar) => new(date, calendar, Standards.InForceOn(date));

    /// <summary>The service areas the teams belong to.</summary>
    public IReadOnlyList<Service> Services { get; init; } = [];

    /// <summary>Every supervision session, informal case discussion and session recorded as not held, each with
    /// the children discussed and the actions agreed. Workers' absences are on <see cref="Worker.Absences"/>.</summary>
    public IReadOnlyList<SupervisionSession> Supervision { get; init; } = [];

    private Workforce.WorkforceRecords? _workforce;

    /// <summary>The workforce records indexed for the supervision and caseload measures, built on first use.</summary>
    public Workforce.WorkforceRecords Workforce =>
        LazyInitializer.EnsureInitialized(ref _workforce, () => new Workforce.WorkforceRecords(this));

    /// <summary>Every child in need episode of every child, child by child, each child's in their own order. An indicator
    /// that counts episodes, or what happened in them, reads this (or, to find those of a period, a
    /// <see cref="Dated{T}"/> made from it) rather than walking every child: it is one list, built on first use.</summary>
    public IReadOnlyList<CinEpisode> CinEpisodes => _every.Value.CinEpisodes;

    /// <summary>Every child protection plan, in the order of <see cref="CinEpisodes"/> and then each episode's own order.</summary>
    public IReadOnlyList<ChildProtectionPlan> ChildProtectionPlans => _every.Value.ChildProtectionPlans;

    /// <summary>Every PLO pre-proceedings, child by child.</summary>
    public IReadOnlyList<PreProceedings> PreProceedings => _every.Value.PreProceedings;

    /// <summary>Every looked after episode, child by child.</summary>
    public IReadOnlyList<LookedAfterEpisode> LookedAfterEpisodes => _every.Value.LookedAfterEpisodes;

    /// <summary>A value worked out once from the records and kept with the snapshot, for what a rule or an indicator needs
    /// on every date or period it is computed for (each referral's previous referral, say). <paramref name="key"/> names
    /// the value (an indicator passes itself); <paramref name="compute"/> must depend on the records alone.</summary>
    public T Derived<T>(object key, Func<CouncilSnapshot, T> compute)
        where T : class =>
        (T)_derived.GetOrAdd(key, _ => new Lazy<object>(() => compute(this))).Value;
}

/// <summary>Every child in need episode, child protection plan, pre-proceedings and looked after episode of every child,
/// gathered in one walk over the children: for all of England each walk over millions of children and their episodes
/// costs most of a second, however little it does with each.</summary>
internal sealed record EveryRecord(CinEpisode[] CinEpisodes, ChildProtectionPlan[] ChildProtectionPlans, PreProceedings[] PreProceedings, LookedAfterEpisode[] LookedAfterEpisodes)
{
    public static EveryRecord Of(IReadOnlyList<Child> children)
    {
        var (episodes, plans, preProceedings, lookedAfter) = (new Gathered<CinEpisode>(), new Gathered<ChildProtectionPlan>(), new Gathered<PreProceedings>(), new Gathered<LookedAfterEpisode>());
        foreach (var child in children)
        {
            foreach (var episode in child.CinEpisodes)
            {
                episodes.Add(episode);
                foreach (var plan in episode.ChildProtectionPlans)
                {
                    plans.Add(plan);
                }
            }

            foreach (var proceedings in child.PreProceedings)
            {
                preProceedings.Add(proceedings);
            }

            foreach (var episode in child.LookedAfterEpisodes)
            {
                lookedAfter.Add(episode);
            }
        }

        return new(episodes.ToArray(), plans.ToArray(), preProceedings.ToArray(), lookedAfter.ToArray());
    }
}

/// <summary>Which kinds of record a council has loaded. The CIN census carries no visits, allocations, plan actions
/// or step decisions: a rule that needs them must not fire as if the event never happened when none were
/// loaded, so it is reported once as a gap instead.</summary>
public sealed record DataCoverage(IReadOnlySet<string> Loaded)
{
    public bool Has(string kind) => Loaded.Contains(kind);

    /// <summary>The kinds a rule needs that are missing.</summary>
    public IEnumerable<string> MissingFor(RuleInfo rule) => rule.Needs.Where(n => !Has(n));
}
