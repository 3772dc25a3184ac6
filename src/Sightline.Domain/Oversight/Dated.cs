using System.Runtime.InteropServices;

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
        // Sorted by day and then by the order given, with one key per record holding both: millions of them for all of
        // England. The keys alone are sorted (numbers sort far faster than records moved with them), then the records
        // are put in their order.
        var kept = new List<T>();
        var keys = new List<long>();
        foreach (var record in records)
        {
            if (date(record) is { } day)
            {
                keys.Add(((long)day.DayNumber << 32) | (uint)kept.Count);
                kept.Add(record);
            }
        }

        var sorted = CollectionsMarshal.AsSpan(keys);
        sorted.Sort();
        _records = new T[sorted.Length];
        _days = new int[sorted.Length];
        for (var i = 0; i < sorted.Length; i++)
        {
            _records[i] = kept[(int)(uint)sorted[i]];
            _days[i] = (int)(sorted[i] >> 32);
        }
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

    /// <summary>The records dated on or after <paramref name="date"/>, in date order.</summary>
    public ArraySegment<T> OnOrAfter(DateOnly date)
    {
        var from = FirstOnOrAfter(date.DayNumber);
        return new(_records, from, _records.Length - from);
    }

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
