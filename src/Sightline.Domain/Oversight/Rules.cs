using Sightline.Calendar;

namespace Sightline.Oversight;

/// <summary>What a rule is about: a child, a worker, or a plan.</summary>
public enum AlertSubject
{
    Child,
    Worker,
}

/// <summary>How a rule counts lateness: working days (statutory timescales in working days) or calendar days
/// (timescales in weeks or months).</summary>
public enum Counting
{
    WorkingDays,
    Days,
}

/// <summary>How urgent an alert is: it rises with time overdue (<see cref="Severities"/>).</summary>
public enum Severity
{
    Low,
    Medium,
    High,
    Critical,
}

/// <summary>A rule's name, definition and source, written once: the command line, the pages, the board pack
/// and the reference page all show this.</summary>
/// <param name="Id">A short stable identifier, used in filters and exports (for example <c>icpc-overdue</c>).</param>
/// <param name="Name">What a team manager calls it.</param>
/// <param name="Definition">Exactly when it fires: the clock, its start, what stops it.</param>
/// <param name="Source">The statutory guidance, regulation or local standard it comes from.</param>
/// <param name="ClearsWhen">What a worker records to clear it.</param>
/// <param name="Subject">Whether it names a child or a worker.</param>
/// <param name="Counting">Whether lateness is counted in working days or calendar days.</param>
/// <param name="Needs">The records it reads beyond the CIN census, for data coverage (for example "visits").</param>
public sealed record RuleInfo(string Id, string Name, string Definition, string Source, string ClearsWhen, AlertSubject Subject, Counting Counting, params string[] Needs);

/// <summary>The moment and the calendar every rule is evaluated against: never the machine's clock.</summary>
public sealed record AsAt(DateOnly Date, WorkingDayCalendar Calendar, LocalStandards Standards)
{
    /// <summary>How late something due on <paramref name="due"/> is on this date, in the rule's units (0 if not yet late).</summary>
    public int Overdue(DateOnly due, Counting counting) =>
        Date <= due ? 0 : counting == Counting.WorkingDays ? Calendar.CountWorkingDays(due, Date) : Date.DayNumber - due.DayNumber;
}

/// <summary>One child, worker or plan that needs a person's attention now, and why.</summary>
/// <param name="Rule">The rule that fired.</param>
/// <param name="ChildId">The child it is about, if any.</param>
/// <param name="WorkerId">The worker it is about, if any.</param>
/// <param name="Due">When the thing was due.</param>
/// <param name="Overdue">How late, in <see cref="RuleInfo.Counting"/> units, on the as-at date.</param>
/// <param name="Severity">Rises with <paramref name="Overdue"/>.</param>
/// <param name="Explanation">What happened and what was expected, with the dates, in a sentence a social worker accepts.</param>
public sealed record Alert(RuleInfo Rule, int? ChildId, int? WorkerId, DateOnly Due, int Overdue, Severity Severity, string Explanation);

/// <summary>Severity from time overdue, one scale for every rule: a week late is low, a month high.</summary>
public static class Severities
{
    /// <summary>The most overdue an alert can be and still be low, medium or high, in working days (1–5 low,
    /// 6–15 medium, 16–40 high, over 40 critical).</summary>
    public static IReadOnlyList<int> WorkingDayBands { get; } = [5, 15, 40];

    /// <summary>The same weeks in calendar days: 1–7 low, 8–21 medium, 22–56 high, over 56 critical.</summary>
    public static IReadOnlyList<int> DayBands { get; } = [7, 21, 56];

    public static Severity For(int overdue, Counting counting)
    {
        var bands = counting == Counting.WorkingDays ? WorkingDayBands : DayBands;
        for (var band = 0; band < bands.Count; band++)
        {
            if (overdue <= bands[band])
            {
                return (Severity)band;
            }
        }

        return Severity.Critical;
    }
}
