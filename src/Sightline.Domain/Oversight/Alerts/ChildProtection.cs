using Sightline.Model;
using static Sightline.Oversight.RuleText;

namespace Sightline.Oversight.Alerts;

/// <summary>Plans open on the as-at date. Loops rather than queries: several rules ask this of every child, most of
/// whom have no plan.</summary>
internal static class OpenPlans
{
    /// <summary>The child protection plans open on the as-at date.</summary>
    public static IEnumerable<ChildProtectionPlan> Of(Child child, AsAt asAt)
    {
        foreach (var episode in child.CinEpisodes)
        {
            foreach (var plan in episode.ChildProtectionPlans)
            {
                if (plan.IsOpenOn(asAt.Date))
                {
                    yield return plan;
                }
            }
        }
    }

    /// <summary>Whether a child protection plan is open on the as-at date: what <see cref="Of"/> gives is not empty.</summary>
    public static bool Any(Child child, AsAt asAt)
    {
        foreach (var episode in child.CinEpisodes)
        {
            foreach (var plan in episode.ChildProtectionPlans)
            {
                if (plan.IsOpenOn(asAt.Date))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Whether a child in need plan is open on the as-at date: what <see cref="CinOf"/> gives is not empty.</summary>
    public static bool AnyCin(Child child, AsAt asAt)
    {
        foreach (var episode in child.CinEpisodes)
        {
            foreach (var plan in episode.CinPlans)
            {
                if (plan.IsOpenOn(asAt.Date))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>The child in need plans open on the as-at date.</summary>
    public static IEnumerable<CinPlan> CinOf(Child child, AsAt asAt)
    {
        foreach (var episode in child.CinEpisodes)
        {
            foreach (var plan in episode.CinPlans)
            {
                if (plan.IsOpenOn(asAt.Date))
                {
                    yield return plan;
                }
            }
        }
    }
}

/// <summary>The first review conference is held within 3 months of the initial conference, later ones at
/// intervals of not more than 6 months (Working Together to Safeguard Children 2023, as applied in local child
/// protection procedures). Counted in calendar months from the plan's start (the initial conference) or the
/// last review conference.</summary>
public sealed class ChildProtectionReviewOverdue : IChildRule
{
    public RuleInfo Info { get; } = new("cp-review-overdue", "Child protection review conference overdue",
        "An open child protection plan has had no review conference within 3 months of the initial conference (the plan's start), or within 6 months of its last review conference.",
        "Working Together to Safeguard Children 2023, chapter 2; local child protection procedures",
        "the review conference's date is recorded", AlertSubject.Child, Counting.Days);

    // Most children have nothing this rule judges: they are passed over without starting a search.
    public IEnumerable<Alert> Evaluate(Child child, AsAt asAt) => OpenPlans.Any(child, asAt) ? Find(child, asAt) : [];

    private IEnumerable<Alert> Find(Child child, AsAt asAt)
    {
        foreach (var plan in OpenPlans.Of(child, asAt))
        {
            var last = plan.ReviewConferences.Where(r => r.Date <= asAt.Date).Select(r => (DateOnly?)r.Date).Max();
            var due = ReviewDue(plan, last);
            var since = last is { } r2 ? $"The last review conference was on {Day(r2)}; the next was due by {Day(due)}." : $"The plan began at the initial conference on {Day(plan.StartDate)}; the first review conference was due by {Day(due)}.";
            if (Overdue(Info, child, due, asAt, since) is { } alert)
            {
                yield return alert;
            }
        }
    }

    /// <summary>When the plan's next review conference is due: 3 months after the plan's start (the initial
    /// conference) when none has been held, otherwise 6 months after <paramref name="lastReview"/>, the latest held.
    /// The "CP reviews on time" indicator judges each review by this date too.</summary>
    public static DateOnly ReviewDue(ChildProtectionPlan plan, DateOnly? lastReview) =>
        lastReview is { } reviewed ? reviewed.AddMonths(6) : plan.StartDate.AddMonths(3);
}

/// <summary>A child on a child protection plan is visited, and seen, at least every
/// <see cref="LocalStandards.CpVisitWorkingDays"/> working days (a local standard; Ofsted reads the date of the
/// last statutory visit in Annex A list 7). An unborn child cannot be seen: the rule waits for the birth.</summary>
public sealed class ChildProtectionVisitOverdue : IChildRule
{
    public RuleInfo Info { get; } = new("cp-visit-overdue", "Child protection visit overdue",
        "A born child on an open child protection plan has not been seen on a visit within the local standard (default 10 working days) of the last visit at which they were seen, or of the plan's start or their birth if later.",
        "Local standard for statutory visits (default every 10 working days); Annex A list 7",
        "a visit at which the child was seen is recorded", AlertSubject.Child, Counting.WorkingDays, "visits");

    // Most children have nothing this rule judges: they are passed over without starting a search.
    public IEnumerable<Alert> Evaluate(Child child, AsAt asAt) => OpenPlans.Any(child, asAt) ? Find(child, asAt) : [];

    private IEnumerable<Alert> Find(Child child, AsAt asAt)
    {
        if (!child.IsBornBy(asAt.Date))
        {
            yield break;
        }

        foreach (var plan in OpenPlans.Of(child, asAt))
        {
            var lastSeen = child.Visits.Where(v => v.ChildSeen && v.Date <= asAt.Date).Select(v => (DateOnly?)v.Date).Max();
            var due = VisitDue(plan, child.DateOfBirth!.Value, lastSeen, asAt);
            var since = lastSeen is { } seen && seen >= plan.StartDate
                ? $"The child was last seen on a visit on {Day(seen)}."
                : $"The child has not been seen on a visit since the plan began on {Day(plan.StartDate)}.";
            if (Overdue(Info, child, due, asAt, $"{since} The local standard is a visit every {asAt.Standards.CpVisitWorkingDays} working days, so the next was due by {Day(due)}.") is { } alert)
            {
                yield return alert;
                yield break;
            }
        }
    }

    /// <summary>When the next visit at which the child is seen is due: the local standard's working days after the
    /// latest of the plan's start, the child's birth and <paramref name="lastSeen"/>, the last visit at which they
    /// were seen. The "CP visits on time" indicator judges each visit by this date too.</summary>
    public static DateOnly VisitDue(ChildProtectionPlan plan, DateOnly born, DateOnly? lastSeen, AsAt asAt) =>
        asAt.Calendar.Deadline(Latest(plan.StartDate, born, lastSeen), asAt.Standards.CpVisitWorkingDays);

    private static DateOnly Latest(DateOnly a, DateOnly b, DateOnly? c)
    {
        var latest = a > b ? a : b;
        return c is { } d && d > latest ? d : latest;
    }
}

/// <summary>A child on a child protection plan old enough to be seen alone (a local standard, default 4) should be
/// seen alone on visits; the rule looks at the most recent visits at which the child was seen (default 3) and
/// fires when each of them is recorded as not seeing the child alone; a visit where it is not known cannot be held against anyone (Annex A list 7 "Was the child seen alone?").</summary>
public sealed class ChildNotSeenAlone : IChildRule
{
    public RuleInfo Info { get; } = new("not-seen-alone", "Child not seen alone",
        "A child on an open child protection plan, aged at least the local standard (default 4), is recorded as not seen alone at each of their most recent visits (default the last 3) at which they were seen; a visit where it is not known does not count against it.",
        "Annex A list 7; Working Together to Safeguard Children 2023 (the child seen alone)",
        "a visit at which the child was seen alone is recorded", AlertSubject.Child, Counting.WorkingDays, "visits");

    // Most children have nothing this rule judges: they are passed over without starting a search.
    public IEnumerable<Alert> Evaluate(Child child, AsAt asAt) => OpenPlans.Any(child, asAt) ? Find(child, asAt) : [];

    private IEnumerable<Alert> Find(Child child, AsAt asAt)
    {
        var standards = asAt.Standards;
        if (child.DateOfBirth is not { } born || born.AddYears(standards.SeenAloneFromAge) > asAt.Date)
        {
            yield break;
        }

        var plans = OpenPlans.Of(child, asAt).ToList();
        if (plans.Count == 0)
        {
            yield break;
        }

        var planStart = plans.Min(p => p.StartDate);
        var recent = Recent(child.Visits, planStart, asAt.Date, standards.SeenAloneRecentVisits);
        if (recent.Count < standards.SeenAloneRecentVisits || recent.Exists(v => v.SeenAlone != false))
        {
            yield break;
        }

        var since = recent[^1].Date;
        var overdue = Math.Max(1, asAt.Calendar.CountWorkingDays(since, asAt.Date));
        yield return new Alert(Info, child.Id, null, since, overdue, Severities.For(overdue, Info.Counting),
            $"{Info.Name}. The child was seen on the last {recent.Count} visits, from {Day(since)} to {Day(recent[0].Date)}, but not alone at any of them. Clears when {Info.ClearsWhen}.");
    }

    /// <summary>The most recent child protection visits at which the child was seen, from <paramref name="from"/> to
    /// <paramref name="to"/> inclusive, latest first, at most <paramref name="count"/> of them; visits on the same day
    /// in the order recorded.</summary>
    internal static List<Visit> Recent(List<Visit> visits, DateOnly from, DateOnly to, int count)
    {
        // A loop keeping the few latest: a child on a plan for years has hundreds of visits, and only these are read.
        var recent = new List<Visit>(Math.Max(0, count) + 1);
        foreach (var visit in visits)
        {
            if (visit.Kind != VisitKind.ChildProtection || !visit.ChildSeen || visit.Date < from || visit.Date > to)
            {
                continue;
            }

            // After every visit on the same day or later: those recorded first come first, as in a stable sort.
            var at = recent.Count;
            while (at > 0 && recent[at - 1].Date < visit.Date)
            {
                at--;
            }

            if (at < count)
            {
                recent.Insert(at, visit);
                if (recent.Count > count)
                {
                    recent.RemoveAt(recent.Count - 1);
                }
            }
        }

        return recent;
    }
}

/// <summary>A child protection plan that has lasted the local standard (default 18 months; St Helens 2018) needs a
/// recorded senior review of whether the plan and its threshold still hold; at 2 years the DfE counts the plan
/// as long-lasting. One rule for each point, so a plan past 2 years with a review at 18 months still alerts.</summary>
public sealed class LongChildProtectionPlan(int months, string id) : IChildRule
{
    public static LongChildProtectionPlan EighteenMonths { get; } = new(18, "cp-plan-18-months");
    public static LongChildProtectionPlan TwoYears { get; } = new(24, "cp-plan-2-years");

    public RuleInfo Info { get; } = new(id, months == 24 ? "Child protection plan over 2 years without senior review" : "Child protection plan over 18 months without senior review",
        $"An open child protection plan has lasted {(months == 24 ? "2 years" : "the local standard (default 18 months)")} and no senior review of the plan is recorded since it reached {months - 1} months.",
        months == 24 ? "DfE children in need statistics (plans lasting 2 years or more); Ofsted focused visit to St Helens, 2018" : "Local standard (default 18 months); Ofsted focused visit to St Helens, 2018",
        "a senior manager's review of the plan is recorded", AlertSubject.Child, Counting.Days);

    // Most children have nothing this rule judges: they are passed over without starting a search.
    public IEnumerable<Alert> Evaluate(Child child, AsAt asAt) => OpenPlans.Any(child, asAt) ? Find(child, asAt) : [];

    private IEnumerable<Alert> Find(Child child, AsAt asAt)
    {
        var point = months == 24 ? 24 : asAt.Standards.LongPlanMonths;
        foreach (var plan in OpenPlans.Of(child, asAt))
        {
            var due = plan.StartDate.AddMonths(point);
            if (plan.SeniorReviewFor(point, asAt.Date) is not null)
            {
                continue;
            }

            if (Overdue(Info, child, due, asAt, $"The plan began on {Day(plan.StartDate)} and reached {point} months on {Day(due)} with no senior review recorded.") is { } alert)
            {
                yield return alert;
            }
        }
    }
}

/// <summary>A child who needs a child protection plan again soon after the last one ended is the pattern of
/// "revolving door" help the DfE counts (second or subsequent plans) and Ofsted asks about. A repeat plan that
/// began within 2 years of the end of the child's previous recorded plan should have a senior manager's review of
/// why the earlier plan did not keep the child safe, within 20 working days of the new plan's start.</summary>
public sealed class RepeatChildProtectionPlan : IChildRule
{
    /// <summary>Working days from the repeat plan's start (day 0) by which a senior review is expected.</summary>
    public const int ReviewWorkingDays = 20;

    public RuleInfo Info { get; } = new("repeat-cp-plan", "Repeat child protection plan without senior review",
        $"An open child protection plan began within 2 years of the end of the same child's previous recorded plan (the previous end date plus 2 years is on or after the new start), and no senior review of the new plan is recorded {ReviewWorkingDays} working days after its start (the start date is day 0). Previous plans known only by the census count NumberOfPreviousCPP, without dates, are not judged.",
        "DfE children in need statistics (second or subsequent child protection plans); Working Together to Safeguard Children 2023; local standard of 20 working days",
        "a senior manager's review of the new plan is recorded", AlertSubject.Child, Counting.WorkingDays);

    // Most children have nothing this rule judges: they are passed over before any list is made.
    public IEnumerable<Alert> Evaluate(Child child, AsAt asAt) => OpenPlans.Any(child, asAt) ? Find(child, asAt) : [];

    private IEnumerable<Alert> Find(Child child, AsAt asAt)
    {
        var plans = child.CinEpisodes.SelectMany(e => e.ChildProtectionPlans).ToList();
        foreach (var plan in plans)
        {
            if (!plan.IsOpenOn(asAt.Date) || plan.SeniorReviews.Exists(r => r.Date >= plan.StartDate && r.Date <= asAt.Date))
            {
                continue;
            }

            var previous = plans.Where(p => p != plan && p.EndDate is { } end && end <= plan.StartDate)
                .MaxBy(p => p.EndDate);
            if (previous?.EndDate is not { } previousEnd || previousEnd.AddYears(2) < plan.StartDate)
            {
                continue;
            }

            var due = asAt.Calendar.AddWorkingDays(plan.StartDate, ReviewWorkingDays);
            if (Overdue(Info, child, due, asAt, $"The child's previous plan ended on {Day(previousEnd)}; this plan began on {Day(plan.StartDate)}, and no senior review of it was recorded by {Day(due)}.") is { } alert)
            {
                yield return alert;
            }
        }
    }
}

/// <summary>A plan sets out what will be done by when, and what happens if it does not work. Ofsted repeatedly
/// finds plans "too generic and without timescales" and contingency planning "not evident" (Bury 2022,
/// St Helens 2018). Fires for an open plan with an outstanding action that has no due date, or a plan recorded
/// as having no contingency plan (a plan whose record is silent about contingency does not fire).</summary>
public sealed class PlanWithoutTimescales : IChildRule
{
    public RuleInfo Info { get; } = new("plan-without-timescales", "Plan without timescales or contingency",
        "An open child protection or child in need plan has an outstanding action with no due date, or is recorded as having no contingency plan.",
        "Ofsted monitoring visit to Bury, 2022; focused visit to St Helens, 2018",
        "every outstanding action has a due date and the plan's contingency is recorded", AlertSubject.Child, Counting.Days, "plan actions");

    // Most children have nothing this rule judges: they are passed over without starting a search.
    public IEnumerable<Alert> Evaluate(Child child, AsAt asAt) => OpenPlans.Any(child, asAt) || OpenPlans.AnyCin(child, asAt) ? Find(child, asAt) : [];

    private IEnumerable<Alert> Find(Child child, AsAt asAt)
    {
        foreach (var plan in OpenPlans.Of(child, asAt))
        {
            if (Judge(child, asAt, "child protection", plan.StartDate, plan.Actions, plan.HasContingencyPlan) is { } alert)
            {
                yield return alert;
            }
        }

        foreach (var plan in OpenPlans.CinOf(child, asAt))
        {
            if (Judge(child, asAt, "child in need", plan.StartDate, plan.Actions, plan.HasContingencyPlan) is { } alert)
            {
                yield return alert;
            }
        }
    }

    /// <summary>The alert for one open plan of either kind, or none.</summary>
    private Alert? Judge(Child child, AsAt asAt, string kind, DateOnly start, List<PlanAction> actions, bool? contingency)
    {
        var undated = actions.Count(a => a.DueDate is null && (a.CompletedDate is null || a.CompletedDate > asAt.Date));
        if (undated == 0 && contingency != false)
        {
            return null;
        }

        var gaps = new List<string>();
        if (undated > 0)
        {
            gaps.Add($"{undated} outstanding action{(undated == 1 ? " has" : "s have")} no due date");
        }

        if (contingency == false)
        {
            gaps.Add("no contingency plan is recorded");
        }

        var overdue = Math.Max(1, asAt.Date.DayNumber - start.DayNumber);
        return new Alert(Info, child.Id, null, start, overdue, Severities.For(overdue, Info.Counting),
            $"{Info.Name}. The {kind} plan that began on {Day(start)}: {string.Join(", and ", gaps)}. Clears when {Info.ClearsWhen}.");
    }
}

/// <summary>An action in an open plan past its due date and not completed, by its owner, so that partner
/// agencies are held to account too (Bury 2022: core groups "not always effective forums for holding partners
/// to account").</summary>
public sealed class PlanActionOverdue : IChildRule
{
    public RuleInfo Info { get; } = new("plan-action-overdue", "Plan action overdue",
        "An action in an open child protection or child in need plan is past its due date and not completed; the alert names the action's owner, a worker or a partner agency.",
        "Ofsted monitoring visit to Bury, 2022",
        "the action's completion is recorded, or its due date is revised in the plan", AlertSubject.Child, Counting.Days, "plan actions");

    // Most children have nothing this rule judges: they are passed over without starting a search.
    public IEnumerable<Alert> Evaluate(Child child, AsAt asAt) => OpenPlans.Any(child, asAt) || OpenPlans.AnyCin(child, asAt) ? Find(child, asAt) : [];

    private IEnumerable<Alert> Find(Child child, AsAt asAt)
    {
        foreach (var plan in OpenPlans.Of(child, asAt))
        {
            foreach (var action in plan.Actions)
            {
                if (Judge(child, asAt, action) is { } alert)
                {
                    yield return alert;
                }
            }
        }

        foreach (var plan in OpenPlans.CinOf(child, asAt))
        {
            foreach (var action in plan.Actions)
            {
                if (Judge(child, asAt, action) is { } alert)
                {
                    yield return alert;
                }
            }
        }
    }

    /// <summary>The alert for one action of an open plan, or none.</summary>
    private Alert? Judge(Child child, AsAt asAt, PlanAction action)
    {
        // Not late until the day after it was due: passed over before its text is written.
        if (action.DueDate is not { } due || due >= asAt.Date || (action.CompletedDate is { } done && done <= asAt.Date))
        {
            return null;
        }

        var owner = action.OwnerAgency ?? "the allocated worker";
        return Overdue(Info, child, due, asAt, $"\"{action.Description}\" (owner: {owner}) was due by {Day(due)} and is not recorded as done.");
    }
}
