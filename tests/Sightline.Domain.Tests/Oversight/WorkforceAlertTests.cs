using Sightline.Calendar;
using Sightline.Model;
using Sightline.Oversight;
using Sightline.Oversight.Alerts;
using Sightline.Oversight.Indicators;
using Sightline.Oversight.Supervision;
using Sightline.Oversight.Workforce;
using static Sightline.Domain.Tests.Oversight.Cases;

namespace Sightline.Domain.Tests.Oversight;

/// <summary>The worker rules: supervision overdue, missed without a reason, supervision actions overdue, case not
/// supervised, caseload over ceiling; hand-worked dates in 2025.</summary>
public sealed class WorkforceAlertTests
{
    private static List<Alert> Run(IWorkerRule rule, WorkforceCases council, Worker worker, DateOnly asAt, LocalStandards? standards = null) =>
        rule.Evaluate(worker, council.Snapshot().Workforce, On(asAt, standards)).ToList();

    [Fact]
    public void SupervisionIsOverdueTheDayAfterItsDueDateAndOneDayOfSicknessMovesIt()
    {
        var council = new WorkforceCases().RecordsBegin(D(2025, 1, 1));
        var worker = council.Worker(D(2020, 6, 1));
        council.Held(worker, D(2025, 3, 3));
        // Due Monday 31 March.
        Run(new SupervisionOverdue(), council, worker, D(2025, 3, 31)).Should().BeEmpty();
        var alert = Run(new SupervisionOverdue(), council, worker, D(2025, 4, 1)).Single();
        (alert.Due, alert.Overdue, alert.WorkerId, alert.ChildId).Should().Be((D(2025, 3, 31), 1, worker.Id, (int?)null));
        alert.Explanation.Should().Contain("last formal supervision was on Monday 3 March 2025").And.Contain("every 4 weeks").And.Contain("due by Monday 31 March 2025");

        // Off sick on Wednesday 12 March: due Tuesday 1 April instead.
        council.Absent(worker, D(2025, 3, 12), D(2025, 3, 12));
        Run(new SupervisionOverdue(), council, worker, D(2025, 4, 1)).Should().BeEmpty();
        Run(new SupervisionOverdue(), council, worker, D(2025, 4, 2)).Single().Explanation.Should().Contain("moved 1 working day later for absence");
    }

    [Fact]
    public void AWorkerAwayIsNotAlertedAndDaysAwayAreNotCountedAsOverdue()
    {
        var council = new WorkforceCases().RecordsBegin(D(2025, 1, 1));
        var worker = council.Worker(D(2020, 6, 1));
        council.Held(worker, D(2025, 3, 3));
        // Due Monday 31 March, not held; then on leave Monday 7 to Friday 11 April.
        council.Absent(worker, D(2025, 4, 7), D(2025, 4, 11), AbsenceKind.AnnualLeave);
        Run(new SupervisionOverdue(), council, worker, D(2025, 4, 9)).Should().BeEmpty("the worker is away");
        // As at Monday 14 April: 14 days after 31 March, less the 5 days away.
        Run(new SupervisionOverdue(), council, worker, D(2025, 4, 14)).Single().Overdue.Should().Be(9);
    }

    [Fact]
    public void ANewStarterNeverSupervisedIsOverdueFromTheirStart()
    {
        var council = new WorkforceCases().RecordsBegin(D(2025, 1, 1));
        var worker = council.Worker(D(2025, 4, 16));
        var alert = Run(new SupervisionOverdue(), council, worker, D(2025, 5, 20)).Single();
        alert.Due.Should().Be(D(2025, 5, 14));
        alert.Explanation.Should().Contain("since the worker started on Wednesday 16 April 2025");
    }

