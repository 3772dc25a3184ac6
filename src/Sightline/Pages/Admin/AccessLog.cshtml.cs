using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sightline.Formats.Csv;
using Sightline.Storage;
using Sightline.Web.Access;

namespace Sightline.Web.Pages.Admin;

/// <summary>The access log for administrators: newest first, narrowed by account, child, outcome and dates, a page
/// at a time, and as CSV (an export that is itself logged). There is nothing here that changes an entry.</summary>
public sealed class AccessLogModel(SightlineDbContext db, AccessLog log) : PageModel
{
    public const int PageSize = 100;

    [BindProperty(SupportsGet = true, Name = "user")]
    public string? UserName { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Child { get; set; }

    /// <summary>"allowed", "refused", or null for both.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Outcome { get; set; }

    /// <summary>The first day shown (UTC), inclusive.</summary>
    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    /// <summary>The last day shown (UTC), inclusive.</summary>
    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<AccessLogEntry> Entries { get; private set; } = [];
    public int Total { get; private set; }
    public int PageCount { get; private set; }

    public async Task OnGetAsync()
    {
        var query = Filtered();
        Total = await query.CountAsync();
        PageCount = Math.Max(1, (Total + PageSize - 1) / PageSize);
        PageNumber = Math.Clamp(PageNumber, 1, PageCount);
        Entries = await query.OrderByDescending(e => e.Id).Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync();
    }

    public async Task<IActionResult> OnGetCsvAsync()
    {
        var entries = await Filtered().OrderBy(e => e.Id).ToListAsync();
        var csv = new StringBuilder();
        csv.Append(CsvWriter.Line("id", "at (UTC)", "user", "action", "child", "record", "outcome", "detail"));
        foreach (var entry in entries)
        {
            csv.Append(CsvWriter.Line(entry.Id.ToString(CultureInfo.InvariantCulture), entry.At.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                entry.UserName, entry.Action.ToString(), entry.ChildId?.ToString(CultureInfo.InvariantCulture), entry.Record,
                entry.Allowed ? "allowed" : "refused", entry.Detail));
        }

        log.Exported(User, "Access log CSV", allowed: true, $"{entries.Count} rows");
        return CsvDownload.Of(csv.ToString(), "access-log.csv");
    }

    /// <summary>Links to the other pages of the list.</summary>
    public Pagination Paging => new(PageNumber, PageCount, "Pages of the access log", page => "/admin/access-log" + Query(page), "Newer", "Older");

    /// <summary>The query string of this view with another page (for paging and the CSV link).</summary>
    public string Query(int? page = null)
    {
        var parts = new List<string>();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                parts.Add($"{name}={Uri.EscapeDataString(value)}");
            }
        }

        Add("user", UserName);
        Add("child", Child?.ToString(CultureInfo.InvariantCulture));
        Add("outcome", Outcome);
        Add("from", From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add("to", To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add("p", page?.ToString(CultureInfo.InvariantCulture));
        return parts.Count == 0 ? "" : "?" + string.Join('&', parts);
    }

    private IQueryable<AccessLogEntry> Filtered()
    {
        var query = db.AccessLog.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(UserName))
        {
            query = query.Where(e => e.UserName == UserName.Trim());
        }

        if (Child is { } child)
        {
            query = query.Where(e => e.ChildId == child);
        }

        if (Outcome is "allowed" or "refused")
        {
            var allowed = Outcome == "allowed";
            query = query.Where(e => e.Allowed == allowed);
        }

        if (From is { } from)
        {
            var start = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            query = query.Where(e => e.At >= start);
        }

        if (To is { } to)
        {
            var end = to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            query = query.Where(e => e.At < end);
        }

        return query;
    }
}
