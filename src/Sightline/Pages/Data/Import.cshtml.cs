using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sightline.Formats.Csv;
using Sightline.Model;
using Sightline.Storage;
using Sightline.Web.Access;

namespace Sightline.Web.Pages.Data;

/// <summary>One import: what was loaded, its counts, why it was refused if it was, and its rejections each with its
/// line and reason (the first <see cref="Shown"/> on the page, all of them as CSV, an export recorded in the access log).</summary>
public sealed class ImportModel(SightlineDbContext db, AccessLog log) : PageModel
{
    public const int Shown = 200;

    public ImportRecord Import { get; private set; } = null!;
    public IReadOnlyList<ImportRejection> Rejections { get; private set; } = [];

    /// <summary>The counts as name and number, in the importer's order.</summary>
    public IReadOnlyList<(string Name, string Count)> Counts { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (await db.ImportRecords.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id) is not { } import)
        {
            return NotFound();
        }

        Import = import;
        Rejections = await db.ImportRejections.AsNoTracking().Where(r => r.ImportRecordId == id).OrderBy(r => r.Id).Take(Shown).ToListAsync();
        Counts = (import.Counts ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .Select(parts => (parts[0], parts.Length > 1 && int.TryParse(parts[1], CultureInfo.InvariantCulture, out var n) ? n.ToString("N0", CultureInfo.InvariantCulture) : ""))
            .ToList();
        return Page();
    }

    /// <summary>Every rejection as CSV, safe to open in a spreadsheet.</summary>
    public async Task<IActionResult> OnGetCsvAsync(int id)
    {
        if (!await db.ImportRecords.AnyAsync(r => r.Id == id))
        {
            return NotFound();
        }

        var rejections = await db.ImportRejections.AsNoTracking().Where(r => r.ImportRecordId == id).OrderBy(r => r.Id).ToListAsync();
        var csv = new StringBuilder();
        csv.Append(CsvWriter.Line("line", "record", "field", "value", "reason"));
        foreach (var r in rejections)
        {
            csv.Append(CsvWriter.Line(r.Line?.ToString(CultureInfo.InvariantCulture), r.RecordId, r.Field, r.Value, r.Reason));
        }

        log.Exported(User, $"Import {id} rejections CSV", allowed: true, $"{rejections.Count} rows");
        var bytes = CsvWriter.Utf8WithBom.GetPreamble().Concat(CsvWriter.Utf8WithBom.GetBytes(csv.ToString())).ToArray();
        return File(bytes, "text/csv; charset=utf-8", $"import-{id}-rejections.csv");
    }
}
