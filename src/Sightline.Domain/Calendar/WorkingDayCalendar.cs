using System.Collections.Frozen;

namespace Sightline.Calendar;

/// <summary>
/// Counts working days: Monday to Friday, excluding bank holidays, over a fixed range of whole years.
/// </summary>
/// <remarks>
/// <para>
/// This is the convention the DfE and Ofsted use for every statutory timescale given in working
/// days (an assessment within 45 working days, an initial child protection conference within 15).
/// </para>
/// <para>
/// A calendar covers every day from 1 January of <see cref="FirstYear"/> to 31 December of
/// <see cref="LastYear"/>, both inclusive. Any member given, or needing, a date outside that range
/// throws <see cref="CalendarNotCoveredException"/> rather than assume the year has no bank holidays.
/// </para>
/// <para>
/// Instances are immutable and safe to share between threads. Counting and adding are O(1) and do
/// not allocate: the working days of the whole range are numbered once, when the calendar is built.
/// </para>
/// </remarks>
public sealed class WorkingDayCalendar
{
    private readonly FrozenDictionary<DateOnly, BankHoliday> _holidays;
    private readonly int _firstDayNumber;
    private readonly int _dayCount;

    // _workingDaysBefore[i] is the number of working days strictly before the covered day at offset i
    // (offset 0 is 1 January of FirstYear). It has one extra element at the end, so the number of
    // working days on or before offset i is always _workingDaysBefore[i + 1].
    private readonly int[] _workingDaysBefore;

    // _workingDays[k] is the working day that has exactly k working days before it in the range.
    private readonly DateOnly[] _workingDays;

    private WorkingDayCalendar(int firstYear, int lastYear, IEnumerable<BankHoliday> holidays)
    {
        FirstYear = firstYear;
        LastYear = lastYear;
        _holidays = holidays.ToFrozenDictionary(holiday => holiday.Date);
        BankHolidays = Array.AsReadOnly(_holidays.Values.OrderBy(holiday => holiday.Date).ToArray());

        var firstDay = new DateOnly(firstYear, 1, 1);
        _firstDayNumber = firstDay.DayNumber;
        _dayCount = new DateOnly(lastYear, 12, 31).DayNumber - _firstDayNumber + 1;
        _workingDaysBefore = new int[_dayCount + 1];
        var workingDays = new List<DateOnly>(_dayCount);
        for (var offset = 0; offset < _dayCount; offset++)
        {
            var day = firstDay.AddDays(offset);
            var isWorkingDay = day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)
                && !_holidays.ContainsKey(day);
            if (isWorkingDay)
                workingDays.Add(day);
            _workingDaysBefore[offset + 1] = workingDays.Count;
        }

