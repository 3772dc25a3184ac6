using Sightline.Formats.Csv;

namespace Sightline.Storage.Extracts;

/// <summary>The CSV extracts Sightline reads for what neither the CIN census nor Annex A carries (see
/// docs/data/extracts.md): reading one into a database, and writing every one a database holds.</summary>
public static class CsvExtracts
{
    private static readonly Func<ExtractKind>[] Makers =
    [
        () => new TeamsExtract(),
        () => new WorkersExtract(),
        () => new AbsencesExtract(),
        () => new AllocationsExtract(),
        () => new SupervisionExtract(),
        () => new SupervisionActionsExtract(),
        () => new VisitsExtract(),
        () => new PlanActionsExtract(),
        () => new ContingencyPlansExtract(),
        () => new StrategyDiscussionsExtract(),
        () => new StepDecisionsExtract(),
        () => new PreProceedingsExtract(),
        () => new CareProceedingsExtract(),
    ];

    /// <summary>Every kind, in the order they load: each after those it refers to.</summary>
    public static IReadOnlyList<ExtractKind> All => Makers.Select(make => make()).ToList();

    /// <summary>The kinds' names, in the order they load.</summary>
    public static IReadOnlyList<string> Names { get; } = All.Select(k => k.Name).ToList();

    /// <summary>A fresh kind by name (a kind keeps what it learns while loading one file).</summary>
    public static ExtractKind Kind(string name) =>
        All.FirstOrDefault(k => k.Name.Equals(name, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"There is no '{name}' extract. The extracts are: {string.Join(", ", Names)}.");

    /// <summary>Reads one extract into the database, inside the caller's transaction (<see cref="ImportLog.Run"/>).</summary>
    /// <param name="db">The context of the import's transaction.</param>
    /// <param name="kind">Which extract the file is.</param>
    /// <param name="path">The file.</param>
    /// <param name="progress">Told (stage, done, total) as the file is read and saved.</param>
    /// <param name="note">Told anything worth saying that rejects no row (columns it ignored).</param>
    /// <exception cref="FileRefusedException">The file is not CSV, is empty, or lacks required columns: nothing is loaded.</exception>
    public static ImportResult Load(SightlineDbContext db, string kind, string path, Action<string, int, int>? progress = null, Action<string>? note = null)
    {
        var extract = Kind(kind);
        var name = Path.GetFileName(path);
        try
        {
            using var csv = new CsvReader(File.OpenRead(path), name);
            var header = Header(csv, extract, note);
            return extract.Load(db, csv, header, progress);
        }
        catch (CsvFileException bad)
        {
            throw new FileRefusedException(bad.Message, bad);
        }
    }

    /// <summary>Writes one CSV file per kind into <paramref name="folder"/> (<c>KIND.csv</c>), with every record
    /// of that kind the database holds.</summary>
    /// <returns>The rows written per kind, in load order.</returns>
    public static IReadOnlyList<KeyValuePair<string, int>> WriteAll(SightlineDatabase database, string folder)
    {
        Directory.CreateDirectory(folder);
        return Names.Select(kind => new KeyValuePair<string, int>(kind, Write(database, kind, Path.Combine(folder, $"{kind}.csv")))).ToList();
    }

    /// <summary>Writes one extract with every record of its kind the database holds.</summary>
    /// <returns>The rows written.</returns>
    public static int Write(SightlineDatabase database, string kind, string path)
    {
        using var db = database.Open();
        using var writer = CsvWriter.Create(path);
        return Kind(kind).WriteAll(db, writer);
    }

    /// <summary>Reads the header row and checks it: every required column present, none twice; columns the
    /// kind does not have are reported once through <paramref name="note"/> and ignored.</summary>
    private static List<string> Header(CsvReader csv, ExtractKind kind, Action<string>? note)
    {
        CsvRecord? first;
        do
        {
            first = csv.Read();
        }
        while (first is { IsBlank: true });

        if (first is null)
        {
            throw new FileRefusedException($"{csv.FileName} is empty: a {kind.Name} extract starts with a header row naming its columns.");
        }

        var header = first.Fields.Select(f => f.Trim()).ToList();
        var twice = header.Where(h => h.Length > 0).GroupBy(h => h, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (twice.Count > 0)
        {
            throw new FileRefusedException($"{csv.FileName}: the header names {string.Join(", ", twice)} more than once, so it is not clear which to read.");
        }

        var known = kind.Columns.Select(c => c.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var missing = kind.Columns.Where(c => c.Required && !header.Contains(c.Name, StringComparer.OrdinalIgnoreCase)).Select(c => c.Name).ToList();
        if (missing.Count > 0)
        {
            var separator = header is [var only] && only.Contains(';') ? " It seems to use semicolons between values: Sightline reads commas."
                : header is [var one] && one.Contains('\t') ? " It seems to use tabs between values: Sightline reads commas."
                : "";
            throw new FileRefusedException($"{csv.FileName} is missing the required column{(missing.Count > 1 ? "s" : "")} {string.Join(", ", missing)} " +
                                           $"of a {kind.Name} extract (docs/data/extracts.md lists them).{separator}");
        }

        var unknown = header.Where(h => !known.Contains(h)).Select(h => h.Length == 0 ? "(a column with no name)" : h).Distinct().ToList();
        if (unknown.Count > 0)
        {
            note?.Invoke($"Ignored {unknown.Count} column{(unknown.Count > 1 ? "s" : "")} a {kind.Name} extract does not have: {string.Join(", ", unknown)}.");
        }

        return header;
    }
}
