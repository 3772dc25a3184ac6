using System.Globalization;

namespace Sightline.Oversight;

/// <summary>How an indicator's value reads: a count, a rate per 10,000 children aged 0–17, a percentage, a
/// duration (working days, weeks or calendar months), or children per full-time case-holding worker.</summary>
public enum IndicatorUnit
{
    Count,
    Per10000,
    Percentage,
    WorkingDays,
    Weeks,
    Months,
    ChildrenPerFte,
}

/// <summary>An indicator's name, definition and source, written once.</summary>
/// <param name="Id">A short stable identifier (for example <c>re-referrals</c>).</param>
/// <param name="Name">What a board paper calls it.</param>
/// <param name="Definition">Numerator, denominator, inclusions, exclusions and period.</param>
/// <param name="Source">Where the definition and the England figure come from.</param>
/// <param name="Unit">How the value reads.</param>
/// <param name="England">The latest England figure in the same unit, where one is published.</param>
/// <param name="EnglandNote">What the England figure is (year and publication).</param>
public sealed record IndicatorInfo(string Id, string Name, string Definition, string Source, IndicatorUnit Unit, double? England = null, string? EnglandNote = null)
{
    /// <summary>The kinds of record beyond the CIN census the indicator reads (for example "visits"), as
    /// <see cref="DataCoverage"/> names them: where the council has loaded none, the indicator has no value
    /// rather than a value of nothing.</summary>
    public IReadOnlyList<string> Needs { get; init; } = [];

    /// <summary>A figure in this indicator's unit, as a board paper writes it: "22.6%", "41.2 per 10,000",
    /// "1,204", "33 working days", "16.2 children per FTE".</summary>
    public string Format(double value) => Unit switch
    {
        IndicatorUnit.Percentage => string.Create(English, $"{value:0.0}%"),
        IndicatorUnit.Per10000 => string.Create(English, $"{value:0.0} per 10,000"),
        IndicatorUnit.WorkingDays => string.Create(English, $"{value:0.#} working days"),
        IndicatorUnit.Weeks => string.Create(English, $"{value:0.#} weeks"),
        IndicatorUnit.Months => string.Create(English, $"{value:0.#} months"),
        IndicatorUnit.ChildrenPerFte => string.Create(English, $"{value:0.0} children per FTE"),
        _ => string.Create(English, $"{value:N0}"),
    };

    /// <summary>Whether the value is a length of time.</summary>
    public bool IsDuration => Unit is IndicatorUnit.WorkingDays or IndicatorUnit.Weeks or IndicatorUnit.Months;

    private static readonly CultureInfo English = CultureInfo.InvariantCulture;
}

/// <summary>A period of whole days, both ends inclusive.</summary>
public readonly record struct Period(DateOnly From, DateOnly To)
{
    public bool Contains(DateOnly date) => date >= From && date <= To;

    /// <summary>The twelve months ending on <paramref name="to"/>.</summary>
    public static Period YearTo(DateOnly to) => new(to.AddYears(-1).AddDays(1), to);

    /// <summary>Each calendar month of the period, the first and last cut to the period.</summary>
    public IEnumerable<Period> Months()
    {
        for (var start = new DateOnly(From.Year, From.Month, 1); start <= To; start = start.AddMonths(1))
        {
            var end = start.AddMonths(1).AddDays(-1);
            yield return new Period(start < From ? From : start, end > To ? To : end);
        }
    }
}

/// <summary>One band of a distribution: how many of the measured records fall in it, and their share of all
/// of them (a percentage; null when nothing was measured).</summary>
public sealed record IndicatorBand(string Label, int Count, double? Share);

/// <summary>An indicator's value over a period: the value, and the numerator and denominator behind it. The
/// numerator and denominator are counts of records, except where the indicator counts full-time equivalents
/// (average caseload, agency rate), which may be fractional. A distribution also carries its <see cref="Bands"/>:
/// a duration's value is then its median and its numerator the records measured, with no denominator;
/// pre-proceedings outcomes keep the share issued as their value, out of all decided.</summary>
public sealed record IndicatorValue(IndicatorInfo Indicator, Period Period, double? Value, double Numerator, double? Denominator)
{
    /// <summary>The distribution's bands in order, every band shown even when empty; none for an indicator
    /// that is a single figure.</summary>
    public IReadOnlyList<IndicatorBand> Bands { get; init; } = [];

