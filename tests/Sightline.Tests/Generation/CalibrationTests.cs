using Sightline.Calendar;
using Sightline.Model;

namespace Sightline.Tests.Generation;

/// <summary>The synthetic council lands near the England figures it is calibrated to (DfE 2024-25 children in
/// need and 2023 workforce statistics), and holds the imperfections the seeds describe. The measures are
/// worked out here plainly, over the last twelve months of the six years, as an oracle for the generator.</summary>
[Collection(MediumCouncilCollection.Name)]
public sealed class CalibrationTests(MediumCouncil council)
{
    private static readonly WorkingDayCalendar Calendar = WorkingDayCalendar.England;

    private DateOnly YearStart => council.End.AddYears(-1).AddDays(1);

    private bool InLastYear(DateOnly date) => date >= YearStart && date <= council.End;

    [Fact]
    public void MediumCouncilHasFifteenThousandChildren() => council.Children.Should().Be(15_000);

    [Fact]
    public void ReReferralRateIsNearEnglands22Point6Percent()
    {
        var referralsByChild = council.Episodes.ToLookup(e => e.ChildId, e => e.ReferralDate);
        var lastYear = council.Episodes.Where(e => InLastYear(e.ReferralDate)).ToList();
        var reReferrals = lastYear.Count(e => referralsByChild[e.ChildId].Any(d => d < e.ReferralDate && d >= e.ReferralDate.AddDays(-365)));
        ((double)reReferrals / lastYear.Count).Should().BeInRange(0.19, 0.26);
    }

    [Fact]
    public void ReferralsWithNoFurtherActionAreNearEnglands6Point5Percent() =>
        ((double)council.Episodes.Count(e => e.ReferralNfa) / council.Episodes.Count).Should().BeInRange(0.05, 0.08);

    [Fact]
    public void AssessmentsWithin45WorkingDaysAreNearEnglands85Point7PercentWithAMedianNear33()
    {
        var referral = council.Episodes.ToDictionary(e => e.Id, e => e.ReferralDate);
        var days = council.Assessments
            .Where(a => a.AuthorisationDate is { } d && InLastYear(d))
            .Select(a => Calendar.CountWorkingDays(referral[a.CinEpisodeId], a.AuthorisationDate!.Value))
            .Order().ToList();
        ((double)days.Count(d => d <= 45) / days.Count).Should().BeInRange(0.82, 0.91);
        days[days.Count / 2].Should().BeInRange(29, 37);
    }

    [Fact]
    public void InitialConferencesWithin15WorkingDaysOfTheEnquiryAreNearEnglands81Point4Percent()
    {
        var enquiryStart = council.Enquiries.ToDictionary(s => s.Id, s => s.StartDate);
        var conferences = council.Conferences.Where(c => InLastYear(c.Date)).ToList();
        var onTime = conferences.Count(c => Calendar.CountWorkingDays(enquiryStart[c.Section47EnquiryId!.Value], c.Date) <= 15);
        ((double)onTime / conferences.Count).Should().BeInRange(0.75, 0.88);
    }

    [Fact]
    public void PlansLastingTwoYearsOrMoreAreNearEnglands4Point4PercentOfPlansEnded()
    {
        var ended = council.Plans.Where(p => p.EndDate is { } d && InLastYear(d)).ToList();
        var long2 = ended.Count(p => p.EndDate!.Value >= p.StartDate.AddYears(2));
        ((double)long2 / ended.Count).Should().BeInRange(0.02, 0.07);
    }

    [Fact]
    public void AboutAQuarterOfPlansStartedAreSecondOrSubsequent()
    {
        var started = council.Plans.Where(p => InLastYear(p.StartDate)).ToList();
        ((double)started.Count(p => p.NumberOfPreviousPlans > 0) / started.Count).Should().BeInRange(0.17, 0.32);
    }

    [Fact]
    public void ChildrenOnPlansAndLookedAfterPer10000AreNearEnglands41And67()
    {
        var onPlan = council.Plans.Count(p => p.IsOpenOn(council.End));
        var lookedAfter = council.LookedAfter.Where(e => e.IsOpenOn(council.End)).Select(e => e.ChildId).Distinct().Count();
        (onPlan * 10_000.0 / council.Council.ChildPopulation).Should().BeInRange(30, 52);
        (lookedAfter * 10_000.0 / council.Council.ChildPopulation).Should().BeInRange(50, 85);
    }

