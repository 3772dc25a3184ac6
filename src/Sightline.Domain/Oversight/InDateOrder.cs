namespace Sightline.Oversight;

/// <summary>A child's records in the order of one of their dates.</summary>
internal static class InDateOrder
{
    /// <summary>The records in date order, those of the same date in the order recorded. Records are usually loaded in
    /// date order already, or there are one or none: those are given back as they are, without sorting.</summary>
    public static IReadOnlyList<T> Of<T>(List<T> records, Func<T, DateOnly> date)
    {
        for (var i = 1; i < records.Count; i++)
        {
            if (date(records[i]) < date(records[i - 1]))
            {
                return records.OrderBy(date).ToList();
            }
        }

        return records;
    }
}
