using Sightline.Model;
using Sightline.Oversight;
using Sightline.Oversight.Alerts;
using static Sightline.Domain.Tests.Oversight.Cases;

namespace Sightline.Domain.Tests.Oversight;

public sealed class ChildProtectionReviewOverdueTests
{
    private readonly ChildProtectionReviewOverdue _rule = new();

    [Fact]
    public void FirstReviewIsDueThreeCalendarMonthsAfterTheInitialConference()
    {
        var child = Child();
        Plan(Episode(child, D(2025, 1, 2)), D(2025, 1, 15));
        _rule.Alerts(child, D(2025, 4, 15)).Should().BeEmpty();
        var alert = _rule.Alerts(child, D(2025, 4, 16)).Single();
        (alert.Due, alert.Overdue).Should().Be((D(2025, 4, 15), 1));
    }

    [Fact]
    public void LaterReviewsAreDueSixMonthsAfterTheLastOne()
    {
        var child = Child();
        var plan = Plan(Episode(child, D(2025, 1, 2)), D(2025, 1, 15));
        plan.ReviewConferences.Add(new ReviewConference { Date = D(2025, 4, 10) });
        _rule.Alerts(child, D(2025, 10, 10)).Should().BeEmpty();
        _rule.Alerts(child, D(2025, 10, 13)).Single().Overdue.Should().Be(3, "calendar deadlines do not move for a weekend");
    }

    [Fact]
    public void AnEndedPlanNeedsNoReview()
    {
        var child = Child();
        Plan(Episode(child, D(2025, 1, 2)), D(2025, 1, 15), end: D(2025, 3, 1));
        _rule.Alerts(child, D(2025, 6, 1)).Should().BeEmpty();
    }
}

public sealed class ChildProtectionVisitTests
{
    private readonly ChildProtectionVisitOverdue _rule = new();

    [Fact]
    public void TheNextVisitIsDueTenWorkingDaysAfterTheChildWasLastSeen()
    {
        var child = Child();
        Plan(Episode(child, D(2025, 2, 20)), D(2025, 3, 3));
        Visit(child, D(2025, 3, 10));
        Visit(child, D(2025, 3, 17), seen: false);
        _rule.Alerts(child, D(2025, 3, 24)).Should().BeEmpty();
        var alert = _rule.Alerts(child, D(2025, 3, 25)).Single();
        (alert.Due, alert.Overdue).Should().Be((D(2025, 3, 24), 1));
        alert.Explanation.Should().Contain("last seen on a visit on Monday 10 March 2025");
    }

    [Fact]
    public void ACouncilWithAFifteenWorkingDayStandardExpectsTheVisitLater()
    {
        var child = Child();
        Plan(Episode(child, D(2025, 2, 20)), D(2025, 3, 3));
        Visit(child, D(2025, 3, 10));
        var standards = LocalStandards.Defaults with { CpVisitWorkingDays = 15 };
        _rule.Alerts(child, D(2025, 3, 31), standards).Should().BeEmpty();
        _rule.Alerts(child, D(2025, 4, 1), standards).Single().Due.Should().Be(D(2025, 3, 31));
    }

    [Fact]
    public void AnUnbornChildOnAPrebirthPlanIsNotExpectedToBeSeen()
    {
        var child = Child();
        child.DateOfBirth = null;
        child.ExpectedDateOfBirth = D(2025, 6, 1);
        Plan(Episode(child, D(2025, 2, 20)), D(2025, 3, 3));
        _rule.Alerts(child, D(2025, 5, 1)).Should().BeEmpty();
    }

    [Fact]
    public void AfterBirthTheClockStartsFromTheBirth()
    {
        var child = Child(born: D(2025, 5, 2));
        Plan(Episode(child, D(2025, 2, 20)), D(2025, 3, 3));
        _rule.Alerts(child, D(2025, 5, 16)).Should().BeEmpty("Friday 2 May 2025 plus 10 working days, skipping the 5 May bank holiday, is Monday 19 May");
        _rule.Alerts(child, D(2025, 5, 20)).Single().Due.Should().Be(D(2025, 5, 19));
    }
}

