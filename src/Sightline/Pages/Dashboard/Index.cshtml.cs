using System.Collections.Concurrent;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sightline.Cli.Commands;
using Sightline.Oversight;
using Sightline.Web.Access;

namespace Sightline.Web.Pages.Dashboard;

/// <summary>One count in the alerts tables: a rule or a team, and how many alerts it has.</summary>
public sealed record AlertCount(string Name, int Count);

/// <summary>The dashboard's figures as at one date, the same for every account that opens it (they name no child):
/// worked out once per date and kept with the council's records (<see cref="CouncilData.PerDate{T}"/>), so that a
/// request only draws them. Each indicator's monthly trend is worked out the first time it is charted.</summary>
public sealed class DashboardFigures
{
    private readonly CouncilData _council;
    private readonly ConcurrentDictionary<string, Lazy<IReadOnlyList<IndicatorValue>>> _trends = new(StringComparer.Ordinal);

    public DashboardFigures(CouncilData council, DateOnly date)
    {
        _council = council;
        Year = Period.YearTo(date);
        Headlines = IndicatorsCommand.Compute(council.Snapshot, council.Calendar, [Year]);
        var alerts = council.Alerts(date).Alerts;
        ByRule = alerts.GroupBy(a => a.Rule.Name).Select(g => new AlertCount(g.Key, g.Count())).OrderByDescending(c => c.Count).ThenBy(c => c.Name, StringComparer.Ordinal).ToList();
        var allocations = council.AllocationsOn(date);
        ByTeam = alerts.GroupBy(a => a.ChildId is { } c && allocations.Of(c) is { } allocation ? council.Team(allocation.TeamId)?.Name ?? "Unknown team" : "Not allocated")
            .Select(g => new AlertCount(g.Key, g.Count())).OrderByDescending(c => c.Count).ThenBy(c => c.Name, StringComparer.Ordinal).ToList();
    }

    /// <summary>The 12 months to the date.</summary>
    public Period Year { get; }

    /// <summary>Every indicator over <see cref="Year"/>.</summary>
    public IReadOnlyList<IndicatorValue> Headlines { get; }

    public IReadOnlyList<AlertCount> ByRule { get; }

    public IReadOnlyList<AlertCount> ByTeam { get; }

    /// <summary>One indicator month by month over <see cref="Year"/> (an identifier from the catalogue).</summary>
    public IReadOnlyList<IndicatorValue> Trend(string indicator) => _trends.GetOrAdd(indicator, id => new Lazy<IReadOnlyList<IndicatorValue>>(
        () => IndicatorsCommand.Compute(_council.Snapshot, _council.Calendar, Year.Months().ToList(), new HashSet<string>(StringComparer.Ordinal) { id }))).Value;
}

/// <summary>The council dashboard: every indicator over the 12 months to the as-at date against England (computed by
/// the same code as <c>sightline indicators</c>), the monthly trend of each chosen indicator as a chart with its data
/// table, and the whole council's alerts by rule and by team. It shows council-wide figures to every role that opens
/// it (a team manager included: the page says so) and names no child, so no view is logged.</summary>
public sealed class IndexModel(CouncilData council, SightlineClock clock) : PageModel
{
    /// <summary>The indicators charted when none is chosen.</summary>
    public static readonly string[] DefaultTrends = ["re-referrals", "assessments-in-45"];

    [BindProperty(SupportsGet = true, Name = "as-at")]
    public DateOnly? AsAt { get; set; }

    /// <summary>The indicators whose monthly trend is charted (by identifier).</summary>
    [BindProperty(SupportsGet = true, Name = "trend")]
    public List<string> Trend { get; set; } = [];

    public DateOnly Date { get; private set; }
    public Period Year { get; private set; }
    public IReadOnlyList<IndicatorValue> Headlines { get; private set; } = [];
    public IReadOnlyList<IGrouping<IndicatorInfo, IndicatorValue>> Trends { get; private set; } = [];
    public IReadOnlyList<AlertCount> ByRule { get; private set; } = [];
    public IReadOnlyList<AlertCount> ByTeam { get; private set; } = [];
    public bool ScopedNote { get; private set; }

    public IActionResult OnGet()
    {
        Date = ModelState.IsValid && AsAt is { } date ? date : clock.Today;
        var figures = council.PerDate(Date, data => new DashboardFigures(data, Date));
        Year = figures.Year;
        ScopedNote = !Roles.EveryChild.Any(User.IsInRole) && User.IsInRole(Roles.TeamManager);
        Headlines = figures.Headlines;
        var known = IndicatorCatalogue.All.Select(i => i.Info.Id).ToHashSet();
        var chosen = Trend.Where(known.Contains).ToHashSet();
        if (chosen.Count == 0)
        {
            chosen = DefaultTrends.Where(known.Contains).ToHashSet();
            Trend = [.. chosen];
        }

        // In the catalogue's order, as the indicators command gives them.
        Trends = IndicatorCatalogue.All.Where(i => chosen.Contains(i.Info.Id)).SelectMany(i => figures.Trend(i.Info.Id))
            .GroupBy(v => v.Indicator).ToList();
        ByRule = figures.ByRule;
        ByTeam = figures.ByTeam;
        return Page();
    }

    /// <summary>A value as the data table (and so the chart) reads it: plain digits with one decimal place, empty when there is none.</summary>
    public static string Plain(double? value) => value?.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) ?? "";

    /// <summary>England's figure in the indicator's unit, or a dash.</summary>
    public static string England(IndicatorInfo info) => info.England is not { } e ? "–" : info.Unit switch
    {
        IndicatorUnit.Percentage => $"{e:0.0}%",
        IndicatorUnit.Per10000 => $"{e:0.0} per 10,000",
        _ => $"{e:N0}",
    };
}
