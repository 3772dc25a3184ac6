using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Sightline.Calendar;

namespace Sightline.Domain.Tests.Calendar;

/// <summary>Any day of the years the England calendar covers, 2015 to 2027.</summary>
public readonly record struct CoveredDate(DateOnly Value);

/// <summary>
/// A day from which 400 working days either way stay inside the covered years
/// (1 September 2016 to 31 May 2026).
/// </summary>
public readonly record struct StartDate(DateOnly Value);

/// <summary>A number of working days from 1 to 400, longer than any statutory timescale.</summary>
public readonly record struct WorkingDayCount(int Value);

/// <summary>Generators for the calendar properties.</summary>
public static class CalendarArbitraries
{
    public static Arbitrary<CoveredDate> CoveredDates() =>
        DatesBetween(new DateOnly(2015, 1, 1), new DateOnly(2027, 12, 31)).Select(date => new CoveredDate(date)).ToArbitrary();

    public static Arbitrary<StartDate> StartDates() =>
        DatesBetween(new DateOnly(2016, 9, 1), new DateOnly(2026, 5, 31)).Select(date => new StartDate(date)).ToArbitrary();

    public static Arbitrary<WorkingDayCount> WorkingDayCounts() =>
        Gen.Choose(1, 400).Select(count => new WorkingDayCount(count)).ToArbitrary();

    private static Gen<DateOnly> DatesBetween(DateOnly first, DateOnly last) =>
        Gen.Choose(first.DayNumber, last.DayNumber).Select(DateOnly.FromDayNumber);
}

[Properties(Arbitrary = [typeof(CalendarArbitraries)], MaxTest = 10_000)]
public class WorkingDayCalendarProperties
{
    private static readonly WorkingDayCalendar England = WorkingDayCalendar.England;

    private static readonly HashSet<DateOnly> BankHolidayDates =
        EnglandAndWalesBankHolidays.All.Select(holiday => holiday.Date).ToHashSet();

    // Deliberately slow and obvious, so the fast calendar is checked against something independent.
    private static bool IsWorkingDayByHand(DateOnly date) =>
        date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !BankHolidayDates.Contains(date);

    private static DateOnly WorkingDayOnOrBefore(DateOnly date)
    {
        while (!IsWorkingDayByHand(date))
            date = date.AddDays(-1);
        return date;
    }

    private static DateOnly WorkingDayOnOrAfter(DateOnly date)
    {
        while (!IsWorkingDayByHand(date))
            date = date.AddDays(1);
        return date;
    }

    [Property]
    public bool CountingFromTheStartToDayNGivesN(StartDate start, WorkingDayCount n) =>
        England.CountWorkingDays(start.Value, England.AddWorkingDays(start.Value, n.Value)) == n.Value;

    [Property]
    public bool DeadlineIsNeverAWeekendOrBankHoliday(StartDate start, WorkingDayCount n)
    {
        var deadline = England.Deadline(start.Value, n.Value);
        return deadline.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)
            && !BankHolidayDates.Contains(deadline)
            && !England.IsBankHoliday(deadline)
            && England.IsWorkingDay(deadline);
    }

    [Property]
    public bool DeadlineIsTheFirstDayByWhichNWorkingDaysHaveElapsed(StartDate start, WorkingDayCount n)
    {
        var deadline = England.Deadline(start.Value, n.Value);
        return deadline > start.Value
            && England.CountWorkingDays(start.Value, deadline.AddDays(-1)) == n.Value - 1;
    }

    // Going forward n then back n lands on the start if it is a working day; otherwise on the last
    // working day before it, because both directions count only working days and day 0 need not be one.
    [Property]
    public bool ForwardThenBackReturnsTheWorkingDayOnOrBeforeTheStart(StartDate start, WorkingDayCount n) =>
        England.AddWorkingDays(England.AddWorkingDays(start.Value, n.Value), -n.Value) == WorkingDayOnOrBefore(start.Value);

    [Property]
    public bool BackThenForwardReturnsTheWorkingDayOnOrAfterTheStart(StartDate start, WorkingDayCount n) =>
        England.AddWorkingDays(England.AddWorkingDays(start.Value, -n.Value), n.Value) == WorkingDayOnOrAfter(start.Value);

    [Property]
    public bool AddingWorkingDaysMatchesSteppingOneDayAtATime(StartDate start, WorkingDayCount n, bool backwards)
    {
        var step = backwards ? -1 : 1;
        var date = start.Value;
        for (var remaining = n.Value; remaining > 0;)
        {
            date = date.AddDays(step);
            if (IsWorkingDayByHand(date))
                remaining--;
        }

        return England.AddWorkingDays(start.Value, step * n.Value) == date;
    }

    [Property]
    public bool CountingMatchesCheckingEveryDayInBetween(CoveredDate from, CoveredDate to)
    {
        var (low, high) = from.Value <= to.Value ? (from.Value, to.Value) : (to.Value, from.Value);
        var count = 0;
        for (var date = low.AddDays(1); date <= high; date = date.AddDays(1))
        {
            if (IsWorkingDayByHand(date))
                count++;
        }

        var expected = from.Value <= to.Value ? count : -count;
        return England.CountWorkingDays(from.Value, to.Value) == expected;
    }

    [Property]
    public bool CountIsAntisymmetric(CoveredDate a, CoveredDate b) =>
        England.CountWorkingDays(a.Value, b.Value) == -England.CountWorkingDays(b.Value, a.Value);

    [Property]
    public bool CountIsAdditive(CoveredDate a, CoveredDate b, CoveredDate c) =>
        England.CountWorkingDays(a.Value, b.Value) + England.CountWorkingDays(b.Value, c.Value)
            == England.CountWorkingDays(a.Value, c.Value);

    [Property]
    public bool IsWorkingDayMatchesWeekdaysLessBankHolidays(CoveredDate date) =>
        England.IsWorkingDay(date.Value) == IsWorkingDayByHand(date.Value)
            && England.IsBankHoliday(date.Value) == BankHolidayDates.Contains(date.Value);
}
