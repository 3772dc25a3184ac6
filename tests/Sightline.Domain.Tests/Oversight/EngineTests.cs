using Sightline.Calendar;
using Sightline.Model;
using Sightline.Oversight;
using static Sightline.Domain.Tests.Oversight.Cases;

namespace Sightline.Domain.Tests.Oversight;

public sealed class EngineTests
{
    private static (CouncilSnapshot Snapshot, Child Child) ChildOnAPlanNeverVisited(params string[] loaded)
    {
        var child = Child();
        Plan(Episode(child, D(2025, 1, 2)), D(2025, 1, 15));
        return (new CouncilSnapshot(null, [child], [], [], new DataCoverage(loaded.ToHashSet())), child);
    }

    [Fact]
    public void WithoutVisitDataVisitRulesAreReportedOnceAsAGapNotAsOverdueVisits()
    {
        var (snapshot, _) = ChildOnAPlanNeverVisited();
        var report = OversightEngine.Alerts(snapshot, On(D(2025, 6, 2)));
        report.Alerts.Should().NotContain(a => a.Rule.Id == "cp-visit-overdue");
        var gap = report.Gaps.Single(g => g.Rule.Id == "cp-visit-overdue");
        gap.ChildrenWithOpenCases.Should().Be(1);
        gap.Explanation.Should().Contain("No visits data has been loaded");
    }

    [Fact]
    public void WithVisitDataAChildNeverVisitedIsOverdue()
    {
        var (snapshot, _) = ChildOnAPlanNeverVisited("visits");
        var report = OversightEngine.Alerts(snapshot, On(D(2025, 6, 2)));
        report.Alerts.Should().Contain(a => a.Rule.Id == "cp-visit-overdue");
        report.Gaps.Should().NotContain(g => g.Rule.Id == "cp-visit-overdue");
    }

    [Fact]
    public void WithoutChildInNeedPlanReviewsLoadedTheReviewRuleIsAGapNotAnAlertForEveryPlan()
    {
        var child = Child();
        CinPlan(Episode(child, D(2025, 1, 2)), D(2025, 1, 20));
        var asAt = On(D(2025, 6, 2));
        var without = OversightEngine.Alerts(new CouncilSnapshot(null, [child], [], [], new DataCoverage(new HashSet<string>())), asAt);
        without.Alerts.Should().NotContain(a => a.Rule.Id == "cin-plan-review-overdue");
        without.Gaps.Should().Contain(g => g.Rule.Id == "cin-plan-review-overdue" && g.Explanation.StartsWith("No CIN plan reviews data has been loaded"));

        var with = OversightEngine.Alerts(new CouncilSnapshot(null, [child], [], [], new DataCoverage(new HashSet<string> { "CIN plan reviews" })), asAt);
        with.Alerts.Should().ContainSingle(a => a.Rule.Id == "cin-plan-review-overdue", "the plan began on 20 January and was due a review by 20 April");
    }

    [Fact]
    public void AlertsComeMostUrgentFirst()
    {
        var (snapshot, _) = ChildOnAPlanNeverVisited("visits", "plan actions", "allocations", "step decisions");
        var alerts = OversightEngine.Alerts(snapshot, new AsAt(D(2025, 6, 2), WorkingDayCalendar.England, LocalStandards.Defaults)).Alerts;
        alerts.Should().HaveCountGreaterThan(1);
        alerts.Select(a => a.Severity).Should().BeInDescendingOrder();
    }

    [Fact]
    public void AlertsEquallyUrgentComeByChildWhateverOrderTheChildrenAreIn()
    {
        // Two children on plans since Wednesday 15 January, never visited, listed higher identifier first: the same
        // alerts, equally late, for each.
        var first = Child();
        var second = Child();
        Plan(Episode(first, D(2025, 1, 2)), D(2025, 1, 15));
        Plan(Episode(second, D(2025, 1, 2)), D(2025, 1, 15));
        var snapshot = new CouncilSnapshot(null, [second, first], [], [], new DataCoverage(new HashSet<string> { "visits" }));
        var alerts = OversightEngine.Alerts(snapshot, On(D(2025, 6, 2))).Alerts;

        // The visit was due by Wednesday 29 January: 84 working days late (Easter and two May bank holidays left out),
        // critical. The review was due by Tuesday 15 April: 48 days late, high. Each child's, by identifier.
        alerts.Select(a => (a.Rule.Id, a.ChildId, a.Overdue)).Should().Equal(
            ("cp-visit-overdue", first.Id, 84), ("cp-visit-overdue", second.Id, 84),
            ("cp-review-overdue", first.Id, 48), ("cp-review-overdue", second.Id, 48));
    }
}
