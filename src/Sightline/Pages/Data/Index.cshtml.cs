using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sightline.Cli.AnnexA;
using Sightline.Model;
using Sightline.Storage;
using Sightline.Storage.Extracts;
using Sightline.Web.Access;
using Sightline.Web.Pages.Settings;

namespace Sightline.Web.Pages.Data;

/// <summary>The council's data, for administrators and performance officers: every import (what was loaded when,
/// its counts and rejections), a form to upload a CIN census, an Annex A workbook or a CSV extract (run in the
/// background by <see cref="ImportJobs"/>, through the importers <c>sightline import</c> uses), and the Annex A
/// workbook as at a date (an export, in the access log; only for a role that sees every child, since it lists them).</summary>
[RequestSizeLimit(MaxUploadBytes + 1024 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxUploadBytes)]
public sealed class IndexModel(SightlineDbContext db, SightlineDatabase database, ImportJobs jobs, ChildAccess access, AccessLog log, SightlineClock clock) : PageModel
{
    /// <summary>The largest file accepted: 500 MB, above the largest council's CIN census (about 300 MB for 60,000 children).</summary>
    public const long MaxUploadBytes = 500L * 1024 * 1024;

    /// <summary>How many imports are listed, newest first.</summary>
    public const int Listed = 100;

    [BindProperty]
    public string? Kind { get; set; }

    [BindProperty]
    public IFormFile? Upload { get; set; }

    [BindProperty(Name = "as-at-day")]
    public string? Day { get; set; }

    [BindProperty(Name = "as-at-month")]
    public string? Month { get; set; }

    [BindProperty(Name = "as-at-year")]
    public string? Year { get; set; }

    [BindProperty]
    public string? Extract { get; set; }

    public IReadOnlyList<ImportRecord> Imports { get; private set; } = [];
    public int Total { get; private set; }
    public List<FormError> Errors { get; } = [];
    public DateOnly Today { get; private set; }

    /// <summary>Whether the user may download Annex A (it lists children: only for a role that sees every child).</summary>
    public bool MayExport { get; private set; }

    public IReadOnlyList<string> Extracts => CsvExtracts.Names;

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        DateOnly? asAt = null;
        if (Kind is not (ImportRequest.Census or ImportRequest.AnnexA or ImportRequest.Csv))
        {
            Errors.Add(new FormError("kind", "Select what the file is."));
        }

        if (Upload is null || Upload.Length == 0)
        {
            Errors.Add(new FormError("upload", "Select a file to upload."));
        }
        else if (Kind is { } kind && Expected(kind) is { } extension && !Upload.FileName.EndsWith(extension, StringComparison.OrdinalIgnoreCase))
        {
            Errors.Add(new FormError("upload", $"The selected file must be a {extension} file."));
        }

        if (Kind == ImportRequest.AnnexA)
        {
            asAt = DateInput.Parse(Day, Month, Year);
            if (asAt is null)
            {
                Errors.Add(new FormError("as-at-day", "Enter the date the workbook is as at as a real date, for example 31 10 2026."));
            }
        }

        if (Kind == ImportRequest.Csv && (Extract is null || !CsvExtracts.Names.Contains(Extract)))
        {
            Errors.Add(new FormError("extract", "Select which extract the file is."));
        }

        if (Errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            await LoadAsync();
            return Page();
        }

        await using var content = Upload!.OpenReadStream();
        var job = await jobs.StartAsync(content, Upload.FileName, new ImportRequest(Kind!, asAt, Kind == ImportRequest.Csv ? Extract : null),
            User.FindFirstValue(ClaimTypes.NameIdentifier)!, User.Identity!.Name!);
        return RedirectToPage("/Data/Job", new { id = job.Id });
    }

    /// <summary>Annex A as at the date, written by the same exporter as <c>sightline export annex-a</c>.</summary>
    public IActionResult OnGetAnnexA([FromQuery(Name = "as-at")] DateOnly? asAt)
    {
        var date = asAt ?? clock.Today;
        var record = $"Annex A workbook as at {date:yyyy-MM-dd}";
        if (!access.ScopeFor(User).EveryChild)
        {
            log.Exported(User, record, allowed: false, "Annex A lists children: only a role that sees every child may download it.");
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        var folder = Directory.CreateTempSubdirectory("sightline-annex-a-");
        try
        {
            var path = Path.Combine(folder.FullName, "annex-a.xlsx");
            var lists = AnnexAExporter.Export(database, date, path);
            log.Exported(User, record, allowed: true, string.Join("; ", lists.Select(l => $"{l.List.SheetName}: {l.Rows}")));
            return File(System.IO.File.ReadAllBytes(path), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                $"annex-a-{date:yyyy-MM-dd}.xlsx");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>The extension a kind of file has.</summary>
    public static string? Expected(string kind) => kind switch
    {
        ImportRequest.Census => ".xml",
        ImportRequest.AnnexA => ".xlsx",
        ImportRequest.Csv => ".csv",
        _ => null,
    };

    public static string Outcome(ImportOutcome outcome) => outcome switch
    {
        ImportOutcome.Loaded => "Loaded",
        ImportOutcome.LoadedWithRejections => "Loaded with rejections",
        ImportOutcome.Refused => "Refused",
        _ => "Failed",
    };

    public static string OutcomeTag(ImportOutcome outcome) => outcome switch
    {
        ImportOutcome.Loaded => "govuk-tag--green",
        ImportOutcome.LoadedWithRejections => "govuk-tag--yellow",
        _ => "govuk-tag--red",
    };

    private async Task LoadAsync()
    {
        Today = clock.Today;
        MayExport = access.ScopeFor(User).EveryChild;
        Total = await db.ImportRecords.CountAsync();
        Imports = await db.ImportRecords.AsNoTracking().OrderByDescending(r => r.Id).Take(Listed).ToListAsync();
    }
}
