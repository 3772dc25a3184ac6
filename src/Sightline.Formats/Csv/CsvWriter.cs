using System.Text;

namespace Sightline.Formats.Csv;

/// <summary>Writes RFC 4180 CSV: fields quoted only when they must be (a comma, a quote, a line break, or
/// spaces at either end), quotes doubled, lines ending CRLF.</summary>
public sealed class CsvWriter(TextWriter writer) : IDisposable
{
    /// <summary>UTF-8 with a byte order mark, so that Excel opens the file as UTF-8 rather than guessing.</summary>
    public static readonly Encoding Utf8WithBom = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);

    /// <summary>UTF-8 without a byte order mark.</summary>
    public static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    /// <summary>A writer to a new file (replacing any file already there).</summary>
    public static CsvWriter Create(string path, Encoding? encoding = null) =>
        new(new StreamWriter(path, append: false, encoding ?? Utf8) { NewLine = "\r\n" });

    public void WriteRow(IEnumerable<string?> fields)
    {
        var first = true;
        foreach (var field in fields)
        {
            if (!first)
            {
                writer.Write(',');
            }

            writer.Write(Quote(field));
            first = false;
        }

        writer.Write("\r\n");
    }

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
}
