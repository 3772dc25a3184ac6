using Sightline.Calendar;
using Sightline.Model;
using Sightline.Oversight;
using Sightline.Oversight.Supervision;
using Sightline.Oversight.Workforce;
using static Sightline.Domain.Tests.Oversight.Cases;

namespace Sightline.Domain.Tests.Oversight;

/// <summary>Supervision compliance, hand-worked. A qualified social worker is supervised every 4 weeks (28 days);
/// each working day of absence between the clock's start and the due date moves the due date one working day
/// later. England and Wales bank holidays in 2025: 1 January, 18 and 21 April, 5 and 26 May, 25 August, 25 and 26
/// December.</summary>
public sealed class SupervisionComplianceTests
{
    private static (DateOnly, SupervisionOutcome) Outcome(DueSession due) => (due.Due, due.Outcome);

    [Fact]
    public void EachMonthsCaseSupervisionIsJudgedAtItsLastDay()
    {
        var council = new WorkforceCases().RecordsBegin(D(2025, 1, 1));
        var worker = council.Worker(D(2020, 6, 1));
        // Referred Monday 3 March: discussed every 6 weeks, first by Monday 14 April. Discussed Monday 7 April: next by
        // Monday 19 May, and not discussed again.
        var child = council.Child(worker, D(2025, 3, 3));
        council.Held(worker, D(2025, 4, 7), child);
        // Referred Monday 2 June, on a child protection plan from the same day: every 4 weeks, first by Monday 30 June.
        var protectedChild = council.Child(worker, D(2025, 6, 2));
        Plan(protectedChild.CinEpisodes[0], D(2025, 6, 2));
        // Another worker, who left on Friday 25 April: no line for May or June.
        var leaver = council.Worker(D(2020, 6, 1), left: D(2025, 4, 25));

        var lines = SupervisionCompliance.Monthly(council.Snapshot(), new Period(D(2025, 3, 1), D(2025, 6, 30)), WorkingDayCalendar.England);
        lines.Where(l => l.Worker == worker).Select(l => (l.Period.To, l.Cases)).Should().Equal(
            (D(2025, 3, 31), new CaseSupervisionFigures(1, 1)),
            (D(2025, 4, 30), new CaseSupervisionFigures(1, 1)),
            (D(2025, 5, 31), new CaseSupervisionFigures(1, 0)),
            (D(2025, 6, 30), new CaseSupervisionFigures(2, 1)));
        lines.Where(l => l.Worker == leaver).Select(l => l.Period.To).Should().Equal(D(2025, 3, 31), D(2025, 4, 30));
        lines.Where(l => l.Level == OrganisationLevel.Council).Select(l => l.Cases.Children).Should().Equal(1, 1, 1, 2);
    }

    [Fact]
    public void OnTimeEarlyAndLateSessionsWithoutAbsence()
    {
        var council = new WorkforceCases().RecordsBegin(D(2025, 1, 1));
        // Starts Monday 6 January 2025: the first session is due 28 days later, Monday 3 February.
        var worker = council.Worker(D(2025, 1, 6));
        council.Held(worker, D(2025, 1, 31)); // Friday 31 January: met; the clock restarts, next due Friday 28 February.
        council.Held(worker, D(2025, 2, 20)); // Thursday 20 February, early: met; next due Thursday 20 March.
        council.Held(worker, D(2025, 3, 25)); // Tuesday 25 March, late: 20 March is missed; the clock restarts from 25 March.
        council.Held(worker, D(2025, 4, 22)); // Tuesday 22 April = 25 March + 28 days: met.

        council.DueSessions(worker, D(2025, 4, 30)).Select(Outcome).Should().Equal(
            (D(2025, 2, 3), SupervisionOutcome.Met),
            (D(2025, 2, 28), SupervisionOutcome.Met),
            (D(2025, 3, 20), SupervisionOutcome.Missed),
            (D(2025, 4, 22), SupervisionOutcome.Met));
        var figures = council.Compliance(worker, D(2025, 1, 1), D(2025, 4, 30));
        figures.Should().Be(new ComplianceFigures(Due: 4, Met: 3, MissedWithReason: 0, Missed: 1));
        figures.Compliance.Should().Be(75.0);
    }