    [Fact]
    public void AMissedSessionWithoutAReasonIsAlertedForThreeMonthsAndARecordedReasonClearsIt()
    {
        var council = new WorkforceCases().RecordsBegin(D(2025, 1, 1));
        var worker = council.Worker(D(2025, 2, 3));
        council.Held(worker, D(2025, 3, 3));
        council.Held(worker, D(2025, 4, 28)); // due 31 March was missed; 28 April met
        council.Held(worker, D(2025, 5, 26));
        council.Held(worker, D(2025, 6, 23));
        var alert = Run(new SupervisionMissedWithoutReason(), council, worker, D(2025, 4, 1)).Single();
        (alert.Due, alert.Overdue).Should().Be((D(2025, 3, 31), 1));
        Run(new SupervisionMissedWithoutReason(), council, worker, D(2025, 6, 30)).Should().ContainSingle();
        Run(new SupervisionMissedWithoutReason(), council, worker, D(2025, 7, 1)).Should().BeEmpty("31 March is 3 months before 30 June and no later");

        council.NotHeld(worker, D(2025, 3, 31), "Supervisor on annual leave; rearranged for next week.");
        Run(new SupervisionMissedWithoutReason(), council, worker, D(2025, 4, 1)).Should().BeEmpty();
    }

    [Fact]
    public void ASupervisionActionIsOverdueTheDayAfterItsDueDateUntilItIsDone()
    {
        var council = new WorkforceCases().RecordsBegin(D(2025, 1, 1));
        var worker = council.Worker(D(2020, 6, 1));
        var child = council.Child(worker, D(2025, 1, 6));
        var action = council.Action(council.Held(worker, D(2025, 3, 3), child), D(2025, 3, 14), child: child);
        council.Action(council.Informal(worker, D(2025, 3, 5)), null); // no timescale: never overdue
        Run(new SupervisionActionOverdue(), council, worker, D(2025, 3, 14)).Should().BeEmpty();
        var alert = Run(new SupervisionActionOverdue(), council, worker, D(2025, 3, 17)).Single();
        (alert.ChildId, alert.WorkerId, alert.Overdue).Should().Be((child.Id, worker.Id, 3));
        action.CompletedDate = D(2025, 3, 17);
        Run(new SupervisionActionOverdue(), council, worker, D(2025, 3, 17)).Should().BeEmpty();
        Run(new SupervisionActionOverdue(), council, worker, D(2025, 3, 16)).Should().ContainSingle("on 16 March it was not yet done");
    }

    [Fact]
    public void TheEngineClearsAnOverdueActionFromTheDayItIsMarkedDone()
    {
        var council = new WorkforceCases().RecordsBegin(D(2025, 1, 1));
        var worker = council.Worker(D(2020, 6, 1));
        var child = council.Child(worker, D(2025, 1, 6));
        // Agreed on Monday 3 March, due Friday 14 March (a Friday: the weekend counts, as the rule counts days).
        var session = council.Held(worker, D(2025, 3, 3), child);
        var action = council.Action(session, D(2025, 3, 14), child: child);
        List<Alert> Actions(DateOnly date) =>
            OversightEngine.Alerts(council.Snapshot(), On(date)).Alerts.Where(a => a.Rule.Id == "supervision-action-overdue").ToList();

        Actions(D(2025, 3, 14)).Should().BeEmpty("due that day, not yet late");
        var alert = Actions(D(2025, 3, 19)).Single();
        (alert.ChildId, alert.WorkerId, alert.Due, alert.Overdue).Should().Be((child.Id, worker.Id, D(2025, 3, 14), 5));
        SupervisionActionOverdue.DaysOverdue(session, action, On(D(2025, 3, 19))).Should().Be(alert.Overdue, "the pages count as the rule does");

        // Marked done on Wednesday 19 March, dated Tuesday 18 March: cleared from the 18th, still overdue on the 17th.
        action.CompletedDate = D(2025, 3, 18);
        Actions(D(2025, 3, 19)).Should().BeEmpty();
        Actions(D(2025, 3, 18)).Should().BeEmpty();
        Actions(D(2025, 3, 17)).Single().Overdue.Should().Be(3);
        SupervisionActionOverdue.DaysOverdue(session, action, On(D(2025, 3, 18))).Should().Be(0);
        SupervisionActionOverdue.IsOpenOn(session, action, D(2025, 3, 17)).Should().BeTrue();
        SupervisionActionOverdue.IsOpenOn(session, action, D(2025, 3, 2)).Should().BeFalse("not yet agreed");
    }

