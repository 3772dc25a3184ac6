using Sightline.Calendar;
using Sightline.Model;

namespace Sightline.Oversight;

/// <summary>One immutable in-memory view of a council's records, built once per data version: every child with
/// their whole journey, the workforce, and the council's local standards over time (the defaults when none are
/// given). Rules and indicators run over it, never over the database.</summary>
public sealed class CouncilSnapshot(Council? council, IReadOnlyList<Child> children, IReadOnlyList<Worker> workers, IReadOnlyList<Team> teams, DataCoverage coverage, LocalStandardsHistory? standards = null)
{
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
