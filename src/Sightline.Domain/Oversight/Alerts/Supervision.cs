using Sightline.Model;
using Sightline.Oversight.Supervision;
using Sightline.Oversight.Workforce;
using static Sightline.Oversight.RuleText;

namespace Sightline.Oversight.Alerts;

/// <summary>A worker without formal supervision within their required interval, counting only time at work (the
/// Walsall scrutiny group asked that the supervision tool "take account of staff member of absence, for example due
/// to illness or being on maternity leave"). The due date is <see cref="SupervisionClock.Current"/>'s.</summary>
public sealed class SupervisionOverdue : IWorkerRule
{
    public RuleInfo Info { get; } = new("supervision-overdue", "Supervision overdue",
        "A worker in post whose supervision is measured (case-holding workers, by default) has had no formal supervision session held within their required interval (every 4 weeks; weekly for the first 6 weeks of the ASYE, then fortnightly to 6 months) of their last one, or of their start or the first day of the supervision records if later. Each working day of recorded absence in between moves the due date one working day later; it does not fire while the worker is absent, and the days overdue leave out days of absence.",
        "Walsall Ofsted working group, 2018 (recommendation 3.9: take account of absence); local supervision policy (timescales notes)",
        "a formal supervision session is recorded as held", AlertSubject.Worker, Counting.Days, "supervision");

    public IEnumerable<Alert> Evaluate(Worker worker, WorkforceRecords records, AsAt asAt)
    {
        var supervision = records.SupervisionOf(worker);
        if (!worker.IsInPostOn(asAt.Date) || supervision.IsAbsentOn(asAt.Date)
            || SupervisionClock.Current(worker, records, asAt.Calendar, asAt.Standards, asAt.Date) is not { } current || current.Due.Date >= asAt.Date)
        {
            yield break;
        }

        var overdue = Math.Max(1, supervision.DaysAtWork(current.Due.Date, asAt.Date));
        var since = supervision.LastHeld(DateOnly.MinValue, asAt.Date) == current.ClockStart
            ? $"The worker's last formal supervision was on {Day(current.ClockStart)}."
            : $"No formal supervision is recorded since {(current.ClockStart == worker.StartDate ? "the worker started" : "the supervision records began")} on {Day(current.ClockStart)}.";
        var paused = current.Due.PausedWorkingDays > 0 ? $", moved {current.Due.PausedWorkingDays} working day{(current.Due.PausedWorkingDays == 1 ? "" : "s")} later for absence" : "";
        yield return new Alert(Info, null, worker.Id, current.Due.Date, overdue, Severities.For(overdue, Info.Counting),
            $"{Info.Name} by {Late(overdue, Info.Counting)}. {since} They are supervised {SupervisionSchedule.Describe(worker, current.ClockStart, asAt.Standards)}, so the next session was due by {Day(current.Due.Date)}{paused}. Clears when {Info.ClearsWhen}.");
    }
}

/// <summary>A due supervision session that did not take place and has no recorded reason (Walsall recommendation
/// 3.9(a)(ii): "an explanation for when supervision meeting could not take place"). Looks back 3 months, so that an
/// old gap does not stay on a manager's list for ever; it still counts as missed in compliance.</summary>
public sealed class SupervisionMissedWithoutReason : IWorkerRule
{
    /// <summary>How far back a missed session is shown.</summary>
    public const int LookBackMonths = 3;

    public RuleInfo Info { get; } = new("supervision-missed-no-reason", "Supervision not held, no reason recorded",
        "A worker in post had a formal supervision session due in the 3 months before the as-at date (due dates as for \"Supervision overdue\"), none was held by the due date, and no session recorded as not held, with a reason, is dated after the previous due date and on or before this one.",
        "Walsall Ofsted working group, 2018 (recommendation 3.9(a)(ii): record why supervision could not take place)",
        "the reason the session did not take place is recorded (a session marked not held, with its reason, dated on or before the due date)",
        AlertSubject.Worker, Counting.Days, "supervision");

    public IEnumerable<Alert> Evaluate(Worker worker, WorkforceRecords records, AsAt asAt)
    {
        if (!worker.IsInPostOn(asAt.Date))
        {
            yield break;
        }

        var from = asAt.Date.AddMonths(-LookBackMonths);
        foreach (var due in SupervisionClock.DueSessions(worker, records, asAt.Calendar, asAt.Standards, asAt.Date.AddDays(-1)))
        {
            if (due.Outcome != SupervisionOutcome.Missed || due.Due <= from)
            {
                continue;
            }

            var overdue = asAt.Date.DayNumber - due.Due.DayNumber;
            var recorded = due.RecordedAsNotHeld ? " A session is recorded as not held, without a reason." : "";
            yield return new Alert(Info, null, worker.Id, due.Due, overdue, Severities.For(overdue, Info.Counting),
                $"{Info.Name}. A formal supervision session was due by {Day(due.Due)} and none was held by then.{recorded} Clears when {Info.ClearsWhen}.");
        }
    }
}

