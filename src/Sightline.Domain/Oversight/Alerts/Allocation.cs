using Sightline.Model;
using Sightline.Oversight.Workforce;
using static Sightline.Oversight.RuleText;

namespace Sightline.Oversight.Alerts;

/// <summary>Every child with an open case has an allocated social worker (Annex A lists 3–8 name the allocated
/// worker; an unallocated case is one of the first things inspectors look for). Fires for a child with an open
/// child in need episode and no allocation to a worker on the as-at date.</summary>
public sealed class UnallocatedCase : IChildRule
{
    public RuleInfo Info { get; } = new("unallocated", "Unallocated open case",
        "A child with an open child in need episode has no allocated worker on the as-at date (no allocation, or one held by a team without a worker).",
        "Annex A lists 3–8 (allocated worker); Ofsted ILACS framework",
        "an allocation to a worker is recorded", AlertSubject.Child, Counting.Days, "allocations");

    // Most children have nothing this rule judges: they are passed over without starting a search.
    public IEnumerable<Alert> Evaluate(Child child, AsAt asAt) => AnyOpenEpisode(child, asAt) ? Find(child, asAt) : [];

    private IEnumerable<Alert> Find(Child child, AsAt asAt)
    {
        var episode = OpenEpisodes(child, asAt).MinBy(e => e.ReferralDate);
        if (episode is null || episode.ReferralNfa || child.Allocations.Exists(a => a.WorkerId is not null && a.IsOpenOn(asAt.Date)))
        {
            yield break;
        }

        var lastWorker = child.Allocations.Where(a => a.WorkerId is not null && a.EndDate is { } end && end < asAt.Date && end >= episode.ReferralDate)
            .Select(a => a.EndDate).Max();
        var since = lastWorker?.AddDays(1) ?? episode.ReferralDate;
        var overdue = Math.Max(1, asAt.Date.DayNumber - since.DayNumber);
        yield return new Alert(Info, child.Id, null, since, overdue, Severities.For(overdue, Info.Counting),
            $"{Info.Name}. The child's case has been open since {Day(episode.ReferralDate)} and has had no allocated worker since {Day(since)}. Clears when {Info.ClearsWhen}.");
    }
}

/// <summary>Too many changes of social worker (Bury 2022: "some children continuing to experience too many changes
/// of social worker contributing to significant drift and delay"). A change is an allocation to a different
/// worker from the one before; fires when the last 12 months hold at least
/// <see cref="LocalStandards.ChurnChanges"/> (local standard, default 3).</summary>
public sealed class WorkerChurn : IChildRule
{
    public RuleInfo Info { get; } = new("worker-churn", "Too many changes of social worker",
        "A child's allocated social worker changed at least the local number of times (default 3) in the 12 months before the as-at date; a change is an allocation to a different worker from the previous one.",
        "Ofsted monitoring visit to Bury, 2022; local standard (default 3 in 12 months)",
        "the child keeps one worker (the alert ends as older changes pass out of the 12 months)", AlertSubject.Child, Counting.Days, "allocations");

    // Each change is an allocation to a worker that started in the 12 months: a child with too few is passed over
    // without a search.
    public IEnumerable<Alert> Evaluate(Child child, AsAt asAt) =>
        StartedInTheYear(child, asAt.Date.AddMonths(-12), asAt.Date) >= asAt.Standards.ChurnChanges ? Find(child, asAt) : [];

    private IEnumerable<Alert> Find(Child child, AsAt asAt)
    {
        if (StartedInTheYear(child, asAt.Date.AddMonths(-12), asAt.Date) < asAt.Standards.ChurnChanges)
        {
            // Each change is an allocation to a worker that started in the 12 months: too few to have changed enough.
            yield break;
        }

        var changes = SocialWorkerChanges.InYearTo(child, asAt.Date);
        if (changes.Count < asAt.Standards.ChurnChanges)
        {
            yield break;
        }

        var overdue = changes.Count;
        var severity = changes.Count >= asAt.Standards.ChurnChanges + 2 ? Severity.High : Severity.Medium;
        yield return new Alert(Info, child.Id, null, changes[asAt.Standards.ChurnChanges - 1], overdue, severity,
            $"{Info.Name}. The child's social worker has changed {changes.Count} times in the last 12 months, most recently on {Day(changes[^1])}. Clears when {Info.ClearsWhen}.");
    }

    /// <summary>How many allocations to a worker started after <paramref name="yearAgo"/> and by <paramref name="date"/>.</summary>
    private static int StartedInTheYear(Child child, DateOnly yearAgo, DateOnly date)
    {
        var started = 0;
        foreach (var allocation in child.Allocations)
        {
            if (allocation.WorkerId is not null && allocation.StartDate > yearAgo && allocation.StartDate <= date)
            {
                started++;
            }
        }

        return started;
    }
}
