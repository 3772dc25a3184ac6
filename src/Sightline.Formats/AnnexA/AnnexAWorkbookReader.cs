using System.Globalization;
using System.Text.RegularExpressions;
using MiniExcelLibs;

namespace Sightline.Formats.AnnexA;

/// <summary>Something in a workbook Sightline could not read, precisely enough to find and fix it at source.</summary>
/// <param name="Sheet">The worksheet's name.</param>
/// <param name="Row">The worksheet row (1 is the first), where the problem is in one row.</param>
/// <param name="ChildId">The row's Child Unique ID (on list 11, the individual adopter identifier), where it has one.</param>
/// <param name="Column">The column's header as written in the sheet.</param>
/// <param name="Value">The cell's text.</param>
/// <param name="Reason">What is wrong and what Sightline did about it.</param>
public sealed record AnnexAProblem(string Sheet, int? Row, string? ChildId, string? Column, string? Value, string Reason);

/// <summary>One row of a list, read: each recognised column's value, already converted. Dates are
/// <see cref="DateOnly"/>, numbers <see cref="int"/>, coded values their canonical spelling, text trimmed.
/// A blank cell, or one that could not be read (and was reported), has no value.</summary>
public sealed class AnnexARow(int row, string childId, IReadOnlyDictionary<AnnexAColumn, object> values, IReadOnlyDictionary<AnnexAColumn, string>? written = null)
{
    /// <summary>The worksheet row.</summary>
    public int Row { get; } = row;

    public string ChildId { get; } = childId;

    public IReadOnlyDictionary<AnnexAColumn, object> Values { get; } = values;

    public DateOnly? Date(AnnexAColumn column) => Values.TryGetValue(column, out var v) ? (DateOnly)v : null;

    public int? Number(AnnexAColumn column) => Values.TryGetValue(column, out var v) ? (int)v : null;

    /// <summary>A text or coded column's value.</summary>
    public string? Text(AnnexAColumn column) => Values.TryGetValue(column, out var v) ? (string)v : null;

    /// <summary>A coded cell as the council wrote it ("WBRI - White British" for "a) White"), which may name the
    /// finer code Sightline holds.</summary>
    public string? Written(AnnexAColumn column) => written?.GetValueOrDefault(column);
}

/// <summary>One worksheet recognised as an Annex A list.</summary>
/// <param name="List">Which list.</param>
/// <param name="Name">The worksheet's name.</param>
/// <param name="HeaderRow">The row holding the headers (not always row 1).</param>
/// <param name="Columns">The list's columns found in the sheet.</param>
/// <param name="Rows">The rows that could be read; rows without a Child Unique ID or a required date are left out and reported.</param>
public sealed record AnnexASheet(AnnexAList List, string Name, int HeaderRow, IReadOnlyList<AnnexAColumn> Columns, IReadOnlyList<AnnexARow> Rows);

/// <summary>What was read from a workbook.</summary>
/// <param name="Sheets">The sheets recognised as lists.</param>
/// <param name="Problems">Everything reported: unrecognised headers and values, unreadable dates and numbers, rejected rows and sheets.</param>
/// <param name="RowsRead">Rows with any content below the header row of every recognised sheet.</param>
/// <param name="IgnoredSheets">Sheets that are not an Annex A list (a cover or guidance sheet), by name.</param>
public sealed record AnnexAWorkbook(IReadOnlyList<AnnexASheet> Sheets, IReadOnlyList<AnnexAProblem> Problems, int RowsRead, IReadOnlyList<string> IgnoredSheets);

/// <summary>Reads a council's own Annex A workbook (.xlsx): finds each list's sheet by its name or, when it has
/// been renamed, by its headers; finds the header row below any title block; matches headers and coded values
/// through the spellings in <see cref="AnnexASchema"/>; reads dates as councils write them. Nothing it does not
/// recognise is guessed: it is reported in <see cref="AnnexAWorkbook.Problems"/>.</summary>
public static class AnnexAWorkbookReader
{
    /// <summary>How far down a sheet the header row is looked for.</summary>
    private const int HeaderSearchRows = 30;

    private static readonly string[] DateFormats =
    [
        "dd/MM/yyyy", "d/M/yyyy", "dd/MM/yyyy HH:mm:ss", "d/M/yyyy H:mm:ss", "dd/MM/yyyy HH:mm", "d/M/yyyy H:mm",
        "yyyy-MM-dd", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-dd HH:mm:ss", "dd-MM-yyyy", "d-M-yyyy", "dd.MM.yyyy", "d.M.yyyy",
        "d MMM yyyy", "d MMMM yyyy", "dd-MMM-yyyy", "d-MMM-yyyy", "dd-MMM-yy", "d-MMM-yy",
    ];

