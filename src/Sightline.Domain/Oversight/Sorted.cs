namespace Sightline.Oversight;

/// <summary>The one search over values in ascending order (days, dates) that the engine's kept records use.</summary>
internal static class Sorted
{
    /// <summary>How many of the <paramref name="sorted"/> values are at most <paramref name="value"/>: the position of the
    /// first one greater than it (the count, when there is none). Equal values may repeat.</summary>
    public static int CountAtMost<T>(ReadOnlySpan<T> sorted, T value)
        where T : IComparable<T>
    {
        int low = 0, high = sorted.Length;
        while (low < high)
        {
            var middle = low + ((high - low) / 2);
            if (sorted[middle].CompareTo(value) <= 0)
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
