using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sightline.Model;
using Sightline.Oversight;
using Sightline.Web.Access;

namespace Sightline.Web.Pages.LongPlans;

/// <summary>One long child protection plan, as at one date.</summary>
/// <param name="Child">The child.</param>
/// <param name="Plan">The open plan.</param>
/// <param name="Worker">The worker holding the case on the date, if any.</param>
/// <param name="Date">The as-at date.</param>
/// <param name="LongMonths">The local standard in force on the date: the months after which a senior review is needed.</param>
public sealed record LongPlanRow(Child Child, ChildProtectionPlan Plan, Worker? Worker, DateOnly Date, int LongMonths)
{
    /// <summary>Whole calendar months the plan has lasted by the date.</summary>
    public int Months
    {
        get
        {
            var months = (Date.Year - Plan.StartDate.Year) * 12 + Date.Month - Plan.StartDate.Month;
            return Plan.StartDate.AddMonths(months) > Date ? months - 1 : months;
        }
    }

    /// <summary>Whether the plan has reached 2 years by the date.</summary>
    public bool PastTwoYears => Plan.StartDate.AddMonths(24) <= Date;

    /// <summary>The senior review that counts for the local standard's point (default 18 months), or null.</summary>
    public SeniorReview? LongReview => Plan.SeniorReviewFor(LongMonths, Date);

    /// <summary>The senior review that counts for 2 years, or null (also null before 2 years).</summary>
    public SeniorReview? TwoYearReview => PastTwoYears ? Plan.SeniorReviewFor(24, Date) : null;

    public IEnumerable<ReviewConference> Conferences => Plan.ReviewConferences.Where(r => r.Date <= Date).OrderBy(r => r.Date);

    public IEnumerable<SeniorReview> SeniorReviews => Plan.SeniorReviews.Where(r => r.Date <= Date).OrderBy(r => r.Date);
}

/// <summary>Long child protection plans: every plan open at the as-at date that has lasted the local standard
/// (default 18 months) or longer, with its start, duration, categories, review conferences and senior reviews, and
/// whether the senior review at the local standard and at 2 years is recorded (as the long-plan rules judge it).
/// Only the children the user may see are listed.</summary>
public sealed class IndexModel(CouncilData council, ChildAccess access, SightlineClock clock) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "as-at")]
    public DateOnly? AsAt { get; set; }

    public DateOnly Date { get; private set; }
    public int LongMonths { get; private set; }
    public IReadOnlyList<LongPlanRow> Rows { get; private set; } = [];

    public IActionResult OnGet()
    {
        var scope = access.ScopeFor(User);
        Date = ModelState.IsValid && AsAt is { } date ? date : clock.Today;
        LongMonths = council.AsAt(Date).Standards.LongPlanMonths;
        var allocations = council.AllocationsOn(Date);
        var children = scope.EveryChild ? council.Snapshot.Children : scope.Children.Select(council.Child).OfType<Child>();
        Rows = children.Where(c => scope.MaySee(c.Id))
            .SelectMany(c => c.CinEpisodes.SelectMany(e => e.ChildProtectionPlans).Select(p => (Child: c, Plan: p)))
            .Where(x => x.Plan.IsOpenOn(Date) && x.Plan.StartDate.AddMonths(LongMonths) <= Date)
            .Select(x => new LongPlanRow(x.Child, x.Plan, allocations.Of(x.Child.Id)?.WorkerId is { } w ? council.Worker(w) : null, Date, LongMonths))
            .OrderBy(r => r.Plan.StartDate).ThenBy(r => r.Child.LAChildId, StringComparer.Ordinal)
            .ToList();
        return Page();
    }
}