/// <summary>An action agreed in supervision past its due date and not done (Bury 2022: "actions to progress cases
/// are not always being completed and are too generic and lack timescales for completion").</summary>
public sealed class SupervisionActionOverdue : IWorkerRule
{
    /// <summary>How lateness is counted: calendar days after the due date.</summary>
    private const Counting Counted = Counting.Days;

    public RuleInfo Info { get; } = new("supervision-action-overdue", "Supervision action overdue",
        "An action agreed in a worker's supervision (a formal session or an informal case discussion) on or before the as-at date has a due date before it and no completion recorded by it. Workers in post only.",
        "Ofsted monitoring visit to Bury, 2022 (actions without timescales, not completed); timescales notes",
        "the action's completion is recorded", AlertSubject.Worker, Counted, "supervision actions");

    /// <summary>Whether the action is open on <paramref name="date"/>: agreed in a session held on or before it, and
    /// with no completion dated on or before it (an action done on a day is closed from that day).</summary>
    public static bool IsOpenOn(SupervisionSession session, SupervisionAction action, DateOnly date) =>
        session.Date <= date && !(action.CompletedDate <= date);

    /// <summary>How late the action is as at the date, as this rule counts it (calendar days after the due date): 0
    /// when it is not open on the date, has no due date, or is not yet late. The rule and the pages that list open
    /// actions use this one calculation.</summary>
    public static int DaysOverdue(SupervisionSession session, SupervisionAction action, AsAt asAt) =>
        IsOpenOn(session, action, asAt.Date) && action.DueDate is { } due ? asAt.Overdue(due, Counted) : 0;

    public IEnumerable<Alert> Evaluate(Worker worker, WorkforceRecords records, AsAt asAt)
    {
        if (!worker.IsInPostOn(asAt.Date))
        {
            yield break;
        }

        foreach (var (session, action) in records.SupervisionOf(worker).Actions)
        {
            if (DaysOverdue(session, action, asAt) == 0 || action.DueDate is not { } due)
            {
                continue;
            }

            var where = session.Kind == SupervisionKind.Formal ? "in formal supervision" : "in an informal case discussion";
            var about = action.ChildId is null ? "" : " for a child";
            if (Overdue(Info, action.ChildId, worker.Id, due, asAt, $"An action agreed {where} on {Day(session.Date)}{about} was due by {Day(due)} and is not recorded as done.") is { } alert)
            {
                yield return alert;
            }
        }
    }
}

/// <summary>An allocated child whose case has not been discussed in formal supervision within its local standard
/// (<see cref="CaseSupervision"/>): 4 weeks on a child protection plan or in pre-proceedings, 6 weeks otherwise.</summary>
public sealed class CaseNotSupervised : IWorkerRule
{
    public RuleInfo Info { get; } = new("case-not-supervised", "Case not discussed in supervision",
        "A child with an open case allocated to a worker on the as-at date has not been discussed in a formal supervision session held within the local standard (default 4 weeks on a child protection plan or in PLO pre-proceedings, 6 weeks otherwise) of the last such discussion, or of the referral that opened the case if later. Informal case discussions do not count.",
        "Ofsted focused visit to Sefton, March 2021 (the effectiveness of case supervision); Walsall Ofsted working group, 2018 (recommendation 3.11); local standard",
        "a formal supervision session in which the child's case was discussed is recorded", AlertSubject.Child, Counting.Days, "supervision", "allocations");

    public IEnumerable<Alert> Evaluate(Worker worker, WorkforceRecords records, AsAt asAt)
    {
        foreach (var status in CaseSupervision.Of(worker, records, asAt))
        {
            if (status.IsWithinStandardOn(asAt.Date))
            {
                continue;
            }

            var kind = status.Protection ? "a child protection or pre-proceedings case" : "an open case";
            var last = status.LastDiscussed is { } discussed && discussed >= status.ClockStart
                ? $"The case was last discussed in formal supervision on {Day(discussed)}."
                : $"The case has not been discussed in formal supervision since the referral on {Day(status.ClockStart)}.";
            if (Overdue(Info, status.Child.Id, worker.Id, status.Due, asAt, $"{last} As {kind}, it is discussed at least every {status.Weeks} weeks, so the next discussion was due by {Day(status.Due)}.") is { } alert)
            {
                yield return alert;
            }
        }
    }
}
