namespace Sightline.Cli.Generation;

/// <summary>The rates the synthetic council is calibrated to, in one place. England figures are from the DfE
/// "Children in need" statistics for 2024-25 and "Children's social work workforce" for 2023, as quoted in
/// the indicators notes; where no national figure exists the rate is a plausible local one and says so.
/// Tests check the generated council lands near the national figures.</summary>
internal static class Rates
{
    /// <summary>Referrals closed with no further action at the front door: England 6.5%.</summary>
    public const double ReferralNfa = 0.065;

    /// <summary>After an episode closes, the chance of another referral at some point, and the chance that it
    /// comes within 12 months of the last: together they give England's 22.6% re-referral rate.</summary>
    public const double AnotherReferral = 0.40;
    public const double AnotherReferralWithinYear = 0.70;

    /// <summary>Assessment duration in working days from the referral, by the DfE's bands, as cumulative shares:
    /// 85.7% within 45 working days in England, median 33.</summary>
    public static readonly (int From, int To, double Cumulative)[] AssessmentWorkingDays =
    [
        (0, 0, 0.02), (1, 10, 0.10), (11, 20, 0.22), (21, 30, 0.40), (31, 40, 0.68), (41, 45, 0.86),
        (46, 50, 0.91), (51, 60, 0.96), (61, 90, 1.00),
    ];

    /// <summary>Referrals whose episode leads to a strategy discussion and a section 47 enquiry (England: about
    /// 230,590 enquiries for 632,830 referrals, a little over a third).</summary>
    public const double Section47 = 0.37;

    /// <summary>Section 47 enquiries that lead to an initial conference (England: about 80,000 ICPCs).</summary>
    public const double ConferenceNeeded = 0.36;

    /// <summary>Initial conferences within 15 working days of the s47 start: England 81.4%, median 14.</summary>
    public const double ConferenceOnTime = 0.81;

    /// <summary>Initial conferences that make a child protection plan (local figure; most do).</summary>
    public const double ConferenceMakesPlan = 0.86;

    /// <summary>Child protection plan length in months, as cumulative shares. About 4.4% of plans that end have
    /// lasted 2 years or more in England; the 18-month band is the St Helens seed's concern.</summary>
    public static readonly (int FromMonths, int ToMonths, double Cumulative)[] PlanMonths =
    [
        (1, 3, 0.17), (3, 6, 0.38), (6, 12, 0.72), (12, 18, 0.88), (18, 24, 0.94), (24, 36, 1.00),
    ];

    /// <summary>Assessed episodes without a child protection plan that go on to a child in need plan (local).</summary>
    public const double CinPlan = 0.48;

    /// <summary>Child protection plans that enter PLO pre-proceedings (local; Bury and Sefton seeds).</summary>
    public const double PreProceedings = 0.20;

    /// <summary>Pre-proceedings decided within 16 weeks (local: the seeds describe drift past it).</summary>
    public const double PreProceedingsWithin16Weeks = 0.62;

    /// <summary>Assessed children who become looked after with their parents' agreement (section 20) rather than
    /// through proceedings: with those from proceedings, about 67 children in 10,000 are looked after at a
    /// time, as in England (81,770 at 31 March 2025).</summary>
    public const double Accommodated = 0.09;

    /// <summary>Children whose first plan here is not their first: with repeat plans within the six years,
    /// about a quarter of plans are second or subsequent.</summary>
    public const double PlanBeforeTheseYears = 0.20;

    /// <summary>Plans without a contingency plan, actions without a due date: the seeds' recurring finding.</summary>
    public const double PlanWithContingency = 0.82;
    public const double ActionWithoutDueDate = 0.08;

    /// <summary>Statutory visits that slip well past the local standard (local; Annex A list 7 is where Ofsted looks).</summary>
    public const double VisitGap = 0.07;

    /// <summary>Agency share of social worker FTE: England 17.8% (2023).</summary>
    public const double AgencyShare = 0.18;

    /// <summary>Leavers a year per FTE: England 15.9% (2023). Agency workers stay a shorter time.</summary>
    public const double PermanentTurnover = 0.13;
    public const double AgencyTurnover = 0.45;

    /// <summary>The average caseload the workforce is sized for: England about 16 (2023).</summary>
    public const double TargetCaseload = 16;

    /// <summary>Supervision outcomes (local; the Walsall seed): held on time, held late, missed with a reason; the rest are missed with none.</summary>
    public const double SupervisionOnTime = 0.80;
    public const double SupervisionLate = 0.09;
    public const double SupervisionMissedWithReason = 0.07;

    /// <summary>Referrals per 10,000 children aged 0–17 a year, to derive the council's child population
    /// (England: 632,830 referrals for about 12.2 million children).</summary>
    public const double ReferralsPerChildPerYear = 0.0519;
}
