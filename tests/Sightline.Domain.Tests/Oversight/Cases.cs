using Sightline.Calendar;
using Sightline.Model;
using Sightline.Oversight;

namespace Sightline.Domain.Tests.Oversight;

/// <summary>Small builders so each test states only the dates that matter.</summary>
internal static class Cases
{
    private static int _ids;

    public static DateOnly D(int year, int month, int day) => new(year, month, day);

    public static AsAt On(DateOnly date, LocalStandards? standards = null) => new(date, WorkingDayCalendar.England, standards ?? LocalStandards.Defaults);

    public static Child Child(DateOnly? born = null) => new() { Id = ++_ids, LAChildId = $"T{_ids}", DateOfBirth = born ?? D(2015, 6, 1) };

    public static CinEpisode Episode(Child child, DateOnly referral, DateOnly? closed = null)
    {
        var episode = new CinEpisode { Id = ++_ids, ChildId = child.Id, ReferralDate = referral, ClosureDate = closed };
        child.CinEpisodes.Add(episode);
        return episode;
    }

    public static ChildProtectionPlan Plan(CinEpisode episode, DateOnly start, DateOnly? end = null)
    {
        var plan = new ChildProtectionPlan { Id = ++_ids, CinEpisodeId = episode.Id, StartDate = start, EndDate = end, InitialCategory = "NEG", LatestCategory = "NEG" };
        episode.ChildProtectionPlans.Add(plan);
        return plan;
    }

    public static CinPlan CinPlan(CinEpisode episode, DateOnly start, DateOnly? end = null)
    {
        var plan = new CinPlan { Id = ++_ids, CinEpisodeId = episode.Id, StartDate = start, EndDate = end };
        episode.CinPlans.Add(plan);
        return plan;
    }

    public static Visit Visit(Child child, DateOnly date, bool seen = true, bool alone = false, VisitKind kind = VisitKind.ChildProtection)
    {
        var visit = new Visit { Id = ++_ids, ChildId = child.Id, Date = date, ChildSeen = seen, SeenAlone = alone, Kind = kind };
        child.Visits.Add(visit);
        return visit;
    }

    public static Child InPreProceedings(DateOnly start, DateOnly? decided = null, PreProceedingsOutcome? outcome = null)
    {
        var child = Child();
        child.PreProceedings.Add(new PreProceedings { StartDate = start, DecisionDate = decided, Outcome = outcome });
        return child;
    }

    /// <summary>An indicator's numerator and denominator as "1/3" (a count alone as "1/").</summary>
    public static string Ratio(this IndicatorValue value) => FormattableString.Invariant($"{value.Numerator:0.###}/{value.Denominator:0.###}");

    public static List<Alert> Alerts(this IChildRule rule, Child child, DateOnly asAt, LocalStandards? standards = null) =>
        rule.Evaluate(child, On(asAt, standards)).ToList();
}