    [Fact]
    public void AChildProtectionCaseIsDiscussedEveryFourWeeksAndAChildInNeedCaseEverySix()
    {
        var council = new WorkforceCases().RecordsBegin(D(2025, 1, 1));
        var worker = council.Worker(D(2020, 6, 1));
        var protectedChild = council.Child(worker, D(2025, 1, 6));
        Plan(protectedChild.CinEpisodes[0], D(2025, 2, 3));
        var inNeed = council.Child(worker, D(2025, 1, 6));
        council.Held(worker, D(2025, 3, 3), protectedChild, inNeed);
        // Discussed Monday 3 March: the CP case is due again by Monday 31 March, the CIN case by Monday 14 April.
        var rule = new CaseNotSupervised();
        Run(rule, council, worker, D(2025, 3, 31)).Should().BeEmpty();
        var alert = Run(rule, council, worker, D(2025, 4, 1)).Single();
        (alert.ChildId, alert.WorkerId, alert.Due).Should().Be((protectedChild.Id, worker.Id, D(2025, 3, 31)));
        alert.Explanation.Should().Contain("child protection").And.Contain("every 4 weeks");
        Run(rule, council, worker, D(2025, 4, 15)).Select(a => a.ChildId).Should().BeEquivalentTo([protectedChild.Id, inNeed.Id]);

        // An informal discussion does not count; a formal session does.
        council.Informal(worker, D(2025, 4, 10), protectedChild, inNeed);
        Run(rule, council, worker, D(2025, 4, 15)).Should().HaveCount(2);
        council.Held(worker, D(2025, 4, 10), protectedChild, inNeed);
        Run(rule, council, worker, D(2025, 4, 15)).Should().BeEmpty();
    }

    [Fact]
    public void ACaseNeverDiscussedIsDueFromTheReferralThatOpenedIt()
    {
        var council = new WorkforceCases().RecordsBegin(D(2025, 1, 1));
        var worker = council.Worker(D(2020, 6, 1));
        var child = council.Child(worker, D(2025, 3, 3), allocatedFrom: D(2025, 3, 10));
        var alert = Run(new CaseNotSupervised(), council, worker, D(2025, 4, 15)).Single();
        alert.Due.Should().Be(D(2025, 4, 14), "6 weeks after the referral on Monday 3 March");
        alert.Explanation.Should().Contain("not been discussed in formal supervision since the referral on Monday 3 March 2025");
        child.CinEpisodes[0].ClosureDate = D(2025, 4, 11);
        Run(new CaseNotSupervised(), council, worker, D(2025, 4, 15)).Should().BeEmpty("the case closed");
    }

    [Fact]
    public void ACaseloadOverTheCeilingIsProRataToFte()
    {
        var council = new WorkforceCases().RecordsBegin(D(2025, 1, 1));
        var partTime = council.Worker(D(2020, 6, 1), fte: 0.5m);
        // Ten children from Monday 6 January (the ceiling for 0.5 FTE is 10), an eleventh from Monday 3 March.
        for (var i = 0; i < 10; i++)
        {
            council.Child(partTime, D(2025, 1, 6));
        }

        Run(new CaseloadOverCeiling(), council, partTime, D(2025, 3, 3)).Should().BeEmpty();
        var eleventh = council.Child(partTime, D(2025, 3, 3));
        Run(new CaseloadOverCeiling(), council, partTime, D(2025, 3, 2)).Should().BeEmpty();
        var alert = Run(new CaseloadOverCeiling(), council, partTime, D(2025, 3, 13)).Single();
        (alert.Due, alert.Overdue, alert.Severity).Should().Be((D(2025, 3, 3), 10, Severity.Medium));
        alert.Explanation.Should().Contain("11 children at 0.5 FTE (22 per full-time worker)").And.Contain("(10 for them)");

        // Two more, 13 at 0.5 FTE, is 26 per full-time worker: at least high, however recent.
        council.Child(partTime, D(2025, 3, 12));
        council.Child(partTime, D(2025, 3, 12));
        Run(new CaseloadOverCeiling(), council, partTime, D(2025, 3, 13)).Single().Severity.Should().Be(Severity.High);

        // Once the eleventh's allocation ends the others still hold 12: over since 3 March without a break.
        eleventh.Allocations[0].EndDate = D(2025, 3, 20);
        Run(new CaseloadOverCeiling(), council, partTime, D(2025, 3, 25)).Single().Due.Should().Be(D(2025, 3, 3));
    }

