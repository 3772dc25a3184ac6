using Sightline.Calendar;
using Sightline.Model;
using Sightline.Oversight;
using Sightline.Oversight.Alerts;
using Sightline.Oversight.Indicators;
using static Sightline.Domain.Tests.Oversight.Cases;

namespace Sightline.Domain.Tests.Oversight;

/// <summary>Reviews and visits on time: each occasion due in the period, by the due dates the alerts use.</summary>
public sealed class TimelinessIndicatorTests
{
    private static CouncilSnapshot Council(IEnumerable<string> loaded, params Child[] children) =>
        new(new Council { Code = "999", Name = "Test", ChildPopulation = 10_000 }, children, [], [], new DataCoverage(loaded.ToHashSet()));

    private static readonly Period Year2025 = new(D(2025, 1, 1), D(2025, 12, 31));

    private static (Child Child, ChildProtectionPlan Plan) OnPlan(DateOnly start, DateOnly? end = null, DateOnly? born = null)
    {
        var child = Child(born);
        return (child, Plan(Episode(child, start.AddDays(-21)), start, end));
    }

    private static void Reviewed(ChildProtectionPlan plan, params DateOnly[] dates) =>
        plan.ReviewConferences.AddRange(dates.Select(d => new ReviewConference { ChildProtectionPlanId = plan.Id, Date = d }));

    [Fact]
    public void ReviewConferencesAreDueThreeMonthsAfterTheConferenceThenSixAfterTheLastHeld()
    {
        var a = OnPlan(D(2025, 1, 10));
        Reviewed(a.Plan, D(2025, 4, 10), D(2025, 10, 13));          // due 10 Apr, held that day; due 10 Oct, held 13 Oct: late
        var b = OnPlan(D(2024, 10, 15));
        Reviewed(b.Plan, D(2025, 2, 20), D(2025, 8, 1));            // due 15 Jan, held 20 Feb: late; then due 20 Aug, held 1 Aug
        var c = OnPlan(D(2024, 11, 1), end: D(2025, 1, 31));        // ended the day before its first review was due: none due
        var d = OnPlan(D(2024, 10, 31), end: D(2025, 1, 31));
        Reviewed(d.Plan, D(2025, 1, 31));                           // due on the plan's last day, held then (the review ended it)
        var e = OnPlan(D(2024, 9, 30));
        Reviewed(e.Plan, D(2024, 12, 30), D(2025, 7, 1));           // due 30 Dec 2024, before the period; then due 30 Jun, held 1 Jul: late
        var f = OnPlan(D(2024, 10, 1));
        Reviewed(f.Plan, D(2025, 1, 1), D(2025, 7, 1));             // due on the period's first day and held then; due 1 Jul, held

        var value = new ChildProtectionReviewsOnTime().Compute(Council([], a.Child, b.Child, c.Child, d.Child, e.Child, f.Child), Year2025, On(Year2025.To));
        value.Ratio().Should().Be("5/8", "A 1 of 2, B 1 of 2, C none due, D 1 of 1, E 0 of 1, F 2 of 2");
        value.Display.Should().Be("62.5%");

        var alert = new ChildProtectionReviewOverdue().Alerts(a.Child, D(2025, 10, 11)).Should().ContainSingle().Subject;
        alert.Due.Should().Be(D(2025, 10, 10), "the alert's due date is the one the indicator judged late");
        new ChildProtectionReviewOverdue().Alerts(a.Child, D(2025, 10, 10)).Should().BeEmpty();
    }

    [Fact]
    public void VisitsAreDueTenWorkingDaysAfterTheLastSeenAndChristmasIsNotCounted()
    {
        var period = new Period(D(2025, 12, 1), D(2026, 1, 31));
        var x = OnPlan(D(2025, 12, 1));
        Visit(x.Child, D(2025, 11, 28));                  // before the plan: does not start its clock
        Visit(x.Child, D(2025, 12, 15));                  // due Monday 15 December (day 10): on time
        Visit(x.Child, D(2026, 1, 2));                    // due Wednesday 31 December (25 and 26 December are not working days): late
        Visit(x.Child, D(2026, 1, 16), seen: false);      // due Friday 16 January, but the child was not seen
        Visit(x.Child, D(2026, 1, 19));                   // seen on Monday 19 January: late; the next is due 2 February, after the period
        var bornLater = OnPlan(D(2025, 12, 1), born: D(2026, 1, 20));   // the first visit is due 10 working days after the birth, 3 February
        var unborn = Child(born: null);
        unborn.DateOfBirth = null;
        unborn.ExpectedDateOfBirth = D(2026, 3, 1);
        Plan(Episode(unborn, D(2025, 11, 3)), D(2025, 12, 1));
        var ended = OnPlan(D(2025, 12, 1), end: D(2025, 12, 12));      // ended before its first visit was due

        var snapshot = Council(["visits"], x.Child, bornLater.Child, unborn, ended.Child);
        var value = new ChildProtectionVisitsOnTime().Compute(snapshot, period, On(period.To));
        value.Ratio().Should().Be("1/3");

        new ChildProtectionVisitOverdue().Alerts(x.Child, D(2026, 1, 19)).Should().BeEmpty("the late visit that day clears the alert");
        new ChildProtectionVisitOverdue().Alerts(x.Child, D(2026, 1, 16)).Should().BeEmpty("16 January is the due date itself");
        new ChildProtectionVisitOverdue().Alerts(x.Child, D(2026, 1, 17)).Should().BeEmpty("a Saturday adds no working day");
    }

