using Sightline.Calendar;
using Sightline.Model;
using Sightline.Oversight.Workforce;

namespace Sightline.Oversight.Supervision;

/// <summary>How a due supervision session turned out.</summary>
public enum SupervisionOutcome
{
    /// <summary>A formal session was held on or before the due date.</summary>
    Met,

    /// <summary>None was held by the due date, and a session recorded as not held gives the reason.</summary>
    MissedWithReason,

    /// <summary>None was held by the due date and no reason is recorded.</summary>
    Missed,
}

/// <summary>A due date, and how many working days of absence moved it later.</summary>
public readonly record struct DueDate(DateOnly Date, int PausedWorkingDays);

/// <summary>One supervision session a worker was due, and how it turned out.</summary>
/// <param name="Worker">The worker supervised.</param>
/// <param name="ClockStart">The day the clock started: the worker's start (or the first day of the council's
/// supervision records), the last formal session held, or the previous due date when that was missed.</param>
/// <param name="IntervalDays">The interval that applied, by the worker's role and stage on <paramref name="ClockStart"/>.</param>
/// <param name="Due">The due date: <paramref name="ClockStart"/> plus the interval, moved one working day later for
/// each working day the worker was absent in between.</param>
/// <param name="PausedWorkingDays">The working days of absence that moved the due date.</param>
/// <param name="Outcome">Met, missed with reason, or missed.</param>
/// <param name="HeldOn">For a met session, the first formal session held after the clock started.</param>
/// <param name="RecordedAsNotHeld">Whether a session recorded as not held belongs to this due date.</param>
/// <param name="Reason">For a session missed with reason, the reason recorded. Free text: untrusted wherever shown.</param>
public sealed record DueSession(Worker Worker, DateOnly ClockStart, int IntervalDays, DateOnly Due, int PausedWorkingDays,
    SupervisionOutcome Outcome, DateOnly? HeldOn, bool RecordedAsNotHeld, string? Reason);

/// <summary>The supervision clock: when each session is due, pausing for absence, and how each due session turned
/// out. Compliance, the supervision alerts, the command line and the pages all take due dates from here.</summary>
/// <remarks>
/// <para>The clock starts on the later of the worker's start date and the first day of the council's supervision
/// records (<see cref="WorkforceRecords.RecordsBegin"/>), and restarts at each formal session held. A session is due
/// when the interval for the worker's role and stage (<see cref="SupervisionSchedule"/>) has passed since the clock
/// started, counting only time the worker was at work: each working day of recorded absence (of any kind: sickness,
/// maternity, secondment, leave) between the clock's start and the due date moves the due date one working day
/// later. A worker away Monday to Friday is due a week later, on the day they return; an absence with no end date
/// pauses the clock until it ends; absence on weekends and bank holidays moves nothing.</para>
/// <para>A due session is <b>met</b> when a formal session is held after the clock started and on or before the due
/// date; the clock then restarts from the last session held by the due date, so sessions more frequent than required
/// do not add to what was due, and a session held early brings the next due date forward. Otherwise it is
/// <b>missed with reason</b> when a formal session recorded as not held, with a reason, is dated after the previous
/// due date (or the clock's first start) and on or before this one, and <b>missed</b> when not. After a missed
/// session the clock restarts at the missed due date, so each further interval without supervision is another
/// missed session. The first session held after a missed due date belongs to whichever due date it is nearer: nearer
/// the missed one (or midway), it was held late, is not counted as met, and the clock restarts from it; nearer the
/// next, it meets the next. So a worker supervised a week late every time is never on time, and a worker who misses
/// one session and is then seen on the usual day has that one missed and the rest met.</para>
/// <para>No session is due after the worker's leaving date, nor for a role that is not measured. Informal case
/// discussions are not supervision and play no part.</para>
/// </remarks>
public static class SupervisionClock
{
    /// <summary>The day the worker's clock first starts: the later of their start date and the first day of the
    /// council's supervision records; null when no supervision is loaded.</summary>
    public static DateOnly? FirstStart(Worker worker, WorkforceRecords records) =>
        records.RecordsBegin is not { } begin ? null : worker.StartDate > begin ? worker.StartDate : begin;

    /// <summary>The date a session is due when the clock started on <paramref name="clockStart"/>: the interval in
    /// calendar days, then one working day later for each working day of absence after <paramref name="clockStart"/>
    /// and on or before the due date. Null when that falls after <paramref name="limit"/>, or an absence with no end
    /// has begun by then (the clock is paused until it ends).</summary>
    public static DueDate? Due(DateOnly clockStart, int intervalDays, IReadOnlyList<AbsenceSpell> absences, WorkingDayCalendar calendar, DateOnly limit)
    {
        var undelayed = clockStart.AddDays(intervalDays);
        if (undelayed > limit)
        {
            return null;
        }

        // Each pass counts the absence up to the candidate date and moves the date on by that many working days;
        // the count only grows, so the first date that needs no further move is the due date.
        var due = undelayed;
        var paused = 0;
        while (true)
        {
            if (AbsentWorkingDays(clockStart, due, absences, calendar) is not { } absent)
            {
                return null;
            }

            if (absent == paused)
            {
                return new DueDate(due, paused);
            }

            paused = absent;
            try
            {
                due = calendar.AddWorkingDays(undelayed, paused);
            }
            catch (CalendarNotCoveredException) when (limit.Year <= calendar.LastYear)
            {
                return null;
            }

            if (due > limit)
            {
                return null;
            }
        }
    }

