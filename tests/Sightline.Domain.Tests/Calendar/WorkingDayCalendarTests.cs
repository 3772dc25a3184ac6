using Sightline.Calendar;

namespace Sightline.Domain.Tests.Calendar;

public class WorkingDayCalendarTests
{
    private static readonly WorkingDayCalendar England = WorkingDayCalendar.England;

    [Fact]
    public void EnglandCoversTheYears2015To2027()
    {
        England.FirstYear.Should().Be(2015);
        England.LastYear.Should().Be(2027);
        England.BankHolidays.Should().Equal(EnglandAndWalesBankHolidays.All);
    }

    [Fact]
    public void IcpcDeadlineFromMonday3March2025IsMonday24March2025()
    {
        // Strategy discussion Monday 3 March 2025; the ICPC is due within 15 working days.
        // 4-7 March are days 1-4, 10-14 days 5-9, 17-21 days 10-14, Monday 24 March day 15.
        var strategyDiscussion = new DateOnly(2025, 3, 3);

        var icpcDue = England.Deadline(strategyDiscussion, 15);

        icpcDue.Should().Be(new DateOnly(2025, 3, 24));
        England.CountWorkingDays(strategyDiscussion, icpcDue).Should().Be(15);
    }

    [Fact]
    public void AssessmentDeadlineFromReferralOnMonday3November2025SkipsChristmasAndNewYearToThursday8January2026()
    {
        // Days 1-37 run to Wednesday 24 December 2025 (4 + 6 full weeks of 5 + 3);
        // Christmas Day and Boxing Day are skipped; 29-31 December are days 38-40;
        // New Year's Day 2026 is skipped; Friday 2 January is day 41; 5-8 January are days 42-45.
        var referral = new DateOnly(2025, 11, 3);

        var assessmentDue = England.Deadline(referral, 45);

        assessmentDue.Should().Be(new DateOnly(2026, 1, 8));
        England.AddWorkingDays(referral, 37).Should().Be(new DateOnly(2025, 12, 24));
        England.AddWorkingDays(referral, 38).Should().Be(new DateOnly(2025, 12, 29));
        England.AddWorkingDays(referral, 41).Should().Be(new DateOnly(2026, 1, 2));
        England.CountWorkingDays(referral, assessmentDue).Should().Be(45);
    }

    [Fact]
    public void DeadlineFromThursdayBeforeEaster2025IsTheTuesdayAfterEasterMonday()
    {
        var maundyThursday = new DateOnly(2025, 4, 17);

        England.BankHolidayOn(new DateOnly(2025, 4, 18)).Should().Be(new BankHoliday(new DateOnly(2025, 4, 18), "Good Friday"));
        England.BankHolidayOn(new DateOnly(2025, 4, 21)).Should().Be(new BankHoliday(new DateOnly(2025, 4, 21), "Easter Monday"));
        England.Deadline(maundyThursday, 1).Should().Be(new DateOnly(2025, 4, 22));
    }

    [Fact]
    public void TwoWeeksAcrossEaster2025HoldEightWorkingDays()
    {
        // Monday 14 to Monday 28 April 2025: 15-17 and 22-25 April and 28 April.
        England.CountWorkingDays(new DateOnly(2025, 4, 14), new DateOnly(2025, 4, 28)).Should().Be(8);
    }

    [Fact]
    public void BoxingDay2026FallsOnSaturdaySoMonday28December2026IsTheSubstituteDay()
    {
        England.IsBankHoliday(new DateOnly(2026, 12, 25)).Should().BeTrue();
        England.IsBankHoliday(new DateOnly(2026, 12, 26)).Should().BeFalse();
        England.IsWorkingDay(new DateOnly(2026, 12, 26)).Should().BeFalse();
        England.BankHolidayOn(new DateOnly(2026, 12, 28))!.Title.Should().Be("Boxing Day (substitute day)");
        England.IsWorkingDay(new DateOnly(2026, 12, 28)).Should().BeFalse();

        // Christmas Eve 2026 is a Thursday: the next working day is Tuesday 29 December.
        England.Deadline(new DateOnly(2026, 12, 24), 1).Should().Be(new DateOnly(2026, 12, 29));
    }

    [Fact]
    public void ThreeWeeksAcrossChristmas2026HoldTwelveWorkingDays()
    {
        // Friday 18 December 2026 to Friday 8 January 2027: 21-24 and 29-31 December,
        // then 4-8 January (New Year's Day 2027 is a Friday and a holiday).
        England.CountWorkingDays(new DateOnly(2026, 12, 18), new DateOnly(2027, 1, 8)).Should().Be(12);
    }

