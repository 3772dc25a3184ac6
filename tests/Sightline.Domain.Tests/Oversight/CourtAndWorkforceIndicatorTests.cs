using Sightline.Model;
using Sightline.Oversight;
using Sightline.Oversight.Indicators;
using static Sightline.Domain.Tests.Oversight.Cases;

namespace Sightline.Domain.Tests.Oversight;

/// <summary>Counts at the end of a period, pre-proceedings and care proceedings, and the workforce.</summary>
public sealed class CourtAndWorkforceIndicatorTests
{
    private static readonly string[] Everything = ["visits", "allocations", "plan actions", "step decisions", "CIN plan reviews", "pre-proceedings", "care proceedings", "workers"];

    private static CouncilSnapshot Council(IEnumerable<string> loaded, IReadOnlyList<Worker> workers, params Child[] children) =>
        new(new Council { Code = "999", Name = "Test", ChildPopulation = 10_000 }, children, workers, [], new DataCoverage(loaded.ToHashSet()));

    private static CouncilSnapshot Council(params Child[] children) => Council(Everything, [], children);

    [Fact]
    public void PlansOpenEighteenMonthsAreCountedFromTheAnniversaryOnTheLastDay()
    {
        var period = new Period(D(2025, 7, 1), D(2025, 7, 15));
        Child OnPlan(DateOnly start, DateOnly? end = null)
        {
            var child = Child();
            Plan(Episode(child, start.AddDays(-14)), start, end);
            return child;
        }

        var snapshot = Council(
            OnPlan(D(2024, 1, 15)),                       // 18 months on 15 July 2025, the last day: counted
            OnPlan(D(2024, 1, 16)),                       // a day short
            OnPlan(D(2023, 6, 1), end: D(2025, 7, 15)),   // ends on the last day, so still open then: counted
            OnPlan(D(2023, 6, 1), end: D(2025, 7, 14)));  // ended the day before: not open
        var value = new ChildProtectionPlansOpen18Months().Compute(snapshot, period, On(period.To));
        value.Ratio().Should().Be("2/3", "two of the three plans open on 15 July had run 18 months");
        value.Display.Should().Be("2");
    }

    [Fact]
    public void PreProceedingsOpenStartedAndDecidedCountBothEndsOfThePeriod()
    {
        var period = new Period(D(2025, 4, 1), D(2025, 6, 30));
        var snapshot = Council(
            InPreProceedings(D(2025, 3, 31)),                                                       // started the day before; open at the end
            InPreProceedings(D(2025, 4, 1), D(2025, 6, 30), PreProceedingsOutcome.SteppedDown),      // started on the first day; decided on the last
            InPreProceedings(D(2025, 6, 30)),                                                       // started on the last day; open
            InPreProceedings(D(2025, 1, 6), D(2025, 4, 1), PreProceedingsOutcome.ProceedingsIssued), // decided on the first day
            InPreProceedings(D(2025, 1, 6), D(2025, 5, 2), PreProceedingsOutcome.ProceedingsIssued),
            InPreProceedings(D(2025, 1, 6), D(2025, 5, 9), PreProceedingsOutcome.Other),
            InPreProceedings(D(2025, 2, 3), D(2025, 5, 9)),                                         // decided, outcome not recorded
            InPreProceedings(D(2025, 1, 6), D(2025, 7, 1), PreProceedingsOutcome.SteppedDown));     // decided the day after: open at the end

        new PreProceedingsOpen().Compute(snapshot, period, On(period.To)).Value.Should().Be(3, "the first, the third and the last; a decision on the last day ends the second");
        new PreProceedingsStarted().Compute(snapshot, period, On(period.To)).Value.Should().Be(2);

        var outcomes = new PreProceedingsOutcomes().Compute(snapshot, period, On(period.To));
        outcomes.Bands.Select(b => (b.Label, b.Count)).Should().Equal(("stepped down", 1), ("care proceedings issued", 2), ("other", 1), ("outcome not recorded", 1));
        outcomes.Ratio().Should().Be("2/5");
        outcomes.Display.Should().Be("40.0%");
        outcomes.Bands[0].Share.Should().Be(20);
    }

