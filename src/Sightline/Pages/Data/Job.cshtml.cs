using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Sightline.Web.Pages.Data;

/// <summary>An import running in the background: its progress, shown on the page (refreshed by
/// <c>/js/import-progress.mjs</c> when scripts run, by the "check again" link when they do not) and as JSON for that
/// script; once finished, the import's report. Only the account that started the job sees it.</summary>
public sealed class JobModel(ImportJobs jobs) : PageModel
{
    public ImportJob Job { get; private set; } = null!;

    public IActionResult OnGet(Guid id)
    {
        if (Find(id) is not { } job)
        {
            return NotFound();
        }

        if (job.Finished && job.ImportRecordId is { } record)
        {
            return Redirect($"/data/imports/{record}");
        }

        Job = job;
        return Page();
    }

    /// <summary>The job's progress for the page's script.</summary>
    public IActionResult OnGetStatus(Guid id)
    {
        if (Find(id) is not { } job)
        {
            return NotFound();
        }

        var (stage, done, total) = job.Progress;
        return new JsonResult(new { finished = job.Finished, stage, done, total, percent = job.Percent });
    }

    private ImportJob? Find(Guid id) => jobs.Find(id, User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "");
}
