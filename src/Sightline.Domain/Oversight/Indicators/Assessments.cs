namespace Sightline.Oversight.Indicators;

/// <summary>How long assessments took, in the DfE's working-day bands (DfE children in need statistics, "duration
/// of assessments"): the shape behind "assessments within 45 working days".</summary>
public sealed class AssessmentDuration : IIndicator
{
    /// <summary>Working days from the referral (day 0) to the authorisation, by inclusive upper limit.</summary>
    internal static DurationBands Bands { get; } = new(
        ("same day", 0), ("1–10 working days", 10), ("11–20 working days", 20), ("21–30 working days", 30), ("31–40 working days", 40),
        ("41–45 working days", 45), ("46–50 working days", 50), ("51–60 working days", 60), ("61 or more working days", int.MaxValue));

    public IndicatorInfo Info { get; } = new("assessment-duration", "Assessment duration",
        $"Assessments authorised in the period (those counted by assessments-in-45), by the working days from their episode's referral to the authorisation, counted on the England and Wales calendar (weekends and bank holidays are not working days; the referral date is day 0), in the DfE's bands: {Bands.Listed}. \"Same day\" is 0 working days: authorised on the referral date, or before the next working day after it; an authorisation recorded before its referral is counted there too. The value is the median.",
        "DfE Children in need statistics (duration of assessments)", IndicatorUnit.WorkingDays, 33, "England 2024-25 median");

    public IndicatorValue Compute(CouncilSnapshot snapshot, Period period, AsAt asAt)
    {
        var durations = new List<(int, double)>();
        foreach (var (referral, authorised) in Views.AuthorisedAssessments(snapshot).In(period))
        {
            var days = Math.Max(0, asAt.Calendar.CountWorkingDays(referral, authorised));
            durations.Add((days, days));
        }

        return Bands.Distribute(Info, period, durations);
    }
}
