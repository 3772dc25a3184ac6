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
        : this(Gathered.Of(records), date)
    {
    }

    /// <summary>As the public constructor, from records already gathered (several kinds at once, in one walk over the
    /// snapshot, say).</summary>
    internal Dated(Gathered<T> records, Func<T, DateOnly?> date)
    {
        // Ordered by day and then by the order given: millions of records for all of England, so each array is made
        // once, of its exact length. A record without the date has day -1 (day numbers start at 0).
        var days = new int[records.Count];
        int first = int.MaxValue, last = int.MinValue, count = 0;
        for (var i = 0; i < days.Length; i++)
        {
            days[i] = date(records[i]) is { } day ? day.DayNumber : -1;
            if (days[i] >= 0)
            {
                count++;
                first = Math.Min(first, days[i]);
                last = Math.Max(last, days[i]);
            }
        }

        _records = new T[count];
        _days = new int[count];
        if (count == 0)
        {
            return;
        }

        if (last - first <= (4L * count) + 4096)
        {
            // Few days beside the records (years of them, as a council's are): counted, with no comparison. Each day
            // starts after the records of the days before it, and its own records go in the order given.
            var start = new int[last - first + 2];
            foreach (var day in days)
            {
                if (day >= 0)
                {
                    start[day - first + 1]++;
                }
            }

            for (var i = 1; i < start.Length; i++)
            {
                start[i] += start[i - 1];
            }

            for (var i = 0; i < days.Length; i++)
            {
                if (days[i] >= 0)
                {
                    var at = start[days[i] - first]++;
                    _records[at] = records[i];
                    _days[at] = days[i];
                }
            }
        }
        else
        {
            // Days far apart (a date in the far future, say): one key per record holding its day and its place in the
            // order given; the keys alone are sorted (numbers sort far faster than records moved with them).
            var keys = new long[count];
            for (int i = 0, k = 0; i < days.Length; i++)
            {
                if (days[i] >= 0)
                {
                    keys[k++] = ((long)days[i] << 32) | (uint)i;
                }
            }

            Array.Sort(keys);
            for (var i = 0; i < keys.Length; i++)
            {
                _records[i] = records[(int)(uint)keys[i]];
                _days[i] = (int)(keys[i] >> 32);
            }
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
    private int FirstOnOrAfter(int day) => Sorted.CountAtMost<int>(_days, day - 1);
}
