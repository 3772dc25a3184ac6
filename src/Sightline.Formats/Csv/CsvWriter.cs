using System.Text;

namespace Sightline.Formats.Csv;

/// <summary>Writes RFC 4180 CSV that is safe to open in a spreadsheet: a cell that begins with <c>=</c>, <c>+</c>,
/// <c>-</c>, <c>@</c>, a tab or a carriage return is prefixed with an apostrophe so that it is read as text, never
/// run as a formula (formula injection).</summary>
public static class CsvWriter
{
    /// <summary>One line of cells, quoted where needed, ending with CRLF.</summary>
    public static string Line(params string?[] cells)
    {
        var line = new StringBuilder();
        for (var i = 0; i < cells.Length; i++)
        {
            if (i > 0)
            {
                line.Append(',');
            }

            line.Append(Cell(cells[i]));
        }

        return line.Append("\r\n").ToString();
    }

    /// <summary>One cell: neutralised if it could be read as a formula, then quoted if it holds a comma, quote or line break.</summary>
    public static string Cell(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? $"\"{value.Replace("\"", "\"\"")}\"" : value;
    }
}
