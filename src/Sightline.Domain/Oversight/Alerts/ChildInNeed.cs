using Sightline.Model;
using static Sightline.Oversight.RuleText;

namespace Sightline.Oversight.Alerts;

/// <summary>A born child on a child in need plan (and on no child protection plan, whose visits are more frequent)
/// is visited at least every <see cref="LocalStandards.CinVisitWorkingDays"/> working days (local standard,
/// default 20).</summary>
public sealed class ChildInNeedVisitOverdue : IChildRule
{
    public RuleInfo Info { get; } = new("cin-visit-overdue", "Child in need visit overdue",
        "A born child on an open child in need plan, and on no child protection plan, has not been visited within the local standard (default 20 working days) of the last visit, or of the plan's start or their birth if later.",
        "Local standard for child in need visits (default every 20 working days)",
        "a visit is recorded", AlertSubject.Child, Counting.WorkingDays, "visits");

    // Most children have nothing this rule judges: they are passed over without starting a search.
    public IEnumerable<Alert> Evaluate(Child child, AsAt asAt) => OpenPlans.AnyCin(child, asAt) ? Find(child, asAt) : [];

    private IEnumerable<Alert> Find(Child child, AsAt asAt)
    {
        if (!child.IsBornBy(asAt.Date) || OpenPlans.Of(child, asAt).Any() || OpenPlans.CinOf(child, asAt).MinBy(p => p.StartDate) is not { } plan)
        {
            yield break;
        }

        var last = child.Visits.Where(v => v.Date <= asAt.Date).Select(v => (DateOnly?)v.Date).Max();
        var from = new[] { plan.StartDate, child.DateOfBirth!.Value, last ?? DateOnly.MinValue }.Max();
        var due = asAt.Calendar.Deadline(from, asAt.Standards.CinVisitWorkingDays);
        var since = last is { } visited && visited >= plan.StartDate ? $"The child was last visited on {Day(visited)}." : $"No visit is recorded since the plan began on {Day(plan.StartDate)}.";
        if (Overdue(Info, child, due, asAt, $"{since} The local standard is a visit every {asAt.Standards.CinVisitWorkingDays} working days, so the next was due by {Day(due)}.") is { } alert)
        {
            yield return alert;
        }
    }
}

/// <summary>A child in need plan is reviewed at least every <see cref="LocalStandards.CinPlanReviewMonths"/>
/// months (local standard, default 3), counted from the plan's start or its last review. Neither the census nor
/// an extract carries these reviews yet, so where none are loaded the rule is reported as not judged rather
/// than firing for every plan.</summary>
public sealed class ChildInNeedPlanReviewOverdue : IChildRule
{
    public RuleInfo Info { get; } = new("cin-plan-review-overdue", "Child in need plan review overdue",
        "An open child in need plan has not been reviewed within the local standard (default 3 months) of its start or its last review.",
        "Local standard for child in need plan reviews (default every 3 months)",
        "the review's date is recorded", AlertSubject.Child, Counting.Days, "CIN plan reviews");

    // Most children have nothing this rule judges: they are passed over without starting a search.
    public IEnumerable<Alert> Evaluate(Child child, AsAt asAt) => OpenPlans.AnyCin(child, asAt) ? Find(child, asAt) : [];

    private IEnumerable<Alert> Find(Child child, AsAt asAt)
    {
        foreach (var plan in OpenPlans.CinOf(child, asAt))
        {
            var last = plan.Reviews.Where(r => r.Date <= asAt.Date).Select(r => (DateOnly?)r.Date).Max();
            var due = ReviewDue(plan, last, asAt.Standards);
            var since = last is { } reviewed ? $"The plan was last reviewed on {Day(reviewed)}." : $"The plan began on {Day(plan.StartDate)} and has not been reviewed.";
            if (Overdue(Info, child, due, asAt, $"{since} The next review was due by {Day(due)}.") is { } alert)
            {
                yield return alert;
            }
        }
    }

    /// <summary>When the plan's next review is due: the local standard's months after <paramref name="lastReview"/>,
    /// the latest review held, or after the plan's start when none has been. The "CIN plan reviews on time"
    /// indicator judges each review by this date too.</summary>
    public static DateOnly ReviewDue(CinPlan plan, DateOnly? lastReview, LocalStandards standards) =>
        (lastReview ?? plan.StartDate).AddMonths(standards.CinPlanReviewMonths);
}
