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
    public void AlertsComeMostUrgentFirst()
    {
        var (snapshot, _) = ChildOnAPlanNeverVisited("visits", "plan actions", "allocations", "step decisions");
        var alerts = OversightEngine.Alerts(snapshot, new AsAt(D(2025, 6, 2), WorkingDayCalendar.England, LocalStandards.Defaults)).Alerts;
        alerts.Should().HaveCountGreaterThan(1);
        alerts.Select(a => a.Severity).Should().BeInDescendingOrder();
    }
}
