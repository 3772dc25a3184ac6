using System.Text;

namespace Sightline.Formats.Csv;

/// <summary>One record of a CSV file: the line it starts on, its fields as written (quotes removed), and why it
/// is malformed when it is.</summary>
/// <param name="Line">The physical line the record starts on, from 1; a quoted field may carry it over several lines.</param>
/// <param name="Fields">The record's fields.</param>
/// <param name="Malformed">Why the record breaks RFC 4180 (text after a closing quote), or null.</param>
public sealed record CsvRecord(int Line, IReadOnlyList<string> Fields, string? Malformed)
{
    /// <summary>Every field is empty or spaces: a blank line, or a row of commas a spreadsheet leaves behind.</summary>
    public bool IsBlank => Fields.All(string.IsNullOrWhiteSpace);
}

/// <summary>The file is not a CSV file Sightline can read at all (binary, a spreadsheet, not UTF-8, a quote that
/// never closes). The message says which, in words a performance officer can act on.</summary>
public sealed class CsvFileException(string message) : Exception(message);

/// <summary>Reads RFC 4180 CSV from UTF-8 text, with or without a byte order mark: comma-separated, fields
/// quoted with double quotes when they hold commas, quotes or line breaks, a doubled quote for a quote, lines
/// ending CRLF, LF or CR. Values are returned exactly as written: nothing is trimmed or interpreted, so text
/// that looks like a formula or a script stays text. Files that are not text at all are refused whole, before
/// anything is read from them, with <see cref="CsvFileException"/>.</summary>
public sealed class CsvReader : IDisposable
{
    /// <summary>The longest record read: anything longer is a quote that never closes, or not a CSV file.</summary>
    public const int MaxRecordLength = 1 << 20;

    private readonly Stream _stream;
    private readonly StreamReader _text;
    private readonly char[] _buffer = new char[1 << 16];
    private readonly StringBuilder _field = new();
    private int _position;
    private int _length;
    private int _line = 1;
    private bool _started;

    /// <param name="stream">The file; the reader owns and disposes it.</param>
    /// <param name="fileName">The file's name, for messages.</param>
    public CsvReader(Stream stream, string fileName)
    {
        if (!stream.CanSeek)
        {
            throw new ArgumentException("The CSV reader needs a file it can read from the start.", nameof(stream));
        }

        _stream = stream;
        FileName = fileName;
        RefuseWhatIsNotText();
        // Strict UTF-8: a Windows-1252 export ("CSV (Comma delimited)" in Excel) would otherwise turn names into
        // replacement characters without a word.
        _text = new StreamReader(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: false);
    }

    public string FileName { get; }

    /// <summary>How far through the file the reader is, in bytes (read ahead by a buffer): for progress.</summary>
    public long BytesRead => _stream.Position;

    /// <summary>The file's length in bytes.</summary>
    public long Length => _stream.Length;

    /// <summary>The next record, or null at the end of the file.</summary>
    /// <exception cref="CsvFileException">The file turns out not to be UTF-8 text, or a quote never closes.</exception>
    public CsvRecord? Read()
    {
        var c = Next();
        if (c < 0)
        {
            return null;
        }

        var start = _line;
        var fields = new List<string>();
        string? malformed = null;
        var length = 0;
        while (true)
        {
            _field.Clear();
            if (c == '"')
            {
                c = ReadQuoted(start);
                if (c >= 0 && c != ',' && c != '\r' && c != '\n')
                {
                    // Text after a closing quote breaks RFC 4180: keep it, but say the record is malformed.
                    malformed ??= $"A quoted value is followed by other text before the next comma (column {fields.Count + 1}).";
                    c = ReadUnquoted(c);
                }
            }
            else
            {
                c = ReadUnquoted(c);
            }

            length += _field.Length;
            if (length > MaxRecordLength)
            {
                throw new CsvFileException($"{FileName}: the record starting on line {start} is over {MaxRecordLength:N0} characters long; " +
                                           "a quoted value probably never closes, or the file is not CSV.");
            }

            fields.Add(_field.ToString());
            if (c != ',')
            {
                EndLine(c);
                return new CsvRecord(start, fields, malformed);
            }

            c = Next();
        }
    }