public sealed class ChildNotSeenAloneTests
{
    private readonly ChildNotSeenAlone _rule = new();

    [Fact]
    public void ThreeVisitsWithoutTheChildSeenAloneRaiseAnAlert()
    {
        var child = Child(born: D(2017, 1, 1));
        Plan(Episode(child, D(2025, 1, 2)), D(2025, 1, 15));
        Visit(child, D(2025, 2, 3));
        Visit(child, D(2025, 2, 17));
        Visit(child, D(2025, 3, 3));
        var alert = _rule.Alerts(child, D(2025, 3, 10)).Single();
        alert.Explanation.Should().Contain("from Monday 3 February 2025 to Monday 3 March 2025");
    }

    [Fact]
    public void OneOfTheLastThreeVisitsSeeingTheChildAloneIsEnough()
    {
        var child = Child(born: D(2017, 1, 1));
        Plan(Episode(child, D(2025, 1, 2)), D(2025, 1, 15));
        Visit(child, D(2025, 2, 3), alone: true);
        Visit(child, D(2025, 2, 17));
        Visit(child, D(2025, 3, 3));
        _rule.Alerts(child, D(2025, 3, 10)).Should().BeEmpty();
    }

    [Fact]
    public void AVisitWhereItIsNotKnownWhetherTheChildWasSeenAloneIsNotHeldAgainstIt()
    {
        var child = Child(born: D(2017, 1, 1));
        Plan(Episode(child, D(2025, 1, 2)), D(2025, 1, 15));
        Visit(child, D(2025, 2, 3)).SeenAlone = null;
        Visit(child, D(2025, 2, 17));
        Visit(child, D(2025, 3, 3));
        _rule.Alerts(child, D(2025, 3, 10)).Should().BeEmpty();
    }

    [Fact]
    public void TheLastThreeVisitsAreTakenByDateWhateverOrderTheyWereRecordedIn()
    {
        var child = Child(born: D(2017, 1, 1));
        Plan(Episode(child, D(2025, 1, 2)), D(2025, 1, 15));
        Visit(child, D(2025, 3, 3));
        Visit(child, D(2025, 1, 20), alone: true);
        Visit(child, D(2025, 2, 17));
        Visit(child, D(2025, 2, 3));
        // Before the plan began, and after the as-at date: neither counts.
        Visit(child, D(2025, 1, 10));
        Visit(child, D(2025, 3, 11), alone: true);
        var alert = _rule.Alerts(child, D(2025, 3, 10)).Single();
        alert.Explanation.Should().Contain("from Monday 3 February 2025 to Monday 3 March 2025");
        (alert.Due, alert.Overdue).Should().Be((D(2025, 2, 3), 25), "25 working days from Monday 3 February to Monday 10 March");
    }

    [Fact]
    public void OfTwoVisitsOnOneDayTheOneRecordedFirstCountsAmongTheLastThree()
    {
        // Visits on 17 February and 3 March, and two on 3 February: the last three are those two and the 3 February
        // visit recorded first.
        var aloneFirst = Child(born: D(2017, 1, 1));
        Plan(Episode(aloneFirst, D(2025, 1, 2)), D(2025, 1, 15));
        Visit(aloneFirst, D(2025, 2, 3), alone: true);
        Visit(aloneFirst, D(2025, 2, 3));
        Visit(aloneFirst, D(2025, 2, 17));
        Visit(aloneFirst, D(2025, 3, 3));
        _rule.Alerts(aloneFirst, D(2025, 3, 10)).Should().BeEmpty();

        var aloneSecond = Child(born: D(2017, 1, 1));
        Plan(Episode(aloneSecond, D(2025, 1, 2)), D(2025, 1, 15));
        Visit(aloneSecond, D(2025, 2, 3));
        Visit(aloneSecond, D(2025, 2, 3), alone: true);
        Visit(aloneSecond, D(2025, 2, 17));
        Visit(aloneSecond, D(2025, 3, 3));
        _rule.Alerts(aloneSecond, D(2025, 3, 10)).Should().ContainSingle();
    }

