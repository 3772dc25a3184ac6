using Sightline.Model;
using static Sightline.Oversight.RuleText;

namespace Sightline.Oversight.Alerts;

/// <summary>Drift without escalation, defined precisely: a child in need episode open at least
/// <see cref="LocalStandards.DriftMonths"/> months (default 6) with no child protection plan in it, for a child
/// referred again and again — at least <see cref="LocalStandards.DriftReReferrals"/> re-referrals (default 2; a
/// re-referral is a referral within 12 months of the child's previous referral) in the 24 months before the
/// as-at date — and no step-up decision recorded since the episode's referral. St Helens 2018 found
/// "significant delays in escalating children's cases from children in need to child protection"; Bury 2022
/// found drift where parents' capacity to change was in doubt.</summary>
public sealed class DriftWithoutEscalation : IChildRule
{
    public RuleInfo Info { get; } = new("drift-without-escalation", "Drift without escalation",
        "A child in need episode open at least the local standard (default 6 months), with no child protection plan, for a child with at least the local number (default 2) of re-referrals (referrals within 12 months of the previous one) in the last 24 months, and no step-up decision since the episode's referral.",
        "Ofsted focused visit to St Helens, 2018 (areas for priority action); monitoring visit to Bury, 2022",
        "a step-up decision is recorded, or the episode closes", AlertSubject.Child, Counting.Days, "step decisions");

    // Each re-referral follows an earlier referral: a child with too few referrals is passed over without a search.
    public IEnumerable<Alert> Evaluate(Child child, AsAt asAt) => child.CinEpisodes.Count > asAt.Standards.DriftReReferrals ? Find(child, asAt) : [];

    private IEnumerable<Alert> Find(Child child, AsAt asAt)
    {
        var standards = asAt.Standards;
        if (child.CinEpisodes.Count <= standards.DriftReReferrals)
        {
            // Each re-referral follows an earlier referral: too few referrals to have been re-referred enough.
            yield break;
        }

        var referrals = child.CinEpisodes.Select(e => e.ReferralDate).Where(d => d <= asAt.Date).Order().ToList();
        var reReferrals = referrals.Where((date, i) => i > 0 && date > asAt.Date.AddMonths(-24) && date <= referrals[i - 1].AddMonths(12)).Count();
        if (reReferrals < standards.DriftReReferrals)
        {
            yield break;
        }

        foreach (var episode in OpenEpisodes(child, asAt).Where(e => e.ChildProtectionPlans.Count == 0))
        {
            var due = episode.ReferralDate.AddMonths(standards.DriftMonths);
            if (child.StepDecisions.Exists(d => d.IsStepUp && d.Date >= episode.ReferralDate && d.Date <= asAt.Date))
            {
                continue;
            }

            if (Overdue(Info, child, due, asAt,
                    $"The episode opened on {Day(episode.ReferralDate)} and has run {standards.DriftMonths} months since {Day(due)}; the child has been re-referred {reReferrals} times in the last two years and no step-up decision is recorded.") is { } alert)
            {
                yield return alert;
            }
        }
    }
}

/// <summary>A decision to step a case up or down records why (Walsall 2018 scrutiny; St Helens 2018: "recording
/// of decisions by managers regarding escalation … not clear"). Looks at decisions in the 12 months before the
/// as-at date.</summary>
public sealed class StepChangeWithoutRationale : IChildRule
{
    public RuleInfo Info { get; } = new("step-without-rationale", "Step change without rationale",
        "A step-up or step-down decision in the last 12 months has no recorded rationale.",
        "Walsall scrutiny deep dive, 2018; Ofsted focused visit to St Helens, 2018",
        "the decision's rationale is recorded", AlertSubject.Child, Counting.Days, "step decisions");

    // Most children have nothing this rule judges: they are passed over without starting a search.
    public IEnumerable<Alert> Evaluate(Child child, AsAt asAt) => child.StepDecisions.Count > 0 ? Find(child, asAt) : [];

    private IEnumerable<Alert> Find(Child child, AsAt asAt)
    {
        foreach (var decision in child.StepDecisions.Where(d => d.Date <= asAt.Date && d.Date > asAt.Date.AddMonths(-12) && string.IsNullOrWhiteSpace(d.Rationale)))
        {
            var overdue = Math.Max(1, asAt.Date.DayNumber - decision.Date.DayNumber);
            yield return new Alert(Info, child.Id, null, decision.Date, overdue, Severities.For(overdue, Info.Counting),
                $"{Info.Name}. The decision on {Day(decision.Date)} to step {(decision.IsStepUp ? "up" : "down")} from {Level(decision.FromLevel)} to {Level(decision.ToLevel)} has no recorded reason. Clears when {Info.ClearsWhen}.");
        }
    }

    private static string Level(ServiceLevel level) => level switch
    {
        ServiceLevel.EarlyHelp => "early help",
        ServiceLevel.ChildInNeed => "child in need",
        ServiceLevel.ChildProtection => "child protection",
        ServiceLevel.PreProceedings => "pre-proceedings",
        ServiceLevel.CareProceedings => "care proceedings",
        ServiceLevel.LookedAfter => "looked after",
        _ => "universal services",
    };
}