    [Fact]
    public void ACaseloadStaysOverTheCeilingWhenOneChildLeavesTheDayAnotherArrivesAndAChildMovedWithinTheWorkerCountsOnce()
    {
        var council = new WorkforceCases().RecordsBegin(D(2025, 1, 1));
        // 0.1 FTE: a ceiling of 2 children.
        var worker = council.Worker(D(2020, 6, 1), fte: 0.1m);
        council.Child(worker, D(2025, 3, 3));
        council.Child(worker, D(2025, 3, 3));
        // A third from Monday 3 March to Sunday 9 March: over the ceiling from 3 March.
        council.Child(worker, D(2025, 3, 3), allocatedTo: D(2025, 3, 9));
        // Another from Monday 10 March, the day after the third's last: still 3, so over without a break. Its case
        // moves team on Saturday 15 March with the same worker, the new allocation overlapping the old.
        var moved = council.Child(worker, D(2025, 3, 10), allocatedTo: D(2025, 3, 20));
        moved.Allocations.Add(new Allocation { Id = 9_001, ChildId = moved.Id, TeamId = 2, WorkerId = worker.Id, StartDate = D(2025, 3, 15), Reason = AllocationReason.TeamTransfer });

        var records = council.Snapshot().Workforce;
        Caseloads.Of(worker, records, D(2025, 3, 16)).Should().Be(3, "the moved child has two allocations open but counts once");
        records.AllocatedOn(worker.Id, D(2025, 3, 16)).Should().HaveCount(3).And.OnlyHaveUniqueItems();
        Caseloads.OverCeilingSince(worker, records, D(2025, 3, 25), LocalStandards.Defaults).Should().Be(D(2025, 3, 3));
        var alert = Run(new CaseloadOverCeiling(), council, worker, D(2025, 3, 25)).Single();
        (alert.Due, alert.Overdue).Should().Be((D(2025, 3, 3), 22));
    }

    [Fact]
    public void DaysDiscussedAreFoundForChildrenWhateverTheirIdentifiers()
    {
        var council = new WorkforceCases().RecordsBegin(D(2025, 1, 1));
        var worker = council.Worker(D(2020, 6, 1));
        var near = council.Child(worker, D(2025, 1, 6));
        var far = council.Child(worker, D(2025, 1, 6));
        far.Id = 9_000_000;   // far from the others: the children discussed are no longer a run of identifiers
        var never = council.Child(worker, D(2025, 1, 6));
        council.Held(worker, D(2025, 3, 3), near, far);
        council.Held(worker, D(2025, 2, 3), far);
        council.Informal(worker, D(2025, 3, 10), never);

        var records = council.Snapshot().Workforce;
        records.DiscussedInSupervision(near.Id).Should().Equal(D(2025, 3, 3));
        records.DiscussedInSupervision(far.Id).Should().Equal(D(2025, 2, 3), D(2025, 3, 3));
        records.DiscussedInSupervision(never.Id).Should().BeEmpty("an informal discussion is not supervision");
        records.DiscussedInSupervision(8_999_999).Should().BeEmpty();
        records.LastDiscussedOnOrBefore(far.Id, D(2025, 3, 2)).Should().Be(D(2025, 2, 3));
        records.LastDiscussedOnOrBefore(near.Id, D(2025, 3, 2)).Should().BeNull();
    }

