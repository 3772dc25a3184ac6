namespace Sightline.Web;

/// <summary>Holds the council's records in memory (<see cref="CouncilData"/>), loaded at the first request, and
/// loads them again after an import or a change of local standards. A reload reads the database into a new
/// <see cref="CouncilData"/> and only then puts it in place, so a page being drawn keeps the records it started with
/// and no request ever sees half a council.</summary>
public sealed class CouncilStore(Func<CouncilData> load)
{
    private readonly Lock _loading = new();
    private CouncilData? _current;

    /// <summary>The records as last loaded (loading them the first time they are asked for).</summary>
    public CouncilData Current
    {
        get
        {
            if (Volatile.Read(ref _current) is { } current)
            {
                return current;
            }

            lock (_loading)
            {
                return _current ??= load();
            }
        }
    }

    /// <summary>Reads the records from the database again and puts them in place of the ones held.</summary>
    public void Reload()
    {
        lock (_loading)
        {
            Volatile.Write(ref _current, load());
        }
    }
}
