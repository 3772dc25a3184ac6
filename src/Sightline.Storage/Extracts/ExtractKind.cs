using System.Globalization;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Sightline.Formats.Csv;

namespace Sightline.Storage.Extracts;

/// <summary>One kind of CSV extract (workers, visits, …): its columns, documented in docs/data/extracts.md, and
/// how its rows are read into the council's records and written back out.</summary>
public abstract class ExtractKind
{
    /// <summary>The kind's name on the command line and the file's name without <c>.csv</c> (for example <c>plan-actions</c>).</summary>
    public abstract string Name { get; }

    /// <summary>Every column, in the order they are written.</summary>
    public abstract IReadOnlyList<Column> Columns { get; }

    /// <summary>The column that identifies a row's record in rejections: the child ID, staff ID or team.</summary>
    protected abstract string RecordIdColumn { get; }

    /// <summary>Reads the rows after the header into the database, adding or updating records by their natural key.</summary>
    internal abstract ImportResult Load(SightlineDbContext db, CsvReader csv, IReadOnlyList<string> header, Action<string, int, int>? progress);

    /// <summary>Writes every record of this kind the database holds, sorted, after the header.</summary>
    internal abstract int WriteAll(SightlineDbContext db, CsvWriter writer);

    internal string? RecordIdOf(IReadOnlyList<string> header, IReadOnlyList<string> fields)
    {
        for (var i = 0; i < header.Count && i < fields.Count; i++)
        {
            if (string.Equals(header[i], RecordIdColumn, StringComparison.OrdinalIgnoreCase))
            {
                return fields[i].Trim() is { Length: > 0 } id ? id : null;
            }
        }

        return null;
    }

    protected static string? Format(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    protected static string? Format(bool? flag) => flag switch { true => "Y", false => "N", null => null };

    protected static string Format(decimal number) => number.ToString("0.00", CultureInfo.InvariantCulture);

    protected static string? Format(int? number) => number?.ToString(CultureInfo.InvariantCulture);
}

/// <summary>An extract whose rows become records of type <typeparamref name="T"/>. A kind says how a row becomes a
/// record (<see cref="Read"/>), how a record is written (<see cref="Write"/>), and the natural key that tells
/// whether a row is a record already held (<see cref="Key"/>); this class does the rest the same way for every
/// kind: rejecting bad and repeated rows, then adding new records, updating changed ones and leaving the same
/// ones alone, so that loading a file twice leaves the records as loading it once.</summary>
public abstract class ExtractKind<T> : ExtractKind where T : class
{
    private static readonly Func<T, int> GetId = typeof(T).GetProperty("Id")!.GetMethod!.CreateDelegate<Func<T, int>>();
    private static readonly Action<T, int> SetId = typeof(T).GetProperty("Id")!.SetMethod!.CreateDelegate<Action<T, int>>();

    private IProperty[]? _compared;
    private References? _references;

    /// <summary>The records this kind refers to, read from the database being loaded or written.</summary>
    protected References Refs => _references ?? throw new InvalidOperationException("References are set while loading or writing.");

    /// <summary>Every record of this kind the database holds, not tracked. It is read whole before keys are
    /// taken or records written, which may look up references (PostgreSQL runs one query at a time).</summary>
    protected abstract IEnumerable<T> Stored(SightlineDbContext db);

    /// <summary>The natural key: rows and records with equal keys are the same record.</summary>
    protected abstract object Key(T record);

    /// <summary>The natural key in words, for a repeated row: the names of the key's columns.</summary>
    protected abstract string KeyDescription { get; }

    /// <summary>A row as a record, with its references resolved; it is rejected when the row has a problem.</summary>
    protected abstract T? Read(Row row);

    /// <summary>A record's values, one per column.</summary>
    protected abstract IEnumerable<string?> Write(T record);

    /// <summary>Whether a stored record is written out (a kind may hold records its extract does not describe).</summary>
    protected virtual bool Exported(T record) => true;

