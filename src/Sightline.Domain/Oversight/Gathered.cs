namespace Sightline.Oversight;

/// <summary>Records gathered one at a time from a sequence whose length is not known, into blocks of a fixed size, for
/// what is built once per snapshot from millions of records (for all of England). Not a list, which copies everything
/// each time it grows, nor <see cref="Enumerable.ToArray{TSource}(IEnumerable{TSource})"/> or a collection expression
/// over a query: those gather into buffers rented from the shared array pool, which keeps them once they are given
/// back, so that what was built would stay in memory twice over for as long as the process runs.</summary>
internal sealed class Gathered<T>
{
    private const int Shift = 12;
    private const int BlockSize = 1 << Shift;
    private readonly List<T[]> _blocks = [];

    /// <summary>How many records have been added.</summary>
    public int Count { get; private set; }

    /// <summary>The record added <paramref name="index"/>th, from 0.</summary>
    public T this[int index] => _blocks[index >> Shift][index & (BlockSize - 1)];

    /// <summary>The records added, in an array of exactly their number.</summary>
    public T[] ToArray()
    {
        var all = new T[Count];
        for (var block = 0; block < _blocks.Count; block++)
        {
            var start = block << Shift;
            Array.Copy(_blocks[block], 0, all, start, Math.Min(BlockSize, all.Length - start));
        }

        return all;
    }

    public void Add(T record)
    {
        if ((Count & (BlockSize - 1)) == 0)
        {
            _blocks.Add(new T[BlockSize]);
        }

        _blocks[Count >> Shift][Count & (BlockSize - 1)] = record;
        Count++;
    }
}

/// <summary>Gathers records into an array without the shared array pool (see <see cref="Gathered{T}"/>).</summary>
internal static class Gathered
{
    /// <summary>The records in an array of exactly their number, in the order given.</summary>
    public static T[] ToArray<T>(IEnumerable<T> records)
    {
        if (records is ICollection<T> collection)
        {
            var copy = new T[collection.Count];
            collection.CopyTo(copy, 0);
            return copy;
        }

        return Of(records).ToArray();
    }

    /// <summary>The records of a sequence, gathered in the order given.</summary>
    public static Gathered<T> Of<T>(IEnumerable<T> records)
    {
        var gathered = new Gathered<T>();
        foreach (var record in records)
        {
            gathered.Add(record);
        }

        return gathered;
    }
}
