using Sightline.Model;
using Sightline.Oversight;
using Sightline.Oversight.Alerts;
using static Sightline.Domain.Tests.Oversight.Cases;

namespace Sightline.Domain.Tests.Oversight;

public sealed class ChildInNeedRuleTests
{
    [Fact]
    public void AChildInNeedVisitIsDueTwentyWorkingDaysAfterThePlanStarts()
    {
        var child = Child();
        CinPlan(Episode(child, D(2025, 9, 1)), D(2025, 10, 1));
        new ChildInNeedVisitOverdue().Alerts(child, D(2025, 10, 29)).Should().BeEmpty();
        new ChildInNeedVisitOverdue().Alerts(child, D(2025, 10, 30)).Single().Due.Should().Be(D(2025, 10, 29));
    }

    [Fact]
    public void AChildAlsoOnAProtectionPlanIsVisitedUnderThatRule()
    {
        var child = Child();
        var episode = Episode(child, D(2025, 9, 1));
        CinPlan(episode, D(2025, 9, 10));
        Plan(episode, D(2025, 10, 1));
        new ChildInNeedVisitOverdue().Alerts(child, D(2025, 12, 1)).Should().BeEmpty();
    }

    [Fact]
    public void AChildInNeedPlanIsReviewedEveryThreeMonths()
    {
        var child = Child();
        var plan = CinPlan(Episode(child, D(2025, 9, 1)), D(2025, 10, 1));
        new ChildInNeedPlanReviewOverdue().Alerts(child, D(2026, 1, 2)).Single().Due.Should().Be(D(2026, 1, 1));
        plan.Reviews.Add(new CinPlanReview { Date = D(2025, 12, 20) });
        new ChildInNeedPlanReviewOverdue().Alerts(child, D(2026, 1, 2)).Should().BeEmpty();
    }
}

public sealed class CourtRuleTests
{
    [Fact]
    public void PreProceedingsReach16WeeksOnMonday28April2025AfterStartingOnMonday6January()
    {
        var child = Child();
        var pre = new PreProceedings { StartDate = D(2025, 1, 6), InitialMeetingDate = D(2025, 1, 20) };
        child.PreProceedings.Add(pre);
        new PreProceedingsOver16Weeks().Alerts(child, D(2025, 4, 28)).Should().BeEmpty();
        new PreProceedingsOver16Weeks().Alerts(child, D(2025, 4, 29)).Single().Overdue.Should().Be(1);
        pre.DecisionDate = D(2025, 4, 20);
        new PreProceedingsOver16Weeks().Alerts(child, D(2025, 4, 29)).Should().BeEmpty();
    }

    [Fact]
    public void PreProceedingsWithoutAReviewSixWeeksAfterTheInitialMeetingAreNotReviewed()
    {
        var child = Child();
        var pre = new PreProceedings { StartDate = D(2025, 1, 6), InitialMeetingDate = D(2025, 1, 20) };
        child.PreProceedings.Add(pre);
        new PreProceedingsNotReviewed().Alerts(child, D(2025, 3, 3)).Should().BeEmpty();
        new PreProceedingsNotReviewed().Alerts(child, D(2025, 3, 4)).Single().Due.Should().Be(D(2025, 3, 3));
        pre.Reviews.Add(new PreProceedingsReview { Date = D(2025, 2, 24) });
        new PreProceedingsNotReviewed().Alerts(child, D(2025, 3, 4)).Should().BeEmpty();
    }

    [Fact]
    public void OnlyAReportedCountOfReviewsCannotBeJudged()
    {
        var child = Child();
        child.PreProceedings.Add(new PreProceedings { StartDate = D(2025, 1, 6), ReportedReviewMeetingCount = 2 });
        new PreProceedingsNotReviewed().Alerts(child, D(2025, 6, 1)).Should().BeEmpty();
    }

    [Fact]
    public void CareProceedingsIssuedOnTuesday1July2025ReachTwentySixWeeksOnTuesday30December()
    {
        var child = Child();
        child.CareProceedings.Add(new CareProceedings { IssueDate = D(2025, 7, 1) });
        new CareProceedingsOver26Weeks().Alerts(child, D(2025, 12, 30)).Should().BeEmpty();
        new CareProceedingsOver26Weeks().Alerts(child, D(2025, 12, 31)).Single().Due.Should().Be(D(2025, 12, 30));
    }
}

