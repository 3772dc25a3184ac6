using System.Globalization;
using Sightline.Model;

namespace Sightline.Oversight;

/// <summary>An alert rule: its name, definition and source. Each is a <see cref="IChildRule"/> or an <see cref="IWorkerRule"/>.</summary>
public interface IRule
{
    RuleInfo Info { get; }
}

/// <summary>A rule about one child: given the child's whole record and the as-at date, the alerts it raises.
/// Rules are pure: no clock, no database, no I/O.</summary>
public interface IChildRule : IRule
{
    IEnumerable<Alert> Evaluate(Child child, AsAt asAt);
}

/// <summary>A rule run once for each worker, over the workforce records: about the worker (supervision, caseload) or
/// about the children allocated to them (case supervision). Pure, like <see cref="IChildRule"/>.</summary>
public interface IWorkerRule : IRule
{
    IEnumerable<Alert> Evaluate(Worker worker, Workforce.WorkforceRecords records, AsAt asAt);
}

/// <summary>Small helpers the rules share, so that each reads like its definition.</summary>
internal static class RuleText
{
    // The invariant culture names days and months in English, which is what the product speaks.
    private static readonly CultureInfo English = CultureInfo.InvariantCulture;

    // Each day from 1 January 1990 to 31 December 2099 written once, on first use: every alert names a day or two, and
    // a council's alerts name a few thousand different days.
    private static readonly int FirstDayKept = new DateOnly(1990, 1, 1).DayNumber;
    private static readonly string?[] DaysWritten = new string?[new DateOnly(2100, 1, 1).DayNumber - FirstDayKept];

    /// <summary>A date as a social worker writes it: "Monday 3 March 2025".</summary>
    public static string Day(DateOnly date)
    {
        var k = date.DayNumber - FirstDayKept;
        if ((uint)k >= (uint)DaysWritten.Length)
        {
            return Write(date);
        }

        // Two threads may both write one; they write the same text.
        return DaysWritten[k] ??= Write(date);

        static string Write(DateOnly date) => date.ToString("dddd d MMMM yyyy", English);
    }

    // "5 working days" and "5 days" for up to 10,000 days late (working or not), written once each on first use: a council has
    // hundreds of thousands of alerts, and most are a few days or weeks late.
    private static readonly string?[] LateWorkingDays = new string?[10_000];
    private static readonly string?[] LateDays = new string?[10_000];

    /// <summary>"5 working days" or "1 day".</summary>
    public static string Late(int overdue, Counting counting)
    {
        var known = counting == Counting.WorkingDays ? LateWorkingDays : LateDays;
        if (overdue < 0 || overdue >= known.Length)
        {
            return Write(overdue, counting);
        }

        // Two threads may both write one; they write the same text.
        return known[overdue] ??= Write(overdue, counting);

        static string Write(int overdue, Counting counting) =>
            $"{overdue} {(counting == Counting.WorkingDays ? "working day" : "day")}{(overdue == 1 ? "" : "s")}";
    }

    /// <summary>An alert for something due on <paramref name="due"/> and not done by the as-at date, or none if not yet late.</summary>
    public static Alert? Overdue(RuleInfo rule, Child child, DateOnly due, AsAt asAt, string whatHappened) =>
        Overdue(rule, child.Id, null, due, asAt, whatHappened);

    /// <summary>An alert about a child, a worker or both, for something due on <paramref name="due"/> and not done by
    /// the as-at date, or none if not yet late.</summary>
    public static Alert? Overdue(RuleInfo rule, int? childId, int? workerId, DateOnly due, AsAt asAt, string whatHappened)
    {
        var overdue = asAt.Overdue(due, rule.Counting);
        if (overdue <= 0)
        {
            return null;
        }

        return new Alert(rule, childId, workerId, due, overdue, Severities.For(overdue, rule.Counting),
            $"{rule.Name} by {Late(overdue, rule.Counting)}. {whatHappened} Clears when {rule.ClearsWhen}.");
    }

    /// <summary>Whether an episode is open on the as-at date: <see cref="OpenEpisodes"/> is not empty.</summary>
    public static bool AnyOpenEpisode(Child child, AsAt asAt)
    {
        foreach (var episode in child.CinEpisodes)
        {
            if (episode.IsOpenOn(asAt.Date))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The episodes open on the as-at date.</summary>
    public static IEnumerable<CinEpisode> OpenEpisodes(Child child, AsAt asAt)
    {
        // A loop rather than a query: every rule asks this of every child, most of whom have nothing open.
        foreach (var episode in child.CinEpisodes)
        {
            if (episode.IsOpenOn(asAt.Date))
            {
                yield return episode;
            }
        }
    }
}