    /// <summary>Every session the worker was due on or before <paramref name="until"/>, in order, with its outcome.</summary>
    public static IEnumerable<DueSession> DueSessions(Worker worker, WorkforceRecords records, WorkingDayCalendar calendar, LocalStandards standards, DateOnly until)
    {
        if (FirstStart(worker, records) is not { } clock || !SupervisionSchedule.IsMeasured(worker, standards))
        {
            yield break;
        }

        var supervision = records.SupervisionOf(worker);
        var limit = worker.LeavingDate is { } left && left < until ? left : until;
        var previousDue = clock;
        var afterMiss = false;
        while (SupervisionSchedule.IntervalDays(worker, clock, standards) is { } interval
               && Due(clock, interval, supervision.Absences, calendar, limit) is { } due)
        {
            if (afterMiss)
            {
                // The first session after a missed due date belongs to whichever due date it is nearer: to the
                // missed one (or midway), it is late, not met, and the clock restarts from it; to the next, it meets it.
                afterMiss = false;
                if (supervision.FirstHeld(clock, due.Date) is { } late && late.DayNumber - clock.DayNumber <= due.Date.DayNumber - late.DayNumber)
                {
                    clock = late;
                    continue;
                }
            }

            if (supervision.LastHeld(clock, due.Date) is { } last)
            {
                yield return new DueSession(worker, clock, interval, due.Date, due.PausedWorkingDays, SupervisionOutcome.Met, supervision.FirstHeld(clock, due.Date), false, null);
                clock = last;
            }
            else
            {
                var (recorded, reason) = NotHeld(supervision, previousDue, due.Date);
                yield return new DueSession(worker, clock, interval, due.Date, due.PausedWorkingDays,
                    reason is null ? SupervisionOutcome.Missed : SupervisionOutcome.MissedWithReason, null, recorded, reason);
                clock = due.Date;
                afterMiss = true;
            }

            previousDue = due.Date;
        }
    }

    /// <summary>The next session due after the last formal session held on or before <paramref name="asAt"/> (or
    /// the clock's first start), with the day the clock started; null when none falls due by
    /// <paramref name="asAt"/>, the worker's role is not measured, or no supervision is loaded.</summary>
    public static (DateOnly ClockStart, int IntervalDays, DueDate Due)? Current(Worker worker, WorkforceRecords records, WorkingDayCalendar calendar, LocalStandards standards, DateOnly asAt)
    {
        if (FirstStart(worker, records) is not { } first || first > asAt || !SupervisionSchedule.IsMeasured(worker, standards))
        {
            return null;
        }

        var supervision = records.SupervisionOf(worker);
        var clock = supervision.LastHeld(first, asAt) ?? first;
        return SupervisionSchedule.IntervalDays(worker, clock, standards) is { } interval && Due(clock, interval, supervision.Absences, calendar, asAt) is { } due
            ? (clock, interval, due)
            : null;
    }

    /// <summary>The working days of absence after <paramref name="after"/> and on or before <paramref name="to"/>;
    /// null when an absence with no end has begun by <paramref name="to"/>.</summary>
    private static int? AbsentWorkingDays(DateOnly after, DateOnly to, IReadOnlyList<AbsenceSpell> absences, WorkingDayCalendar calendar)
    {
        var days = 0;
        foreach (var spell in absences)
        {
            if (spell.From > to)
            {
                break;
            }

            if (spell.To is null)
            {
                return null;
            }

            var from = spell.From > after ? spell.From : after.AddDays(1);
            var end = spell.To.Value < to ? spell.To.Value : to;
            if (from <= end)
            {
                days += calendar.CountWorkingDays(from, end) + (calendar.IsWorkingDay(from) ? 1 : 0);
            }
        }

        return days;
    }

    /// <summary>The sessions recorded as not held after <paramref name="after"/> and on or before
    /// <paramref name="due"/>: whether there is one, and the first reason given.</summary>
    private static (bool Recorded, string? Reason) NotHeld(WorkerSupervisionRecords supervision, DateOnly after, DateOnly due)
    {
        var recorded = false;
        foreach (var (date, reason) in supervision.NotHeld)
        {
            if (date > due)
            {
                break;
            }

            if (date > after)
            {
                recorded = true;
                if (reason is not null)
                {
                    return (true, reason);
                }
            }
        }

        return (recorded, null);
    }
}
