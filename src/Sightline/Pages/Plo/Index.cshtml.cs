using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sightline.Formats.Csv;
using Sightline.Model;
using Sightline.Oversight;
using Sightline.Web.Access;

namespace Sightline.Web.Pages.Plo;

/// <summary>One child's pre-proceedings as the tracker shows them, worked out as at one date.</summary>
/// <param name="Child">The child.</param>
/// <param name="Pre">The pre-proceedings.</param>
/// <param name="Team">The team holding the case on the date, if any.</param>
/// <param name="Worker">The worker holding the case on the date, if any.</param>
/// <param name="Date">The as-at date.</param>
/// <param name="ReviewWeeks">The local standard for review meetings in force on the date, in weeks.</param>
public sealed record PloRow(Child Child, PreProceedings Pre, Team? Team, Worker? Worker, DateOnly Date, int ReviewWeeks)
{
    /// <summary>Whether a decision to step down or issue is still awaited on the date.</summary>
    public bool IsOpen => Pre.AwaitsDecisionOn(Date);

    /// <summary>The day the weeks are counted to: the as-at date while open, the decision date once decided.</summary>
    public DateOnly Until => IsOpen ? Date : Pre.DecisionDate!.Value;

    /// <summary>Whole weeks from the start to <see cref="Until"/> (day 0 is the start).</summary>
    public int WeeksElapsed => (Until.DayNumber - Pre.StartDate.DayNumber) / 7;

    /// <summary>The last review meeting held by <see cref="Until"/>, or null.</summary>
    public DateOnly? LastReview => Pre.LastReviewOn(Until);

    /// <summary>When the next review meeting is due while open (null once decided).</summary>
    public DateOnly? NextReview => IsOpen ? Pre.NextReviewDueOn(Date, ReviewWeeks) : null;

    /// <summary>Whether they have lasted beyond 16 weeks: open after the 16-week day, or decided after it.</summary>
    public bool Past16Weeks => Until > Pre.NormalEnd;

    /// <summary>What is awaited while open, or how they ended.</summary>
    public string Awaited => IsOpen ? $"Decision to step down or issue proceedings (16 weeks on {Pre.NormalEnd:d MMM yyyy})" : "Decided";

    /// <summary>The outcome as a legal gateway meeting reads it, once decided.</summary>
    public string? Outcome => IsOpen ? null : Pre.Outcome switch
    {
        PreProceedingsOutcome.SteppedDown => "Stepped down",
        PreProceedingsOutcome.ProceedingsIssued => Pre.CourtApplicationDate is { } applied ? $"Proceedings issued (application {applied:d MMM yyyy})" : "Proceedings issued",
        PreProceedingsOutcome.Other => "Other",
        _ => "Not recorded",
    };
}

/// <summary>The PLO tracker: every child in pre-proceedings open at the as-at date (or, with the filter, whose
/// pre-proceedings were decided in a period), with the start, weeks elapsed, the last review meeting and when the
/// next is due under the local standard in force, whether past 16 weeks, and the outcome once decided: what a legal
/// gateway meeting reads. Only the children the user may see are listed; the CSV export is logged.</summary>
public sealed class IndexModel(CouncilData council, ChildAccess access, AccessLog log, SightlineClock clock) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "as-at")]
    public DateOnly? AsAt { get; set; }

    /// <summary>"open" (the default) or "ended".</summary>
    [BindProperty(SupportsGet = true)]
    public string? Show { get; set; }

    /// <summary>With "ended", the first day of the period the decision falls in (default a year before the as-at date, plus a day).</summary>
    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    public DateOnly Date { get; private set; }
    public Period Period { get; private set; }
    public bool Ended => Show == "ended";
    public int ReviewWeeks { get; private set; }
    public IReadOnlyList<PloRow> Rows { get; private set; } = [];
    public List<string> Problems { get; } = [];

    public IActionResult OnGet()
    {
        Load();
        return Page();
    }

    /// <summary>The same list as CSV, through the same access rule, recorded in the access log.</summary>
    public IActionResult OnGetCsv()
    {
        Load();
        var csv = new StringBuilder();
        csv.Append(CsvWriter.Line("child", "team", "worker", "legal gateway", "start", "weeks elapsed", "last review", "next review due",
            "past 16 weeks", "awaiting", "decision", "outcome"));
        foreach (var row in Rows)
        {
            csv.Append(CsvWriter.Line(row.Child.LAChildId, row.Team?.Name, row.Worker?.Name, Iso(row.Pre.LegalGatewayDate), Iso(row.Pre.StartDate),
                row.WeeksElapsed.ToString(CultureInfo.InvariantCulture), Iso(row.LastReview), Iso(row.NextReview), row.Past16Weeks ? "yes" : "no",
                row.IsOpen ? row.Awaited : null, Iso(row.Pre.DecisionDate), row.Outcome));
        }

        log.Exported(User, "PLO tracker CSV", allowed: true, $"{(Ended ? $"ended {Period.From:yyyy-MM-dd} to {Period.To:yyyy-MM-dd}" : "open")} as at {Date:yyyy-MM-dd}; {Rows.Count} rows");
        var bytes = CsvWriter.Utf8WithBom.GetPreamble().Concat(CsvWriter.Utf8WithBom.GetBytes(csv.ToString())).ToArray();
        return File(bytes, "text/csv; charset=utf-8", $"plo-tracker-{Date:yyyy-MM-dd}.csv");
    }

    /// <summary>This list's query string (for the CSV link).</summary>
    public string Query()
    {
        var parts = new List<string>();
        if (AsAt is { } asAt)
        {
            parts.Add($"as-at={asAt:yyyy-MM-dd}");
        }

        if (Ended)
        {
            parts.Add("show=ended");
            parts.Add($"from={Period.From:yyyy-MM-dd}");
        }

        return parts.Count == 0 ? "" : "?" + string.Join('&', parts);
    }

    private static string? Iso(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private void Load()
    {
        if (!ModelState.IsValid)
        {
            Problems.Add("The dates could not be read: the tracker shows pre-proceedings open today.");
            AsAt = null;
            From = null;
        }

        if (Show is not (null or "open" or "ended"))
        {
            Show = null;
        }

        var scope = access.ScopeFor(User);
        Date = AsAt ?? clock.Today;
        Period = new Period(From is { } from && from <= Date ? from : Period.YearTo(Date).From, Date);
        ReviewWeeks = council.AsAt(Date).Standards.PreProceedingsReviewWeeks;
        var allocations = council.AllocationsOn(Date);
        var children = scope.EveryChild ? council.Snapshot.Children : scope.Children.Select(council.Child).OfType<Child>();
        Rows = children.Where(c => scope.MaySee(c.Id))
            .SelectMany(c => c.PreProceedings.Select(p => (Child: c, Pre: p)))
            .Where(x => Ended ? x.Pre.DecisionDate is { } decided && Period.Contains(decided) : x.Pre.AwaitsDecisionOn(Date))
            .Select(x =>
            {
                var allocation = allocations.Of(x.Child.Id);
                return new PloRow(x.Child, x.Pre, allocation is null ? null : council.Team(allocation.TeamId),
                    allocation?.WorkerId is { } w ? council.Worker(w) : null, Date, ReviewWeeks);
            })
            .OrderBy(r => r.Pre.StartDate).ThenBy(r => r.Child.LAChildId, StringComparer.Ordinal)
            .ToList();
    }
}