    [Fact]
    public void ADueDateEarlierThanTheOneBeforeIsCountedOnlyOnceTheClockReachesTheOneBefore()
    {
        var council = new WorkforceCases().RecordsBegin(D(2025, 1, 1));
        // Starts Thursday 20 March 2025: due 28 days later, Thursday 17 April, moved 5 working days for the absence of
        // Friday 21 to Thursday 27 March, past Good Friday (18 April) and Easter Monday (21 April): Monday 28 April.
        var worker = council.Worker(D(2025, 3, 20));
        council.Absent(worker, D(2025, 3, 21), D(2025, 3, 27));
        // Held Friday 28 March: meets 28 April, and the clock restarts from it, so the next is due 28 days later,
        // Friday 25 April, before the due date it followed; none is held by then.
        council.Held(worker, D(2025, 3, 28));
        council.DueSessions(worker, D(2025, 4, 30)).Select(Outcome).Should().Equal(
            (D(2025, 4, 28), SupervisionOutcome.Met),
            (D(2025, 4, 25), SupervisionOutcome.Missed));

        // As at Saturday 26 April the clock has not reached 28 April, so nothing is yet due: not even 25 April.
        council.DueSessions(worker, D(2025, 4, 26)).Should().BeEmpty();
        var snapshot = council.Snapshot();
        var toThe26th = new Period(D(2025, 4, 1), D(2025, 4, 26));
        SupervisionCompliance.Sessions(snapshot, toThe26th, WorkingDayCalendar.England).Should().Be(new ComplianceFigures());
        SupervisionCompliance.Sessions(snapshot, new Period(D(2025, 4, 1), D(2025, 4, 30)), WorkingDayCalendar.England)
            .Should().Be(new ComplianceFigures(Due: 2, Met: 1, MissedWithReason: 0, Missed: 1));

        // Judged together with April, the period to the 26th counts the clock run to the end of April, as ever.
        var lines = SupervisionCompliance.Compute(snapshot, [toThe26th, new Period(D(2025, 4, 27), D(2025, 4, 30))], WorkingDayCalendar.England);
        lines.Where(l => l.Worker == worker).Select(l => l.Sessions).Should().Equal(
            new ComplianceFigures(Due: 1, Met: 0, MissedWithReason: 0, Missed: 1),
            new ComplianceFigures(Due: 1, Met: 1, MissedWithReason: 0, Missed: 0));
    }

    [Fact]
    public void ASessionHeldEarlyBringsTheNextDueDateForward()
    {
        var council = new WorkforceCases().RecordsBegin(D(2025, 1, 1));
        var worker = council.Worker(D(2024, 6, 3));
        council.Held(worker, D(2025, 3, 3));
        // Due Monday 31 March; held early on Thursday 20 March, so the next is due Thursday 17 April, not 28 April.
        council.Held(worker, D(2025, 3, 20));
        var dues = council.DueSessions(worker, D(2025, 4, 30)).Where(d => d.Due >= D(2025, 3, 1)).ToList();
        dues.Select(Outcome).Should().Equal((D(2025, 3, 31), SupervisionOutcome.Met), (D(2025, 4, 17), SupervisionOutcome.Missed));
        dues[0].HeldOn.Should().Be(D(2025, 3, 20));
    }

    [Fact]
    public void SessionsMoreOftenThanRequiredDoNotAddToWhatWasDue()
    {
        var council = new WorkforceCases().RecordsBegin(D(2025, 1, 1));
        var worker = council.Worker(D(2025, 1, 6));
        // Weekly sessions for a worker supervised every 4 weeks: each due date is met, and the clock restarts from
        // the last session held by it, so there is one due date every 4 weeks, not one a week.
        for (var day = D(2025, 1, 13); day <= D(2025, 3, 31); day = day.AddDays(7))
        {
            council.Held(worker, day);
        }

        // 6 January + 28 = Monday 3 February (last held by then: 3 February); + 28 = 3 March; + 28 = 31 March.
        council.DueSessions(worker, D(2025, 3, 31)).Select(d => d.Due).Should().Equal(D(2025, 2, 3), D(2025, 3, 3), D(2025, 3, 31));
        council.Compliance(worker, D(2025, 1, 1), D(2025, 3, 31)).Should().Be(new ComplianceFigures(3, 3, 0, 0));
    }

