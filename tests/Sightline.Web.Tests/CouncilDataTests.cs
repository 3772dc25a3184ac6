using Sightline.Oversight;

namespace Sightline.Web.Tests;

/// <summary>The pages that show a few children's alerts (a child's record, a team manager's My work, the API) read
/// them from the whole council's judgement for the date, kept once made. They must be exactly what judging those
/// children on their own finds, as the pages did before: the same alerts in the same order.</summary>
[Collection("web")]
public sealed class CouncilDataTests(CouncilServer server)
{
    [Fact]
    public void EachChildsAlertsFromTheWholeCouncilAreThoseOfJudgingTheChildAlone()
    {
        var council = server.Council;
        var alerted = council.Alerts(CouncilServer.Today).Alerts.Where(a => a.ChildId is not null).Select(a => a.ChildId!.Value).Distinct().ToList();
        alerted.Should().HaveCountGreaterThan(20, "the test council must have children with alerts to compare");
        var notAlerted = council.Snapshot.Children.Select(c => c.Id).Except(alerted).Take(10).ToList();

        foreach (var child in alerted.Take(40).Concat(notAlerted))
        {
            council.Alerts(CouncilServer.Today, [child]).Alerts.Should().Equal(JudgedAlone(council, CouncilServer.Today, [child]), $"child {child}");
        }
    }

    [Fact]
    public void AManagersChildrenTogetherComeInTheOrderOfJudgingThemTogether()
    {
        var council = server.Council;
        var date = new DateOnly(2026, 6, 30);
        var allocations = council.AllocationsOn(CouncilServer.Today);
        var children = council.Snapshot.Teams.Select(t => allocations.OfTeam(t.Id).ToList()).MaxBy(c => c.Count)!;
        children.Should().NotBeEmpty();

        var found = council.Alerts(date, children);
        var alone = JudgedAlone(council, date, children);
        alone.Should().NotBeEmpty();
        found.Alerts.Should().Equal(alone);
        found.AsAt.Should().Be(date);
    }

    /// <summary>The children's alerts judged over a snapshot of only those children (the workforce whole), alerts about
    /// workers alone left out.</summary>
    private static List<Alert> JudgedAlone(CouncilData council, DateOnly date, IReadOnlyCollection<int> ids)
    {
        var snapshot = council.Snapshot;
        var some = new CouncilSnapshot(snapshot.Council, [.. ids.Select(id => council.Child(id)!).OrderBy(c => c.Id)], snapshot.Workers, snapshot.Teams,
            snapshot.Coverage, snapshot.Standards)
        {
            Services = snapshot.Services,
            Supervision = snapshot.Supervision,
        };
        return OversightEngine.Alerts(some, council.AsAt(date)).Alerts.Where(a => a.ChildId is { } id && ids.Contains(id)).ToList();
    }
}