    [Fact]
    public void AChildUnderFourIsNotExpectedToBeSeenAlone()
    {
        var child = Child(born: D(2022, 6, 1));
        Plan(Episode(child, D(2025, 1, 2)), D(2025, 1, 15));
        Visit(child, D(2025, 2, 3));
        Visit(child, D(2025, 2, 17));
        Visit(child, D(2025, 3, 3));
        _rule.Alerts(child, D(2025, 3, 10)).Should().BeEmpty();
    }
}

public sealed class LongChildProtectionPlanTests
{
    [Fact]
    public void APlanPast18MonthsWithoutASeniorReviewAlertsFromTheDayAfter()
    {
        var child = Child();
        Plan(Episode(child, D(2023, 12, 20)), D(2024, 1, 1));
        LongChildProtectionPlan.EighteenMonths.Alerts(child, D(2025, 7, 1)).Should().BeEmpty();
        LongChildProtectionPlan.EighteenMonths.Alerts(child, D(2025, 7, 2)).Single().Overdue.Should().Be(1);
    }

    [Fact]
    public void ASeniorReviewAround18MonthsClearsTheFirstPointButNotTheSecond()
    {
        var child = Child();
        var plan = Plan(Episode(child, D(2023, 12, 20)), D(2024, 1, 1));
        plan.SeniorReviews.Add(new SeniorReview { Date = D(2025, 6, 15) });
        LongChildProtectionPlan.EighteenMonths.Alerts(child, D(2026, 1, 2)).Should().BeEmpty();
        LongChildProtectionPlan.TwoYears.Alerts(child, D(2026, 1, 2)).Single().Due.Should().Be(D(2026, 1, 1));
    }
}

public sealed class PlanTests
{
    [Fact]
    public void AnOverdueActionNamesItsOwner()
    {
        var child = Child();
        var plan = Plan(Episode(child, D(2025, 9, 1)), D(2025, 9, 15));
        plan.Actions.Add(new PlanAction { Description = "School to monitor attendance.", OwnerAgency = "School", DueDate = D(2025, 10, 10) });
        new PlanActionOverdue().Alerts(child, D(2025, 10, 10)).Should().BeEmpty();
        var alert = new PlanActionOverdue().Alerts(child, D(2025, 10, 11)).Single();
        alert.Explanation.Should().Contain("owner: School").And.Contain("Friday 10 October 2025");
    }

    [Fact]
    public void ACompletedActionIsNotOverdue()
    {
        var child = Child();
        var plan = Plan(Episode(child, D(2025, 9, 1)), D(2025, 9, 15));
        plan.Actions.Add(new PlanAction { Description = "x", DueDate = D(2025, 10, 10), CompletedDate = D(2025, 10, 12) });
        new PlanActionOverdue().Alerts(child, D(2025, 10, 13)).Should().BeEmpty();
        new PlanActionOverdue().Alerts(child, D(2025, 10, 11)).Should().ContainSingle("on 11 October it was late and not yet done");
    }

    [Fact]
    public void AnActionWithoutADueDateOrAPlanWithoutContingencyIsAPlanWithoutTimescales()
    {
        var rule = new PlanWithoutTimescales();
        var child = Child();
        var plan = CinPlan(Episode(child, D(2025, 9, 1)), D(2025, 9, 15));
        plan.Actions.Add(new PlanAction { Description = "x", DueDate = D(2025, 10, 1) });
        rule.Alerts(child, D(2025, 10, 15)).Should().BeEmpty("a plan silent about contingency is not reported as lacking one");

        plan.HasContingencyPlan = false;
        plan.Actions.Add(new PlanAction { Description = "y" });
        rule.Alerts(child, D(2025, 10, 15)).Single().Explanation.Should().Contain("1 outstanding action has no due date, and no contingency plan is recorded");
    }
}

