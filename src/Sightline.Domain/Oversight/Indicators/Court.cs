using Sightline.Model;

namespace Sightline.Oversight.Indicators;

/// <summary>Pre-proceedings open at the end of the period: the PLO caseload.</summary>
public sealed class PreProceedingsOpen : IIndicator
{
    public IndicatorInfo Info { get; } = new("plo-open", "Pre-proceedings open",
        "PLO pre-proceedings open on the last day of the period: started on or before it, with no decision to step down or issue recorded by then. Without pre-proceedings loaded there is no value.",
        "Public Law Working Group best practice guidance, March 2021; PLO relaunch, January 2023", IndicatorUnit.Count)
    {
        Needs = ["pre-proceedings"],
    };

    public IndicatorValue Compute(CouncilSnapshot snapshot, Period period, AsAt asAt) =>
        Measure.Uncovered(Info, period, snapshot)
        ?? Measure.Count(Info, period, snapshot.PreProceedings.Count(p => p.AwaitsDecisionOn(period.To)));
}

/// <summary>Escalations into pre-proceedings in the period.</summary>
public sealed class PreProceedingsStarted : IIndicator
{
    public IndicatorInfo Info { get; } = new("plo-started", "Pre-proceedings started",
        "PLO pre-proceedings that started in the period (census PPStartDate: the escalation into pre-proceedings). Without pre-proceedings loaded there is no value.",
        "Public Law Working Group best practice guidance, March 2021; DfE CIN census 2025-26 (PreProceedingsandFGDM)", IndicatorUnit.Count)
    {
        Needs = ["pre-proceedings"],
    };

    public IndicatorValue Compute(CouncilSnapshot snapshot, Period period, AsAt asAt) =>
        Measure.Uncovered(Info, period, snapshot)
        ?? Measure.Count(Info, period, snapshot.PreProceedings.Count(p => period.Contains(p.StartDate)));
}

/// <summary>How long pre-proceedings that ended had lasted, in weeks. The bands split the 16 weeks that
/// pre-proceedings should normally take into halves and quarters (up to 8, 9–12, 13–16), then separate those
/// that overran by up to the 26 weeks care proceedings themselves should take from those that ran longer still.</summary>
public sealed class PreProceedingsDuration : IIndicator
{
    /// <summary>Days from the start to the decision, by inclusive upper limit: a week counts from its first day, so
    /// 57 days is in the ninth week, and 113 days is past 16 weeks, as plo-over-16-weeks counts it.</summary>
    internal static DurationBands Bands { get; } = new(
        ("up to 8 weeks", 8 * 7), ("9–12 weeks", 12 * 7), ("13–16 weeks", PreProceedings.NormalWeeks * 7), ("17–26 weeks", CareProceedings.StatutoryWeeks * 7), ("over 26 weeks", int.MaxValue));

    public IndicatorInfo Info { get; } = new("plo-duration", "Pre-proceedings duration",
        $"PLO pre-proceedings decided in the period, by the time from their start to the decision to step down or issue, in weeks: {Bands.Listed}. A week is counted from its first day (57 days is in the ninth week; up to 112 days is within 16 weeks, the normal limit; up to 182 within 26, the limit for care proceedings themselves). The value is the median in weeks. Without pre-proceedings loaded there is no value.",
        "Public Law Working Group best practice guidance, March 2021 (normally no longer than 16 weeks); Children Act 1989 s32(1)(a)(ii) (26 weeks)", IndicatorUnit.Weeks)
    {
        Needs = ["pre-proceedings"],
    };

    public IndicatorValue Compute(CouncilSnapshot snapshot, Period period, AsAt asAt) =>
        Measure.Uncovered(Info, period, snapshot)
        ?? Bands.Distribute(Info, period, snapshot.PreProceedings
            .Where(p => p.DecisionDate is { } decided && period.Contains(decided))
            .Select(p => Weeks(p.StartDate, p.DecisionDate!.Value)).ToList());

    /// <summary>Days for the band, weeks for the median.</summary>
    private static (int Banded, double Duration) Weeks(DateOnly start, DateOnly decided)
    {
        var days = Durations.Days(start, decided);
        return (days, days / 7.0);
    }
}