    [Fact]
    public void AllocationsAreFoundForWorkersWhateverTheirIdentifiers()
    {
        var council = new WorkforceCases().RecordsBegin(D(2025, 1, 1));
        var near = council.Worker(D(2020, 6, 1));
        var far = council.Worker(D(2020, 6, 1));
        far.Id = 5_000_000;
        var first = council.Child(near, D(2025, 3, 3));
        var second = council.Child(far, D(2025, 3, 3));
        var third = council.Child(far, D(2025, 3, 10));
        // An allocation to a worker not in the workforce records (a leaver's record not loaded).
        third.Allocations.Add(new Allocation { Id = 9_002, ChildId = third.Id, TeamId = 1, WorkerId = 77, StartDate = D(2025, 1, 6), EndDate = D(2025, 3, 9) });

        var records = council.Snapshot().Workforce;
        records.AllocationsOf(near.Id).Select(a => a.Child).Should().Equal(first);
        records.AllocationsOf(far.Id).Select(a => a.Child).Should().Equal(second, third);
        records.AllocationsOf(77).Select(a => a.Child).Should().Equal(third);
        records.AllocatedOn(far.Id, D(2025, 3, 7)).Should().Equal(second);
        records.AllocatedOn(77, D(2025, 3, 10)).Should().BeEmpty("the allocation ended the day before");
    }

    [Fact]
    public void CaseloadsCountEachChildOnceOnTheDate()
    {
        var council = new WorkforceCases().RecordsBegin(D(2025, 1, 1));
        var worker = council.Worker(D(2020, 6, 1));
        var child = council.Child(worker, D(2025, 1, 6), allocatedTo: D(2025, 2, 28));
        // A team move with the same worker: a second allocation the day after; the child still counts once.
        child.Allocations.Add(new Allocation { ChildId = child.Id, TeamId = 2, WorkerId = worker.Id, StartDate = D(2025, 3, 1), Reason = AllocationReason.TeamTransfer });
        var other = council.Child(worker, D(2025, 3, 3));
        var records = council.Snapshot().Workforce;
        Caseloads.Of(worker, records, D(2025, 2, 28)).Should().Be(1);
        Caseloads.Of(worker, records, D(2025, 3, 3)).Should().Be(2);
        Caseloads.On(council.Snapshot(), D(2025, 3, 3))[worker.Id].Should().Be(2);
        // A snapshot's workforce records are read once, when built: the ended allocation is read by a new snapshot.
        other.Allocations[0].EndDate = D(2025, 3, 3);
        Caseloads.Of(worker, council.Snapshot().Workforce, D(2025, 3, 3)).Should().Be(2, "an allocation's end date is its last day");
        Caseloads.Of(worker, council.Snapshot().Workforce, D(2025, 3, 4)).Should().Be(1, "an allocation's end date is its last day");
    }
}

/// <summary>The engine runs the worker rules beside the child rules, and reports what it could not judge.</summary>
public sealed class WorkerRuleEngineTests
{
    [Fact]
    public void WorkerAlertsComeFromTheEngineAndRulesWithoutTheirDataAreReportedAsGaps()
    {
        var council = new WorkforceCases().RecordsBegin(D(2025, 1, 1));
        var worker = council.Worker(D(2020, 6, 1));
        council.Held(worker, D(2025, 3, 3));
        var report = OversightEngine.Alerts(council.Snapshot(), On(D(2025, 4, 14)));
        report.Alerts.Should().Contain(a => a.Rule.Id == "supervision-overdue" && a.WorkerId == worker.Id);

        var withoutSupervision = new WorkforceCases().NotLoaded("supervision");
        withoutSupervision.Worker(D(2020, 6, 1));
        var gaps = OversightEngine.Alerts(withoutSupervision.Snapshot(), On(D(2025, 4, 14))).Gaps;
        var gap = gaps.Single(g => g.Rule.Id == "supervision-overdue");
        gap.WorkersInPost.Should().Be(2, "the manager and the worker");
        gap.Explanation.Should().Contain("No supervision data has been loaded").And.Contain("2 workers in post");
        gaps.Single(g => g.Rule.Id == "case-not-supervised").Explanation.Should().Contain("children with an open case");
    }

    [Fact]
    public void ChoosingChildRulesRunsNoWorkerRules()
    {
        var council = new WorkforceCases().RecordsBegin(D(2025, 1, 1));
        var worker = council.Worker(D(2020, 6, 1));
        council.Held(worker, D(2025, 3, 3));
        OversightEngine.Alerts(council.Snapshot(), On(D(2025, 4, 14)), [new UnallocatedCase()]).Alerts.Should().BeEmpty();
        OversightEngine.Alerts(council.Snapshot(), On(D(2025, 4, 14)), [], [new SupervisionOverdue()]).Alerts.Should().ContainSingle();
    }