    private static readonly Regex ListNumber = new(@"^\s*list\s*0*(\d+)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    /// <exception cref="FormatException">The file is not an .xlsx workbook.</exception>
    public static AnnexAWorkbook Read(string path)
    {
        using var stream = File.OpenRead(path);
        return Read(stream, Path.GetFileName(path));
    }

    /// <exception cref="FormatException">The stream is not an .xlsx workbook.</exception>
    public static AnnexAWorkbook Read(Stream stream, string fileName)
    {
        List<string> sheetNames;
        try
        {
            sheetNames = MiniExcel.GetSheetNames(stream);
        }
        catch (Exception error) when (error is InvalidDataException or System.Xml.XmlException or InvalidOperationException or NotSupportedException or KeyNotFoundException or NullReferenceException)
        {
            throw new FormatException($"{fileName} is not an Excel workbook (.xlsx). Save the Annex A as an Excel Workbook (.xlsx) and import that.", error);
        }

        var sheets = new List<AnnexASheet>();
        var problems = new List<AnnexAProblem>();
        var ignored = new List<string>();
        var read = 0;
        foreach (var name in sheetNames)
        {
            var grid = ReadGrid(stream, name, fileName);
            var found = Recognise(name, grid);
            if (found is null)
            {
                ignored.Add(name);
                continue;
            }

            var (list, headerRow) = found.Value;
            var sheet = ReadSheet(list, name, grid, headerRow, problems, ref read);
            if (sheet is not null)
            {
                sheets.Add(sheet);
            }
        }

        return new(sheets, problems, read, ignored);
    }

    /// <summary>A sheet's cells by row (0-based), each row's cells by column (0-based).</summary>
    private static List<object?[]> ReadGrid(Stream stream, string sheet, string fileName)
    {
        try
        {
            var grid = new List<object?[]>();
            foreach (IDictionary<string, object?> row in MiniExcel.Query(stream, useHeaderRow: false, sheetName: sheet, excelType: ExcelType.XLSX))
            {
                var cells = new object?[row.Count];
                var i = 0;
                foreach (var value in row.Values)
                {
                    cells[i++] = value;
                }

                grid.Add(cells);
            }

            return grid;
        }
        catch (Exception error) when (error is InvalidDataException or System.Xml.XmlException or InvalidOperationException or NotSupportedException or IndexOutOfRangeException or KeyNotFoundException or NullReferenceException)
        {
            throw new FormatException($"The sheet '{sheet}' in {fileName} could not be read as a worksheet: the file may be damaged.", error);
        }
    }

    /// <summary>Which list a sheet holds and where its header row is: by the sheet's name ("List 3",
    /// "List3 - Referrals", "Referrals"), else by its headers alone.</summary>
    private static (AnnexAList List, int HeaderRow)? Recognise(string sheetName, List<object?[]> grid)
    {
        var byName = ListNamed(sheetName);
        if (byName is not null)
        {
            return HeaderRow(byName, grid) is { } row ? (byName, row) : null;
        }

        // A renamed sheet: the list whose own columns (beyond the five every list shares) match best.
        (AnnexAList List, int Row, int Score)? best = null;
        foreach (var list in AnnexASchema.Lists)
        {
            if (HeaderRow(list, grid) is { } row)
            {
                var score = Matched(list, grid[row]).Count(m => m.Column is not null && !IsShared(m.Column));
                if (score >= 2 && (best is null || score > best.Value.Score))
                {
                    best = (list, row, score);
                }
            }
        }

        return best is { } found ? (found.List, found.Row) : null;
    }

    private static bool IsShared(AnnexAColumn column) =>
        column.Header is AnnexASchema.ChildId or AnnexASchema.Gender or AnnexASchema.Ethnicity or AnnexASchema.DateOfBirth or AnnexASchema.Age
            or AnnexASchema.Disability or AnnexASchema.AllocatedTeam or AnnexASchema.AllocatedWorker;

    private static AnnexAList? ListNamed(string sheetName)
    {
        if (ListNumber.Match(sheetName) is { Success: true } match)
        {
            var number = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
            return number is >= 1 and <= 11 ? AnnexASchema.List(number) : null;
        }

        var words = " " + Regex.Replace(AnnexACodeSet.Normalise(sheetName), @"[^a-z0-9.]+", " ") + " ";
        return AnnexASchema.Lists.FirstOrDefault(l => l.SheetWords.Any(w => words.Contains($" {w} ", StringComparison.Ordinal)));
    }

    /// <summary>The first row, near the top, that has the list's identifier column and at least two more of its columns.</summary>
    private static int? HeaderRow(AnnexAList list, List<object?[]> grid)
    {
        for (var row = 0; row < Math.Min(HeaderSearchRows, grid.Count); row++)
        {
            var matched = Matched(list, grid[row]);
            if (matched.Any(m => m.Column == list.Columns[0]) && matched.Count(m => m.Column is not null) >= 3)
            {
                return row;
            }
        }

        return null;
    }

    /// <summary>Each header cell of a row with the column it is: Ofsted's headers first, then the shapes councils
    /// give them, each column matched at most once.</summary>
    private static List<(int Index, string Header, AnnexAColumn? Column)> Matched(AnnexAList list, object?[] row)
    {
        var headers = row.Select((cell, index) => (Index: index, Header: Text(cell))).Where(h => h.Header.Length > 0).ToList();
        var found = new Dictionary<int, AnnexAColumn>();
        var used = new HashSet<AnnexAColumn>();
        foreach (var exact in new[] { true, false })
        {
            foreach (var (index, header) in headers.Where(h => !found.ContainsKey(h.Index)))
            {
                var column = list.Columns.FirstOrDefault(c => !used.Contains(c) && (exact ? c.IsExactly(header) : c.IsLike(header)));
                if (column is not null)
                {
                    found[index] = column;
                    used.Add(column);
                }
            }
        }

        return headers.Select(h => (h.Index, h.Header, found.GetValueOrDefault(h.Index))).ToList();
    }

    private static AnnexASheet? ReadSheet(AnnexAList list, string name, List<object?[]> grid, int headerRow, List<AnnexAProblem> problems, ref int read)
    {
        var matched = Matched(list, grid[headerRow]);
        foreach (var (_, header, column) in matched.Where(m => m.Column is null))
        {
            problems.Add(new(name, headerRow + 1, null, header, null, $"'{header}' is not a column of Annex A list {list.Number}: its values were not imported."));
        }

        var columns = matched.Where(m => m.Column is not null).ToDictionary(m => m.Index, m => m.Column!);
        var key = AnnexAKeys.Of(list);
        var missing = key.Where(k => !columns.ContainsValue(k)).Select(k => k.Header).ToList();
        if (missing.Count > 0)
        {
            problems.Add(new(name, headerRow + 1, null, null, null,
                $"The sheet has no {string.Join(" or ", missing.Select(m => $"'{m}'"))} column, which list {list.Number} needs to identify each row: none of its rows were loaded."));
            return null;
        }

        var rows = new List<AnnexARow>();
        for (var r = headerRow + 1; r < grid.Count; r++)
        {
            var cells = grid[r];
            if (cells.All(c => Text(c).Length == 0))
            {
                continue;
            }

            read++;
            var line = r + 1;
            var idIndex = columns.Single(c => c.Value == list.Columns[0]).Key;
            var childId = idIndex < cells.Length ? Text(cells[idIndex]) : "";
            if (childId.Length == 0)
            {
                problems.Add(new(name, line, null, list.Columns[0].Header, null, "The row has no Child Unique ID, so it cannot be matched to a child: the row was not loaded."));
                continue;
            }

            var values = new Dictionary<AnnexAColumn, object>();
            var written = new Dictionary<AnnexAColumn, string>();
            var rejected = false;
            foreach (var (index, column) in columns)
            {
                var cell = index < cells.Length ? cells[index] : null;
                var text = Text(cell);
                if (text.Length == 0)
                {
                    continue;
                }

                var (value, why) = Convert(column, cell, text);
                if (value is not null)
                {
                    values[column] = value;
                    if (column.Kind == AnnexAValueKind.Code)
                    {
                        written[column] = text;
                    }
                }
                else if (why is not null)
                {
                    var header = matched.First(m => m.Index == index).Header;
                    if (key.Contains(column))
                    {
                        problems.Add(new(name, line, childId, header, text, $"{why} This column identifies the row: the row was not loaded."));
                        rejected = true;
                    }
                    else
                    {
                        problems.Add(new(name, line, childId, header, text, $"{why} The value was not imported; the rest of the row was."));
                    }
                }
            }

            var blankKey = key.FirstOrDefault(k => !rejected && !values.ContainsKey(k));
            if (blankKey is not null)
            {
                problems.Add(new(name, line, childId, blankKey.Header, null, $"'{blankKey.Header}' is blank, and it identifies the row: the row was not loaded."));
                rejected = true;
            }

            if (!rejected)
            {
                rows.Add(new AnnexARow(line, childId, values, written));
            }
        }

        return new AnnexASheet(list, name, headerRow + 1, columns.Values.ToList(), rows);
    }

    /// <summary>A cell's value for its column, or why it has none (null reason: blank).</summary>
    private static (object? Value, string? Why) Convert(AnnexAColumn column, object? cell, string text)
    {
        switch (column.Kind)
        {
            case AnnexAValueKind.Date:
                return ReadDate(cell, text) is { } date ? (date, null) : (null, $"'{text}' is not a date Sightline can read (it expects dd/mm/yyyy).");
            case AnnexAValueKind.Number:
                return ReadNumber(cell, text) is { } number ? (number, null) : (null, $"'{text}' is not a whole number of zero or more.");
            case AnnexAValueKind.Code:
                var (kind, canonical) = column.Codes!.Match(text);
                return kind switch
                {
                    AnnexACodeMatchKind.Value => (canonical, null),
                    AnnexACodeMatchKind.Blank => (null, null),
                    AnnexACodeMatchKind.KnownError => (null, $"'{text}' is not a valid {column.Codes.Name} in Annex A."),
                    _ => (null, $"'{text}' is not a {column.Codes.Name} Sightline recognises."),
                };
            default:
                return (Unneutralise(text).Trim(), null);
        }
    }

    /// <summary>A date from a real date cell, an Excel serial number, or text as councils write it (dd/mm/yyyy first:
    /// a day-first date is never read month-first).</summary>
    internal static DateOnly? ReadDate(object? cell, string text)
    {
        switch (cell)
        {
            case DateTime dateTime:
                return DateOnly.FromDateTime(dateTime);
            case double serial:
                return FromSerial(serial);
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return FromSerial(number);
        }

        return DateTime.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var parsed)
               && parsed.Year is >= 1900 and <= 2100
            ? DateOnly.FromDateTime(parsed)
            : null;
    }

