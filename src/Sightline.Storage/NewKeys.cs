using Microsoft.EntityFrameworkCore;

namespace Sightline.Storage;

/// <summary>Hands out keys above each table's highest, for an importer that adds records with their own keys, through
/// <see cref="BulkLoader"/> and EF Core alike. One allocator per import keeps the two from handing out the same key,
/// which letting the database number EF Core's records would not (on PostgreSQL the identity sequence does not see
/// rows written with explicit keys until it is moved).</summary>
public sealed class NewKeys(SightlineDbContext db)
{
    private readonly Dictionary<Type, int> _next = [];

    /// <summary>The next free key for records of type <typeparamref name="T"/> (keyed by an integer <c>Id</c>).</summary>
    public int Next<T>() where T : class
    {
        if (!_next.TryGetValue(typeof(T), out var next))
        {
            next = (db.Set<T>().Max(e => (int?)EF.Property<int>(e, "Id")) ?? 0) + 1;
        }

        _next[typeof(T)] = next + 1;
        return next;
    }

    /// <summary>On PostgreSQL, moves the identity sequence of every table keys were handed out for past its highest key,
    /// so that records added later without a key get fresh ones. Call once the records are written.</summary>
    public void Complete()
    {
        if (db is not PostgresSightlineContext)
        {
            return;
        }

        foreach (var type in _next.Keys)
        {
            // The table name comes from the model, not from any file.
            var table = db.Model.FindEntityType(type)!.GetTableName();
            var sql = $"SELECT setval(pg_get_serial_sequence('\"{table}\"', 'Id'), (SELECT max(\"Id\") FROM \"{table}\"));";
            db.Database.ExecuteSqlRaw(sql);
        }
    }
}
