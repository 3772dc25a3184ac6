using System.IO.Compression;
using MiniExcelLibs;

namespace Sightline.Formats.Tests.AnnexA;

/// <summary>Hand-made workbooks, as councils make them: sheets of rows, each row its cells left to right.</summary>
public static class Workbooks
{
    /// <summary>Writes the sheets (name, rows) to a new .xlsx file in <paramref name="folder"/>.</summary>
    public static string Write(string folder, params (string Sheet, object?[][] Rows)[] sheets)
    {
        var path = Path.Combine(folder, $"{Guid.NewGuid():N}.xlsx");
        var data = new Dictionary<string, object>();
        foreach (var (sheet, rows) in sheets)
        {
            var width = rows.Length == 0 ? 1 : rows.Max(r => r.Length);
            data[sheet] = rows.Select(r => Enumerable.Range(0, width).ToDictionary(i => $"c{i}", i => i < r.Length ? r[i] : null)).ToList();
        }

        MiniExcel.SaveAs(path, data, printHeader: false);
        return path;
    }

    /// <summary>Every sheet's rows as text, header row first.</summary>
    public static Dictionary<string, List<string[]>> ReadAll(string path) =>
        MiniExcel.GetSheetNames(path).ToDictionary(s => s, s => MiniExcel.Query(path, useHeaderRow: false, sheetName: s)
            .Cast<IDictionary<string, object?>>().Select(r => r.Values.Select(v => v switch
            {
                null => "",
                double d => d.ToString(System.Globalization.CultureInfo.InvariantCulture),
                var o => o.ToString() ?? "",
            }).ToArray()).ToList());

    /// <summary>The XML of every worksheet in the package.</summary>
    public static IEnumerable<string> WorksheetXml(string path)
    {
        using var zip = ZipFile.OpenRead(path);
        foreach (var entry in zip.Entries.Where(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal) && e.FullName.EndsWith(".xml", StringComparison.Ordinal)))
        {
            using var reader = new StreamReader(entry.Open());
            yield return reader.ReadToEnd();
        }
    }
}
