using Sightline.Model;

namespace Sightline.Oversight.Indicators;

/// <summary>Referrals in the period per 10,000 children aged 0–17 (DfE children in need statistics; England had
/// 632,830 referrals in 2024-25).</summary>
public sealed class ReferralsPer10000 : IIndicator
{
    public IndicatorInfo Info { get; } = new("referrals-per-10000", "Referrals per 10,000 children",
        "Referrals (CIN episodes) with a referral date in the period, per 10,000 of the council's children aged 0–17. Over a period other than a year the figure is not annualised.",
        "DfE Children in need statistics (referrals; 632,830 in England in 2024-25)", IndicatorUnit.Per10000);

    public IndicatorValue Compute(CouncilSnapshot snapshot, Period period, AsAt asAt) =>
        Measure.PerTenThousand(Info, period, snapshot.Children.Sum(c => c.CinEpisodes.Count(e => period.Contains(e.ReferralDate))), snapshot.Council?.ChildPopulation);
}

/// <summary>The share of referrals that came within 12 months of the same child's previous referral.</summary>
public sealed class ReReferralRate : IIndicator
{
    public IndicatorInfo Info { get; } = new("re-referrals", "Re-referrals within 12 months",
        "Referrals in the period that came within 12 months (365 days) of the same child's previous referral, as a share of all referrals in the period.",
        "DfE Children in need statistics", IndicatorUnit.Percentage, 22.6, "England 2024-25");

    public IndicatorValue Compute(CouncilSnapshot snapshot, Period period, AsAt asAt)
    {
        int referrals = 0, again = 0;
        foreach (var child in snapshot.Children)
        {
            DateOnly? previous = null;
            foreach (var date in child.CinEpisodes.Select(e => e.ReferralDate).Order())
            {
                if (period.Contains(date))
                {
                    referrals++;
                    if (previous is { } p && date.DayNumber - p.DayNumber <= 365)
                    {
                        again++;
                    }
                }

                previous = date;
            }
        }

        return Measure.Share(Info, period, again, referrals);
    }
}

/// <summary>The share of referrals closed with no further action.</summary>
public sealed class ReferralsWithNoFurtherAction : IIndicator
{
    public IndicatorInfo Info { get; } = new("referrals-nfa", "Referrals with no further action",
        "Referrals in the period flagged as no further action (census ReferralNFA), as a share of all referrals in the period.",
        "DfE Children in need statistics", IndicatorUnit.Percentage, 6.5, "England 2024-25");

    public IndicatorValue Compute(CouncilSnapshot snapshot, Period period, AsAt asAt)
    {
        var referrals = snapshot.Children.SelectMany(c => c.CinEpisodes).Where(e => period.Contains(e.ReferralDate)).ToList();
        return Measure.Share(Info, period, referrals.Count(e => e.ReferralNfa), referrals.Count);
    }
}

/// <summary>Assessments authorised within 45 working days of the referral.</summary>
public sealed class AssessmentsWithin45WorkingDays : IIndicator
{
    public IndicatorInfo Info { get; } = new("assessments-in-45", "Assessments within 45 working days",
        "Assessments authorised in the period whose authorisation came within 45 working days of their episode's referral (the referral date is day 0), as a share of all assessments authorised in the period.",
        "DfE Children in need statistics; Working Together to Safeguard Children 2023", IndicatorUnit.Percentage, 85.7, "England 2024-25 (median 33 working days)");

    public IndicatorValue Compute(CouncilSnapshot snapshot, Period period, AsAt asAt)
    {
        int authorised = 0, onTime = 0;
        foreach (var episode in snapshot.Children.SelectMany(c => c.CinEpisodes))
        {
            foreach (var assessment in episode.Assessments)
            {
                if (assessment.AuthorisationDate is { } date && period.Contains(date))
                {
                    authorised++;
                    if (asAt.Calendar.CountWorkingDays(episode.ReferralDate, date) <= 45)
                    {
                        onTime++;
                    }
                }
            }
        }

        return Measure.Share(Info, period, onTime, authorised);
    }
}

/// <summary>Initial conferences held within 15 working days of the start of the section 47 enquiry.</summary>
public sealed class InitialConferencesWithin15WorkingDays : IIndicator
{
    public IndicatorInfo Info { get; } = new("icpc-in-15", "Initial conferences within 15 working days",
        "Initial child protection conferences held in the period within 15 working days of the start of the section 47 enquiry they followed (as the DfE counts it), as a share of all initial conferences in the period linked to an enquiry.",
        "DfE Children in need statistics; Working Together to Safeguard Children 2023", IndicatorUnit.Percentage, 81.4, "England 2024-25 (median 14 working days)");

