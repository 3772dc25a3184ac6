using Sightline.Oversight.Supervision;

namespace Sightline.Oversight.Indicators;

/// <summary>Supervision held on time, with absence taken into account (Walsall Ofsted working group, 2018); the
/// sessions and their outcomes are <see cref="SupervisionCompliance.Sessions"/>'s, the same as
/// <c>sightline supervision</c> gives for the council.</summary>
public sealed class SupervisionComplianceRate : IIndicator
{
    private static readonly string[] Labels = ["met", "missed with a reason", "missed"];

    public IndicatorInfo Info { get; } = new("supervision-compliance", "Supervision compliance",
        "Formal supervision sessions due in the period (by due date) that were held by their due date, as a share of all sessions due. A session is due the required interval after the last one held (every 4 weeks; weekly then fortnightly in the first 6 months of the ASYE), counting only time at work: each working day of recorded absence moves the due date a working day later. Sessions missed with a recorded reason count as due and not met, and are shown apart in the bands: met, missed with a reason, missed. Case-holding workers only. Without supervision loaded there is no value.",
        "Walsall Ofsted working group, 2018 (recommendation 3.9: take account of absence, record why supervision did not take place); local supervision policy (timescales notes)",
        IndicatorUnit.Percentage)
    {
        Needs = ["supervision"],
    };

    public IndicatorValue Compute(CouncilSnapshot snapshot, Period period, AsAt asAt)
    {
        if (Measure.Uncovered(Info, period, snapshot) is { } noData)
        {
            return noData;
        }

        var sessions = SupervisionCompliance.Sessions(snapshot, period, asAt.Calendar);
        int[] counts = [sessions.Met, sessions.MissedWithReason, sessions.Missed];
        return Measure.Share(Info, period, sessions.Met, sessions.Due) with { Bands = Measure.Bands(Labels, counts, sessions.Due) };
    }
}
