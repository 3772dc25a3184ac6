using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Sightline.Oversight.Workforce;

/// <summary>Places 0, 1, 2… for identifiers, to index arrays by: where the identifiers expected are a run of numbers (as
/// a table's keys usually are), each is its offset from the lowest, found with no look-up; any other identifier, or every
/// one when those expected are spread far apart, is given the next place when it is first met. For all of England,
/// a dictionary look-up for each of millions of records costs more than the rest of a walk over them.</summary>
internal sealed class IdentifierPlaces
{
    private readonly int _low;
    private readonly int _run;
    private readonly Dictionary<int, int> _others = [];

    /// <param name="low">The lowest identifier expected.</param>
    /// <param name="high">The highest identifier expected (below <paramref name="low"/> when none is).</param>
    /// <param name="count">How many identifiers are expected: the run is used while it is no more than four times
    /// as long (or 4,096).</param>
    public IdentifierPlaces(int low, int high, long count)
    {
        _low = low;
        _run = high >= low && (long)high - low + 1 <= Math.Max(4_096, 4 * count) ? high - low + 1 : 0;
    }

    /// <summary>How many places there are: the whole run, and each other identifier met.</summary>
    public int Count => _run + _others.Count;

    /// <summary>The identifier's place, given it now if it has none yet (the new place is the last: <see cref="Count"/> less one).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Of(int id) => (uint)(id - _low) < (uint)_run ? id - _low : Other(id);

    private int Other(int id)
    {
        ref var place = ref CollectionsMarshal.GetValueRefOrAddDefault(_others, id, out var known);
        if (!known)
        {
            place = Count - 1;
        }

        return place;
    }

    /// <summary>The identifier's place, or -1 for one outside the run that was never given one.</summary>
    public int Find(int id) => (uint)(id - _low) < (uint)_run ? id - _low : _others.GetValueOrDefault(id, -1);

    /// <summary>Every identifier with its place: those of the run, then the others.</summary>
    public IEnumerable<(int Id, int Place)> All()
    {
        for (var place = 0; place < _run; place++)
        {
            yield return (_low + place, place);
        }

        foreach (var (id, place) in _others)
        {
            yield return (id, place);
        }
    }
}
