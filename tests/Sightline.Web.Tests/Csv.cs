using Sightline.Formats.Csv;

namespace Sightline.Web.Tests;

/// <summary>Reads an exported CSV file back with Sightline's own RFC 4180 reader.</summary>
internal static class Csv
{
    public static List<IReadOnlyList<string>> Rows(byte[] file)
    {
        using var reader = new CsvReader(new MemoryStream(file), "export.csv");
        var rows = new List<IReadOnlyList<string>>();
        while (reader.Read() is { } record)
        {
            record.Malformed.Should().BeNull();
            rows.Add(record.Fields);
        }

        return rows;
    }
}