    [Fact]
    public void OneDayOfSicknessMovesTheDueDateOneWorkingDay()
    {
        var council = new WorkforceCases().RecordsBegin(D(2025, 1, 1));
        var worker = council.Worker(D(2020, 6, 1));
        council.Held(worker, D(2025, 3, 3));
        // Due Monday 31 March; off sick on Wednesday 12 March, a working day, so due Tuesday 1 April.
        council.Absent(worker, D(2025, 3, 12), D(2025, 3, 12));
        council.Held(worker, D(2025, 4, 1));
        var due = council.DueSessions(worker, D(2025, 4, 1)).Last();
        (due.Due, due.PausedWorkingDays, due.Outcome).Should().Be((D(2025, 4, 1), 1, SupervisionOutcome.Met));
    }

    [Fact]
    public void MaternityLeaveSpanningADueDatePausesTheClockUntilTheWorkerReturns()
    {
        var council = new WorkforceCases().RecordsBegin(D(2025, 1, 1));
        var worker = council.Worker(D(2020, 6, 1));
        council.Held(worker, D(2025, 3, 3));
        // Undelayed due date Monday 31 March. Maternity leave Monday 17 March to Sunday 14 December 2025: the clock ran
        // 9 working days (4–14 March) before it; 11 of the 20 working days to 31 March remained. Back on Monday
        // 15 December, the 11th working day is Wednesday 31 December (15–19, 22–24, 29–31; 25 and 26 December are
        // bank holidays). The leave holds 190 working days.
        council.Absent(worker, D(2025, 3, 17), D(2025, 12, 14), AbsenceKind.Maternity);
        council.Held(worker, D(2025, 12, 22));

        var due = council.DueSessions(worker, D(2026, 1, 31)).Single(d => d.ClockStart == D(2025, 3, 3));
        (due.Due, due.PausedWorkingDays, due.Outcome).Should().Be((D(2025, 12, 31), 190, SupervisionOutcome.Met));
        council.Compliance(worker, D(2025, 4, 1), D(2025, 11, 30)).Should().Be(new ComplianceFigures(0, 0, 0, 0), "nothing falls due while she is away");
        council.Compliance(worker, D(2025, 12, 1), D(2025, 12, 31)).Should().Be(new ComplianceFigures(1, 1, 0, 0));
    }

    [Fact]
    public void AWorkerWhoStartsMidMonthHasNothingDueThatMonth()
    {
        var council = new WorkforceCases().RecordsBegin(D(2025, 1, 1));
        // Starts Wednesday 16 April 2025: first due Wednesday 14 May.
        var worker = council.Worker(D(2025, 4, 16));
        council.Held(worker, D(2025, 5, 13));
        var monthly = SupervisionCompliance.Monthly(council.Snapshot(), new Period(D(2025, 4, 1), D(2025, 5, 31)), WorkingDayCalendar.England)
            .Where(l => l.Worker == worker).ToList();
        monthly.Select(l => (l.Period.From, l.Sessions)).Should().Equal(
            (D(2025, 4, 1), new ComplianceFigures(0, 0, 0, 0)),
            (D(2025, 5, 1), new ComplianceFigures(1, 1, 0, 0)));
        monthly[0].Sessions.Compliance.Should().BeNull("nothing was due in April");
    }