public sealed class DriftAndDecisionTests
{
    private static Child ReReferredTwice()
    {
        var child = Child();
        Episode(child, D(2024, 1, 1), closed: D(2024, 3, 1));
        Episode(child, D(2024, 6, 1), closed: D(2024, 8, 1));
        Episode(child, D(2024, 12, 1));
        return child;
    }

    [Fact]
    public void AnEpisodeOpenSixMonthsAfterTwoReReferralsWithNoStepUpIsDrift()
    {
        var child = ReReferredTwice();
        new DriftWithoutEscalation().Alerts(child, D(2025, 6, 1)).Should().BeEmpty();
        new DriftWithoutEscalation().Alerts(child, D(2025, 6, 2)).Single().Due.Should().Be(D(2025, 6, 1));
    }

    [Fact]
    public void AStepUpDecisionDuringTheEpisodeIsEscalation()
    {
        var child = ReReferredTwice();
        child.StepDecisions.Add(new StepDecision { Date = D(2025, 3, 1), FromLevel = ServiceLevel.ChildInNeed, ToLevel = ServiceLevel.ChildProtection, Rationale = "risk rising" });
        new DriftWithoutEscalation().Alerts(child, D(2025, 6, 2)).Should().BeEmpty();
    }

    [Fact]
    public void OneReReferralIsNotEnough()
    {
        var child = Child();
        Episode(child, D(2024, 6, 1), closed: D(2024, 8, 1));
        Episode(child, D(2024, 12, 1));
        new DriftWithoutEscalation().Alerts(child, D(2025, 6, 2)).Should().BeEmpty();
    }

    [Fact]
    public void AStepDownWithNoReasonInTheLastYearIsReported()
    {
        var child = Child();
        child.StepDecisions.Add(new StepDecision { Date = D(2025, 3, 3), FromLevel = ServiceLevel.ChildProtection, ToLevel = ServiceLevel.ChildInNeed, Rationale = " " });
        child.StepDecisions.Add(new StepDecision { Date = D(2025, 3, 4), FromLevel = ServiceLevel.ChildInNeed, ToLevel = ServiceLevel.ChildProtection, Rationale = "Risk rose" });
        var alert = new StepChangeWithoutRationale().Alerts(child, D(2025, 4, 1)).Single();
        alert.Explanation.Should().Contain("Monday 3 March 2025 to step down from child protection to child in need");
        new StepChangeWithoutRationale().Alerts(child, D(2026, 4, 1)).Should().BeEmpty("decisions over 12 months old are history");
    }
}

public sealed class AllocationRuleTests
{
    [Fact]
    public void AnOpenCaseHeldByATeamWithoutAWorkerIsUnallocated()
    {
        var child = Child();
        Episode(child, D(2025, 9, 1));
        child.Allocations.Add(new Allocation { TeamId = 1, WorkerId = null, StartDate = D(2025, 9, 1) });
        new UnallocatedCase().Alerts(child, D(2025, 9, 11)).Single().Overdue.Should().Be(10);
        child.Allocations.Add(new Allocation { TeamId = 1, WorkerId = 5, StartDate = D(2025, 9, 12) });
        new UnallocatedCase().Alerts(child, D(2025, 9, 12)).Should().BeEmpty();
    }

    [Fact]
    public void ThreeChangesOfSocialWorkerInTwelveMonthsIsChurnButATeamMoveWithTheSameWorkerIsNot()
    {
        var child = Child();
        child.Allocations.AddRange([
            new Allocation { WorkerId = 1, StartDate = D(2024, 1, 8), EndDate = D(2025, 3, 2) },
            new Allocation { WorkerId = 2, StartDate = D(2025, 3, 3), EndDate = D(2025, 5, 31) },
            new Allocation { WorkerId = 2, StartDate = D(2025, 6, 1), EndDate = D(2025, 6, 29), Reason = AllocationReason.TeamTransfer },
            new Allocation { WorkerId = 3, StartDate = D(2025, 6, 30), EndDate = D(2025, 8, 31) },
        ]);
        new WorkerChurn().Alerts(child, D(2025, 10, 1)).Should().BeEmpty("two changes so far");
        child.Allocations.Add(new Allocation { WorkerId = 4, StartDate = D(2025, 9, 1) });
        new WorkerChurn().Alerts(child, D(2025, 10, 1)).Single().Explanation.Should().Contain("changed 3 times");
        new WorkerChurn().Alerts(child, D(2026, 3, 4)).Should().BeEmpty("by then the change on 3 March 2025 is over 12 months old");
    }
}

