namespace Sightline.Oversight;

/// <summary>How an indicator's value reads: a count, a rate per 10,000 children aged 0–17, or a percentage.</summary>
public enum IndicatorUnit
{
    Count,
    Per10000,
    Percentage,
}

/// <summary>An indicator's name, definition and source, written once.</summary>
/// <param name="Id">A short stable identifier (for example <c>re-referrals</c>).</param>
/// <param name="Name">What a board paper calls it.</param>
/// <param name="Definition">Numerator, denominator, inclusions, exclusions and period.</param>
/// <param name="Source">Where the definition and the England figure come from.</param>
/// <param name="Unit">How the value reads.</param>
/// <param name="England">The latest England figure in the same unit, where one is published.</param>
/// <param name="EnglandNote">What the England figure is (year and publication).</param>
public sealed record IndicatorInfo(string Id, string Name, string Definition, string Source, IndicatorUnit Unit, double? England = null, string? EnglandNote = null);

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

/// <summary>An indicator's value over a period: the value, and the numerator and denominator behind it.</summary>
public sealed record IndicatorValue(IndicatorInfo Indicator, Period Period, double? Value, int Numerator, int? Denominator)
{
    /// <summary>The value as a board paper writes it: "22.6%", "41.2 per 10,000", "1,204".</summary>
    public string Display => Value is not { } v ? "no data" : Indicator.Unit switch
    {
        IndicatorUnit.Percentage => $"{v:0.0}%",
        IndicatorUnit.Per10000 => $"{v:0.0} per 10,000",
        _ => $"{v:N0}",
    };
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
    public static IndicatorValue Share(IndicatorInfo info, Period period, int numerator, int denominator) =>
        new(info, period, denominator == 0 ? null : 100.0 * numerator / denominator, numerator, denominator);

    public static IndicatorValue PerTenThousand(IndicatorInfo info, Period period, int count, int? population) =>
        new(info, period, population is > 0 ? 10_000.0 * count / population.Value : null, count, population);
}
