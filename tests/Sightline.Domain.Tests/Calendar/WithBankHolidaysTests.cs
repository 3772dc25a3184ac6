using Sightline.Calendar;

namespace Sightline.Domain.Tests.Calendar;

public class WithBankHolidaysTests
{
    private static readonly WorkingDayCalendar England = WorkingDayCalendar.England;

    // The 2028 holidays under the usual rules: 1 January 2028 is a Saturday, so Monday 3 January is
    // the substitute; Easter Sunday is 16 April 2028.
    private static readonly BankHoliday[] Holidays2028 =
    [
        new(new DateOnly(2028, 1, 3), "New Year's Day (substitute day)"),
        new(new DateOnly(2028, 4, 14), "Good Friday"),
        new(new DateOnly(2028, 4, 17), "Easter Monday"),
        new(new DateOnly(2028, 5, 1), "Early May bank holiday"),
        new(new DateOnly(2028, 5, 29), "Spring bank holiday"),
        new(new DateOnly(2028, 8, 28), "Summer bank holiday"),
        new(new DateOnly(2028, 12, 25), "Christmas Day"),
        new(new DateOnly(2028, 12, 26), "Boxing Day"),
    ];

    private static readonly BankHoliday[] Holidays2029 =
    [
        new(new DateOnly(2029, 1, 1), "New Year's Day"),
        new(new DateOnly(2029, 3, 30), "Good Friday"),
    ];

    [Fact]
    public void Adding2028HolidaysExtendsCoverageTo2028()
    {
        var extended = England.WithBankHolidays(Holidays2028);

        extended.FirstYear.Should().Be(2015);
        extended.LastYear.Should().Be(2028);
        extended.IsBankHoliday(new DateOnly(2028, 1, 3)).Should().BeTrue();
        extended.BankHolidays.Should().HaveCount(EnglandAndWalesBankHolidays.All.Count + 8);
        extended.IsWorkingDay(new DateOnly(2028, 12, 29)).Should().BeTrue();
    }

    [Fact]
    public void ExtendedCalendarSkipsTheSubstituteNewYearHoliday2028()
    {
        var extended = England.WithBankHolidays(Holidays2028);

        // Friday 31 December 2027: Monday 3 January 2028 is a holiday, so day 1 is Tuesday 4 January.
        extended.Deadline(new DateOnly(2027, 12, 31), 1).Should().Be(new DateOnly(2028, 1, 4));
        extended.CountWorkingDays(new DateOnly(2027, 12, 31), new DateOnly(2028, 1, 7)).Should().Be(4);
    }

    [Fact]
    public void ExtendedCalendarCountsAcrossEaster2028()
    {
        var extended = England.WithBankHolidays(Holidays2028);

        // Thursday 13 to Tuesday 18 April 2028: Good Friday and Easter Monday drop out, leaving the Tuesday.
        extended.CountWorkingDays(new DateOnly(2028, 4, 13), new DateOnly(2028, 4, 18)).Should().Be(1);

        var withoutEaster = England.WithBankHolidays(Holidays2028.Where(holiday => holiday.Date.Month != 4));
        withoutEaster.CountWorkingDays(new DateOnly(2028, 4, 13), new DateOnly(2028, 4, 18)).Should().Be(3);
    }

    [Fact]
    public void OriginalCalendarIsUnchanged()
    {
        _ = England.WithBankHolidays(Holidays2028);

        England.LastYear.Should().Be(2027);
        var act = () => England.IsWorkingDay(new DateOnly(2028, 1, 3));
        act.Should().Throw<CalendarNotCoveredException>();
    }

    [Fact]
    public void TwoYearsCanBeAddedTogether()
    {
        var extended = England.WithBankHolidays(Holidays2028.Concat(Holidays2029));

        extended.LastYear.Should().Be(2029);
        extended.Deadline(new DateOnly(2028, 12, 29), 1).Should().Be(new DateOnly(2029, 1, 2));
    }