    [Fact]
    public void AnAsyeWorkerMovesFromWeeklyToFortnightlyToEveryFourWeeks()
    {
        var council = new WorkforceCases().RecordsBegin(D(2025, 1, 1));
        // ASYE from Monday 6 January 2025: weekly while the clock starts before Monday 17 February (6 weeks);
        // fortnightly while it starts before Sunday 6 July (6 months); then every 4 weeks.
        var worker = council.Worker(D(2025, 1, 6), asye: D(2025, 1, 6));
        DateOnly[] expected =
        [
            D(2025, 1, 13), D(2025, 1, 20), D(2025, 1, 27), D(2025, 2, 3), D(2025, 2, 10), D(2025, 2, 17),
            D(2025, 3, 3), D(2025, 3, 17), D(2025, 3, 31), D(2025, 4, 14), D(2025, 4, 28), D(2025, 5, 12), D(2025, 5, 26), D(2025, 6, 9), D(2025, 6, 23), D(2025, 7, 7),
            D(2025, 8, 4), D(2025, 9, 1), D(2025, 9, 29),
        ];
        foreach (var day in expected)
        {
            council.Held(worker, day);
        }

        var dues = council.DueSessions(worker, D(2025, 9, 30));
        dues.Select(d => d.Due).Should().Equal(expected);
        dues.Select(d => d.IntervalDays).Distinct().Should().Equal(7, 14, 28);
        var months = SupervisionCompliance.Monthly(council.Snapshot(), new Period(D(2025, 1, 1), D(2025, 9, 30)), WorkingDayCalendar.England)
            .Where(l => l.Worker == worker).Select(l => l.Sessions.Due);
        months.Should().Equal(3, 3, 3, 2, 2, 2, 1, 1, 2);
    }

    [Fact]
    public void AnAsyeWorkerNotSeenWeeklyMissesEachWeek()
    {
        var council = new WorkforceCases().RecordsBegin(D(2025, 1, 1));
        var worker = council.Worker(D(2025, 1, 6), asye: D(2025, 1, 6));
        council.Held(worker, D(2025, 1, 27));
        // Due 13 January: missed; the clock restarts then, so 20 January is due and missed too. The session on
        // 27 January is nearer the next due date (27 January, from 20 January) than the missed one: it meets it.
        council.DueSessions(worker, D(2025, 1, 31)).Select(Outcome).Should().Equal(
            (D(2025, 1, 13), SupervisionOutcome.Missed), (D(2025, 1, 20), SupervisionOutcome.Missed), (D(2025, 1, 27), SupervisionOutcome.Met));
    }

    [Fact]
    public void AWorkerSeenAWeekLateEveryTimeIsNeverOnTime()
    {
        var council = new WorkforceCases().RecordsBegin(D(2025, 1, 1));
        var worker = council.Worker(D(2025, 1, 6));
        // Sessions every 5 weeks against 4. Due 3 February: missed; the session on 10 February is nearer it than the
        // next due date (3 March), so it was late: not met, and the clock restarts from it. Due 10 March: missed; 17
        // March late. Due 14 April: missed; 21 April late. Due 19 May: missed; 26 May late.
        foreach (var day in new[] { D(2025, 2, 10), D(2025, 3, 17), D(2025, 4, 21), D(2025, 5, 26) })
        {
            council.Held(worker, day);
        }

        council.DueSessions(worker, D(2025, 5, 31)).Select(Outcome).Should().Equal(
            (D(2025, 2, 3), SupervisionOutcome.Missed), (D(2025, 3, 10), SupervisionOutcome.Missed),
            (D(2025, 4, 14), SupervisionOutcome.Missed), (D(2025, 5, 19), SupervisionOutcome.Missed));
    }

    [Fact]
    public void AWorkerWhoMissesOneAndIsThenSeenOnTheUsualDayHasOneMissed()
    {
        var council = new WorkforceCases().RecordsBegin(D(2025, 1, 1));
        var worker = council.Worker(D(2025, 2, 3));
        // Due 3 March: met. Due 31 March: missed; the clock restarts there. Due 28 April: the session that day is
        // nearer it than the missed one, so it is met. Due 26 May: met.
        foreach (var day in new[] { D(2025, 3, 3), D(2025, 4, 28), D(2025, 5, 26) })
        {
            council.Held(worker, day);
        }

        council.Compliance(worker, D(2025, 3, 1), D(2025, 5, 31)).Should().Be(new ComplianceFigures(Due: 4, Met: 3, MissedWithReason: 0, Missed: 1));
    }

