using System.Runtime.InteropServices;
using Sightline.Calendar;

namespace Sightline.Oversight;

/// <summary>The occasions due on a recurring clock (<see cref="OnTime"/>) for every plan of a kind, worked out once for
/// each plan's whole life and counted for any period by binary search. Which occasions fall due, and whether each
/// was met, does not depend on the period asked about; only which of them are counted does. Build one once per
/// snapshot and per set of local standards (<see cref="CouncilSnapshot.Derived{T}"/>) and read it for every period.</summary>
/// <remarks>A period counts the occasions due within it, both ends inclusive, of every plan open on at least one of its
/// days (a plan is open on its last day), exactly as <see cref="OnTime.Count"/> counts them plan by plan. For a plan
/// whose occasions come in strictly increasing order, none before its start (as every clock in the catalogue runs:
/// each due date is later than the event it runs from), that is the occasions due in the period, found among all
/// plans' at once. A plan whose occasions do not (or whose clock cannot be run to the plan's end, past the years
/// the calendar covers, say) is kept aside and walked for each period as before.</remarks>
/// <typeparam name="TPlan">The plan, or the plan with what its clock needs beside it (its child, say).</typeparam>
internal sealed class DueOccasions<TPlan>
{
    // Each day on which at least one occasion is due, in order; _dueBefore[i] and _metBefore[i] count the occasions due,
    // and those met, on the days before _days[i], with one element more at the end for all of them.
    private readonly int[] _days;
    private readonly int[] _dueBefore;
    private readonly int[] _metBefore;
    private readonly TPlan[] _walked;
    private readonly Func<TPlan, DateOnly> _start;
    private readonly Func<TPlan, DateOnly?> _end;
    private readonly Func<TPlan, IEnumerable<DateOnly>> _events;
    private readonly Func<TPlan, Func<DateOnly?, DateOnly>> _dueAfter;

    /// <param name="plans">Every plan that can have an occasion due.</param>
    /// <param name="start">The plan's first day.</param>
    /// <param name="end">The plan's last day; null while it is open.</param>
    /// <param name="events">The dates of the events that meet an occasion, in any order.</param>
    /// <param name="dueAfter">The plan's clock: the next due date, given the latest event so far.</param>
    public DueOccasions(IEnumerable<TPlan> plans, Func<TPlan, DateOnly> start, Func<TPlan, DateOnly?> end,
        Func<TPlan, IEnumerable<DateOnly>> events, Func<TPlan, Func<DateOnly?, DateOnly>> dueAfter)
    {
        (_start, _end, _events, _dueAfter) = (start, end, events, dueAfter);
        var byDay = new Dictionary<int, (int Due, int Met)>();
        var walked = new List<TPlan>();
        var occasions = new List<(DateOnly Due, bool Met)>();
        foreach (var plan in plans)
        {
            occasions.Clear();
            if (!InOrder(plan, occasions))
            {
                walked.Add(plan);
                continue;
            }

            foreach (var (due, met) in occasions)
            {
                ref var day = ref CollectionsMarshal.GetValueRefOrAddDefault(byDay, due.DayNumber, out _);
                day.Due++;
                day.Met += met ? 1 : 0;
            }
        }

        _days = [.. byDay.Keys.Order()];
        _dueBefore = new int[_days.Length + 1];
        _metBefore = new int[_days.Length + 1];
        for (var i = 0; i < _days.Length; i++)
        {
            var (due, met) = byDay[_days[i]];
            _dueBefore[i + 1] = _dueBefore[i] + due;
            _metBefore[i + 1] = _metBefore[i] + met;
        }

        _walked = [.. walked];
    }

    /// <summary>The occasions due within <paramref name="period"/>, both ends inclusive, while their plans were open, and how many were met.</summary>
    public (int Due, int Met) In(Period period)
    {
        var from = FirstOnOrAfter(period.From.DayNumber);
        var to = FirstOnOrAfter(period.To.DayNumber + 1);
        int due = _dueBefore[to] - _dueBefore[from], met = _metBefore[to] - _metBefore[from];
        foreach (var plan in _walked)
        {
            if (_start(plan) <= period.To && (_end(plan) is not { } end || end >= period.From))
            {
                var (d, m) = OnTime.Count(_events(plan), _dueAfter(plan), period, _end(plan));
                due += d;
                met += m;
            }
        }

        return (due, met);
    }

    /// <summary>Runs the plan's clock to its end into <paramref name="occasions"/>: false when an occasion is due before
    /// the plan's start or on or before the one before it, or the clock cannot be run that far.</summary>
    private bool InOrder(TPlan plan, List<(DateOnly Due, bool Met)> occasions)
    {
        try
        {
            var events = _events(plan).ToArray();
            Array.Sort(events);
            var previous = _start(plan).DayNumber - 1;
            foreach (var occasion in OnTime.Occasions(events, _dueAfter(plan), _end(plan)))
            {
                if (occasion.Due.DayNumber <= previous)
                {
                    return false;
                }

                previous = occasion.Due.DayNumber;
                occasions.Add(occasion);
            }

            return true;
        }
        catch (Exception e) when (e is CalendarNotCoveredException or ArgumentOutOfRangeException)
        {
            // A clock run past the calendar's years or the last date there is: walked per period, as before, which
            // fails only where it did before.
            return false;
        }
    }

    /// <summary>The position of the first day on or after the day number (the count, when there is none).</summary>
    private int FirstOnOrAfter(int day) => Sorted.CountAtMost<int>(_days, day - 1);
}
