using Sightline.Model;
using Sightline.Oversight.Alerts;

namespace Sightline.Oversight.Indicators;

/// <summary>How long child protection plans that ended had lasted, in the DfE's bands (DfE children in need
/// statistics, "duration of child protection plans ceasing").</summary>
public sealed class ChildProtectionPlanDuration : IIndicator
{
    public IndicatorInfo Info { get; } = new("cp-plan-duration", "Child protection plan duration",
        $"Child protection plans that ended in the period, by how long they had lasted from start to end, in the DfE's bands: {PlanBands.Months.Listed}. A plan reaches a length on that anniversary of its start: one ending exactly 2 years after it began lasted 2 years or more, as cp-2-years counts it, and one ending the day before lasted under 2 years. The value is the median length in months, a part month counted as a fraction of that month.",
        "DfE Children in need statistics (duration of child protection plans ceasing)", IndicatorUnit.Months);

    public IndicatorValue Compute(CouncilSnapshot snapshot, Period period, AsAt asAt) =>
        PlanBands.Months.Distribute(Info, period, Views.PlansEndedIn(snapshot, period).Select(p => PlanBands.Length(p.StartDate, p.EndDate!.Value)).ToList());
}

/// <summary>Plans open at the end of the period that have run 18 months or more: the St Helens 2018 focused visit's
/// concern, and the point from which the cp-plan-18-months alert asks for a senior review.</summary>
public sealed class ChildProtectionPlansOpen18Months : IIndicator
{
    public IndicatorInfo Info { get; } = new("cp-open-18-months", "Child protection plans open 18 months or more",
        "Child protection plans open on the last day of the period that had lasted 18 months or more by then (their 18-month anniversary on or before that day), counted; the plans open that day are shown beside it. The 18 months are fixed here, whatever the local standard for a senior review.",
        "Ofsted focused visit to St Helens, 2018 (plans open over 18 months); DfE Children in need statistics (plan durations)", IndicatorUnit.Count);

    public IndicatorValue Compute(CouncilSnapshot snapshot, Period period, AsAt asAt)
    {
        int open = 0, lasting = 0;
        foreach (var (_, plan) in Views.PlansByEnd(snapshot).OnOrAfter(period.To))
        {
            if (plan.IsOpenOn(period.To))
            {
                open++;
                lasting += plan.StartDate.AddMonths(18) <= period.To ? 1 : 0;
            }
        }

        return Measure.Count(Info, period, lasting, open);
    }
}

/// <summary>Review conferences held by their due date, judged by the cp-review-overdue alert's own due dates.</summary>
public sealed class ChildProtectionReviewsOnTime : IIndicator
{
    public IndicatorInfo Info { get; } = new("cp-reviews-on-time", "Child protection reviews on time",
        "Review conferences due in the period that were held by their due date, as a share of all review conferences due in the period. The first is due 3 months after the initial conference that began the plan, each later one 6 months after the last one held, exactly as cp-review-overdue judges it; a review held late counts as late and starts the next 6 months from its own date. A review is due only while its plan is open (a plan is open on its last day).",
        "Working Together to Safeguard Children 2023, chapter 2; local child protection procedures", IndicatorUnit.Percentage);

    public IndicatorValue Compute(CouncilSnapshot snapshot, Period period, AsAt asAt)
    {
        var (due, met) = Reviews(snapshot).In(period);
        return Measure.Share(Info, period, met, due);
    }

    /// <summary>Every plan's review conferences due, worked out once: their due dates depend on no local standard.</summary>
    private DueOccasions<ChildProtectionPlan> Reviews(CouncilSnapshot snapshot) =>
        snapshot.Derived(this, s => new DueOccasions<ChildProtectionPlan>(s.ChildProtectionPlans, p => p.StartDate, p => p.EndDate,
            p => p.ReviewConferences.Select(r => r.Date), p => last => ChildProtectionReviewOverdue.ReviewDue(p, last)));
}

/// <summary>Statutory visits made on time, judged by the cp-visit-overdue alert's own due dates.</summary>
public sealed class ChildProtectionVisitsOnTime : IIndicator
{
    public IndicatorInfo Info { get; } = new("cp-visits-on-time", "Child protection visits on time",
        "Visits to children on a child protection plan due in the period at which the child was seen by the due date, as a share of all such visits due in the period. A visit is due the local standard (default 10 working days) after the latest of the plan's start, the child's birth and the last visit at which the child was seen, exactly as cp-visit-overdue judges it; a late visit counts as late and starts the next interval from its own date. A visit is due only while the plan is open; an unborn child has none due before their birth. With no visits loaded there is no value.",
        "Local standard for statutory visits (default every 10 working days); Annex A list 7", IndicatorUnit.Percentage)
    {
        Needs = ["visits"],
    };

