using System.Text;

namespace Sightline.Formats.Csv;

/// <summary>Writes RFC 4180 CSV: fields quoted only when they must be (a comma, a quote, a line break, or
/// spaces at either end), quotes doubled, lines ending CRLF. Extracts keep values exactly as they are, so they
/// read back the same; output meant for a spreadsheet (reports, alert lists) goes through
/// <see cref="SpreadsheetText.Neutralise"/> so that no cell can run as a formula.</summary>
public sealed class CsvWriter(TextWriter writer) : IDisposable
{
    /// <summary>UTF-8 with a byte order mark, so that Excel opens the file as UTF-8 rather than guessing.</summary>
    public static readonly Encoding Utf8WithBom = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);

    /// <summary>UTF-8 without a byte order mark.</summary>
    public static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    /// <summary>A writer to a new file (replacing any file already there).</summary>
    public static CsvWriter Create(string path, Encoding? encoding = null) =>
        new(new StreamWriter(path, append: false, encoding ?? Utf8) { NewLine = "\r\n" });

    /// <summary>Writes the fields exactly as they are.</summary>
    public void WriteRow(IEnumerable<string?> fields) => writer.Write(Join(fields.Select(Quote)));

    /// <summary>Writes the fields for a spreadsheet: each one neutralised (<see cref="SpreadsheetText.Neutralise"/>).</summary>
    public void WriteSafeRow(IEnumerable<string?> fields) => writer.Write(Join(fields.Select(Cell)));

    public void Dispose() => writer.Dispose();

    /// <summary>A field as it is written: quoted when it must be.</summary>
    public static string Quote(string? field)
    {
        if (string.IsNullOrEmpty(field))
        {
            return "";
        }

        var needsQuotes = field.AsSpan().IndexOfAny(",\"\r\n") >= 0 || char.IsWhiteSpace(field[0]) || char.IsWhiteSpace(field[^1]);
        return needsQuotes ? $"\"{field.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : field;
    }

    /// <summary>One spreadsheet-safe cell: neutralised, then quoted when it must be.</summary>
    public static string Cell(string? value) => Quote(SpreadsheetText.Neutralise(value));

    /// <summary>One spreadsheet-safe line of cells, ending with CRLF.</summary>
    public static string Line(params string?[] cells) => Join(cells.Select(Cell));

    private static string Join(IEnumerable<string> quoted) => string.Join(',', quoted) + "\r\n";
}
