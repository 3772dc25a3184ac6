using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sightline.Formats.Csv;
using Sightline.Model;
using Sightline.Oversight;
using Sightline.Web.Access;

namespace Sightline.Web.Pages.MyWork;

/// <summary>One alert on My work, with the child it is about and who held the case on the date.</summary>
public sealed record WorkItem(Alert Alert, Child Child, Team? Team, Worker? Worker);

/// <summary>The alerts of the children one account may see as at a date, each with the child and who held the case,
/// most urgent first; and the teams and workers in it, by name, for the filters.</summary>
public sealed class WorkList
{
    public WorkList(CouncilData council, AlertReport report, Func<int, bool> maySee)
    {
        var allocations = council.AllocationsOn(report.AsAt);
        Items = report.Alerts
            .Where(a => a.ChildId is { } id && maySee(id))
            .Select(a =>
            {
                var allocation = allocations.Of(a.ChildId!.Value);
                return new WorkItem(a, council.Child(a.ChildId!.Value)!, allocation is null ? null : council.Team(allocation.TeamId),
                    allocation?.WorkerId is { } w ? council.Worker(w) : null);
            })
            .ToList();
        Gaps = report.Gaps;
        Teams = Items.Select(i => i.Team).OfType<Team>().DistinctBy(t => t.Id).OrderBy(t => t.Name, StringComparer.Ordinal).ToList();
        Workers = Items.Select(i => i.Worker).OfType<Worker>().DistinctBy(w => w.Id).OrderBy(w => w.Name, StringComparer.Ordinal).ToList();
    }

    public IReadOnlyList<WorkItem> Items { get; }
    public IReadOnlyList<CoverageGap> Gaps { get; }
    public IReadOnlyList<Team> Teams { get; }
    public IReadOnlyList<Worker> Workers { get; }
}