    [Fact]
    public void MissedWithAReasonIsCountedApartAndIsNotMet()
    {
        var council = new WorkforceCases().RecordsBegin(D(2025, 1, 1));
        var worker = council.Worker(D(2020, 6, 1));
        council.Held(worker, D(2025, 3, 3));
        council.NotHeld(worker, D(2025, 3, 31), "Worker attending court all day."); // due Monday 31 March: missed with reason
        council.NotHeld(worker, D(2025, 4, 28), null); // the clock restarts on 31 March: due Monday 28 April, recorded as not held, no reason
        council.Held(worker, D(2025, 5, 20)); // due Monday 26 May: 20 May is nearer it than 28 April, so met

        var dues = council.DueSessions(worker, D(2025, 5, 31)).Where(d => d.Due >= D(2025, 3, 1)).ToList();
        dues.Select(Outcome).Should().Equal(
            (D(2025, 3, 31), SupervisionOutcome.MissedWithReason),
            (D(2025, 4, 28), SupervisionOutcome.Missed),
            (D(2025, 5, 26), SupervisionOutcome.Met));
        dues[0].Reason.Should().Be("Worker attending court all day.");
        dues[1].RecordedAsNotHeld.Should().BeTrue();
        var figures = council.Compliance(worker, D(2025, 3, 1), D(2025, 5, 31));
        figures.Should().Be(new ComplianceFigures(Due: 3, Met: 1, MissedWithReason: 1, Missed: 1));
        figures.Compliance!.Value.Should().BeApproximately(33.33, 0.01);
    }

    [Fact]
    public void AReasonRecordedForAnEarlierDueDateDoesNotExplainALaterOne()
    {
        var council = new WorkforceCases().RecordsBegin(D(2025, 1, 1));
        var worker = council.Worker(D(2020, 6, 1));
        council.Held(worker, D(2025, 3, 3));
        council.NotHeld(worker, D(2025, 3, 20), "Supervisor off sick."); // a planned session on 20 March fell through
        council.Held(worker, D(2025, 3, 27)); // and was held a week later, in time for 31 March
        // Due 24 April (27 March + 28): nothing held, nothing recorded after 31 March: missed, no reason.
        council.DueSessions(worker, D(2025, 4, 30)).Where(d => d.Due >= D(2025, 3, 1)).Select(Outcome).Should().Equal(
            (D(2025, 3, 31), SupervisionOutcome.Met), (D(2025, 4, 24), SupervisionOutcome.Missed));
    }

    [Fact]
    public void AnAbsenceStartingOnTheDueDateMovesItToTheDayTheWorkerReturns()
    {
        var council = new WorkforceCases().RecordsBegin(D(2025, 1, 1));
        var worker = council.Worker(D(2020, 6, 1));
        council.Held(worker, D(2025, 3, 3));
        // Due Monday 31 March; off sick Monday 31 March to Friday 4 April (5 working days): due Monday 7 April.
        council.Absent(worker, D(2025, 3, 31), D(2025, 4, 4));
        council.DueSessions(worker, D(2025, 4, 30)).Single(d => d.ClockStart == D(2025, 3, 3)).Due.Should().Be(D(2025, 4, 7));
    }

    [Fact]
    public void AbsenceAcrossEasterCountsOnlyItsWorkingDays()
    {
        var council = new WorkforceCases().RecordsBegin(D(2025, 1, 1));
        var worker = council.Worker(D(2020, 6, 1));
        council.Held(worker, D(2025, 3, 24));
        // Due Monday 21 April (Easter Monday: a calendar due date does not move for a holiday). Leave Monday 14 to
        // Friday 25 April holds 8 working days (not Good Friday or Easter Monday): 8 working days after 21 April is
        // Thursday 1 May.
        council.Absent(worker, D(2025, 4, 14), D(2025, 4, 25), AbsenceKind.AnnualLeave);
        var due = council.DueSessions(worker, D(2025, 5, 31)).Single(d => d.ClockStart == D(2025, 3, 24));
        (due.Due, due.PausedWorkingDays).Should().Be((D(2025, 5, 1), 8));
    }

    [Fact]
    public void AnAbsenceCoveringTheWholePeriodLeavesNothingDue()
    {
        var council = new WorkforceCases().RecordsBegin(D(2025, 1, 1));
        var worker = council.Worker(D(2020, 6, 1));
        council.Held(worker, D(2025, 2, 24));
        council.Absent(worker, D(2025, 3, 1), D(2025, 8, 31), AbsenceKind.Secondment);
        var line = SupervisionCompliance.Over(council.Snapshot(), new Period(D(2025, 4, 1), D(2025, 6, 30)), WorkingDayCalendar.England)
            .Single(l => l.Worker == worker);
        line.Sessions.Should().Be(new ComplianceFigures(0, 0, 0, 0));
        line.Sessions.Compliance.Should().BeNull();
    }

