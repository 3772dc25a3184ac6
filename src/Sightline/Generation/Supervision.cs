using Sightline.Model;

namespace Sightline.Cli.Generation;

/// <summary>Makes each case-holding worker's supervision history: sessions due at the frequency their
/// experience needs (weekly, then fortnightly, then monthly through the ASYE; monthly after), the clock
/// paused while they are away for a long spell, most held on time, some late, some missed with a reason and
/// some missed with none (the Walsall seed); the children discussed, the actions agreed, and informal case
/// discussions between sessions.</summary>
internal sealed class Supervision(Random random, Ids ids, Workforce workforce, DateOnly start, DateOnly end)
{
    private static readonly string[] ReasonsNotHeld =
    [
        "Supervisor on annual leave; rearranged for next week.",
        "Worker attending court all day.",
        "Supervisor off sick.",
        "Duty cover: the team was short-staffed.",
        "Worker on a training course.",
    ];

    private static readonly string[] Notes =
    [
        "Reflected on the family's engagement and what is getting in the way of change.",
        "Discussed caseload and wellbeing; agreed priorities for the month.",
        "Reviewed each child's plan against its timescales and agreed next steps.",
        "Talked through the analysis of risk in two assessments and the child's lived experience.",
    ];

    private static readonly string[] ActionTexts =
    [
        "Update the child's plan with timescales for each action",
        "Book a joint visit with the team manager",
        "Complete the chronology before the next core group",
        "Seek legal advice on the threshold for pre-proceedings",
        "Record the child's wishes and feelings from the last visit",
    ];

    public IEnumerable<SupervisionSession> Sessions(IReadOnlyList<Allocation> allocations)
    {
        var byWorker = allocations.Where(a => a.WorkerId is not null).GroupBy(a => a.WorkerId!.Value).ToDictionary(g => g.Key, g => g.ToList());
        foreach (var roster in workforce.Rosters)
        {
            foreach (var worker in roster.CaseHolders.SelectMany(slot => slot))
            {
                var cases = byWorker.GetValueOrDefault(worker.Id) ?? [];
                foreach (var session in ForWorker(worker, roster, cases))
                {
                    yield return session;
                }
            }
        }
    }

    private IEnumerable<SupervisionSession> ForWorker(Worker worker, TeamRoster roster, List<Allocation> cases)
    {
        var last = worker.StartDate > start ? worker.StartDate : start;
        var finish = worker.LeavingDate is { } left && left < end ? left : end;
        DateOnly? lastInformal = null;
        while (true)
        {
            var due = last.AddDays(IntervalDays(worker, last));
            due = due.AddDays(DaysAwayLong(worker, last, due));
            if (due > finish)
            {
                yield break;
            }

            // Informal case discussions between sessions: recorded, but not supervision.
            // A worker has at most one of each kind of session a day (the supervision extract's key).
            if (random.NextDouble() < 0.5 && OpenCases(cases, last.AddDays(3)).FirstOrDefault() is { } discussed
                && last.AddDays(random.Next(1, Math.Max(2, (due.DayNumber - last.DayNumber) - 1))) is var day && day != lastInformal)
            {
                var informal = NewSession(worker, roster, day, SupervisionKind.InformalCaseDiscussion);
                informal.Notes = "Informal discussion of a new concern raised by the school.";
                informal.ChildrenDiscussed.Add(new SupervisionChildDiscussed { Id = ids.Next<SupervisionChildDiscussed>(), SupervisionSessionId = informal.Id, ChildId = discussed.ChildId });
                lastInformal = day;
                yield return informal;
            }

            var roll = random.NextDouble();
            SupervisionSession session;
            if (roll < Rates.SupervisionOnTime + Rates.SupervisionLate)
            {
                var date = roll < Rates.SupervisionOnTime ? due.AddDays(-random.Next(0, 6)) : due.AddDays(random.Next(1, 16));
                if (date <= last)
                {
                    date = last.AddDays(1);
                }

                if (date > end)
                {
                    yield break;
                }

                session = NewSession(worker, roster, date, SupervisionKind.Formal);
                session.Notes = Notes[random.Next(Notes.Length)];
                foreach (var allocation in OpenCases(cases, date))
                {
                    if (random.NextDouble() < 0.85)
                    {
                        session.ChildrenDiscussed.Add(new SupervisionChildDiscussed { Id = ids.Next<SupervisionChildDiscussed>(), SupervisionSessionId = session.Id, ChildId = allocation.ChildId });
                    }
                }

                var actions = random.Next(0, 4);
                for (var i = 0; i < actions && i < session.ChildrenDiscussed.Count; i++)
                {
                    var actionDue = date.AddDays(random.Next(7, 29));
                    var doneRoll = random.NextDouble();
                    var completed = doneRoll < 0.75 ? actionDue.AddDays(-random.Next(0, 7)) : doneRoll < 0.9 ? actionDue.AddDays(random.Next(1, 30)) : (DateOnly?)null;
                    session.Actions.Add(new SupervisionAction
                    {
                        Id = ids.Next<SupervisionAction>(),
                        SupervisionSessionId = session.Id,
                        ChildId = session.ChildrenDiscussed[i].ChildId,
                        Description = ActionTexts[random.Next(ActionTexts.Length)],
                        DueDate = random.NextDouble() < 0.1 ? null : actionDue,
                        CompletedDate = completed is { } c && c <= end && c > date ? c : null,
                    });
                }

                last = date;
            }
            else
            {
                session = NewSession(worker, roster, due, SupervisionKind.Formal);
                session.Held = false;
                session.ReasonNotHeld = roll < Rates.SupervisionOnTime + Rates.SupervisionLate + Rates.SupervisionMissedWithReason
                    ? ReasonsNotHeld[random.Next(ReasonsNotHeld.Length)]
                    : null;
                last = due;
            }

            yield return session;
        }
    }

    private SupervisionSession NewSession(Worker worker, TeamRoster roster, DateOnly date, SupervisionKind kind) => new()
    {
        Id = ids.Next<SupervisionSession>(),
        WorkerId = worker.Id,
        SupervisorId = workforce.ManagerOn(roster, date).Id,
        Date = date,
        Kind = kind,
    };

    /// <summary>Weekly for the first six weeks of the ASYE, fortnightly to six months, then every four weeks.</summary>
    private static int IntervalDays(Worker worker, DateOnly from)
    {
        if (worker.AsyeStartDate is { } asye)
        {
            var days = from.DayNumber - asye.DayNumber;
            if (days < 42)
            {
                return 7;
            }

            if (from < asye.AddMonths(6))
            {
                return 14;
            }
        }

        return 28;
    }

    private int DaysAwayLong(Worker worker, DateOnly from, DateOnly to)
    {
        if (!workforce.LongAbsences.TryGetValue(worker.Id, out var absences))
        {
            return 0;
        }

        var days = 0;
        foreach (var absence in absences)
        {
            var a = absence.From > from ? absence.From : from;
            var b = absence.To is { } t && t < to ? t : to;
            if (b >= a)
            {
                days += b.DayNumber - a.DayNumber + 1;
            }
        }

        return days;
    }

    private static IEnumerable<Allocation> OpenCases(List<Allocation> cases, DateOnly date)
    {
        foreach (var allocation in cases)
        {
            if (allocation.IsOpenOn(date))
            {
                yield return allocation;
            }
        }
    }
}
