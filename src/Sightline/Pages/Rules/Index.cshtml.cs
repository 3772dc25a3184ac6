using Microsoft.AspNetCore.Mvc.RazorPages;
using Sightline.Model;
using Sightline.Oversight;
using Sightline.Storage;

namespace Sightline.Web.Pages.Rules;

/// <summary>The rules and indicators as the catalogue writes them (<see cref="RuleCatalogue"/>,
/// <see cref="IndicatorCatalogue"/>: the same text as <c>sightline rules</c> and docs/rules.md), and the council's
/// local standards: those in force today, and every version it has recorded. For any signed-in user.</summary>
public sealed class IndexModel(CouncilData council, SightlineClock clock, SightlineDbContext db) : PageModel
{
    public IReadOnlyList<RuleInfo> RuleList { get; } = RuleCatalogue.ChildRules.Select(r => r.Info).ToList();
    public IReadOnlyList<IndicatorInfo> IndicatorList { get; } = IndicatorCatalogue.All.Select(i => i.Info).ToList();
    public DateOnly Today { get; private set; }
    public LocalStandards InForce { get; private set; } = LocalStandards.Defaults;
    public IReadOnlyList<LocalStandardsVersion> Versions { get; private set; } = [];

    public void OnGet()
    {
        Today = clock.Today;
        InForce = council.AsAt(Today).Standards;
        Versions = LocalStandardsStore.Versions(db);
    }

    public static string Unit(RuleInfo rule) => rule.Counting == Counting.WorkingDays ? "working days" : "days";

    public static string Needs(RuleInfo rule) => rule.Needs.Length == 0 ? "the CIN census" : string.Join(", ", rule.Needs);
}

/// <summary>What the local standards table shows: the standards in force on a date, and the council's versions.</summary>
public sealed record StandardsView(DateOnly Today, LocalStandards InForce, IReadOnlyList<LocalStandardsVersion> Versions);