    /// <summary>The kinds of record the indicator needs that the council has not loaded: why it has no value.</summary>
    public IReadOnlyList<string> Missing { get; init; } = [];

    /// <summary>The value as a board paper writes it: "22.6%", "41.2 per 10,000", "1,204", "median 33 working
    /// days"; "no data" when there is nothing to measure, saying which records are missing if that is why.</summary>
    public string Display => Value is not { } v
        ? Missing.Count > 0 ? $"no data: no {string.Join(" or ", Missing)} loaded" : "no data"
        : (Bands.Count > 0 && Indicator.IsDuration ? "median " : "") + Indicator.Format(v);

    /// <summary>The numerator and denominator as the table shows them: "412 / 1,204", or the count alone.</summary>
    public string Of => Denominator is { } d ? $"{Amount(Numerator)} / {Amount(d)}" : Amount(Numerator);

    /// <summary>A count as a whole number, a full-time equivalent to one decimal place.</summary>
    public static string Amount(double amount) =>
        amount == Math.Floor(amount) ? amount.ToString("N0", CultureInfo.InvariantCulture) : amount.ToString("N1", CultureInfo.InvariantCulture);
}

/// <summary>A population measure over a period, computed from a snapshot. Pure: no clock, no I/O.</summary>
public interface IIndicator
{
    IndicatorInfo Info { get; }

    IndicatorValue Compute(CouncilSnapshot snapshot, Period period, AsAt asAt);
}

/// <summary>Helpers that make each indicator read like its definition.</summary>
internal static class Measure
{
    public static IndicatorValue Share(IndicatorInfo info, Period period, double numerator, double denominator) =>
        new(info, period, denominator == 0 ? null : 100.0 * numerator / denominator, numerator, denominator);

    public static IndicatorValue PerTenThousand(IndicatorInfo info, Period period, int count, int? population) =>
        new(info, period, population is > 0 ? 10_000.0 * count / population.Value : null, count, population);

    public static IndicatorValue Count(IndicatorInfo info, Period period, int count, int? of = null) =>
        new(info, period, count, count, of);

    /// <summary>The value "no data" when the council has not loaded a kind of record the indicator needs, or
    /// null when it has them all.</summary>
    public static IndicatorValue? Uncovered(IndicatorInfo info, Period period, CouncilSnapshot snapshot)
    {
        var missing = info.Needs.Where(n => !snapshot.Coverage.Has(n)).ToList();
        return missing.Count == 0 ? null : new IndicatorValue(info, period, null, 0, null) { Missing = missing };
    }

    /// <summary>The median of <paramref name="values"/> (the mean of the middle two when there is an even number), or null when there are none.</summary>
    public static double? Median(IEnumerable<double> values)
    {
        var sorted = values.ToArray();
        if (sorted.Length == 0)
        {
            return null;
        }

        Array.Sort(sorted);
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /// <summary>Each band with its count and its share of <paramref name="total"/>.</summary>
    public static IReadOnlyList<IndicatorBand> Bands(IReadOnlyList<string> labels, int[] counts, int total) =>
        labels.Select((label, i) => new IndicatorBand(label, counts[i], total == 0 ? null : 100.0 * counts[i] / total)).ToList();
}

/// <summary>Bands of a duration, each holding the durations up to its inclusive upper limit and above the band
/// before's; the last band has no upper limit. Durations are whole numbers in the bands' own measure (working
/// days, days, completed months), so every duration falls in exactly one band.</summary>
internal sealed class DurationBands(params (string Label, int UpTo)[] bands)
{
    public IReadOnlyList<string> Labels { get; } = bands.Select(b => b.Label).ToList();

    /// <summary>The labels as a definition lists them: "a, b and c".</summary>
    public string Listed => string.Join(", ", Labels.Take(Labels.Count - 1)) + " and " + Labels[^1];

    /// <summary>The band a duration falls in (a negative duration, which only bad data gives, in the first).</summary>
    public int IndexOf(int duration)
    {
        for (var i = 0; i < bands.Length - 1; i++)
        {
            if (duration <= bands[i].UpTo)
            {
                return i;
            }
        }

        return bands.Length - 1;
    }

