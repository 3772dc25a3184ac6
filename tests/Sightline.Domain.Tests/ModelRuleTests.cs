using Sightline.Model;

namespace Sightline.Domain.Tests;

public sealed class ModelRuleTests
{
    [Theory]
    [InlineData(2026, 3, 31, 2026)]
    [InlineData(2025, 4, 1, 2026)]
    [InlineData(2025, 3, 31, 2025)]
    [InlineData(2025, 12, 25, 2026)]
    public void TheCensusYearIsTheYearOfThe31MarchThatEndsTheAprilToMarchYear(int year, int month, int day, int censusYear) =>
        CinCodes.CensusYearOf(new DateOnly(year, month, day)).Should().Be(censusYear);

    [Fact]
    public void ADecisionOnTheDayEndsTheWaitForIt()
    {
        var pre = new PreProceedings { StartDate = new DateOnly(2025, 1, 6), DecisionDate = new DateOnly(2025, 4, 28) };
        pre.AwaitsDecisionOn(new DateOnly(2025, 1, 5)).Should().BeFalse("not started yet");
        pre.AwaitsDecisionOn(new DateOnly(2025, 4, 27)).Should().BeTrue();
        pre.AwaitsDecisionOn(new DateOnly(2025, 4, 28)).Should().BeFalse();

        var proceedings = new CareProceedings { IssueDate = new DateOnly(2025, 7, 1) };
        proceedings.AwaitsFinalOrderOn(new DateOnly(2026, 1, 1)).Should().BeTrue();
        proceedings.FinalOrderDate = new DateOnly(2026, 1, 1);
        proceedings.AwaitsFinalOrderOn(new DateOnly(2026, 1, 1)).Should().BeFalse();
    }

    [Fact]
    public void ASessionsChildrenDiscussedAreTheirRecordsIdentifiersUntilIdentifiersAreHeld()
    {
        var session = new SupervisionSession { Date = new DateOnly(2025, 3, 3) };
        session.ChildIdsDiscussed.IsEmpty.Should().BeTrue();
        session.ChildrenDiscussed.Add(new SupervisionChildDiscussed { Id = 9, ChildId = 42 });
        session.ChildrenDiscussed.Add(new SupervisionChildDiscussed { Id = 10, ChildId = 7 });
        session.ChildIdsDiscussed.ToArray().Should().Equal(42, 7);

        session.HoldChildIdsDiscussed([5, 6, 8]);
        session.ChildIdsDiscussed.ToArray().Should().Equal([5, 6, 8], "held identifiers stand in for the records, as in the snapshot");
    }
}
