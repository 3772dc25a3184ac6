using Sightline.Model;
using Sightline.Oversight.Alerts;

namespace Sightline.Oversight.Indicators;

/// <summary>Child in need plan reviews held on time, judged by the cin-plan-review-overdue alert's own due dates.</summary>
public sealed class ChildInNeedPlanReviewsOnTime : IIndicator
{
    public IndicatorInfo Info { get; } = new("cin-plan-reviews-on-time", "Child in need plan reviews on time",
        "Child in need plan reviews due in the period that were held by their due date, as a share of all reviews due in the period. The first is due the local standard (default 3 months) after the plan's start, each later one that long after the last held, exactly as cin-plan-review-overdue judges it; a review held late counts as late and starts the next interval from its own date. A review is due only while its plan is open. No census or extract carries these reviews yet: without them there is no value.",
        "Local standard for child in need plan reviews (default every 3 months)", IndicatorUnit.Percentage)
    {
        Needs = ["CIN plan reviews"],
    };

    public IndicatorValue Compute(CouncilSnapshot snapshot, Period period, AsAt asAt)
    {
        if (Measure.Uncovered(Info, period, snapshot) is { } noData)
        {
            return noData;
        }

        var (due, met) = Reviews(snapshot, asAt.Standards).In(period);
        return Measure.Share(Info, period, met, due);
    }

    /// <summary>Every plan's reviews due, worked out once for each set of local standards a period is judged by.</summary>
    private DueOccasions<CinPlan> Reviews(CouncilSnapshot snapshot, LocalStandards standards) =>
        snapshot.Derived((this, standards), s => new DueOccasions<CinPlan>(s.CinEpisodes.SelectMany(e => e.CinPlans), p => p.StartDate, p => p.EndDate,
            p => p.Reviews.Select(r => r.Date), p => last => ChildInNeedPlanReviewOverdue.ReviewDue(p, last, standards)));
}

/// <summary>How long child in need plans that ended had lasted, in the bands the DfE uses for child protection
/// plans, so that plans that run on for a year or more (the St Helens 2018 concern) show.</summary>
public sealed class ChildInNeedPlanDuration : IIndicator
{
    public IndicatorInfo Info { get; } = new("cin-plan-duration", "Child in need plan duration",
        $"Child in need plans that ended in the period, by how long they had lasted from start to end, in the bands the DfE uses for child protection plans: {PlanBands.Months.Listed}, a plan reaching a length on that anniversary of its start. The value is the median length in months, a part month counted as a fraction of that month.",
        "DfE Children in need statistics (plan start and end dates; the bands of child protection plan durations); Ofsted focused visit to St Helens, 2018", IndicatorUnit.Months);

    public IndicatorValue Compute(CouncilSnapshot snapshot, Period period, AsAt asAt) =>
        PlanBands.Months.Distribute(Info, period, Views.EndedCinPlans(snapshot).In(period).Select(p => PlanBands.Length(p.StartDate, p.EndDate!.Value)).ToList());
}
