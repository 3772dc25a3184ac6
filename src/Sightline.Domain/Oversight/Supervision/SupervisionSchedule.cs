using Sightline.Model;

namespace Sightline.Oversight.Supervision;

/// <summary>How often a worker must be supervised, by role and experience, from the local standards (defaults from
/// the timescales notes): a qualified social worker, senior or advanced practitioner every
/// <see cref="LocalStandards.SupervisionWeeks"/> weeks (4); a worker in their Assessed and Supported Year in
/// Employment weekly for the first <see cref="LocalStandards.AsyeWeeklyWeeks"/> weeks (6), fortnightly until
/// <see cref="LocalStandards.AsyeFortnightlyMonths"/> months (6), then as a qualified social worker. Team managers and
/// those above them are not measured: the timescales set a frequency for social workers only, and a manager's own
/// supervision, where it is recorded, is shown but not judged.</summary>
public static class SupervisionSchedule
{
    /// <summary>The interval, in days, within which the next session is due when the clock starts on
    /// <paramref name="clockStart"/>: the worker's stage on that day decides it. Null when the worker's role is not
    /// measured.</summary>
    public static int? IntervalDays(Worker worker, DateOnly clockStart, LocalStandards standards) => Stage(worker, clockStart, standards)?.Days;

    /// <summary>Whether the worker's supervision is measured at all under <paramref name="standards"/>.</summary>
    public static bool IsMeasured(Worker worker, LocalStandards standards) => worker.HoldsCases && standards.SupervisionWeeks > 0;

    /// <summary>The frequency that applies from <paramref name="clockStart"/>, in words: "every 4 weeks",
    /// "weekly, in the first 6 weeks of their ASYE".</summary>
    public static string Describe(Worker worker, DateOnly clockStart, LocalStandards standards) =>
        Stage(worker, clockStart, standards)?.Words ?? "not measured";

    private static (int Days, string Words)? Stage(Worker worker, DateOnly clockStart, LocalStandards standards)
    {
        if (!IsMeasured(worker, standards))
        {
            return null;
        }

        if (worker.AsyeStartDate is { } asye && clockStart >= asye)
        {
            if (clockStart < asye.AddDays(standards.AsyeWeeklyWeeks * 7))
            {
                return (7, $"weekly, in the first {standards.AsyeWeeklyWeeks} weeks of their ASYE");
            }

            if (clockStart < asye.AddMonths(standards.AsyeFortnightlyMonths))
            {
                return (14, $"fortnightly, until {standards.AsyeFortnightlyMonths} months into their ASYE");
            }
        }

        return (standards.SupervisionWeeks * 7, $"every {standards.SupervisionWeeks} weeks");
    }
}