    /// <summary>Checks the accepted rows together (a worker's supervisor may be further down the file) and
    /// returns those to reject.</summary>
    protected virtual IEnumerable<(Accepted Row, ImportProblem Problem)> Check(IReadOnlyList<Accepted> accepted) => [];

    /// <summary>Resolves what needs every record's key first (a supervisor new in this file, a new service).</summary>
    protected virtual void Resolve(IReadOnlyList<T> records, ImportContext context)
    {
    }

    /// <summary>The key for a new record.</summary>
    protected virtual int NewId(ImportContext context) => context.Ids.Next<T>();

    /// <summary>Whether a row changes the record held: any stored property differs.</summary>
    protected virtual bool Differs(T stored, T read, SightlineDbContext db)
    {
        _compared ??= db.Model.FindEntityType(typeof(T))!.GetProperties().Where(p => !p.IsPrimaryKey()).ToArray();
        return _compared.Any(p => !Equals(p.GetGetter().GetClrValue(stored), p.GetGetter().GetClrValue(read)));
    }

    /// <summary>Adds a new record (and what it carries).</summary>
    protected virtual void Insert(T record, ImportContext context) => context.Loader.Add(record);

    /// <summary>Overwrites a changed record with the row's values: every property of the record is carried by
    /// its extract, so nothing else is lost.</summary>
    protected virtual void Update(T stored, T read, ImportContext context) => context.Db.Entry(read).State = EntityState.Modified;

    /// <summary>Anything to do once every record is written (links from other records).</summary>
    protected virtual void AfterSave(IReadOnlyList<T> records, ImportContext context)
    {
    }

    internal sealed override ImportResult Load(SightlineDbContext db, CsvReader csv, IReadOnlyList<string> header, Action<string, int, int>? progress)
    {
        _references = new References(db);
        var columns = Columns.ToDictionary(c => c.Name, StringComparer.OrdinalIgnoreCase);
        var positions = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < header.Count; i++)
        {
            if (columns.TryGetValue(header[i], out var column))
            {
                positions[column.Name] = i;
            }
        }

        var problems = new List<ImportProblem>();
        var accepted = new List<Accepted>();
        var firstLine = new Dictionary<object, int>();
        var read = 0;
        var stage = $"Reading {csv.FileName}";
        var kilobytes = (int)Math.Min(int.MaxValue, csv.Length / 1024);
        while (csv.Read() is { } record)
        {
            if (record.IsBlank)
            {
                continue;
            }

            read++;
            var recordId = RecordIdOf(header, record.Fields);
            if (record.Malformed is { } malformed)
            {
                problems.Add(new ImportProblem(record.Line, recordId, null, null, malformed));
            }
            else if (record.Fields.Count != header.Count)
            {
                problems.Add(new ImportProblem(record.Line, recordId, null, null,
                    $"The row has {record.Fields.Count} values but the header has {header.Count} columns."));
            }
            else
            {
                var row = new Row(record.Line, recordId, record.Fields, positions, columns, Refs);
                var item = Read(row);
                if (row.Problem is { } problem)
                {
                    problems.Add(problem);
                }
                else if (item is not null && firstLine.TryGetValue(Key(item), out var first))
                {
                    problems.Add(new ImportProblem(record.Line, recordId, null, null,
                        $"Repeats the record on line {first} (the same {KeyDescription}): only the first was loaded."));
                }
                else if (item is not null)
                {
                    firstLine[Key(item)] = record.Line;
                    accepted.Add(new Accepted(record.Line, recordId, item));
                }
                else
                {
                    // A kind returns no record only with a reason; anything else is a fault here, and stops the import.
                    throw new InvalidOperationException($"The {Name} extract read line {record.Line} as nothing, without a reason.");
                }
            }

            if (read % 5_000 == 0)
            {
                progress?.Invoke(stage, (int)(csv.BytesRead / 1024), kilobytes);
            }
        }

