using System.Globalization;

namespace Sightline.Storage.Extracts;

/// <summary>What a column holds, which decides how its values are read and written.</summary>
public enum ColumnType
{
    /// <summary>Free text, kept exactly as written.</summary>
    Text,

    /// <summary>The council's child ID (the census <c>LAchildID</c>) of a child already in the database.</summary>
    ChildId,

    /// <summary>A worker's staff ID.</summary>
    StaffId,

    /// <summary>A team's name.</summary>
    Team,

    /// <summary>A service's name.</summary>
    Service,

    /// <summary>A date: YYYY-MM-DD, or DD/MM/YYYY.</summary>
    Date,

    /// <summary>Y or N (also yes/no, true/false, 1/0).</summary>
    YesNo,

    /// <summary>One of a list of codes.</summary>
    Code,

    /// <summary>Full-time equivalence, above 0 and at most 1, to two decimal places.</summary>
    Fte,

    /// <summary>A whole number, 0 or more.</summary>
    Count,

    /// <summary>Child IDs separated by semicolons.</summary>
    ChildIds,

    /// <summary>Dates separated by semicolons.</summary>
    Dates,
}

/// <summary>One column of an extract: its header, exactly as documented in docs/data/extracts.md.</summary>
/// <param name="Name">The header.</param>
/// <param name="Type">What it holds.</param>
/// <param name="Required">Whether every row must give a value (and the header must have the column).</param>
/// <param name="Codes">For a code column, the codes as they are written.</param>
public sealed record Column(string Name, ColumnType Type, bool Required, IReadOnlyList<string>? Codes = null)
{
    /// <summary>The longest value accepted: identifiers fit the database's columns; free text fits an Excel cell.</summary>
    public int MaxLength => Type switch
    {
        ColumnType.ChildId or ColumnType.StaffId => 64,
        ColumnType.Team or ColumnType.Service => 200,
        _ => 32_767,
    };

    public static Column Code<T>(string name, bool required, CodeMap<T> codes) where T : struct, Enum => new(name, ColumnType.Code, required, codes.Codes);
}

/// <summary>The codes an extract writes for an enumeration, and the spellings it reads: any case, with spaces,
/// hyphens and underscores alike (<c>Care order</c>, <c>care_order</c> and <c>care-order</c> are one code).
/// The first code given for a value is the one written; any more are accepted as well.</summary>
public sealed class CodeMap<T> where T : struct, Enum
{
    private readonly Dictionary<T, string> _written = [];
    private readonly Dictionary<string, T> _read = new(StringComparer.Ordinal);

    public CodeMap(params (string Code, T Value)[] codes)
    {
        foreach (var (code, value) in codes)
        {
            _written.TryAdd(value, code);
            _read[Normalise(code)] = value;
        }

        var missing = Enum.GetValues<T>().Where(v => !_written.ContainsKey(v)).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException($"No code for {typeof(T).Name}.{string.Join(", ", missing)}.");
        }

        Codes = Enum.GetValues<T>().Select(v => _written[v]).ToArray();
    }

    /// <summary>The codes as written, in the enumeration's order.</summary>
    public IReadOnlyList<string> Codes { get; }

    public string Write(T value) => _written[value];

    public string? Write(T? value) => value is { } v ? _written[v] : null;

    public bool TryRead(string text, out T value) => _read.TryGetValue(Normalise(text), out value);

    private static string Normalise(string text) =>
        string.Concat(text.Where(c => c is not (' ' or '-' or '_')).Select(char.ToLowerInvariant));
}