    [Fact]
    public void WithoutVisitsLoadedVisitIndicatorsSayNoDataNotZero()
    {
        var child = OnPlan(D(2025, 1, 6), born: D(2015, 1, 1)).Child;
        var withoutVisits = Council([], child);
        foreach (var indicator in new IIndicator[] { new ChildProtectionVisitsOnTime(), new ChildrenSeenAlone() })
        {
            var value = indicator.Compute(withoutVisits, Year2025, On(Year2025.To));
            value.Value.Should().BeNull();
            value.Missing.Should().Equal("visits");
            value.Display.Should().Be("no data: no visits loaded");
        }

        var neverVisited = new ChildProtectionVisitsOnTime().Compute(Council(["visits"], child), Year2025, On(Year2025.To));
        neverVisited.Value.Should().Be(0, "with visits loaded, a child on a plan never visited is a visit missed");
        neverVisited.Ratio().Should().Be("0/1", "after the one missed visit no later visit restarts the clock");
    }

    [Fact]
    public void SeenAloneCountsChildProtectionVisitsFromTheChildsFourthBirthdayWhereItIsRecorded()
    {
        var child = Child(born: D(2021, 6, 1));
        Plan(Episode(child, D(2025, 2, 10)), D(2025, 3, 1));
        Visit(child, D(2025, 5, 31), alone: true);                          // the day before the fourth birthday: out
        Visit(child, D(2025, 6, 1), alone: true);                           // the birthday: in, alone
        Visit(child, D(2025, 6, 2), alone: false);                          // in, not alone
        Visit(child, D(2025, 6, 3)).SeenAlone = null;                       // not recorded: out
        Visit(child, D(2025, 6, 4), seen: false);                           // not seen: out
        Visit(child, D(2025, 6, 5), alone: true, kind: VisitKind.ChildInNeed); // not a child protection visit: out

        var snapshot = Council(["visits"], child);
        new ChildrenSeenAlone().Compute(snapshot, Year2025, On(Year2025.To)).Ratio().Should().Be("1/2");
        new ChildrenSeenAlone().Compute(snapshot, Year2025, On(Year2025.To, LocalStandards.Defaults with { SeenAloneFromAge = 5 })).Display
            .Should().Be("no data", "no child on a plan was 5 yet");
        new ChildrenSeenAlone().Compute(snapshot, new Period(D(2025, 6, 2), D(2025, 6, 2)), On(D(2025, 6, 2))).Ratio().Should().Be("0/1");
    }

    [Fact]
    public void ChildInNeedPlanReviewsFollowTheLocalStandard()
    {
        var child = Child();
        var plan = CinPlan(Episode(child, D(2024, 12, 2)), D(2025, 1, 15));
        plan.Reviews.AddRange(new[] { D(2025, 4, 14), D(2025, 7, 20), D(2025, 10, 20) }.Select(d => new CinPlanReview { CinPlanId = plan.Id, Date = d }));
        var snapshot = Council(["CIN plan reviews"], child);

        new ChildInNeedPlanReviewsOnTime().Compute(snapshot, Year2025, On(Year2025.To)).Ratio()
            .Should().Be("2/3", "due 15 April, held 14 April; due 14 July, held 20 July; due 20 October, held that day; next due 20 January 2026");
        new ChildInNeedPlanReviewsOnTime().Compute(snapshot, Year2025, On(Year2025.To, LocalStandards.Defaults with { CinPlanReviewMonths = 2 })).Ratio()
            .Should().Be("0/4", "every 2 months: due 15 March, 14 June, 20 September and 20 December, each missed");
        new ChildInNeedPlanReviewsOnTime().Compute(Council([], child), Year2025, On(Year2025.To)).Display
            .Should().Be("no data: no CIN plan reviews loaded");
    }