    [Fact]
    public void CaseloadsAverageNearEnglands16WithATailAbove25()
    {
        var caseHolders = council.Workers.Where(w => w.HoldsCases && w.IsInPostOn(council.End)).ToList();
        var open = council.Allocations.Where(a => a.WorkerId is not null && a.IsOpenOn(council.End)).GroupBy(a => a.WorkerId!.Value).ToDictionary(g => g.Key, g => g.Count());
        var fte = caseHolders.Sum(w => (double)w.Fte);
        (open.Values.Sum() / fte).Should().BeInRange(14, 19.5);
        caseHolders.Count(w => open.GetValueOrDefault(w.Id) > 25).Should().BePositive("the Bury seed found caseloads of up to 25 and more");
    }

    [Fact]
    public void AgencyWorkersHoldNearEnglands17Point8PercentOfCaseHoldingFte()
    {
        var inPost = council.Workers.Where(w => w.HoldsCases && w.IsInPostOn(council.End)).ToList();
        var agency = inPost.Where(w => w.Employment == Employment.Agency).Sum(w => w.Fte) / inPost.Sum(w => w.Fte);
        ((double)agency).Should().BeInRange(0.10, 0.27);
    }

    [Fact]
    public void LongPlansWithoutASeniorReviewAreThereToFind() =>
        council.Plans.Count(p => p.IsOpenOn(council.End) && p.StartDate.AddMonths(18) <= council.End && p.SeniorReviews.Count == 0)
            .Should().BePositive();

    [Fact]
    public void ChildProtectionVisitsSometimesLapseBeyondTenWorkingDays()
    {
        var gaps = council.Visits.Where(v => v.Kind == VisitKind.ChildProtection).GroupBy(v => v.ChildId)
            .SelectMany(g => g.OrderBy(v => v.Date).Zip(g.OrderBy(v => v.Date).Skip(1), (a, b) => Calendar.CountWorkingDays(a.Date, b.Date)));
        gaps.Count(g => g > 10).Should().BePositive();
    }

    [Fact]
    public void PlansWithoutTimescalesOrContingencyAreThereToFind()
    {
        council.Actions.Count(a => a.DueDate is null).Should().BePositive();
        council.Plans.Count(p => p.HasContingencyPlan == false).Should().BePositive();
        council.Actions.Count(a => a.OwnerAgency is not null && a.CompletedDate is null && a.DueDate < council.End).Should().BePositive();
    }

    [Fact]
    public void PreProceedingsDriftPast16WeeksAndSomeAreNeverReviewed()
    {
        council.PreProceedings.Count(p => (p.DecisionDate ?? council.End).DayNumber - p.StartDate.DayNumber > 16 * 7).Should().BePositive();
        council.PreProceedings.Count(p => p.Reviews.Count == 0 && p.StartDate.AddDays(42) < (p.DecisionDate ?? council.End)).Should().BePositive();
    }

    [Fact]
    public void SupervisionIsSometimesMissedWithAndWithoutAReason()
    {
        var formal = council.Supervision.Where(s => s.Kind == SupervisionKind.Formal).ToList();
        formal.Count(s => !s.Held && s.ReasonNotHeld is null).Should().BePositive();
        formal.Count(s => !s.Held && s.ReasonNotHeld is not null).Should().BePositive();
        ((double)formal.Count(s => s.Held) / formal.Count).Should().BeInRange(0.8, 0.95);
        council.Supervision.Count(s => s.Kind == SupervisionKind.InformalCaseDiscussion).Should().BePositive();
    }

    [Fact]
    public void SomeStepDecisionsHaveNoRecordedRationaleAndSomeCasesAreUnallocated()
    {
        council.Decisions.Count(d => string.IsNullOrWhiteSpace(d.Rationale)).Should().BePositive();
        council.Allocations.Count(a => a.WorkerId is null && a.IsOpenOn(council.End)).Should().BePositive();
    }
}