/// <summary>My work: the alerts of the children the user may see, as at today or a chosen date, most urgent first,
/// narrowed by team, worker, rule and severity with a GET form (so it works without JavaScript and a filtered list
/// has an address), a page at a time; and the same list as CSV.</summary>
public sealed class IndexModel(CouncilData council, ChildAccess access, AccessLog log, SightlineClock clock) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true, Name = "as-at")]
    public DateOnly? AsAt { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Team { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Worker { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Kind { get; set; }

    [BindProperty(SupportsGet = true)]
    public Severity? Severity { get; set; }

    /// <summary>Which page of results (from 1); "page" itself is Razor Pages' own route value.</summary>
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public DateOnly Date { get; private set; }
    public AccessScope Scope { get; private set; } = AccessScope.Nothing("");
    public IReadOnlyList<WorkItem> Items { get; private set; } = [];
    public IReadOnlyList<WorkItem> Shown { get; private set; } = [];
    public IReadOnlyList<CoverageGap> Gaps { get; private set; } = [];
    public IReadOnlyList<Team> TeamOptions { get; private set; } = [];
    public IReadOnlyList<Worker> WorkerOptions { get; private set; } = [];
    public IReadOnlyList<RuleInfo> KindOptions { get; private set; } = [];
    public int PageCount { get; private set; }
    public List<string> Problems { get; } = [];

    public IActionResult OnGet()
    {
        if (Refusal("My work") is { } refused)
        {
            log.RefusedPage(User, "My work", refused);
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        Load();
        PageCount = Math.Max(1, (Items.Count + PageSize - 1) / PageSize);
        PageNumber = Math.Clamp(PageNumber, 1, PageCount);
        Shown = Items.Skip((PageNumber - 1) * PageSize).Take(PageSize).ToList();
        return Page();
    }

    /// <summary>Every alert of the list as CSV (no paging), through the same access rule, and recorded in the access log.</summary>
    public IActionResult OnGetCsv()
    {
        if (Refusal("My work CSV") is { } refused)
        {
            log.Exported(User, "My work CSV", allowed: false, refused);
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        Load();
        var csv = new StringBuilder();
        csv.Append(CsvWriter.Line("rule", "rule name", "severity", "child", "due", "overdue", "unit", "team", "worker", "explanation"));
        foreach (var item in Items)
        {
            csv.Append(CsvWriter.Line(item.Alert.Rule.Id, item.Alert.Rule.Name, item.Alert.Severity.ToString(), item.Child.LAChildId,
                item.Alert.Due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), item.Alert.Overdue.ToString(CultureInfo.InvariantCulture),
                Unit(item.Alert.Rule), item.Team?.Name, item.Worker?.Name, item.Alert.Explanation));
        }

        log.Exported(User, "My work CSV", allowed: true, $"{Filters()}; {Items.Count} rows");
        return CsvDownload.Of(csv.ToString(), $"my-work-{Date:yyyy-MM-dd}.csv");
    }

    public static string Unit(RuleInfo rule) => rule.Counting == Counting.WorkingDays ? "working days" : "days";

    /// <summary>Links to the other pages of the list.</summary>
    public Pagination Paging => new(PageNumber, PageCount, "Pages of alerts", page => "/my-work" + Query(page), "Previous", "Next");

    /// <summary>The query string of this list with one value changed (for paging links and the CSV link).</summary>
    public string Query(int? page = null)
    {
        var parts = new List<string>();
        void Add(string name, object? value)
        {
            if (value is not null)
            {
                parts.Add($"{name}={Uri.EscapeDataString(Convert.ToString(value, CultureInfo.InvariantCulture)!)}");
            }
        }

        Add("as-at", AsAt?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add("team", Team);
        Add("worker", Worker);
        Add("kind", Kind);
        Add("severity", Severity);
        Add("p", page);
        return parts.Count == 0 ? "" : "?" + string.Join('&', parts);
    }

    /// <summary>Why the filters ask for more than the user may see, or null. A team or worker outside the user's
    /// scope is refused outright rather than quietly showing nothing, so that the attempt is on record.</summary>
    private string? Refusal(string what)
    {
        Scope = access.ScopeFor(User);
        if (Team is { } team && (!Scope.MayFilterByTeam(team) || council.Team(team) is null))
        {
            return $"{what} asked for team {team}, outside the account's scope.";
        }

        if (Worker is { } worker && (!Scope.MayFilterByWorker(worker) || council.Worker(worker) is null))
        {
            return $"{what} asked for worker {worker}, outside the account's scope.";
        }

        return null;
    }

    private void Load()
    {
        if (!ModelState.IsValid)
        {
            Problems.Add("The date, team, worker or severity could not be read: the list shows every alert as at today.");
            AsAt = null;
            Severity = null;
        }

        if (Kind is not null && RuleCatalogue.Find(Kind) is null)
        {
            Problems.Add($"There is no rule '{Kind}': the list shows every rule.");
            Kind = null;
        }

        Date = AsAt ?? clock.Today;
        // The whole council's list is the same for every account that sees every child: made once per date.
        var list = Scope.EveryChild
            ? council.PerDate(Date, data => new WorkList(data, data.Alerts(Date), _ => true))
            : new WorkList(council, council.Alerts(Date, Scope.Children), Scope.MaySee);
        Gaps = list.Gaps;
        TeamOptions = Team is { } t && !list.Teams.Any(o => o.Id == t)
            ? [.. list.Teams.Append(council.Team(t)!).OrderBy(o => o.Name, StringComparer.Ordinal)]
            : list.Teams;
        WorkerOptions = Worker is { } w && !list.Workers.Any(o => o.Id == w)
            ? [.. list.Workers.Append(council.Worker(w)!).OrderBy(o => o.Name, StringComparer.Ordinal)]
            : list.Workers;
        KindOptions = RuleCatalogue.ChildRules.Select(r => r.Info).ToList();
        Items = list.Items.Where(i => (Team is null || i.Team?.Id == Team)
                               && (Worker is null || i.Worker?.Id == Worker)
                               && (Kind is null || string.Equals(i.Alert.Rule.Id, Kind, StringComparison.OrdinalIgnoreCase))
                               && (Severity is null || i.Alert.Severity == Severity))
            .ToList();
    }

    private string Filters()
    {
        var filters = new List<string> { $"as at {Date:yyyy-MM-dd}" };
        if (Team is { } team)
        {
            filters.Add($"team {team}");
        }

        if (Worker is { } worker)
        {
            filters.Add($"worker {worker}");
        }

        if (Kind is not null)
        {
            filters.Add($"rule {Kind}");
        }

        if (Severity is { } severity)
        {
            filters.Add($"severity {severity}");
        }

        return string.Join(", ", filters);
    }
}