    [Fact]
    public void PlatinumJubilee2022MovedTheSpringBankHolidayTo2JuneAndAdded3June()
    {
        England.BankHolidayOn(new DateOnly(2022, 6, 2))!.Title.Should().Be("Spring bank holiday");
        England.BankHolidayOn(new DateOnly(2022, 6, 3))!.Title.Should().Be("Platinum Jubilee bank holiday");

        // The last Monday of May 2022 was not a holiday that year.
        England.IsWorkingDay(new DateOnly(2022, 5, 30)).Should().BeTrue();
        England.Deadline(new DateOnly(2022, 6, 1), 1).Should().Be(new DateOnly(2022, 6, 6));
        England.CountWorkingDays(new DateOnly(2022, 5, 27), new DateOnly(2022, 6, 10)).Should().Be(8);
    }

    [Fact]
    public void StateFuneralOfQueenElizabethIIOnMonday19September2022WasNotAWorkingDay()
    {
        England.BankHolidayOn(new DateOnly(2022, 9, 19))!.Title.Should().Be("State Funeral of Queen Elizabeth II");
        England.Deadline(new DateOnly(2022, 9, 16), 1).Should().Be(new DateOnly(2022, 9, 20));
    }

    [Fact]
    public void CoronationBankHolidayOnMonday8May2023WasNotAWorkingDay()
    {
        England.BankHolidayOn(new DateOnly(2023, 5, 8))!.Title.Should().Be("Bank holiday for the coronation of King Charles III");
        England.Deadline(new DateOnly(2023, 5, 5), 1).Should().Be(new DateOnly(2023, 5, 9));

        // Friday 28 April to Friday 12 May 2023 loses both the early May holiday and the coronation.
        England.CountWorkingDays(new DateOnly(2023, 4, 28), new DateOnly(2023, 5, 12)).Should().Be(8);
    }

    [Fact]
    public void AssessmentAuthorisedOnTheReferralDateTookZeroWorkingDays()
    {
        var referral = new DateOnly(2025, 6, 11);

        England.CountWorkingDays(referral, referral).Should().Be(0);
        England.AddWorkingDays(referral, 0).Should().Be(referral);
    }

    [Fact]
    public void AddingZeroWorkingDaysToASaturdayReturnsTheSaturday()
    {
        var saturday = new DateOnly(2025, 3, 1);

        England.AddWorkingDays(saturday, 0).Should().Be(saturday);
    }

    [Fact]
    public void ClockStartedOnSaturday1March2025ReachesDayOneOnMonday3March()
    {
        var saturday = new DateOnly(2025, 3, 1);

        England.AddWorkingDays(saturday, 1).Should().Be(new DateOnly(2025, 3, 3));
        England.AddWorkingDays(saturday, -1).Should().Be(new DateOnly(2025, 2, 28));
        England.CountWorkingDays(saturday, new DateOnly(2025, 3, 3)).Should().Be(1);
        England.CountWorkingDays(new DateOnly(2025, 2, 28), new DateOnly(2025, 3, 2)).Should().Be(0);
    }

    [Fact]
    public void DayMinusOneFromAWorkingDayIsThePreviousWorkingDay()
    {
        // Tuesday 22 April 2025: the previous working day is Thursday 17 April, before Easter.
        England.AddWorkingDays(new DateOnly(2025, 4, 22), -1).Should().Be(new DateOnly(2025, 4, 17));
        England.AddWorkingDays(new DateOnly(2025, 4, 22), -2).Should().Be(new DateOnly(2025, 4, 16));
    }

    [Fact]
    public void GoingForwardThenBackFromASaturdayReturnsToTheFridayBefore()
    {
        var saturday = new DateOnly(2025, 3, 1);

        var fiveOn = England.AddWorkingDays(saturday, 5);

        fiveOn.Should().Be(new DateOnly(2025, 3, 7));
        England.AddWorkingDays(fiveOn, -5).Should().Be(new DateOnly(2025, 2, 28));
    }

    [Fact]
    public void TenWorkingDayDeadlineThatWouldLandOnSummerBankHoliday2025MovesToTuesday26August()
    {
        // From Monday 11 August 2025, day 10 would be Monday 25 August, the summer bank holiday.
        England.Deadline(new DateOnly(2025, 8, 11), 10).Should().Be(new DateOnly(2025, 8, 26));
    }