        _workingDays = workingDays.ToArray();
    }

    /// <summary>
    /// Working days in England and Wales from 2015 to 2027, from <see cref="EnglandAndWalesBankHolidays"/>.
    /// Use <see cref="WithBankHolidays"/> to cover later years.
    /// </summary>
    public static WorkingDayCalendar England { get; } = new(
        EnglandAndWalesBankHolidays.FirstYear,
        EnglandAndWalesBankHolidays.LastYear,
        EnglandAndWalesBankHolidays.All);

    /// <summary>The first year covered, from 1 January (inclusive).</summary>
    public int FirstYear { get; }

    /// <summary>The last year covered, to 31 December (inclusive).</summary>
    public int LastYear { get; }

    /// <summary>The bank holidays this calendar knows, in date order.</summary>
    public IReadOnlyList<BankHoliday> BankHolidays { get; }

    /// <summary>
    /// Returns a new calendar with the given bank holidays added; this calendar is unchanged.
    /// </summary>
    /// <remarks>
    /// <para>
    /// This is how a council extends the calendar by configuration once the holidays for a new year
    /// are announced. A year counts as covered as soon as any holiday for it is supplied, so supply
    /// all of a year's holidays together.
    /// </para>
    /// <para>
    /// The covered range grows to include every year of the holidays supplied. Those years must
    /// continue the existing range with no gap (for a calendar covering 2015 to 2027, 2028 and 2029
    /// may be added together, but 2029 alone may not). Holidays may also be added inside the range,
    /// for a one-off holiday announced later. Supplying a holiday the calendar already has, with the
    /// same title, has no effect.
    /// </para>
    /// </remarks>
    /// <exception cref="ArgumentException">
    /// The years supplied would leave a gap in the covered range, or a date is supplied with a
    /// different title from the holiday already on that date.
    /// </exception>
    public WorkingDayCalendar WithBankHolidays(IEnumerable<BankHoliday> extra)
    {
        ArgumentNullException.ThrowIfNull(extra);

        var holidays = _holidays.ToDictionary();
        var newYears = new HashSet<int>();
        foreach (var holiday in extra)
        {
            if (holiday is null)
                throw new ArgumentException("The bank holidays supplied include a null entry.", nameof(extra));
            if (holidays.TryGetValue(holiday.Date, out var existing))
            {
                if (existing.Title != holiday.Title)
                {
                    throw new ArgumentException(
                        $"{holiday.Date:yyyy-MM-dd} is already the bank holiday \"{existing.Title}\"; " +
                        $"it cannot also be \"{holiday.Title}\".",
                        nameof(extra));
                }

                continue;
            }

            holidays.Add(holiday.Date, holiday);
            if (holiday.Date.Year < FirstYear || holiday.Date.Year > LastYear)
                newYears.Add(holiday.Date.Year);
        }

        var firstYear = FirstYear;
        while (newYears.Contains(firstYear - 1))
            firstYear--;
        var lastYear = LastYear;
        while (newYears.Contains(lastYear + 1))
            lastYear++;

        foreach (var year in newYears.Order())
        {
            if (year >= firstYear && year <= lastYear)
                continue;
            var missingYear = year > lastYear ? lastYear + 1 : firstYear - 1;
            throw new ArgumentException(
                $"Bank holidays were supplied for {year} but not for {missingYear}: the calendar covers " +
                $"{FirstYear} to {LastYear} and its years must be contiguous, so add the bank holidays " +
                $"for {missingYear} as well.",
                nameof(extra));
        }

        return new WorkingDayCalendar(firstYear, lastYear, holidays.Values);
    }

    /// <summary>Whether <paramref name="date"/> is a bank holiday.</summary>
    /// <exception cref="CalendarNotCoveredException">The date is outside the covered years.</exception>
    public bool IsBankHoliday(DateOnly date)
    {
        OffsetOf(date);
        return _holidays.ContainsKey(date);
    }

    /// <summary>The bank holiday on <paramref name="date"/>, or null if it is not a bank holiday.</summary>
    /// <exception cref="CalendarNotCoveredException">The date is outside the covered years.</exception>
    public BankHoliday? BankHolidayOn(DateOnly date)
    {
        OffsetOf(date);
        return _holidays.GetValueOrDefault(date);
    }

    /// <summary>Whether <paramref name="date"/> is a Monday to Friday that is not a bank holiday.</summary>
    /// <exception cref="CalendarNotCoveredException">The date is outside the covered years.</exception>
    public bool IsWorkingDay(DateOnly date)
    {
        var offset = OffsetOf(date);
        return _workingDaysBefore[offset + 1] != _workingDaysBefore[offset];
    }

    /// <summary>
    /// The date that is <paramref name="workingDays"/> working days after <paramref name="start"/>.
    /// </summary>
    /// <remarks>
    /// <para>
    /// <paramref name="start"/> is day 0 and need not be a working day. Day 1 is the first working
    /// day strictly after <paramref name="start"/>, day 2 the next, and so on: a start on Saturday
    /// gives day 1 on the Monday, if that Monday is not a bank holiday.
    /// </para>
    /// <para>
    /// A count of 0 returns <paramref name="start"/> unchanged, even if it is not a working day.
    /// Negative counts go backwards symmetrically: day -1 is the last working day strictly before
    /// <paramref name="start"/>. For any count other than 0 the result is a working day.
    /// </para>
    /// </remarks>
    /// <exception cref="CalendarNotCoveredException">
    /// <paramref name="start"/>, or the result, is outside the covered years.
    /// </exception>
    public DateOnly AddWorkingDays(DateOnly start, int workingDays)
    {
        var offset = OffsetOf(start);
        if (workingDays == 0)
            return start;

        // Index into _workingDays: working days on or before start, plus n, less one for day 1
        // going forwards; working days strictly before start, less n, going backwards.
        var index = workingDays > 0
            ? (long)_workingDaysBefore[offset + 1] + workingDays - 1
            : (long)_workingDaysBefore[offset] + workingDays;
        if (index >= _workingDays.Length)
            throw NotCovered(LastYear + 1);
        if (index < 0)
            throw NotCovered(FirstYear - 1);
        return _workingDays[index];
    }

    /// <summary>
    /// The deadline <paramref name="workingDays"/> working days after <paramref name="start"/>, as in
    /// "within 15 working days of the strategy discussion".
    /// </summary>
    /// <remarks>
    /// The same as <see cref="AddWorkingDays"/>: <paramref name="start"/> is day 0 and the deadline is
    /// day <paramref name="workingDays"/>, the last day (inclusive) on which the event is in time.
    /// A deadline is always a working day: one that would fall on a weekend or bank holiday falls on
    /// the next working day instead, because those days are not counted.
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="workingDays"/> is less than 1.</exception>
    /// <exception cref="CalendarNotCoveredException">
    /// <paramref name="start"/>, or the deadline, is outside the covered years.
    /// </exception>
    public DateOnly Deadline(DateOnly start, int workingDays)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(workingDays, 1);
        return AddWorkingDays(start, workingDays);
    }

    /// <summary>
    /// The number of working days after <paramref name="from"/> (exclusive) up to and including
    /// <paramref name="to"/> (inclusive).
    /// </summary>
    /// <remarks>
    /// The same day gives 0: an assessment authorised on the referral date took 0 working days.
    /// When <paramref name="to"/> is before <paramref name="from"/> the result is the negated count
    /// from <paramref name="to"/> to <paramref name="from"/>, so counts are antisymmetric and add up:
    /// count(a, b) + count(b, c) = count(a, c). For any start d and n ≥ 1,
    /// count(d, AddWorkingDays(d, n)) = n.
    /// </remarks>
    /// <exception cref="CalendarNotCoveredException">Either date is outside the covered years.</exception>
    public int CountWorkingDays(DateOnly from, DateOnly to)
    {
        var fromOffset = OffsetOf(from);
        var toOffset = OffsetOf(to);
        return _workingDaysBefore[toOffset + 1] - _workingDaysBefore[fromOffset + 1];
    }

    private int OffsetOf(DateOnly date)
    {
        var offset = date.DayNumber - _firstDayNumber;
        if ((uint)offset >= (uint)_dayCount)
            throw NotCovered(date.Year);
        return offset;
    }

    private CalendarNotCoveredException NotCovered(int year) => new(year, FirstYear, LastYear);
}