    [Fact]
    public void TheCatalogueListsTheWorkerRules()
    {
        RuleCatalogue.Find("SUPERVISION-OVERDUE").Should().BeOfType<SupervisionOverdue>();
        RuleCatalogue.All.Should().Contain(RuleCatalogue.WorkerRules);
        RuleCatalogue.WorkerRules.Where(r => r.Info.Subject == AlertSubject.Child).Select(r => r.Info.Id).Should().Equal("case-not-supervised");
    }
}

/// <summary>The workforce measures: a team of two worked by hand.</summary>
public sealed class WorkforceMeasureTests
{
    [Fact]
    public void CaseloadsProRataAgencyShareTurnoverAndChurn()
    {
        var council = new WorkforceCases().RecordsBegin(D(2025, 1, 1));
        var asAt = D(2025, 9, 30);
        // A: full time, permanent, 21 children (over the ceiling of 20). B: 0.5 FTE, agency, 9 children (18 per
        // FTE: at the warning point of 9, not over 10). C: full time, left on 30 June 2025 (a leaver in the year).
        var a = council.Worker(D(2020, 6, 1), name: "A");
        var b = council.Worker(D(2024, 3, 4), fte: 0.5m, employment: Employment.Agency, name: "B");
        council.Worker(D(2019, 1, 7), left: D(2025, 6, 30), name: "C");
        var other = council.Worker(D(2020, 6, 1), team: 2, name: "D");
        var children = Enumerable.Range(0, 21).Select(_ => council.Child(a, D(2025, 1, 6))).ToList();
        for (var i = 0; i < 9; i++)
        {
            council.Child(b, D(2025, 1, 6));
        }

        council.Unallocated(1, D(2025, 9, 1));
        // One of A's children came to A on 1 September after three other workers in the year: 3 changes.
        var churned = children[0];
        churned.Allocations[0].StartDate = D(2025, 9, 1);
        churned.Allocations.AddRange([
            new Allocation { ChildId = churned.Id, TeamId = 1, WorkerId = other.Id, StartDate = D(2024, 6, 3), EndDate = D(2024, 12, 31) },
            new Allocation { ChildId = churned.Id, TeamId = 1, WorkerId = b.Id, StartDate = D(2025, 1, 1), EndDate = D(2025, 4, 30) },
            new Allocation { ChildId = churned.Id, TeamId = 1, WorkerId = other.Id, StartDate = D(2025, 5, 1), EndDate = D(2025, 8, 31) },
        ]);

        var report = WorkforceMeasures.Compute(council.Snapshot(), On(asAt));
        var team = report.Lines.Single(l => l.Level == OrganisationLevel.Team && l.TeamId == 1);
        (team.Workers, team.Fte, team.Children, team.OverCeiling, team.AtWarning, team.Unallocated).Should().Be((2, 1.5m, 30, 1, 1, 1));
        team.PerFte.Should().Be(20.0);
        team.AgencyShare!.Value.Should().BeApproximately(33.33, 0.01);
        (team.Leavers, team.LeaverFte).Should().Be((1, 1m));
        team.Turnover!.Value.Should().BeApproximately(66.67, 0.01);
        (team.Changes, team.WithChurn).Should().Be((3, 1));

        report.Lines.Single(l => l.Worker == a).Status.Should().Be(CaseloadStatus.OverCeiling);
        report.Lines.Single(l => l.Worker == b).Status.Should().Be(CaseloadStatus.AtWarning);
        report.Lines.Single(l => l.Worker == b).PerFte.Should().Be(18.0);
        report.Council.Children.Should().Be(30, "D holds none");
        report.Distribution.Single(d => d.Band == "over 20 to 25").Workers.Should().Be(1);
        report.Distribution.Single(d => d.Band == "18 to 20 (at the warning point)").Workers.Should().Be(1);
        report.Distribution.Single(d => d.Band == "fewer than 10").Workers.Should().Be(1);
        report.Distribution.Sum(d => d.Workers).Should().Be(3);
        report.ChangesOfWorker.Should().Equal(("none", 29), ("1", 0), ("2", 0), ("3 or more", 1));
        (report.MedianPerFte, report.HighestPerFte).Should().Be((18.0, 21.0));
    }
}

