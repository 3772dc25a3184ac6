namespace Sightline.Oversight;

/// <summary>Records in the order of one of their dates, so that those dated within a period are found by a binary search
/// instead of by reading every record: an indicator computed for a year and each of its months over all of England
/// then reads only each period's own records. Records without the date are left out. Build one once per snapshot
/// (<see cref="CouncilSnapshot.Derived{T}"/>) and read it for every period.</summary>
/// <typeparam name="T">The record, or the record with what an indicator needs beside it (its episode, say).</typeparam>
public sealed class Dated<T>
{
    private readonly T[] _records;
    private readonly int[] _days;

    /// <param name="records">The records, in any order; of two with the same date, the one given first stays first.</param>
    /// <param name="date">The date they are ordered and found by; null leaves the record out.</param>
    public Dated(IEnumerable<T> records, Func<T, DateOnly?> date)
    {
        var dated = records.Select(r => (Record: r, Date: date(r))).Where(r => r.Date is not null).OrderBy(r => r.Date!.Value).ToArray();
        _records = [.. dated.Select(r => r.Record)];
        _days = [.. dated.Select(r => r.Date!.Value.DayNumber)];
    }

    /// <summary>How many records there are.</summary>
    public int Count => _records.Length;

    /// <summary>The records dated within <paramref name="period"/>, both ends inclusive, in date order.</summary>
    public ArraySegment<T> In(Period period)
    {
        var from = FirstOnOrAfter(period.From.DayNumber);
        return new ArraySegment<T>(_records, from, FirstOnOrAfter(period.To.DayNumber + 1) - from);
    }

    /// <summary>The records dated on or before <paramref name="date"/>, in date order.</summary>
    public ArraySegment<T> OnOrBefore(DateOnly date) => new(_records, 0, FirstOnOrAfter(date.DayNumber + 1));

    /// <summary>The position of the first record dated on or after the day number (the count, when there is none).</summary>
    private int FirstOnOrAfter(int day)
    {
        int low = 0, high = _days.Length;
        while (low < high)
        {
            var middle = low + ((high - low) / 2);
            if (_days[middle] < day)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }
}