/// <summary>How pre-proceedings that ended were decided: stepped down, or care proceedings issued.</summary>
public sealed class PreProceedingsOutcomes : IIndicator
{
    private static readonly string[] Labels = ["stepped down", "care proceedings issued", "other", "outcome not recorded"];

    public IndicatorInfo Info { get; } = new("plo-outcomes", "Pre-proceedings outcomes",
        "PLO pre-proceedings decided in the period, by outcome: stepped down, care proceedings issued, other, and outcome not recorded. The value is the share for which care proceedings were issued, of all decided in the period. Without pre-proceedings loaded there is no value.",
        "Public Law Working Group best practice guidance, March 2021; DfE CIN census 2025-26 (PPOutcome)", IndicatorUnit.Percentage)
    {
        Needs = ["pre-proceedings"],
    };

    public IndicatorValue Compute(CouncilSnapshot snapshot, Period period, AsAt asAt)
    {
        if (Measure.Uncovered(Info, period, snapshot) is { } noData)
        {
            return noData;
        }

        var counts = new int[Labels.Length];
        foreach (var pre in snapshot.PreProceedings.Where(p => p.DecisionDate is { } decided && period.Contains(decided)))
        {
            counts[pre.Outcome switch
            {
                PreProceedingsOutcome.SteppedDown => 0,
                PreProceedingsOutcome.ProceedingsIssued => 1,
                PreProceedingsOutcome.Other => 2,
                _ => 3,
            }]++;
        }

        var decided = counts.Sum();
        return Measure.Share(Info, period, counts[1], decided) with { Bands = Measure.Bands(Labels, counts, decided) };
    }
}

/// <summary>Care proceedings concluded within the statutory 26 weeks.</summary>
public sealed class CareProceedingsWithin26Weeks : IIndicator
{
    public IndicatorInfo Info { get; } = new("care-proceedings-in-26-weeks", "Care proceedings concluded within 26 weeks",
        "Care proceedings concluded in the period (a final order, including no order or a withdrawal, dated in it) whose final order came within 26 weeks (182 days) of issue, as a share of all care proceedings concluded in the period. Without care proceedings loaded there is no value.",
        "Children Act 1989 s32(1)(a)(ii), inserted by the Children and Families Act 2014 s14", IndicatorUnit.Percentage)
    {
        Needs = ["care proceedings"],
    };

    public IndicatorValue Compute(CouncilSnapshot snapshot, Period period, AsAt asAt)
    {
        if (Measure.Uncovered(Info, period, snapshot) is { } noData)
        {
            return noData;
        }

        var concluded = Concluded(snapshot, period);
        return Measure.Share(Info, period, concluded.Count(p => Durations.Days(p.IssueDate, p.FinalOrderDate!.Value) <= CareProceedings.StatutoryWeeks * 7), concluded.Count);
    }

    /// <summary>Care proceedings with a final order dated in the period.</summary>
    internal static List<CareProceedings> Concluded(CouncilSnapshot snapshot, Period period) =>
        [.. snapshot.Derived(typeof(CareProceedingsWithin26Weeks), s => new Dated<CareProceedings>(s.Children.SelectMany(c => c.CareProceedings), p => p.FinalOrderDate)).In(period)];
}

/// <summary>How long care proceedings took on average.</summary>
public sealed class CareProceedingsAverageWeeks : IIndicator
{
    public IndicatorInfo Info { get; } = new("care-proceedings-weeks", "Care proceedings average duration",
        "The mean time from issue to final order, in weeks (days divided by 7), of the care proceedings concluded in the period (as care-proceedings-in-26-weeks counts them). Without care proceedings loaded there is no value.",
        "Children Act 1989 s32(1)(a)(ii) (26 weeks); Ministry of Justice family court statistics (average duration of care proceedings)", IndicatorUnit.Weeks)
    {
        Needs = ["care proceedings"],
    };

    public IndicatorValue Compute(CouncilSnapshot snapshot, Period period, AsAt asAt)
    {
        if (Measure.Uncovered(Info, period, snapshot) is { } noData)
        {
            return noData;
        }

        var concluded = CareProceedingsWithin26Weeks.Concluded(snapshot, period);
        var weeks = concluded.Select(p => Durations.Days(p.IssueDate, p.FinalOrderDate!.Value) / 7.0).ToList();
        return new IndicatorValue(Info, period, weeks.Count == 0 ? null : weeks.Average(), weeks.Count, null);
    }
}
