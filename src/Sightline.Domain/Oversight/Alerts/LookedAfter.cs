using Sightline.Model;
using static Sightline.Oversight.RuleText;

namespace Sightline.Oversight.Alerts;

/// <summary>The current period of care: the run of looked after episodes, each starting the day the one before
/// ended, that contains the as-at date.</summary>
internal static class PeriodOfCare
{
    public static (DateOnly Start, LookedAfterEpisode Current)? On(Child child, DateOnly date)
    {
        // Most children are not in care on the date: they are told apart without sorting anything.
        if (!IsInCareOn(child, date))
        {
            return null;
        }

        var episodes = InDateOrder.Of(child.LookedAfterEpisodes, e => e.StartDate);
        // The last episode open on the date (there is one, as just checked).
        var current = episodes.Count - 1;
        while (!episodes[current].IsOpenOn(date))
        {
            current--;
        }

        var start = current;
        while (start > 0 && episodes[start - 1].EndDate == episodes[start].StartDate)
        {
            start--;
        }

        return (episodes[start].StartDate, episodes[current]);
    }

    /// <summary>Whether a looked after episode is open on the date: <see cref="On"/> is not null.</summary>
    public static bool IsInCareOn(Child child, DateOnly date)
    {
        foreach (var episode in child.LookedAfterEpisodes)
        {
            if (episode.IsOpenOn(date))
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>A looked after child's reviews: the first within 20 working days of becoming looked after, the second
/// within 3 months of the first, later ones at intervals of not more than 6 months (Care Planning, Placement and
/// Case Review (England) Regulations 2010, regulation 33).</summary>
public sealed class LookedAfterReviewOverdue : IChildRule
{
    public RuleInfo Info { get; } = new("cla-review-overdue", "Looked after review overdue",
        "A looked after child has not had their first review within 20 working days of becoming looked after, their second within 3 months of the first, or a later one within 6 months of the last.",
        "Care Planning, Placement and Case Review (England) Regulations 2010, regulation 33",
        "the review's date is recorded", AlertSubject.Child, Counting.Days);

    // Most children have nothing this rule judges: they are passed over without starting a search.
    public IEnumerable<Alert> Evaluate(Child child, AsAt asAt) => PeriodOfCare.IsInCareOn(child, asAt.Date) ? Find(child, asAt) : [];

    private IEnumerable<Alert> Find(Child child, AsAt asAt)
    {
        if (PeriodOfCare.On(child, asAt.Date) is not var (start, _))
        {
            yield break;
        }

        var reviews = child.LookedAfterReviews.Where(r => r.Date >= start && r.Date <= asAt.Date).Select(r => r.Date).Order().ToList();
        var (due, what) = reviews.Count switch
        {
            0 => (asAt.Calendar.Deadline(start, 20), $"The child became looked after on {Day(start)}; the first review was due within 20 working days"),
            1 => (reviews[0].AddMonths(3), $"The first review was on {Day(reviews[0])}; the second was due within 3 months"),
            _ => (reviews[^1].AddMonths(6), $"The last review was on {Day(reviews[^1])}; the next was due within 6 months"),
        };
        if (Overdue(Info, child, due, asAt, $"{what}, by {Day(due)}.") is { } alert)
        {
            yield return alert;
        }
    }
}

/// <summary>A looked after child is visited by their social worker within a week of a placement starting, then at
/// intervals of not more than 6 weeks in the placement's first year (Care Planning, Placement and Case Review
/// (England) Regulations 2010, regulation 28(2)). After the first year the regulations allow 3 months where the
/// placement is intended to last until 18; Sightline does not yet hold that intention, so it keeps to 6 weeks and
/// says so.</summary>
public sealed class LookedAfterVisitOverdue : IChildRule
{
    public RuleInfo Info { get; } = new("cla-visit-overdue", "Looked after visit overdue",
        "A looked after child has not been visited within 1 week of their placement starting, or within 6 weeks of the last visit (3-monthly visits for placements intended to last until 18 are not yet distinguished).",
        "Care Planning, Placement and Case Review (England) Regulations 2010, regulation 28(2)",
        "a visit is recorded", AlertSubject.Child, Counting.Days, "visits");

    // Most children have nothing this rule judges: they are passed over without starting a search.
    public IEnumerable<Alert> Evaluate(Child child, AsAt asAt) => PeriodOfCare.IsInCareOn(child, asAt.Date) ? Find(child, asAt) : [];

    private IEnumerable<Alert> Find(Child child, AsAt asAt)
    {
        if (PeriodOfCare.On(child, asAt.Date) is not var (_, current))
        {
            yield break;
        }

        var placementStart = current.StartDate;
        var last = child.Visits.Where(v => v.Date >= placementStart && v.Date <= asAt.Date).Select(v => (DateOnly?)v.Date).Max();
        var due = last is { } visited ? visited.AddDays(42) : placementStart.AddDays(7);
        var what = last is { } v2 ? $"The child was last visited on {Day(v2)}; the next visit was due within 6 weeks, by {Day(due)}." : $"The placement began on {Day(placementStart)}; a visit was due within a week, by {Day(due)}.";
        if (Overdue(Info, child, due, asAt, what) is { } alert)
        {
            yield return alert;
        }
    }
}