public sealed class LookedAfterRuleTests
{
    [Fact]
    public void TheFirstReviewIsDueTwentyWorkingDaysAfterBecomingLookedAfterAcrossEasterAndTheMayBankHoliday()
    {
        var child = Child();
        child.LookedAfterEpisodes.Add(new LookedAfterEpisode { StartDate = D(2025, 4, 17), LegalStatus = "C1", PlacementType = "U4" });
        // Working days from Thursday 17 April 2025, skipping Good Friday, Easter Monday and 5 May: the 20th is Tuesday 20 May.
        new LookedAfterReviewOverdue().Alerts(child, D(2025, 5, 20)).Should().BeEmpty();
        new LookedAfterReviewOverdue().Alerts(child, D(2025, 5, 21)).Single().Due.Should().Be(D(2025, 5, 20));
    }

    [Fact]
    public void ThePeriodOfCareStartsWithItsFirstEpisode()
    {
        var child = Child();
        child.LookedAfterEpisodes.Add(new LookedAfterEpisode { StartDate = D(2025, 1, 6), EndDate = D(2025, 3, 3), LegalStatus = "C1", PlacementType = "U4" });
        child.LookedAfterEpisodes.Add(new LookedAfterEpisode { StartDate = D(2025, 3, 3), LegalStatus = "C2", PlacementType = "U4" });
        child.LookedAfterReviews.Add(new LookedAfterReview { Date = D(2025, 1, 30) });
        new LookedAfterReviewOverdue().Alerts(child, D(2025, 5, 1)).Single().Due.Should().Be(D(2025, 4, 30), "the second review is due 3 months after the first");
    }

    [Fact]
    public void AVisitIsDueWithinAWeekOfAPlacementStartingThenEverySixWeeks()
    {
        var child = Child();
        child.LookedAfterEpisodes.Add(new LookedAfterEpisode { StartDate = D(2025, 9, 1), LegalStatus = "V2", PlacementType = "U4" });
        new LookedAfterVisitOverdue().Alerts(child, D(2025, 9, 9)).Single().Due.Should().Be(D(2025, 9, 8));
        Visit(child, D(2025, 9, 5), kind: VisitKind.LookedAfter);
        new LookedAfterVisitOverdue().Alerts(child, D(2025, 10, 17)).Should().BeEmpty();
        new LookedAfterVisitOverdue().Alerts(child, D(2025, 10, 18)).Single().Due.Should().Be(D(2025, 10, 17));
    }
}

public sealed class CatalogueAndStandardsTests
{
    [Fact]
    public void EveryRuleHasAUniqueIdAndSaysWhatItIsWhereItComesFromAndWhatClearsIt()
    {
        RuleCatalogue.All.Select(r => r.Info.Id).Should().OnlyHaveUniqueItems();
        RuleCatalogue.All.Should().OnlyContain(r => r.Info.Definition.Length > 40 && r.Info.Source.Length > 10 && r.Info.ClearsWhen.Length > 5);
        RuleCatalogue.Find("ICPC-OVERDUE").Should().BeOfType<InitialConferenceOverdue>();
    }

    [Theory]
    [InlineData(5, Counting.WorkingDays, Severity.Low)]
    [InlineData(6, Counting.WorkingDays, Severity.Medium)]
    [InlineData(16, Counting.WorkingDays, Severity.High)]
    [InlineData(41, Counting.WorkingDays, Severity.Critical)]
    [InlineData(7, Counting.Days, Severity.Low)]
    [InlineData(8, Counting.Days, Severity.Medium)]
    [InlineData(57, Counting.Days, Severity.Critical)]
    public void SeverityRisesWithTimeOverdue(int overdue, Counting counting, Severity expected) =>
        Severities.For(overdue, counting).Should().Be(expected);

    [Fact]
    public void TheStandardsInForceOnADateAreTheLatestThatTookEffectByThen()
    {
        var history = new LocalStandardsHistory([
            LocalStandards.Defaults with { EffectiveFrom = D(2025, 6, 1), CpVisitWorkingDays = 15 },
            LocalStandards.Defaults with { EffectiveFrom = D(2024, 1, 1) },
        ]);
        history.InForceOn(D(2025, 5, 31)).CpVisitWorkingDays.Should().Be(10);
        history.InForceOn(D(2025, 6, 1)).CpVisitWorkingDays.Should().Be(15);
        history.InForceOn(D(2020, 1, 1)).CpVisitWorkingDays.Should().Be(10);
    }
}