/// <summary>A child held by two workers at once counts once above the workers, as in the average caseload.</summary>
public sealed class SharedCaseTests
{
    [Fact]
    public void AChildAllocatedToTwoWorkersCountsOnceForTheTeamAndTheCouncil()
    {
        var council = new WorkforceCases();
        var a = council.Worker(D(2020, 6, 1));
        var b = council.Worker(D(2020, 6, 1));
        var shared = council.Child(a, D(2025, 1, 6));
        shared.Allocations.Add(new Allocation { ChildId = shared.Id, TeamId = 1, WorkerId = b.Id, StartDate = D(2025, 2, 3) });
        council.Child(a, D(2025, 1, 6));
        var asAt = D(2025, 3, 3);
        var report = WorkforceMeasures.Compute(council.Snapshot(), On(asAt));
        (report.Lines.Single(l => l.Worker == a).Children, report.Lines.Single(l => l.Worker == b).Children).Should().Be((2, 1));
        report.Lines.Single(l => l.Level == OrganisationLevel.Team).Children.Should().Be(2);
        report.Council.PerFte.Should().Be(1.0);
        new AverageCaseload().Compute(council.Snapshot(), new Period(asAt, asAt), On(asAt)).Value.Should().Be(report.Council.PerFte);
    }
}

/// <summary>The supervision compliance and turnover indicators.</summary>
public sealed class SupervisionAndTurnoverIndicatorTests
{
    [Fact]
    public void SupervisionComplianceIsTheCouncilsLineWithMissedWithAReasonInItsBands()
    {
        var council = new WorkforceCases().RecordsBegin(D(2025, 1, 1));
        var worker = council.Worker(D(2025, 2, 3));
        council.Held(worker, D(2025, 3, 3)); // due 3 March: met
        council.NotHeld(worker, D(2025, 3, 31), "Supervisor off sick."); // due 31 March: missed with reason
        // due 28 April: missed
        var period = new Period(D(2025, 3, 1), D(2025, 4, 30));
        var value = new SupervisionComplianceRate().Compute(council.Snapshot(), period, On(period.To));
        (value.Numerator, value.Denominator).Should().Be((1.0, (double?)3.0));
        value.Value!.Value.Should().BeApproximately(33.33, 0.01);
        value.Bands.Select(b => (b.Label, b.Count)).Should().Equal(("met", 1), ("missed with a reason", 1), ("missed", 1));
        SupervisionCompliance.Over(council.Snapshot(), period, WorkingDayCalendar.England).Single(l => l.Level == OrganisationLevel.Council).Sessions
            .Should().Be(SupervisionCompliance.Sessions(council.Snapshot(), period, WorkingDayCalendar.England));

        new SupervisionComplianceRate().Compute(new WorkforceCases().NotLoaded("supervision").Snapshot(), period, On(period.To)).Display
            .Should().Be("no data: no supervision loaded");
    }

    [Fact]
    public void TurnoverIsLeaversFteOverFteInPostOnTheLastDay()
    {
        var council = new WorkforceCases();
        council.Worker(D(2020, 6, 1));
        council.Worker(D(2020, 6, 1), fte: 0.5m, left: D(2025, 6, 30));
        council.Worker(D(2020, 6, 1), left: D(2024, 9, 30), name: "left before the year");
        // In post on 30 September 2025: the manager and the first worker, 2 FTE; left in the year: 0.5 FTE.
        var period = new Period(D(2024, 10, 1), D(2025, 9, 30));
        var value = new Turnover().Compute(council.Snapshot(), period, On(period.To));
        (value.Numerator, value.Denominator, value.Value).Should().Be((0.5, (double?)2.0, (double?)25.0));
    }
}
