using System.Globalization;
using MiniExcelLibs;

namespace Sightline.Formats.AnnexA;

/// <summary>Writes an Annex A workbook: one sheet per list, named "List N - Name", Ofsted's headers in Ofsted's
/// order in the first row, then one row per record. Dates are written as dd/mm/yyyy text, numbers as numbers,
/// coded values in their canonical spelling.</summary>
/// <remarks>Every text cell is written as a string cell, never a formula; in addition, text that a spreadsheet would
/// take for a formula if a user edited the cell or saved the sheet as CSV (beginning with =, +, -, @, a tab or a
/// carriage return) is prefixed with an apostrophe, as OWASP advises for CSV injection. The reader removes that
/// apostrophe again, so a round trip returns the text as it was.</remarks>
public static class AnnexAWorkbookWriter
{
    /// <summary>Writes the lists to <paramref name="path"/>, replacing any file there.</summary>
    /// <param name="path">The .xlsx file to write.</param>
    /// <param name="lists">Each list with its rows; each row holds one value per column, in column order:
    /// <see cref="string"/>, <see cref="DateOnly"/>, <see cref="int"/> or null for a blank cell.</param>
    public static void Write(string path, IEnumerable<(AnnexAList List, IEnumerable<object?[]> Rows)> lists)
    {
        var sheets = new Dictionary<string, object>();
        foreach (var (list, rows) in lists)
        {
            sheets[list.SheetName] = Sheet(list, rows);
        }

        if (File.Exists(path))
        {
            File.Delete(path);
        }

        MiniExcel.SaveAs(path, sheets, printHeader: false, excelType: ExcelType.XLSX);
    }

    private static IEnumerable<Dictionary<string, object?>> Sheet(AnnexAList list, IEnumerable<object?[]> rows)
    {
        // Headers are written as the first row, so that an empty list still shows its columns.
        yield return Row(list.Columns.Select(c => (object?)c.Header).ToArray());
        foreach (var row in rows)
        {
            if (row.Length != list.Columns.Count)
            {
                throw new ArgumentException($"A row of list {list.Number} has {row.Length} values for its {list.Columns.Count} columns.");
            }

            yield return Row(row.Select(Cell).ToArray());
        }
    }

    private static Dictionary<string, object?> Row(object?[] cells)
    {
        var row = new Dictionary<string, object?>(cells.Length);
        for (var i = 0; i < cells.Length; i++)
        {
            row[i.ToString(CultureInfo.InvariantCulture)] = cells[i];
        }

        return row;
    }

    private static object? Cell(object? value) => value switch
    {
        null => null,
        DateOnly date => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
        int number => number,
        string text => SpreadsheetText.Neutralise(text)!,
        _ => throw new ArgumentException($"Annex A cells hold text, dates and whole numbers, not {value.GetType().Name}."),
    };

}