    [Fact]
    public void YearsCanBeAddedOneAtATime()
    {
        var extended = England.WithBankHolidays(Holidays2028).WithBankHolidays(Holidays2029);

        extended.LastYear.Should().Be(2029);
        extended.IsBankHoliday(new DateOnly(2029, 3, 30)).Should().BeTrue();
    }

    [Fact]
    public void EarlierYearsExtendCoverageBackwards()
    {
        BankHoliday[] holidays2014 =
        [
            new(new DateOnly(2014, 12, 25), "Christmas Day"),
            new(new DateOnly(2014, 12, 26), "Boxing Day"),
        ];

        var extended = England.WithBankHolidays(holidays2014);

        extended.FirstYear.Should().Be(2014);
        // Wednesday 24 December 2014: Christmas, Boxing Day and the weekend are skipped, so day 1 is
        // Monday 29 December; 30 and 31 December are days 2 and 3, New Year's Day 2015 is skipped,
        // and Friday 2 January 2015 is day 4.
        extended.Deadline(new DateOnly(2014, 12, 24), 1).Should().Be(new DateOnly(2014, 12, 29));
        extended.Deadline(new DateOnly(2014, 12, 24), 4).Should().Be(new DateOnly(2015, 1, 2));
        extended.CountWorkingDays(new DateOnly(2014, 12, 24), new DateOnly(2015, 1, 2)).Should().Be(4);
    }

    [Fact]
    public void SkippingAYearIsRejected()
    {
        var act = () => England.WithBankHolidays(Holidays2029);

        act.Should().Throw<ArgumentException>()
            .WithMessage("Bank holidays were supplied for 2029 but not for 2028*add the bank holidays for 2028 as well*")
            .WithParameterName("extra");
    }

    [Fact]
    public void SkippingAnEarlierYearIsRejected()
    {
        var act = () => England.WithBankHolidays([new BankHoliday(new DateOnly(2013, 12, 25), "Christmas Day")]);

        act.Should().Throw<ArgumentException>()
            .WithMessage("Bank holidays were supplied for 2013 but not for 2014*");
    }

    [Fact]
    public void ExtendedCalendarStillThrowsBeyondItsLastYear()
    {
        var extended = England.WithBankHolidays(Holidays2028);

        var act = () => extended.Deadline(new DateOnly(2028, 12, 29), 1);

        act.Should().Throw<CalendarNotCoveredException>()
            .WithMessage("*covers 2015 to 2028*add the bank holidays for 2029 to the configuration*")
            .Which.Year.Should().Be(2029);
    }

    [Fact]
    public void OneOffHolidayCanBeAddedInsideTheCoveredYears()
    {
        var oneOff = new BankHoliday(new DateOnly(2026, 6, 1), "One-off bank holiday");

        var extended = England.WithBankHolidays([oneOff]);

        extended.LastYear.Should().Be(2027);
        extended.BankHolidayOn(new DateOnly(2026, 6, 1)).Should().Be(oneOff);
        England.CountWorkingDays(new DateOnly(2026, 5, 29), new DateOnly(2026, 6, 2)).Should().Be(2);
        extended.CountWorkingDays(new DateOnly(2026, 5, 29), new DateOnly(2026, 6, 2)).Should().Be(1);
    }

    [Fact]
    public void HolidaysAlreadyKnownAreAcceptedAgain()
    {
        var extended = England.WithBankHolidays(EnglandAndWalesBankHolidays.All.Concat(Holidays2028));

        extended.BankHolidays.Should().HaveCount(EnglandAndWalesBankHolidays.All.Count + 8);
        extended.LastYear.Should().Be(2028);
    }

    [Fact]
    public void SameDateWithADifferentTitleIsRejected()
    {
        var act = () => England.WithBankHolidays([new BankHoliday(new DateOnly(2025, 12, 25), "Winter holiday")]);

        act.Should().Throw<ArgumentException>().WithMessage("2025-12-25 is already the bank holiday \"Christmas Day\"*");
    }

    [Fact]
    public void NullIsRejected()
    {
        var act = () => England.WithBankHolidays(null!);

        act.Should().Throw<ArgumentNullException>();
    }
}