    public IndicatorValue Compute(CouncilSnapshot snapshot, Period period, AsAt asAt)
    {
        if (Measure.Uncovered(Info, period, snapshot) is { } noData)
        {
            return noData;
        }

        var (due, met) = Visits(snapshot, asAt).In(period);
        return Measure.Share(Info, period, met, due);
    }

    /// <summary>Every plan's visits due, worked out once for each calendar and local standards a period is judged by
    /// (the due dates read only those of <paramref name="asAt"/>). An unborn child (no date of birth yet) has no visit due.</summary>
    private DueOccasions<(Child Child, ChildProtectionPlan Plan)> Visits(CouncilSnapshot snapshot, AsAt asAt) =>
        snapshot.Derived((this, asAt.Standards, asAt.Calendar), s => new DueOccasions<(Child Child, ChildProtectionPlan Plan)>(
            Views.PlansOfChildren(s).Where(p => p.Child.DateOfBirth is not null),
            p => p.Plan.StartDate, p => p.Plan.EndDate, p => p.Child.Visits.Where(v => v.ChildSeen).Select(v => v.Date),
            p => last => ChildProtectionVisitOverdue.VisitDue(p.Plan, p.Child.DateOfBirth!.Value, last, asAt)));
}

/// <summary>How often children on a plan old enough to be seen alone were seen alone (Annex A list 7 "Was the child
/// seen alone?").</summary>
public sealed class ChildrenSeenAlone : IIndicator
{
    public IndicatorInfo Info { get; } = new("cp-seen-alone", "Children on a plan seen alone",
        "Child protection visits in the period at which the child was seen and was at least the local standard's age (default 4) that day, at which the child was seen alone, as a share of those visits where whether the child was seen alone is recorded (a visit recorded as \"unknown\" is left out of both). With no visits loaded there is no value.",
        "Annex A list 7; Working Together to Safeguard Children 2023 (the child seen alone)", IndicatorUnit.Percentage)
    {
        Needs = ["visits"],
    };

    public IndicatorValue Compute(CouncilSnapshot snapshot, Period period, AsAt asAt)
    {
        if (Measure.Uncovered(Info, period, snapshot) is { } noData)
        {
            return noData;
        }

        int visits = 0, alone = 0;
        foreach (var (born, date, seenAlone) in SeenVisits(snapshot).In(period))
        {
            if (born.AddYears(asAt.Standards.SeenAloneFromAge) <= date)
            {
                visits++;
                alone += seenAlone ? 1 : 0;
            }
        }

        return Measure.Share(Info, period, alone, visits);
    }

    /// <summary>Every child protection visit at which the child was seen and whether they were seen alone is recorded,
    /// by its date, with the child's date of birth (a child not yet born has none) and whether they were seen alone.</summary>
    private Dated<(DateOnly Born, DateOnly Date, bool Alone)> SeenVisits(CouncilSnapshot snapshot) =>
        snapshot.Derived(this, s => new Dated<(DateOnly Born, DateOnly Date, bool Alone)>(SeenVisitsOf(s.Children), v => v.Date));

    /// <summary>The visits of <see cref="SeenVisits"/>, in loops rather than a query: every visit of every child is read,
    /// millions for all of England.</summary>
    private static IEnumerable<(DateOnly Born, DateOnly Date, bool Alone)> SeenVisitsOf(IReadOnlyList<Child> children)
    {
        foreach (var child in children)
        {
            if (child.DateOfBirth is not { } born)
            {
                continue;
            }

            foreach (var visit in child.Visits)
            {
                if (visit.Kind == VisitKind.ChildProtection && visit.ChildSeen && visit.SeenAlone is { } alone)
                {
                    yield return (born, visit.Date, alone);
                }
            }
        }
    }
}

/// <summary>The DfE's bands for how long a plan lasted, shared by child protection and child in need plans.</summary>
internal static class PlanBands
{
    /// <summary>Whole calendar months completed, by inclusive upper limit.</summary>
    public static DurationBands Months { get; } = new(
        ("under 3 months", 2), ("3 to under 6 months", 5), ("6 months to under 1 year", 11), ("1 to under 2 years", 23), ("2 years or more", int.MaxValue));

    /// <summary>A plan's length: whole months completed for its band, and months with the part month as a fraction for the median.</summary>
    public static (int Banded, double Duration) Length(DateOnly start, DateOnly end) => (Durations.CompletedMonths(start, end), Durations.Months(start, end));
}