    public void Dispose() => _text.Dispose();

    /// <summary>Reads a quoted value whose opening quote has been read; returns the character after the closing quote.</summary>
    private int ReadQuoted(int start)
    {
        while (true)
        {
            var c = Next();
            if (c < 0)
            {
                throw new CsvFileException($"{FileName}: a quoted value that starts on line {start} never closes; the file may be cut short.");
            }

            if (c == '"')
            {
                c = Next();
                if (c != '"')
                {
                    return c;
                }
            }
            else if (c == '\n' || (c == '\r' && Peek() != '\n'))
            {
                _line++;
            }

            _field.Append((char)c);
            if (_field.Length > MaxRecordLength)
            {
                throw new CsvFileException($"{FileName}: a quoted value that starts on line {start} is over {MaxRecordLength:N0} characters long; " +
                                           "it probably never closes, or the file is not CSV.");
            }
        }
    }

    /// <summary>Reads an unquoted value from its first character; returns the comma, line break or end (-1) after it.</summary>
    private int ReadUnquoted(int c)
    {
        while (c >= 0 && c != ',' && c != '\r' && c != '\n')
        {
            // A quote inside an unquoted value (5'11") is kept as written.
            _field.Append((char)c);
            if (_field.Length > MaxRecordLength)
            {
                throw new CsvFileException($"{FileName}: line {_line} is over {MaxRecordLength:N0} characters long: not a CSV file Sightline can read.");
            }

            c = Next();
        }

        return c;
    }

    private void EndLine(int c)
    {
        if (c == '\r' && Peek() == '\n')
        {
            Next();
        }

        if (c >= 0)
        {
            _line++;
        }
    }

    private int Peek()
    {
        if (_position == _length && !Fill())
        {
            return -1;
        }

        return _buffer[_position];
    }

    private int Next()
    {
        if (_position == _length && !Fill())
        {
            return -1;
        }

        var c = _buffer[_position++];
        if (c == '\0')
        {
            throw new CsvFileException($"{FileName} holds binary data (a NUL byte on line {_line}): it is not a CSV text file.");
        }

        return c;
    }

    private bool Fill()
    {
        try
        {
            _length = _text.Read(_buffer, 0, _buffer.Length);
        }
        catch (DecoderFallbackException)
        {
            throw new CsvFileException($"{FileName} is not UTF-8 text (a byte that is not UTF-8 near line {_line}). " +
                                       "Save it as \"CSV UTF-8\" and import that.");
        }

        _position = 0;
        if (!_started && _length > 0)
        {
            _started = true;
            if (_buffer[0] == '\uFEFF')
            {
                _position = 1; // the UTF-8 byte order mark Excel writes
            }
        }

        return _position < _length;
    }

    /// <summary>Refuses spreadsheets and other binary files by their first bytes, before reading a line.</summary>
    private void RefuseWhatIsNotText()
    {
        Span<byte> head = stackalloc byte[8];
        var read = 0;
        while (read < head.Length && _stream.Read(head[read..]) is > 0 and var n)
        {
            read += n;
        }

        head = head[..read];
        _stream.Position = 0;

        string? what = head switch
        {
            [0x50, 0x4B, 0x03, 0x04, ..] => "a spreadsheet or other zip archive (an .xlsx workbook, say)",
            [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] => "an Excel 97–2003 workbook (.xls)",
            [0x25, 0x50, 0x44, 0x46, ..] => "a PDF document",
            [0xFF, 0xFE, ..] or [0xFE, 0xFF, ..] => "UTF-16 text (\"Unicode text\" in Excel)",
            _ => null,
        };
        if (what is not null)
        {
            throw new CsvFileException($"{FileName} is {what}, not a CSV file. Save it as \"CSV UTF-8\" and import that.");
        }
    }
}