    public IndicatorValue Compute(CouncilSnapshot snapshot, Period period, AsAt asAt)
    {
        int held = 0, onTime = 0;
        foreach (var episode in snapshot.Children.SelectMany(c => c.CinEpisodes))
        {
            foreach (var conference in episode.InitialConferences)
            {
                if (!period.Contains(conference.Date) || episode.Section47Enquiries.Find(s => s.Id == conference.Section47EnquiryId) is not { } enquiry)
                {
                    continue;
                }

                held++;
                if (asAt.Calendar.CountWorkingDays(enquiry.StartDate, conference.Date) <= 15)
                {
                    onTime++;
                }
            }
        }

        return Measure.Share(Info, period, onTime, held);
    }
}

/// <summary>Children on a child protection plan at the end of the period, per 10,000 children aged 0–17.</summary>
public sealed class ChildProtectionPlansPer10000 : IIndicator
{
    public IndicatorInfo Info { get; } = new("cp-per-10000", "Children on a child protection plan per 10,000",
        "Children with a child protection plan open on the last day of the period, per 10,000 of the council's children aged 0–17.",
        "DfE Children in need statistics (49,420 children at 31 March 2025)", IndicatorUnit.Per10000, 40.5, "England at 31 March 2025 (49,420 children; 12.2 million aged 0–17)");

    public IndicatorValue Compute(CouncilSnapshot snapshot, Period period, AsAt asAt) =>
        Measure.PerTenThousand(Info, period, snapshot.Children.Count(c => c.CinEpisodes.Exists(e => e.ChildProtectionPlans.Exists(p => p.IsOpenOn(period.To)))), snapshot.Council?.ChildPopulation);
}

/// <summary>Plans that ended in the period having lasted two years or more.</summary>
public sealed class ChildProtectionPlansLastingTwoYears : IIndicator
{
    public IndicatorInfo Info { get; } = new("cp-2-years", "Plans ended that lasted 2 years or more",
        "Child protection plans that ended in the period having lasted two years or more (end date on or after the start's second anniversary), as a share of all plans that ended in the period.",
        "DfE Children in need statistics", IndicatorUnit.Percentage, 4.4, "England 2024-25");

    public IndicatorValue Compute(CouncilSnapshot snapshot, Period period, AsAt asAt)
    {
        var ended = snapshot.Children.SelectMany(c => c.CinEpisodes).SelectMany(e => e.ChildProtectionPlans).Where(p => p.EndDate is { } end && period.Contains(end)).ToList();
        return Measure.Share(Info, period, ended.Count(p => p.EndDate >= p.StartDate.AddYears(2)), ended.Count);
    }
}

/// <summary>Plans started in the period for a child who had a plan before.</summary>
public sealed class SecondOrSubsequentPlans : IIndicator
{
    public IndicatorInfo Info { get; } = new("cp-second-plans", "Second or subsequent child protection plans",
        "Child protection plans started in the period for a child who had a plan before (NumberOfPreviousCPP above 0, or an earlier plan recorded), as a share of all plans started in the period.",
        "DfE Children in need statistics (roughly a quarter in England; the national figure is not quoted here)", IndicatorUnit.Percentage);

    public IndicatorValue Compute(CouncilSnapshot snapshot, Period period, AsAt asAt)
    {
        int started = 0, repeat = 0;
        foreach (var child in snapshot.Children)
        {
            var plans = child.CinEpisodes.SelectMany(e => e.ChildProtectionPlans).OrderBy(p => p.StartDate).ToList();
            for (var i = 0; i < plans.Count; i++)
            {
                if (period.Contains(plans[i].StartDate))
                {
                    started++;
                    if (i > 0 || plans[i].NumberOfPreviousPlans > 0)
                    {
                        repeat++;
                    }
                }
            }
        }

        return Measure.Share(Info, period, repeat, started);
    }
}

/// <summary>Children looked after at the end of the period, per 10,000 children aged 0–17.</summary>
public sealed class LookedAfterPer10000 : IIndicator
{
    public IndicatorInfo Info { get; } = new("cla-per-10000", "Children looked after per 10,000",
        "Children in care on the last day of the period, per 10,000 of the council's children aged 0–17.",
        "DfE Children looked after statistics (81,770 at 31 March 2025)", IndicatorUnit.Per10000, 67, "England at 31 March 2025");

    public IndicatorValue Compute(CouncilSnapshot snapshot, Period period, AsAt asAt) =>
        Measure.PerTenThousand(Info, period, snapshot.Children.Count(c => c.LookedAfterEpisodes.Exists(e => e.IsOpenOn(period.To))), snapshot.Council?.ChildPopulation);
}