    [Fact]
    public void BackToBackAndOverlappingAbsencesEachDayCountedOnce()
    {
        // Sickness Monday 10 to Friday 14 March, then leave Monday 17 to Friday 21 March: 10 working days, so the
        // due date moves from Monday 31 March to Monday 14 April.
        var council = new WorkforceCases().RecordsBegin(D(2025, 1, 1));
        var backToBack = council.Worker(D(2020, 6, 1));
        council.Held(backToBack, D(2025, 3, 3));
        council.Absent(backToBack, D(2025, 3, 10), D(2025, 3, 14)).Absent(backToBack, D(2025, 3, 17), D(2025, 3, 21), AbsenceKind.AnnualLeave);
        // The same days recorded as two spells that overlap (sickness 10–14, leave 12–21) move it just as far.
        var overlapping = council.Worker(D(2020, 6, 1));
        council.Held(overlapping, D(2025, 3, 3));
        council.Absent(overlapping, D(2025, 3, 10), D(2025, 3, 14)).Absent(overlapping, D(2025, 3, 12), D(2025, 3, 21), AbsenceKind.AnnualLeave);

        foreach (var worker in new[] { backToBack, overlapping })
        {
            var due = council.DueSessions(worker, D(2025, 4, 30)).Single(d => d.ClockStart == D(2025, 3, 3));
            (due.Due, due.PausedWorkingDays).Should().Be((D(2025, 4, 14), 10));
        }
    }

    [Fact]
    public void AnAbsenceWithNoEndPausesTheClockUntilItEnds()
    {
        var council = new WorkforceCases().RecordsBegin(D(2025, 1, 1));
        var worker = council.Worker(D(2020, 6, 1));
        council.Held(worker, D(2025, 3, 3));
        council.Absent(worker, D(2025, 3, 24), null);
        council.DueSessions(worker, D(2025, 12, 31)).Where(d => d.Due >= D(2025, 3, 1)).Should().BeEmpty();
    }

    [Fact]
    public void NothingIsDueAfterTheWorkerLeavesNorBeforeTheRecordsBegin()
    {
        var council = new WorkforceCases().RecordsBegin(D(2025, 3, 1));
        // In post since 2019, but the records begin on Saturday 1 March 2025: the clock starts then, due 29 March.
        var worker = council.Worker(D(2019, 9, 2), left: D(2025, 4, 25));
        council.Held(worker, D(2025, 3, 28));
        // Next due Friday 25 April, the leaving day itself: counted. The one after would fall after it.
        council.DueSessions(worker, D(2025, 12, 31)).Select(Outcome).Should().Equal(
            (D(2025, 3, 29), SupervisionOutcome.Met), (D(2025, 4, 25), SupervisionOutcome.Missed));
    }

    [Fact]
    public void AnInformalCaseDiscussionIsNotSupervision()
    {
        var council = new WorkforceCases().RecordsBegin(D(2025, 1, 1));
        var worker = council.Worker(D(2020, 6, 1));
        council.Held(worker, D(2025, 3, 3));
        council.Informal(worker, D(2025, 3, 25));
        council.DueSessions(worker, D(2025, 3, 31)).Last().Outcome.Should().Be(SupervisionOutcome.Missed);
    }