public sealed class RepeatChildProtectionPlanTests
{
    private readonly RepeatChildProtectionPlan _rule = new();

    [Fact]
    public void ARepeatPlanWithoutASeniorReviewIsDue20WorkingDaysAfterItsStart()
    {
        // Monday 3 March 2025 is day 0; four whole weeks with no bank holiday make Monday 31 March day 20.
        var child = Child();
        Plan(Episode(child, D(2023, 10, 2), D(2024, 3, 1)), D(2023, 10, 16), D(2024, 3, 1));
        Plan(Episode(child, D(2025, 2, 17)), D(2025, 3, 3));
        _rule.Alerts(child, D(2025, 3, 31)).Should().BeEmpty();
        var alert = _rule.Alerts(child, D(2025, 4, 1)).Single();
        alert.Due.Should().Be(D(2025, 3, 31));
        alert.Overdue.Should().Be(1);
        alert.Explanation.Should().Contain("Friday 1 March 2024").And.Contain("Monday 3 March 2025");
    }

    [Fact]
    public void TheTwentyWorkingDaysSkipEasterAndTheEarlyMayBankHoliday()
    {
        // From Tuesday 8 April 2025: Good Friday 18 April, Easter Monday 21 April and Monday 5 May are not
        // working days, so day 20 is Friday 9 May 2025.
        var child = Child();
        Plan(Episode(child, D(2024, 1, 2), D(2024, 9, 30)), D(2024, 1, 15), D(2024, 9, 30));
        Plan(Episode(child, D(2025, 3, 20)), D(2025, 4, 8));
        _rule.Alerts(child, D(2025, 5, 9)).Should().BeEmpty();
        _rule.Alerts(child, D(2025, 5, 12)).Single().Due.Should().Be(D(2025, 5, 9));
    }

    [Fact]
    public void ThePreviousPlanMustHaveEndedWithinTwoYearsBothEndsIncluded()
    {
        var within = Child();
        Plan(Episode(within, D(2022, 10, 3), D(2023, 3, 3)), D(2022, 10, 17), D(2023, 3, 3));
        Plan(Episode(within, D(2025, 2, 17)), D(2025, 3, 3));
        _rule.Alerts(within, D(2025, 6, 2)).Should().ContainSingle("the previous plan ended exactly 2 years before");

        var longer = Child();
        Plan(Episode(longer, D(2022, 10, 3), D(2023, 3, 2)), D(2022, 10, 17), D(2023, 3, 2));
        Plan(Episode(longer, D(2025, 2, 17)), D(2025, 3, 3));
        _rule.Alerts(longer, D(2025, 6, 2)).Should().BeEmpty("2 years and 1 day is not a repeat within 2 years");
    }

    [Fact]
    public void ASeniorReviewAPreviousPlanKnownOnlyByCountOrAnEndedPlanRaiseNothing()
    {
        var reviewed = Child();
        Plan(Episode(reviewed, D(2024, 1, 2), D(2024, 9, 30)), D(2024, 1, 15), D(2024, 9, 30));
        Plan(Episode(reviewed, D(2025, 2, 17)), D(2025, 3, 3)).SeniorReviews.Add(new SeniorReview { Date = D(2025, 3, 3) });
        _rule.Alerts(reviewed, D(2025, 6, 2)).Should().BeEmpty("a senior review on the start date counts");

        var counted = Child();
        Plan(Episode(counted, D(2025, 2, 17)), D(2025, 3, 3)).NumberOfPreviousPlans = 1;
        _rule.Alerts(counted, D(2025, 6, 2)).Should().BeEmpty("a previous plan without dates cannot be placed within 2 years");

        var ended = Child();
        Plan(Episode(ended, D(2024, 1, 2), D(2024, 9, 30)), D(2024, 1, 15), D(2024, 9, 30));
        Plan(Episode(ended, D(2025, 2, 17), D(2025, 5, 1)), D(2025, 3, 3), D(2025, 5, 1));
        _rule.Alerts(ended, D(2025, 6, 2)).Should().BeEmpty();
    }
}