        progress?.Invoke(stage, kilobytes, kilobytes);
        foreach (var (row, problem) in Check(accepted).ToList())
        {
            accepted.Remove(row);
            problems.Add(problem);
        }

        var (added, updated, unchanged) = Store(db, accepted.Select(a => a.Record).ToList(), progress);
        problems.Sort((a, b) => Nullable.Compare(a.Line, b.Line));
        return new ImportResult(read, accepted.Count, problems, [new("added", added), new("updated", updated), new("unchanged", unchanged)]);
    }

    internal sealed override int WriteAll(SightlineDbContext db, CsvWriter writer)
    {
        _references = new References(db);
        var rows = Stored(db).ToList().Where(Exported).Select(r => Write(r).ToArray()).ToList();
        if (rows.Find(r => r.Length != Columns.Count) is { } wrong)
        {
            throw new InvalidOperationException($"The {Name} extract wrote {wrong.Length} values for {Columns.Count} columns.");
        }

        // Sorted by what is written, so that two databases holding the same records write the same file.
        rows.Sort((a, b) =>
        {
            for (var i = 0; i < a.Length; i++)
            {
                if (string.CompareOrdinal(a[i], b[i]) is var order && order != 0)
                {
                    return order;
                }
            }

            return 0;
        });
        writer.WriteRow(Columns.Select(c => c.Name));
        rows.ForEach(writer.WriteRow);
        return rows.Count;
    }

    private (int Added, int Updated, int Unchanged) Store(SightlineDbContext db, List<T> records, Action<string, int, int>? progress)
    {
        progress?.Invoke("Saving", 0, 1);
        var stored = new Dictionary<object, T>();
        foreach (var record in Stored(db).ToList())
        {
            stored.TryAdd(Key(record), record);
        }

        using var loader = new BulkLoader(db);
        var context = new ImportContext(db, Refs, new IdSource(db), loader);
        var matches = new T?[records.Count];
        for (var i = 0; i < records.Count; i++)
        {
            matches[i] = stored.GetValueOrDefault(Key(records[i]));
            SetId(records[i], matches[i] is { } match ? GetId(match) : NewId(context));
        }

        Resolve(records, context);
        int added = 0, updated = 0, unchanged = 0;
        for (var i = 0; i < records.Count; i++)
        {
            if (matches[i] is not { } match)
            {
                Insert(records[i], context);
                added++;
            }
            else if (Differs(match, records[i], db))
            {
                Update(match, records[i], context);
                updated++;
            }
            else
            {
                unchanged++;
            }
        }

        // New records first, so that updates and links may refer to them.
        loader.Flush();
        AfterSave(records, context);
        db.SaveChanges();
        loader.Complete();
        progress?.Invoke("Saving", 1, 1);
        return (added, updated, unchanged);
    }

    /// <summary>A row read without a problem: its line, its record ID and the record.</summary>
    protected sealed record Accepted(int Line, string? RecordId, T Record);
}

/// <summary>What a kind writes with while saving: the database, its references, fresh keys, and the bulk
/// loader that adds new records inside the import's transaction.</summary>
public sealed record ImportContext(SightlineDbContext Db, References Refs, IdSource Ids, BulkLoader Loader);

/// <summary>Hands out keys for new records, past the largest key each table holds, so that new records can be
/// written in bulk and referred to before they are.</summary>
public sealed class IdSource(SightlineDbContext db)
{
    private readonly Dictionary<Type, int> _last = [];

    public int Next<TRecord>() where TRecord : class
    {
        if (!_last.TryGetValue(typeof(TRecord), out var last))
        {
            last = db.Set<TRecord>().Max(r => (int?)EF.Property<int>(r, "Id")) ?? 0;
        }

        return _last[typeof(TRecord)] = last + 1;
    }
}
