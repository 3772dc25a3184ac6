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
        Measure.PerTenThousand(Info, period, Views.Referrals(snapshot).In(period).Count, snapshot.Council?.ChildPopulation);
}

/// <summary>The share of referrals that came within 12 months of the same child's previous referral.</summary>
public sealed class ReReferralRate : IIndicator
{
    public IndicatorInfo Info { get; } = new("re-referrals", "Re-referrals within 12 months",
        "Referrals in the period that came within 12 months (365 days) of the same child's previous referral, as a share of all referrals in the period.",
        "DfE Children in need statistics", IndicatorUnit.Percentage, 22.6, "England 2024-25");

    public IndicatorValue Compute(CouncilSnapshot snapshot, Period period, AsAt asAt)
    {
        var referrals = Views.Referrals(snapshot).In(period);
        var again = referrals.Count(r => r.Previous is { } previous && r.Date.DayNumber - previous.DayNumber <= 365);
        return Measure.Share(Info, period, again, referrals.Count);
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
        var referrals = Views.Referrals(snapshot).In(period);
        return Measure.Share(Info, period, referrals.Count(r => r.NoFurtherAction), referrals.Count);
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
        var authorised = Views.AuthorisedAssessments(snapshot).In(period);
        var onTime = authorised.Count(a => asAt.Calendar.CountWorkingDays(a.Referral, a.Authorised) <= 45);
        return Measure.Share(Info, period, onTime, authorised.Count);
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
        foreach (var (episode, conference) in Views.InitialConferences(snapshot).In(period))
        {
            if (episode.Section47Enquiries.Find(s => s.Id == conference.Section47EnquiryId) is not { } enquiry)
            {
                continue;
            }

            held++;
            if (asAt.Calendar.CountWorkingDays(enquiry.StartDate, conference.Date) <= 15)
            {
                onTime++;
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

    public IndicatorValue Compute(CouncilSnapshot snapshot, Period period, AsAt asAt)
    {
        var plans = Views.PlansByEnd(snapshot).OnOrAfter(period.To);
        var onPlan = new HashSet<int>(plans.Count);
        foreach (var (child, plan) in plans)
        {
            if (plan.IsOpenOn(period.To))
            {
                onPlan.Add(child.Id);
            }
        }

        return Measure.PerTenThousand(Info, period, onPlan.Count, snapshot.Council?.ChildPopulation);
    }
}

/// <summary>Plans that ended in the period having lasted two years or more.</summary>
public sealed class ChildProtectionPlansLastingTwoYears : IIndicator
{
    public IndicatorInfo Info { get; } = new("cp-2-years", "Plans ended that lasted 2 years or more",
        "Child protection plans that ended in the period having lasted two years or more (end date on or after the start's second anniversary), as a share of all plans that ended in the period.",
        "DfE Children in need statistics", IndicatorUnit.Percentage, 4.4, "England 2024-25");

    public IndicatorValue Compute(CouncilSnapshot snapshot, Period period, AsAt asAt)
    {
        var ended = Views.PlansEndedIn(snapshot, period).ToList();
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
        var started = Views.Plans(snapshot).In(period);
        return Measure.Share(Info, period, started.Count(p => p.HadPlanBefore), started.Count);
    }
}

/// <summary>Children looked after at the end of the period, per 10,000 children aged 0–17.</summary>
public sealed class LookedAfterPer10000 : IIndicator
{
    public IndicatorInfo Info { get; } = new("cla-per-10000", "Children looked after per 10,000",
        "Children in care on the last day of the period, per 10,000 of the council's children aged 0–17.",
        "DfE Children looked after statistics (81,770 at 31 March 2025)", IndicatorUnit.Per10000, 67, "England at 31 March 2025");

    public IndicatorValue Compute(CouncilSnapshot snapshot, Period period, AsAt asAt)
    {
        var episodes = Views.LookedAfterByEnd(snapshot).OnOrAfter(period.To);
        var inCare = new HashSet<int>(episodes.Count);
        foreach (var episode in episodes)
        {
            if (episode.IsOpenOn(period.To))
            {
                inCare.Add(episode.ChildId);
            }
        }

        return Measure.PerTenThousand(Info, period, inCare.Count, snapshot.Council?.ChildPopulation);
    }
}

/// <summary>Section 47 enquiries started in the period per 10,000 children aged 0–17.</summary>
public sealed class Section47EnquiriesPer10000 : IIndicator
{
    public IndicatorInfo Info { get; } = new("s47-per-10000", "Section 47 enquiries per 10,000 children",
        "Section 47 enquiries with a start date in the period, per 10,000 of the council's children aged 0–17. Over a period other than a year the figure is not annualised.",
        "DfE Children in need statistics (230,590 enquiries in England in 2024-25)", IndicatorUnit.Per10000, 189.0, "England 2024-25 (230,590 enquiries; 12.2 million aged 0–17)");

    public IndicatorValue Compute(CouncilSnapshot snapshot, Period period, AsAt asAt) =>
        Measure.PerTenThousand(Info, period, Views.Enquiries(snapshot).In(period).Count, snapshot.Council?.ChildPopulation);
}

/// <summary>How many section 47 enquiries lead to an initial conference.</summary>
public sealed class Section47ToConference : IIndicator
{
    public IndicatorInfo Info { get; } = new("s47-to-icpc", "Section 47 enquiries leading to an initial conference",
        "Section 47 enquiries started in the period for which an initial child protection conference is recorded (on any date up to the as-at date), as a share of all enquiries started in the period.",
        "DfE Children in need statistics (conversion of enquiries to conferences)", IndicatorUnit.Percentage);

    public IndicatorValue Compute(CouncilSnapshot snapshot, Period period, AsAt asAt)
    {
        var started = Views.Enquiries(snapshot).In(period);
        var conferenced = started.Count(s => s.FirstConference <= asAt.Date);
        return Measure.Share(Info, period, conferenced, started.Count);
    }
}

/// <summary>How many initial conferences make a child protection plan.</summary>
public sealed class ConferenceToPlan : IIndicator
{
    public IndicatorInfo Info { get; } = new("icpc-to-plan", "Initial conferences leading to a plan",
        "Initial child protection conferences held in the period that made the child subject to a child protection plan, as a share of all initial conferences held in the period.",
        "DfE Children in need statistics (conversion of conferences to plans)", IndicatorUnit.Percentage);

    public IndicatorValue Compute(CouncilSnapshot snapshot, Period period, AsAt asAt)
    {
        var held = Views.InitialConferences(snapshot).In(period);
        return Measure.Share(Info, period, held.Count(c => c.Record.ResultedInPlan), held.Count);
    }
}

/// <summary>Pre-proceedings open at the end of the period that have run past 16 weeks.</summary>
public sealed class PreProceedingsOver16WeeksShare : IIndicator
{
    public IndicatorInfo Info { get; } = new("plo-over-16-weeks", "Pre-proceedings open over 16 weeks",
        "PLO pre-proceedings open on the last day of the period (started on or before it, with no decision by then) that started more than 16 weeks (112 days) before it, as a share of all pre-proceedings open that day.",
        "Public Law Working Group best practice guidance, March 2021 (normally no longer than 16 weeks)", IndicatorUnit.Percentage);

    public IndicatorValue Compute(CouncilSnapshot snapshot, Period period, AsAt asAt)
    {
        var open = snapshot.PreProceedings.Where(p => p.AwaitsDecisionOn(period.To)).ToList();
        return Measure.Share(Info, period, open.Count(p => period.To.DayNumber - p.StartDate.DayNumber > PreProceedings.NormalWeeks * 7), open.Count);
    }
}

/// <summary>The dated records the indicators above count, each built once per snapshot and found by period with a binary
/// search (<see cref="Dated{T}"/>), with what the indicators need beside each record. Those kept in children's episodes
/// are all gathered in one walk over the children (<see cref="FromEpisodes"/>): for all of England each walk over millions
/// of children and their episodes costs most of a second, however little it keeps.</summary>
internal static class Views
{
    /// <summary>Every referral (CIN episode) by its referral date, with the date of the same child's referral before it
    /// (of two on the same day, the one recorded first comes first), or null for the child's first, and whether it was
    /// closed with no further action: the few facts the indicators read, kept beside each other rather than in the episode.</summary>
    public static Dated<Referral> Referrals(CouncilSnapshot snapshot) => FromEpisodes.Of(snapshot).Referrals;

    /// <summary>Every authorised assessment, by its authorisation date, with its episode's referral date.</summary>
    public static Dated<(DateOnly Referral, DateOnly Authorised)> AuthorisedAssessments(CouncilSnapshot snapshot) =>
        FromEpisodes.Of(snapshot).AuthorisedAssessments;

    /// <summary>Every section 47 enquiry by its start date, with the date of the earliest initial conference recorded as
    /// following it (null when none is): an enquiry led to a conference by a date when that one was held by then.</summary>
    public static Dated<(DateOnly Start, DateOnly? FirstConference)> Enquiries(CouncilSnapshot snapshot) => FromEpisodes.Of(snapshot).Enquiries;

    /// <summary>Every initial conference, with its episode, by its date.</summary>
    public static Dated<(CinEpisode Episode, InitialConference Record)> InitialConferences(CouncilSnapshot snapshot) =>
        FromEpisodes.Of(snapshot).InitialConferences;

    /// <summary>Every child protection plan, with its episode, by its start date, and whether the child had a plan before
    /// it: a plan recorded with an earlier start (of two on the same day, the one recorded first comes first), or a
    /// count of previous plans above 0.</summary>
    public static Dated<(CinEpisode Episode, ChildProtectionPlan Plan, bool HadPlanBefore)> Plans(CouncilSnapshot snapshot) =>
        FromEpisodes.Of(snapshot).Plans;

    /// <summary>Every child in need plan that has ended, by its end date.</summary>
    public static Dated<CinPlan> EndedCinPlans(CouncilSnapshot snapshot) => FromEpisodes.Of(snapshot).EndedCinPlans;

    /// <summary>Every child protection plan, with its child, by its end date, those still open last (as if they ended on
    /// the last date there is): the plans open on a day are among those from that day on, whatever their start.</summary>
    public static Dated<(Child Child, ChildProtectionPlan Plan)> PlansByEnd(CouncilSnapshot snapshot) => FromEpisodes.Of(snapshot).PlansByEnd;

    /// <summary>Every child protection plan with its child, child by child (as the children are held, so that what is read
    /// of each child is read in the order it lies in memory).</summary>
    public static IReadOnlyList<(Child Child, ChildProtectionPlan Plan)> PlansOfChildren(CouncilSnapshot snapshot) => FromEpisodes.Of(snapshot).PlansOfChildren;

    /// <summary>The child protection plans that ended in <paramref name="period"/> (both ends inclusive), in order of their end.</summary>
    public static IEnumerable<ChildProtectionPlan> PlansEndedIn(CouncilSnapshot snapshot, Period period) =>
        PlansByEnd(snapshot).In(period).Where(p => p.Plan.EndDate is not null).Select(p => p.Plan);

    /// <summary>Every looked after episode by its end date, those still open last, as <see cref="PlansByEnd"/>.</summary>
    public static Dated<LookedAfterEpisode> LookedAfterByEnd(CouncilSnapshot snapshot) =>
        snapshot.Derived((typeof(Views), nameof(LookedAfterByEnd)), s => new Dated<LookedAfterEpisode>(
            s.LookedAfterEpisodes, e => e.EndDate ?? DateOnly.MaxValue));

    /// <summary>A referral: its date, the date of the same child's referral before it (null for the child's first), and
    /// whether it was closed with no further action (census ReferralNFA).</summary>
    internal readonly record struct Referral(DateOnly Date, DateOnly? Previous, bool NoFurtherAction);

    /// <summary>The views of records kept in children's episodes, each child's in their own order and each episode's
    /// records in theirs, as the snapshot holds them.</summary>
    private sealed class FromEpisodes
    {
        private FromEpisodes(IReadOnlyList<Child> children)
        {
            var referrals = new Gathered<Referral>();
            var assessments = new Gathered<(DateOnly Referral, DateOnly Authorised)>();
            var enquiries = new Gathered<(DateOnly Start, DateOnly? FirstConference)>();
            var conferences = new Gathered<(CinEpisode Episode, InitialConference Record)>();
            var plans = new Gathered<(CinEpisode Episode, ChildProtectionPlan Plan, bool HadPlanBefore)>();
            var cinPlans = new Gathered<CinPlan>();
            var plansOfChildren = new Gathered<(Child Child, ChildProtectionPlan Plan)>();
            foreach (var child in children)
            {
                DateOnly? previous = null;
                foreach (var episode in InDateOrder.Of(child.CinEpisodes, e => e.ReferralDate))
                {
                    referrals.Add(new Referral(episode.ReferralDate, previous, episode.ReferralNfa));
                    previous = episode.ReferralDate;
                }

                var anyPlan = false;
                foreach (var episode in child.CinEpisodes)
                {
                    foreach (var assessment in episode.Assessments)
                    {
                        if (assessment.AuthorisationDate is { } authorised)
                        {
                            assessments.Add((episode.ReferralDate, authorised));
                        }
                    }

                    foreach (var enquiry in episode.Section47Enquiries)
                    {
                        enquiries.Add((enquiry.StartDate, FirstConference(episode, enquiry)));
                    }

                    foreach (var conference in episode.InitialConferences)
                    {
                        conferences.Add((episode, conference));
                    }

                    foreach (var plan in episode.CinPlans)
                    {
                        cinPlans.Add(plan);
                    }

                    foreach (var plan in episode.ChildProtectionPlans)
                    {
                        plansOfChildren.Add((child, plan));
                        anyPlan = true;
                    }
                }

                if (anyPlan)
                {
                    WithPlanBefore(child, plans);
                }
            }

            Referrals = new(referrals, r => r.Date);
            AuthorisedAssessments = new(assessments, a => a.Authorised);
            Enquiries = new(enquiries, q => q.Start);
            InitialConferences = new(conferences, c => c.Record.Date);
            Plans = new(plans, p => p.Plan.StartDate);
            EndedCinPlans = new(cinPlans, p => p.EndDate);
            PlansOfChildren = plansOfChildren.ToArray();
            PlansByEnd = new(plansOfChildren, p => p.Plan.EndDate ?? DateOnly.MaxValue);
        }

        public Dated<Referral> Referrals { get; }
        public Dated<(DateOnly Referral, DateOnly Authorised)> AuthorisedAssessments { get; }
        public Dated<(DateOnly Start, DateOnly? FirstConference)> Enquiries { get; }
        public Dated<(CinEpisode Episode, InitialConference Record)> InitialConferences { get; }
        public Dated<(CinEpisode Episode, ChildProtectionPlan Plan, bool HadPlanBefore)> Plans { get; }
        public Dated<CinPlan> EndedCinPlans { get; }
        public Dated<(Child Child, ChildProtectionPlan Plan)> PlansByEnd { get; }
        public (Child Child, ChildProtectionPlan Plan)[] PlansOfChildren { get; }

        public static FromEpisodes Of(CouncilSnapshot snapshot) => snapshot.Derived(typeof(FromEpisodes), s => new FromEpisodes(s.Children));

        /// <summary>The earliest initial conference in the episode that followed the enquiry, or null.</summary>
        private static DateOnly? FirstConference(CinEpisode episode, Section47Enquiry enquiry)
        {
            DateOnly? first = null;
            foreach (var conference in episode.InitialConferences)
            {
                if (conference.Section47EnquiryId == enquiry.Id && (first is null || conference.Date < first))
                {
                    first = conference.Date;
                }
            }

            return first;
        }

        /// <summary>Adds a child's plans in start date order, each with whether the child had a plan before it.</summary>
        private static void WithPlanBefore(Child child, Gathered<(CinEpisode Episode, ChildProtectionPlan Plan, bool HadPlanBefore)> plans)
        {
            var own = child.CinEpisodes.SelectMany(e => e.ChildProtectionPlans.Select(p => (Episode: e, Plan: p))).ToList();
            var first = true;
            foreach (var (episode, plan) in InDateOrder.Of(own, p => p.Plan.StartDate))
            {
                plans.Add((episode, plan, !first || plan.NumberOfPreviousPlans > 0));
                first = false;
            }
        }
    }
}