    [Fact]
    public void CountBackwardsIsNegative()
    {
        England.CountWorkingDays(new DateOnly(2025, 3, 24), new DateOnly(2025, 3, 3)).Should().Be(-15);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void DeadlineOfFewerThanOneWorkingDayIsRejected(int workingDays)
    {
        var act = () => England.Deadline(new DateOnly(2025, 3, 3), workingDays);

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("workingDays");
    }

    [Fact]
    public void WeekdaysAndWeekendsAreClassified()
    {
        England.IsWorkingDay(new DateOnly(2025, 3, 7)).Should().BeTrue();
        England.IsWorkingDay(new DateOnly(2025, 3, 8)).Should().BeFalse();
        England.IsWorkingDay(new DateOnly(2025, 3, 9)).Should().BeFalse();
        England.IsBankHoliday(new DateOnly(2025, 3, 8)).Should().BeFalse();
        England.BankHolidayOn(new DateOnly(2025, 3, 7)).Should().BeNull();
    }

    [Fact]
    public void CalculationsRunRightUpToTheEdgesOfTheCoveredYears()
    {
        // 1 January 2015 is a holiday; Friday 2 January is the first working day covered.
        England.AddWorkingDays(new DateOnly(2015, 1, 1), 1).Should().Be(new DateOnly(2015, 1, 2));
        England.AddWorkingDays(new DateOnly(2015, 1, 5), -1).Should().Be(new DateOnly(2015, 1, 2));

        // 2015 began on a Thursday: 52 weeks plus Thursday 1 January give 261 weekdays; all 8 of its
        // bank holidays fell on weekdays, and 1 January itself is excluded from the count anyway.
        England.CountWorkingDays(new DateOnly(2015, 1, 1), new DateOnly(2015, 12, 31)).Should().Be(253);

        // Wednesday 29 December 2027 is the first working day after the substitute Christmas and Boxing days.
        England.Deadline(new DateOnly(2027, 12, 24), 1).Should().Be(new DateOnly(2027, 12, 29));
        England.Deadline(new DateOnly(2027, 12, 24), 3).Should().Be(new DateOnly(2027, 12, 31));
        England.AddWorkingDays(new DateOnly(2027, 12, 31), 0).Should().Be(new DateOnly(2027, 12, 31));
    }

    [Fact]
    public void DeadlineRunningPastTheLastCoveredYearThrowsNamingTheYearToAdd()
    {
        // Friday 31 December 2027 plus one working day needs 2028, whose 3 January is a substitute holiday.
        var act = () => England.Deadline(new DateOnly(2027, 12, 31), 1);

        act.Should().Throw<CalendarNotCoveredException>()
            .WithMessage("*add the bank holidays for 2028 to the configuration*")
            .Which.Year.Should().Be(2028);
    }

    [Fact]
    public void CountingBackPastTheFirstCoveredYearThrowsNamingTheYearToAdd()
    {
        var act = () => England.AddWorkingDays(new DateOnly(2015, 1, 2), -1);

        act.Should().Throw<CalendarNotCoveredException>()
            .WithMessage("*add the bank holidays for 2014 to the configuration*")
            .Which.Year.Should().Be(2014);
    }

    [Fact]
    public void HugeCountsThrowRatherThanOverflow()
    {
        var forwards = () => England.AddWorkingDays(new DateOnly(2025, 1, 2), int.MaxValue);
        var backwards = () => England.AddWorkingDays(new DateOnly(2025, 1, 2), int.MinValue);

        forwards.Should().Throw<CalendarNotCoveredException>().Which.Year.Should().Be(2028);
        backwards.Should().Throw<CalendarNotCoveredException>().Which.Year.Should().Be(2014);
    }

    [Fact]
    public void DatesOutsideTheCoveredYearsAreNotTreatedAsHavingNoHolidays()
    {
        var inside = new DateOnly(2025, 1, 2);
        var before = new DateOnly(2014, 12, 31);
        var after = new DateOnly(2028, 1, 3);

        Action[] calls =
        [
            () => England.IsWorkingDay(after),
            () => England.IsBankHoliday(after),
            () => England.BankHolidayOn(after),
            () => England.AddWorkingDays(after, 0),
            () => England.Deadline(after, 1),
            () => England.CountWorkingDays(inside, after),
            () => England.CountWorkingDays(after, inside),
        ];
        foreach (var call in calls)
        {
            call.Should().Throw<CalendarNotCoveredException>()
                .WithMessage("*covers 2015 to 2027*add the bank holidays for 2028 to the configuration.")
                .Which.Year.Should().Be(2028);
        }

        var countFromBefore = () => England.CountWorkingDays(before, inside);
        countFromBefore.Should().Throw<CalendarNotCoveredException>()
            .WithMessage("*add the bank holidays for 2014 to the configuration*");
    }

    [Fact]
    public void CalendarNotCoveredExceptionIsAnInvalidOperationException()
    {
        var act = () => England.IsWorkingDay(new DateOnly(2030, 6, 3));

        act.Should().Throw<InvalidOperationException>().Which.Should().BeOfType<CalendarNotCoveredException>();
    }
}