    /// <summary>The distribution of <paramref name="durations"/> (each the whole number the bands are drawn in,
    /// and the duration in the indicator's unit): the median in the indicator's unit, the number measured, and
    /// every band's count and share.</summary>
    public IndicatorValue Distribute(IndicatorInfo info, Period period, IReadOnlyCollection<(int Banded, double Duration)> durations)
    {
        var counts = new int[bands.Length];
        foreach (var (banded, _) in durations)
        {
            counts[IndexOf(banded)]++;
        }

        return new IndicatorValue(info, period, Measure.Median(durations.Select(d => d.Duration)), durations.Count, null)
        {
            Bands = Measure.Bands(Labels, counts, durations.Count),
        };
    }
}

/// <summary>Lengths of time measured as the rules measure them.</summary>
internal static class Durations
{
    /// <summary>Whole calendar months from <paramref name="start"/> to <paramref name="end"/>: the most months
    /// whose anniversary (<see cref="DateOnly.AddMonths"/>) falls on or before the end. A plan from 15 March
    /// 2023 to 15 March 2025 lasted 24; to 14 March 2025, 23.</summary>
    public static int CompletedMonths(DateOnly start, DateOnly end)
    {
        // The anniversary in the end's own month is on or before the end, or the one a month earlier is.
        var months = (end.Year - start.Year) * 12 + end.Month - start.Month;
        return start.AddMonths(months) > end ? months - 1 : months;
    }

    /// <summary>Calendar months from <paramref name="start"/> to <paramref name="end"/> with the part month as a
    /// fraction of that month's length: 15 January to 30 April is 3 months and 15 of the 30 days to 15 May, 3.5.</summary>
    public static double Months(DateOnly start, DateOnly end)
    {
        var whole = CompletedMonths(start, end);
        var from = start.AddMonths(whole);
        var next = start.AddMonths(whole + 1);
        return whole + (double)(end.DayNumber - from.DayNumber) / (next.DayNumber - from.DayNumber);
    }

    /// <summary>Days from <paramref name="start"/> to <paramref name="end"/> (the same day is 0).</summary>
    public static int Days(DateOnly start, DateOnly end) => end.DayNumber - start.DayNumber;
}

/// <summary>Whether something that recurs on a clock (a review conference, a statutory visit) happened on time,
/// judged exactly as the alert for it judges a date: the next occasion is due at <c>dueAfter(last)</c>, where
/// <c>last</c> is the latest event so far (null before the first), and it is met when an event by the due date
/// moves the next due date past it. A missed occasion is followed by the next event, however late, from which
/// the clock runs again.</summary>
internal static class OnTime
{
    /// <summary>Counts the occasions due within <paramref name="period"/> and on or before <paramref name="until"/>
    /// (the end of the plan, if it has ended; a plan is open on its last day), and how many were met.</summary>
    /// <param name="events">The dates of the events that meet an occasion, in any order.</param>
    /// <param name="dueAfter">The alert's own due date, given the latest event so far.</param>
    /// <param name="period">Occasions due in this period count (both ends inclusive).</param>
    /// <param name="until">The last day on which an occasion can be due.</param>
    public static (int Due, int Met) Count(IEnumerable<DateOnly> events, Func<DateOnly?, DateOnly> dueAfter, Period period, DateOnly? until)
    {
        int due = 0, met = 0;
        foreach (var (date, kept) in Occasions(events.Order().ToArray(), dueAfter, until is { } u && u < period.To ? u : period.To))
        {
            if (period.Contains(date))
            {
                due++;
                met += kept ? 1 : 0;
            }
        }

        return (due, met);
    }

    /// <summary>Every occasion due on or before <paramref name="last"/> (with no last day, until the events run out),
    /// in the order the clock reaches them, each with whether it was met.</summary>
    /// <param name="sorted">The dates of the events, in order.</param>
    /// <param name="dueAfter">The alert's own due date, given the latest event so far.</param>
    /// <param name="last">The last day on which an occasion can be due; null for no limit. Each occasion moves the
    /// clock on by at least one event, or ends it, so the occasions end even without one.</param>
    public static IEnumerable<(DateOnly Due, bool Met)> Occasions(DateOnly[] sorted, Func<DateOnly?, DateOnly> dueAfter, DateOnly? last)
    {
        var next = 0;
        DateOnly? latest = null;
        for (var date = dueAfter(null); last is not { } l || date <= l; date = dueAfter(latest))
        {
            while (next < sorted.Length && sorted[next] <= date)
            {
                latest = sorted[next++];
            }

            var kept = dueAfter(latest) > date;
            yield return (date, kept);
            if (!kept)
            {
                // Missed: the clock runs again from the next event, however late; without one nothing more is due.
                if (next == sorted.Length)
                {
                    yield break;
                }

                latest = sorted[next++];
            }
        }
    }
}
