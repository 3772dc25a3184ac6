using Sightline.Model;
using static Sightline.Oversight.RuleText;

namespace Sightline.Oversight.Alerts;

/// <summary>Pre-proceedings should normally last no longer than 16 weeks from their start (the letter before
/// proceedings) to the decision to step down or issue (Public Law Working Group best practice guidance,
/// March 2021; the PLO relaunch, January 2023).</summary>
public sealed class PreProceedingsOver16Weeks : IChildRule
{
    public RuleInfo Info { get; } = new("plo-over-16-weeks", "Pre-proceedings over 16 weeks",
        "PLO pre-proceedings have been open more than 16 weeks since they started, with no decision to step down or issue recorded.",
        "Public Law Working Group best practice guidance, March 2021; PLO relaunch, January 2023",
        "the decision to step down or issue proceedings is recorded", AlertSubject.Child, Counting.Days);

    // Most children have nothing this rule judges: they are passed over without starting a search.
    public IEnumerable<Alert> Evaluate(Child child, AsAt asAt) => child.PreProceedings.Count > 0 ? Find(child, asAt) : [];

    private IEnumerable<Alert> Find(Child child, AsAt asAt)
    {
        foreach (var pre in child.PreProceedings.Where(p => p.AwaitsDecisionOn(asAt.Date)))
        {
            var due = pre.NormalEnd;
            if (Overdue(Info, child, due, asAt, $"Pre-proceedings started on {Day(pre.StartDate)} and reached 16 weeks on {Day(due)} with no decision recorded.") is { } alert)
            {
                yield return alert;
            }
        }
    }
}

/// <summary>Pre-proceedings are actively reviewed: a review meeting at least every
/// <see cref="LocalStandards.PreProceedingsReviewWeeks"/> weeks (local standard, default 6; Sefton 2021), counted
/// from the initial meeting (or the start) or the last review meeting. Where the council reports only a count of
/// review meetings and no dates, the rule cannot tell and does not fire.</summary>
public sealed class PreProceedingsNotReviewed : IChildRule
{
    public RuleInfo Info { get; } = new("plo-not-reviewed", "Pre-proceedings not reviewed",
        "Open PLO pre-proceedings have had no review meeting within the local standard (default 6 weeks) of the initial meeting (or start) or the last review meeting.",
        "Local standard (default every 6 weeks); Ofsted focused visit to Sefton, 2021",
        "the review meeting's date is recorded", AlertSubject.Child, Counting.Days);

    // Most children have nothing this rule judges: they are passed over without starting a search.
    public IEnumerable<Alert> Evaluate(Child child, AsAt asAt) => child.PreProceedings.Count > 0 ? Find(child, asAt) : [];

    private IEnumerable<Alert> Find(Child child, AsAt asAt)
    {
        foreach (var pre in child.PreProceedings.Where(p => p.AwaitsDecisionOn(asAt.Date)))
        {
            if (pre.Reviews.Count == 0 && pre.ReportedReviewMeetingCount > 0)
            {
                continue;
            }

            var last = pre.LastReviewOn(asAt.Date);
            var due = pre.NextReviewDueOn(asAt.Date, asAt.Standards.PreProceedingsReviewWeeks);
            var from = due.AddDays(-asAt.Standards.PreProceedingsReviewWeeks * 7);
            var since = last is { } reviewed ? $"The last review meeting was on {Day(reviewed)}." : $"No review meeting is recorded since {Day(from)}.";
            if (Overdue(Info, child, due, asAt, $"{since} The next was due by {Day(due)}.") is { } alert)
            {
                yield return alert;
            }
        }
    }
}

/// <summary>Care proceedings are decided without delay and in any event within 26 weeks of issue (Children Act
/// 1989 s32(1)(a)(ii), inserted by the Children and Families Act 2014 s14).</summary>
public sealed class CareProceedingsOver26Weeks : IChildRule
{
    public RuleInfo Info { get; } = new("care-proceedings-over-26-weeks", "Care proceedings over 26 weeks",
        "Care proceedings issued more than 26 weeks ago have no final order recorded.",
        "Children Act 1989 s32(1)(a)(ii), inserted by the Children and Families Act 2014 s14",
        "the final order and its date are recorded", AlertSubject.Child, Counting.Days);

    // Most children have nothing this rule judges: they are passed over without starting a search.
    public IEnumerable<Alert> Evaluate(Child child, AsAt asAt) => child.CareProceedings.Count > 0 ? Find(child, asAt) : [];

    private IEnumerable<Alert> Find(Child child, AsAt asAt)
    {
        foreach (var proceedings in child.CareProceedings.Where(p => p.AwaitsFinalOrderOn(asAt.Date)))
        {
            var due = proceedings.IssueDate.AddDays(CareProceedings.StatutoryWeeks * 7);
            if (Overdue(Info, child, due, asAt, $"Proceedings were issued on {Day(proceedings.IssueDate)}; 26 weeks ran out on {Day(due)}.") is { } alert)
            {
                yield return alert;
            }
        }
    }
}