    [Fact]
    public void CareProceedingsConcludeWithin26WeeksUpTo182DaysAfterIssue()
    {
        var child = Child();
        child.CareProceedings.AddRange(
        [
            new CareProceedings { IssueDate = D(2025, 1, 6), FinalOrderDate = D(2025, 7, 7), FinalOrder = CourtOrder.CareOrder },         // 182 days
            new CareProceedings { IssueDate = D(2025, 1, 6), FinalOrderDate = D(2025, 7, 8), FinalOrder = CourtOrder.SupervisionOrder },  // 183 days
            new CareProceedings { IssueDate = D(2024, 9, 30), FinalOrderDate = D(2025, 7, 7), FinalOrder = CourtOrder.Withdrawn },        // 280 days
            new CareProceedings { IssueDate = D(2025, 2, 3) },                                                                             // not concluded
            new CareProceedings { IssueDate = D(2024, 6, 3), FinalOrderDate = D(2024, 12, 31), FinalOrder = CourtOrder.CareOrder },       // concluded before the period
        ]);
        var year = new Period(D(2025, 1, 1), D(2025, 12, 31));
        var snapshot = Council(child);

        new CareProceedingsWithin26Weeks().Compute(snapshot, year, On(year.To)).Ratio().Should().Be("1/3");
        var weeks = new CareProceedingsAverageWeeks().Compute(snapshot, year, On(year.To));
        weeks.Value.Should().BeApproximately((182 + 183 + 280) / 3.0 / 7, 1e-9);
        weeks.Display.Should().Be("30.7 weeks");
        weeks.Ratio().Should().Be("3/");
    }

    [Fact]
    public void WithoutProceedingsLoadedCourtIndicatorsSayNoData()
    {
        var snapshot = Council(["visits"], [], InPreProceedings(D(2025, 1, 6)));
        var year = new Period(D(2025, 1, 1), D(2025, 12, 31));
        foreach (var indicator in new IIndicator[] { new PreProceedingsOpen(), new PreProceedingsStarted(), new PreProceedingsDuration(), new PreProceedingsOutcomes() })
        {
            indicator.Compute(snapshot, year, On(year.To)).Display.Should().Be("no data: no pre-proceedings loaded");
        }

        new CareProceedingsWithin26Weeks().Compute(snapshot, year, On(year.To)).Display.Should().Be("no data: no care proceedings loaded");
    }

    private static Worker Worker(int id, WorkerRole role, decimal fte, Employment employment = Employment.Permanent, DateOnly? left = null) =>
        new() { Id = id, StaffId = $"S{id}", Name = $"Worker {id}", Role = role, Fte = fte, Employment = employment, StartDate = D(2020, 1, 6), LeavingDate = left };

    private static Child AllocatedTo(params (int? Worker, DateOnly Start, DateOnly? End)[] allocations)
    {
        var child = Child();
        foreach (var (worker, start, end) in allocations)
        {
            child.Allocations.Add(new Allocation { ChildId = child.Id, TeamId = 1, WorkerId = worker, StartDate = start, EndDate = end });
        }

        return child;
    }