    /// <summary>An Excel serial day number, whole days only, from 10000 (18 May 1927) to 73050 (31 December 2099):
    /// smaller numbers in a date column are years or counts typed in the wrong place, not dates.</summary>
    private static DateOnly? FromSerial(double serial) =>
        serial is >= 10_000 and < 73_051 && serial == Math.Floor(serial)
            ? DateOnly.FromDateTime(DateTime.FromOADate(serial))
            : null;

    private static int? ReadNumber(object? cell, string text)
    {
        if (cell is double d)
        {
            return d >= 0 && d == Math.Floor(d) && d <= int.MaxValue ? (int)d : null;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
    }

    /// <summary>A cell's content as text, trimmed: numbers without a trailing ".0" (a numeric Child Unique ID
    /// reads as it was typed).</summary>
    internal static string Text(object? cell) => cell switch
    {
        null => "",
        string s => s.Trim(),
        double d => d.ToString("0.##########", CultureInfo.InvariantCulture),
        DateTime t => t.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
        bool b => b ? "TRUE" : "FALSE",
        _ => System.Convert.ToString(cell, CultureInfo.InvariantCulture)?.Trim() ?? "",
    };

    /// <summary>Undoes the export's guard against formula injection: a leading apostrophe before =, +, -, @, tab or
    /// carriage return (see <see cref="SpreadsheetText.Neutralise"/>). XML reads a carriage return back as a
    /// line feed, so that is undone too.</summary>
    internal static string Unneutralise(string text) =>
        text.Length > 1 && text[0] == '\'' && (SpreadsheetText.IsFormulaStart(text[1]) || text[1] == '\n') ? text[1..] : text;
}

/// <summary>The columns that identify a row of each list: without them a row cannot be matched to a record, so
/// a row missing one is rejected, and a sheet without one is not loaded.</summary>
public static class AnnexAKeys
{
    public static IReadOnlyList<AnnexAColumn> Of(AnnexAList list) => list.Number switch
    {
        1 => [list.Columns[0], list["Date of Contact"]],
        2 => [list.Columns[0], list["Assessment start date"]],
        3 => [list.Columns[0], list["Date of referral"]],
        4 => [list.Columns[0], list["Continuous Assessment Start Date"]],
        5 => [list.Columns[0], list["Strategy discussion initiating Section 47 Enquiry Start Date"]],
        6 => [list.Columns[0], list["CIN Start Date"]],
        7 => [list.Columns[0], list["Child Protection Plan Start Date"]],
        8 => [list.Columns[0], list["Date Started to be Looked After"]],
        10 => [list.Columns[0], list["Date of Decision that Child Should be Placed for Adoption"]],
        11 => [list.Columns[0], list["Date enquiry received"]],
        _ => [list.Columns[0]],
    };
}