    [Fact]
    public void EachReviewDueCountsInTheOnePeriodItFallsInWhicheverPeriodIsAskedFirst()
    {
        var a = OnPlan(D(2025, 1, 31), end: D(2025, 10, 30));
        Reviewed(a.Plan, D(2025, 4, 30), D(2025, 10, 30));  // due 30 April (April's last day), held then; due 30 October, the plan's last day, held then
        var b = OnPlan(D(2024, 12, 1), end: D(2025, 9, 4));
        Reviewed(b.Plan, D(2025, 3, 5));                    // due 1 March (March's first day), held 5 March: late; next due 5 September, after the plan ended
        var c = OnPlan(D(2025, 6, 10));                     // open: due 10 September, never held, and nothing due after
        var snapshot = Council([], a.Child, b.Child, c.Child);
        var indicator = new ChildProtectionReviewsOnTime();
        string Ratio(Period period) => indicator.Compute(snapshot, period, On(period.To)).Ratio();

        var months = Year2025.Months().ToList();
        var expected = new Dictionary<int, string> { [3] = "0/1", [4] = "1/1", [9] = "0/1", [10] = "1/1" };
        months.AsEnumerable().Reverse().Select(m => Ratio(m)).Reverse().Should().Equal(
            months.Select(m => expected.GetValueOrDefault(m.From.Month, "0/0")), "the months asked last to first");
        Ratio(Year2025).Should().Be("2/4", "asked after the months, the year is their sum");
        Ratio(new Period(D(2025, 4, 1), D(2025, 4, 29))).Should().Be("0/0", "30 April is after the period");
        Ratio(new Period(D(2025, 4, 30), D(2025, 5, 31))).Should().Be("1/1", "30 April is the period's first day");
        Ratio(new Period(D(2025, 2, 1), D(2025, 3, 1))).Should().Be("0/1", "1 March is the period's last day");
        Ratio(new Period(D(2025, 9, 1), D(2025, 9, 30))).Should().Be("0/1", "B ended on 4 September, before its review was due on the 5th");
        Ratio(new Period(D(2025, 10, 30), D(2026, 12, 31))).Should().Be("1/1", "A's review due on its last day; after it, none");
    }

    [Fact]
    public void EachPeriodIsJudgedByTheStandardsInForceOnItsLastDayWhateverWasAskedBefore()
    {
        var child = Child();
        var plan = CinPlan(Episode(child, D(2024, 12, 2)), D(2025, 1, 15));
        plan.Reviews.AddRange(new[] { D(2025, 4, 14), D(2025, 7, 20), D(2025, 10, 20) }.Select(d => new CinPlanReview { CinPlanId = plan.Id, Date = d }));
        // Reviews every 3 months (the default) until 31 July 2025, every 2 months from 1 August.
        var snapshot = new CouncilSnapshot(new Council { Code = "999", Name = "Test", ChildPopulation = 10_000 }, [child], [], [],
            new DataCoverage(new HashSet<string> { "CIN plan reviews" }), new LocalStandardsHistory([LocalStandards.Defaults with { EffectiveFrom = D(2025, 8, 1), CinPlanReviewMonths = 2 }]));
        var indicator = new ChildInNeedPlanReviewsOnTime();
        string Ratio(int month)
        {
            var period = Year2025.Months().Single(m => m.From.Month == month);
            return indicator.Compute(snapshot, period, snapshot.On(period.To, WorkingDayCalendar.England)).Ratio();
        }

        // Every 3 months: due 15 April (held 14 April), 14 July (held 20 July: late), 20 October (held that day).
        // Every 2 months: due 15 March, 14 June, 20 September and 20 December, each missed.
        Ratio(9).Should().Be("0/1", "September is judged every 2 months");
        Ratio(4).Should().Be("1/1", "April is judged every 3 months");
        Ratio(7).Should().Be("0/1", "July is judged every 3 months: 14 July, held late");
        Ratio(10).Should().Be("0/0", "October is judged every 2 months: nothing due in it");
        Ratio(12).Should().Be("0/1");
        Ratio(3).Should().Be("0/0", "March is judged every 3 months, whatever was asked before");
        indicator.Compute(snapshot, Year2025, snapshot.On(Year2025.To, WorkingDayCalendar.England)).Ratio().Should().Be("0/4", "the year is judged as at 31 December");
    }

    [Fact]
    public void AVisitDatedPastTheCalendarsYearsCountsOnlyWhereItDidBefore()
    {
        var period = new Period(D(2025, 12, 1), D(2025, 12, 31));
        var x = OnPlan(D(2025, 12, 1));
        Visit(x.Child, D(2025, 12, 15));      // due 15 December: on time; the next is due 31 December
        Visit(x.Child, D(2025, 12, 30));      // on time; the next is due 14 January 2026, after the period
        Visit(x.Child, D(2028, 3, 1));        // past the calendar's last year (a mistyped date): reached only after the visit due 14 January is missed
        var y = OnPlan(D(2025, 12, 1));
        Visit(y.Child, D(2025, 12, 12));      // due 15 December: on time; the next is due 30 December, missed
        var snapshot = Council(["visits"], x.Child, y.Child);

        new ChildProtectionVisitsOnTime().Compute(snapshot, period, On(period.To)).Ratio().Should().Be("3/4", "X 2 of 2, Y 1 of 2");
        new ChildProtectionVisitsOnTime().Compute(snapshot, new Period(D(2025, 12, 1), D(2025, 12, 15)), On(D(2025, 12, 15))).Ratio().Should().Be("2/2");
        var january = new Period(D(2026, 1, 1), D(2026, 1, 31));
        var judgingJanuary = () => new ChildProtectionVisitsOnTime().Compute(snapshot, january, On(january.To));
        judgingJanuary.Should().Throw<CalendarNotCoveredException>("the visit due 14 January is missed, and the next runs from 2028");
    }
}