    [Fact]
    public void CaseloadIsChildrenAllocatedToCaseHoldersInPostPerCaseHoldingFte()
    {
        var day = D(2025, 3, 31);
        var workers = new[]
        {
            Worker(1, WorkerRole.SocialWorker, 1m),
            Worker(2, WorkerRole.SeniorPractitioner, 0.5m, Employment.Agency),
            Worker(3, WorkerRole.TeamManager, 1m),                            // holds no cases: neither children nor FTE count
            Worker(4, WorkerRole.SocialWorker, 1m, left: D(2025, 3, 30)),      // left the day before
            Worker(5, WorkerRole.AdvancedPractitioner, 1m, Employment.Agency, left: day), // the last day in post is the period's last day
        };
        var start = D(2025, 1, 6);
        var children = new[]
        {
            AllocatedTo((1, start, null)),
            AllocatedTo((1, start, day)),                   // ends on the last day: still allocated
            AllocatedTo((1, start, D(2025, 3, 30))),        // ended the day before
            AllocatedTo((1, start, null), (2, start, null)),// two workers: one child
            AllocatedTo((2, start, null)),
            AllocatedTo((3, start, null)),                  // held by a manager
            AllocatedTo((4, start, null)),                  // worker no longer in post
            AllocatedTo((null, start, null)),               // unallocated
        };
        var period = new Period(D(2025, 1, 1), day);
        var snapshot = Council(Everything, workers, children);

        var caseload = new AverageCaseload().Compute(snapshot, period, On(day));
        caseload.Ratio().Should().Be("4/2.5", "four children held by workers 1 and 2; workers 1, 2 and 5 make 2.5 FTE");
        caseload.Display.Should().Be("1.6 children per FTE");
        caseload.Of.Should().Be("4 / 2.5");

        var agency = new AgencyRate().Compute(snapshot, period, On(day));
        agency.Ratio().Should().Be("1.5/3.5", "workers 2 and 5 are agency; 1, 2, 3 and 5 are in post");
        agency.Value.Should().BeApproximately(100 * 1.5 / 3.5, 1e-9);

        new AverageCaseload().Compute(Council(["visits", "workers"], workers, children), period, On(day)).Display.Should().Be("no data: no allocations loaded");
        new AverageCaseload().Compute(Council(["visits"], workers, children), period, On(day)).Display.Should().Be("no data: no allocations or workers loaded");
        new AgencyRate().Compute(Council(["allocations"], workers, children), period, On(day)).Display.Should().Be("no data: no workers loaded");
        new AgencyRate().Compute(Council(Everything, workers, children), new Period(D(2019, 1, 1), D(2019, 12, 31)), On(D(2019, 12, 31))).Display
            .Should().Be("no data", "nobody was in post before 2020");
    }

    [Fact]
    public void CaseloadsOfSeveralDaysFromOneSnapshotEachCountTheirOwnDay()
    {
        var workers = new[]
        {
            Worker(1, WorkerRole.SocialWorker, 1m),
            Worker(2, WorkerRole.SocialWorker, 1m, left: D(2025, 2, 28)),   // in post on 28 February, not on 31 March
            Worker(3, WorkerRole.TeamManager, 1m),
        };
        Child[] children =
        [
            AllocatedTo((1, D(2025, 1, 31), D(2025, 1, 31))),               // open on 31 January only
            AllocatedTo((1, D(2025, 2, 28), null)),                         // from 28 February, open
            AllocatedTo((1, D(2025, 1, 6), D(2025, 2, 27)), (1, D(2025, 3, 1), null)), // a gap over 28 February, then open again
            AllocatedTo((2, D(2025, 1, 6), null)),                          // open, but worker 2 left on 28 February
            AllocatedTo((2, D(2025, 1, 6), D(2025, 2, 28)), (1, D(2025, 2, 28), null)), // both on 28 February: counted once
            AllocatedTo((3, D(2025, 1, 6), null)),                          // a manager's
        ];

        // The same children in the order of their identifiers (as a snapshot is loaded) and in the reverse order.
        foreach (var snapshot in new[] { Council(Everything, workers, children), Council(Everything, workers, [.. children.Reverse()]) })
        {
            string Caseload(int month, int day) => new AverageCaseload().Compute(snapshot, new Period(D(2025, month, 1), D(2025, month, day)), On(D(2025, month, day))).Ratio();

            Caseload(3, 31).Should().Be("3/1", "the second, third and fifth children, held by worker 1, the one case holder in post");
            Caseload(1, 31).Should().Be("4/2", "the first, third, fourth and fifth");
            Caseload(2, 28).Should().Be("3/2", "the second, fourth and fifth: the third's allocation had a gap that day");
            Caseload(3, 31).Should().Be("3/1", "asked again after the others");
        }
    }
}