/// <summary>One data row of an extract as a kind reads it: typed values by column name, each checked, and the
/// first problem found, which rejects the row. Every reader method returns null (or default) for a blank or bad
/// value, so a kind reads every column and then looks at <see cref="Problem"/> once.</summary>
public sealed class Row
{
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "d/M/yyyy", "dd/MM/yyyy"];
    private static readonly DateOnly Earliest = new(1901, 1, 1);
    private static readonly DateOnly Latest = new(2099, 12, 31);

    private readonly IReadOnlyList<string> _fields;
    private readonly IReadOnlyDictionary<string, int> _positions;
    private readonly IReadOnlyDictionary<string, Column> _columns;
    private readonly References _references;

    internal Row(int line, string? recordId, IReadOnlyList<string> fields, IReadOnlyDictionary<string, int> positions,
                 IReadOnlyDictionary<string, Column> columns, References references)
    {
        Line = line;
        RecordId = recordId;
        _fields = fields;
        _positions = positions;
        _columns = columns;
        _references = references;
    }

    public int Line { get; }

    /// <summary>The row's own identifier (its child ID, staff ID or team), for rejections.</summary>
    public string? RecordId { get; }

    /// <summary>The first problem found in the row; the row is rejected when there is one.</summary>
    public ImportProblem? Problem { get; private set; }

    /// <summary>Free text exactly as written (spaces, formula or script text and all); null when blank.</summary>
    public string? Text(string column) => Value(column, trim: false);

    public DateOnly? Date(string column) => Value(column) is { } text ? ParseDate(column, text) : null;

    public bool? YesNo(string column)
    {
        switch (Value(column)?.ToUpperInvariant())
        {
            case null:
                return null;
            case "Y" or "YES" or "TRUE" or "1":
                return true;
            case "N" or "NO" or "FALSE" or "0":
                return false;
            default:
                Fail(column, $"{column} must be Y or N.");
                return null;
        }
    }

    public T? Code<T>(string column, CodeMap<T> codes) where T : struct, Enum
    {
        if (Value(column) is not { } text)
        {
            return null;
        }

        if (codes.TryRead(text, out var value))
        {
            return value;
        }

        Fail(column, $"{column} must be one of: {string.Join(", ", codes.Codes)}.");
        return null;
    }

    /// <summary>The database key of the child this column names.</summary>
    public int? Child(string column) => Value(column) is { } id ? ChildNamed(column, id) : null;

    /// <summary>The database key of the worker this column names.</summary>
    public int? Worker(string column)
    {
        if (Value(column) is not { } id)
        {
            return null;
        }

        if (_references.Workers.TryGetValue(id, out var worker))
        {
            return worker;
        }

        Fail(column, $"No worker with staff ID {id} is in the database: load the workers extract first.");
        return null;
    }

    /// <summary>The database key of the team this column names.</summary>
    public int? Team(string column)
    {
        if (Value(column) is not { } name)
        {
            return null;
        }

        switch (_references.Teams.GetValueOrDefault(name))
        {
            case 0:
                Fail(column, "No team with this name is in the database: load the teams extract first.");
                return null;
            case References.Ambiguous:
                Fail(column, "More than one team in the database has this name: it does not say which.");
                return null;
            case var team:
                return team;
        }
    }

    /// <summary>A name or identifier, trimmed, that the kind resolves itself (a service, a supervisor).</summary>
    public string? Name(string column) => Value(column);

    public decimal? Fte(string column)
    {
        if (Value(column) is not { } text)
        {
            return null;
        }

        if (decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var fte) && fte > 0 && fte <= 1 && decimal.Round(fte, 2) == fte)
        {
            return fte;
        }

        Fail(column, $"{column} must be a number above 0 and at most 1, with at most two decimal places (0.5 for half time).");
        return null;
    }

    public int? Count(string column)
    {
        if (Value(column) is not { } text)
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count <= 10_000)
        {
            return count;
        }

        Fail(column, $"{column} must be a whole number, 0 or more.");
        return null;
    }

    /// <summary>The database keys of the children listed, each once, in the order given.</summary>
    public List<int> Children(string column)
    {
        var children = new List<int>();
        foreach (var id in Items(column))
        {
            if (ChildNamed(column, id, id) is { } child && !children.Contains(child))
            {
                children.Add(child);
            }
        }

        return children;
    }

    /// <summary>The dates listed, each once, in the order given.</summary>
    public List<DateOnly> Dates(string column)
    {
        var dates = new List<DateOnly>();
        foreach (var text in Items(column))
        {
            if (ParseDate(column, text, text) is { } date && !dates.Contains(date))
            {
                dates.Add(date);
            }
        }

        return dates;
    }

    /// <summary>Rejects the row for a reason that involves <paramref name="column"/> (with its value as written).</summary>
    public void Fail(string column, string reason, string? value = null) =>
        Problem ??= new ImportProblem(Line, RecordId, column, value ?? Raw(column), reason);

    private IEnumerable<string> Items(string column) =>
        (Value(column) ?? "").Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    private int? ChildNamed(string column, string id, string? value = null)
    {
        if (_references.Children.TryGetValue(id, out var child))
        {
            return child;
        }

        Fail(column, $"No child with ID {id} is in the database: load the CIN census that holds the child first.", value);
        return null;
    }

    private DateOnly? ParseDate(string column, string text, string? value = null)
    {
        if (!DateOnly.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            Fail(column, $"{column} must be a date written YYYY-MM-DD (or DD/MM/YYYY).", value);
            return null;
        }

        if (date < Earliest || date > Latest)
        {
            // Systems write 1900-01-01 or 9999-12-31 for "no date": that must be a blank, not a date.
            Fail(column, $"{column} is not a plausible date (1901 to 2099); leave it blank when there is no date.", value);
            return null;
        }

        return date;
    }

    private string? Raw(string column) =>
        _positions.TryGetValue(column, out var position) && position < _fields.Count ? _fields[position] : null;

    /// <summary>The value as written (trimmed unless free text), or null when blank or absent; checks that a
    /// required column has a value and that no value is too long.</summary>
    private string? Value(string column, bool trim = true)
    {
        var definition = _columns[column];
        var raw = Raw(column);
        if (string.IsNullOrWhiteSpace(raw))
        {
            if (definition.Required)
            {
                Fail(column, $"{column} is required.");
            }

            return null;
        }

        if (raw.Length > definition.MaxLength)
        {
            Fail(column, $"{column} is longer than {definition.MaxLength:N0} characters.");
            return null;
        }

        return trim ? raw.Trim() : raw;
    }
}