    [Fact]
    public void APeriodIsJudgedUnderTheCouncilsStandardsInForceOnItsLastDay()
    {
        var council = new WorkforceCases().RecordsBegin(D(2025, 1, 1));
        var worker = council.Worker(D(2025, 1, 6));
        council.Held(worker, D(2025, 1, 31));
        // From Saturday 1 March 2025 the council supervises every 3 weeks.
        council.Standards = new LocalStandardsHistory([LocalStandards.Defaults with { EffectiveFrom = D(2025, 3, 1), SupervisionWeeks = 3 }]);
        // To 28 February, under the default 4 weeks: due 3 February, met on 31 January; then 28 February, missed.
        council.Compliance(worker, D(2025, 1, 1), D(2025, 2, 28)).Should().Be(new ComplianceFigures(2, 1, 0, 1));
        // To 1 March, under 3 weeks: due 27 January, missed; 31 January is nearer it than the next (17 February),
        // so late, and the clock restarts there: due 21 February, missed.
        council.Compliance(worker, D(2025, 1, 1), D(2025, 3, 1)).Should().Be(new ComplianceFigures(2, 0, 0, 2));
    }

    [Fact]
    public void ManagersAreNotMeasured()
    {
        var council = new WorkforceCases().RecordsBegin(D(2025, 1, 1));
        council.Held(council.Manager, D(2025, 1, 20));
        council.DueSessions(council.Manager, D(2025, 3, 31)).Should().BeEmpty();
        var line = SupervisionCompliance.Over(council.Snapshot(), new Period(D(2025, 1, 1), D(2025, 3, 31)), WorkingDayCalendar.England);
        line.Should().NotContain(l => l.Worker == council.Manager);
    }

    [Fact]
    public void TeamsServicesAndTheCouncilAddUpTheirWorkersAndTheMonthsAddUpToThePeriod()
    {
        var council = new WorkforceCases().RecordsBegin(D(2025, 1, 1));
        var a = council.Worker(D(2024, 1, 8));
        var b = council.Worker(D(2024, 1, 8), team: 2);
        var c = council.Worker(D(2024, 1, 8), team: 2);
        council.Held(a, D(2025, 1, 27));
        council.Held(a, D(2025, 2, 24));
        council.NotHeld(b, D(2025, 1, 29), "Duty cover.");
        council.Held(c, D(2025, 3, 20));
        var period = new Period(D(2025, 1, 1), D(2025, 3, 31));
        var lines = SupervisionCompliance.Over(council.Snapshot(), period, WorkingDayCalendar.England);

        ComplianceFigures Of(Worker w) => lines.Single(l => l.Worker == w).Sessions;
        var team2 = lines.Single(l => l.Level == OrganisationLevel.Team && l.TeamId == 2);
        team2.Sessions.Should().Be(Of(b) + Of(c));
        team2.Workers.Should().Be(2);
        lines.Single(l => l.Level == OrganisationLevel.Service).Sessions.Should().Be(Of(a) + Of(b) + Of(c));
        var total = lines.Single(l => l.Level == OrganisationLevel.Council);
        total.Sessions.Should().Be(Of(a) + Of(b) + Of(c));
        total.Sessions.MissedWithReason.Should().Be(1);

        var months = SupervisionCompliance.Monthly(council.Snapshot(), period, WorkingDayCalendar.England)
            .Where(l => l.Level == OrganisationLevel.Council).Select(l => l.Sessions).ToList();
        months.Should().HaveCount(3);
        months.Aggregate((x, y) => x + y).Should().Be(total.Sessions);
    }

    [Fact]
    public void ActionsAgreedDueDoneOnTimeAndNotDone()
    {
        var council = new WorkforceCases().RecordsBegin(D(2025, 1, 1));
        var worker = council.Worker(D(2024, 1, 8));
        var session = council.Held(worker, D(2025, 3, 3));
        council.Action(session, D(2025, 3, 14), completed: D(2025, 3, 12)); // done on time
        council.Action(session, D(2025, 3, 21), completed: D(2025, 3, 28)); // done late
        council.Action(session, D(2025, 3, 28)); // not done
        council.Action(session, null); // no timescale
        council.Action(council.Informal(worker, D(2025, 2, 10)), D(2025, 4, 10)); // agreed before the period, due after it

        var line = SupervisionCompliance.Over(council.Snapshot(), new Period(D(2025, 3, 1), D(2025, 3, 31)), WorkingDayCalendar.England)
            .Single(l => l.Worker == worker);
        line.Actions.Should().Be(new ActionFigures(Agreed: 4, WithoutTimescale: 1, Due: 3, DoneOnTime: 1, NotDoneAtEnd: 1));
        line.Actions.DoneLate.Should().Be(1);
    }
}
