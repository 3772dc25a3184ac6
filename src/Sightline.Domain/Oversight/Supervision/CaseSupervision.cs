using Sightline.Model;
using Sightline.Oversight.Workforce;

namespace Sightline.Oversight.Supervision;

/// <summary>Whether one allocated child's case has been discussed in supervision within its local standard.</summary>
/// <param name="Child">The child.</param>
/// <param name="Worker">The worker the case is allocated to on the date.</param>
/// <param name="Protection">Whether the child is on a child protection plan or in pre-proceedings on the date.</param>
/// <param name="Weeks">The standard that applies: <see cref="LocalStandards.CaseSupervisionCpWeeks"/> for a child on
/// a child protection plan or in pre-proceedings on the date, <see cref="LocalStandards.CaseSupervisionCinWeeks"/> for
/// every other open case.</param>
/// <param name="LastDiscussed">The last formal supervision session held, on or before the date, in which the case was
/// discussed (in any worker's supervision); null if none since the records began.</param>
/// <param name="ClockStart">The later of <paramref name="LastDiscussed"/> and the referral that opened the case.</param>
/// <param name="Due">The day by which the case was next to be discussed: <paramref name="ClockStart"/> plus the
/// standard's weeks.</param>
public sealed record CaseSupervisionStatus(Child Child, Worker Worker, bool Protection, int Weeks, DateOnly? LastDiscussed, DateOnly ClockStart, DateOnly Due)
{
    /// <summary>Whether the case is within its standard on <paramref name="date"/>: the due date has not passed.</summary>
    public bool IsWithinStandardOn(DateOnly date) => date <= Due;
}

/// <summary>Case supervision: each allocated child's case discussed in formal supervision at least every 4 weeks for a
/// child on a child protection plan or in PLO pre-proceedings, and every 6 weeks for other open cases (local
/// standards; timescales notes: "what management oversight is tested on"). Informal case discussions are recorded
/// and show on the child's record, but do not count: the Walsall scrutiny group asked that they be brought into
/// supervision, not stand in for it. Absence does not pause a case's clock: the child still needs the oversight.</summary>
public static class CaseSupervision
{
    /// <summary>The children allocated to <paramref name="worker"/> on the as-at date, each once, whose case is
    /// open (an open child in need episode that is not a referral with no further action), with the state of their
    /// case supervision.</summary>
    public static IEnumerable<CaseSupervisionStatus> Of(Worker worker, WorkforceRecords records, AsAt asAt)
    {
        foreach (var child in records.AllocatedOn(worker.Id, asAt.Date))
        {
            if (Judge(child, records, asAt) is { } judged)
            {
                yield return new CaseSupervisionStatus(child, worker, judged.Protection, judged.Weeks, judged.LastDiscussed, judged.ClockStart, judged.Due);
            }
        }
    }

    /// <summary>How many of the cases <see cref="Of"/> gives are allocated to the worker, and how many are within their
    /// standard on the as-at date: the same judgement, without a record for each case.</summary>
    public static CaseSupervisionFigures Figures(Worker worker, WorkforceRecords records, AsAt asAt)
    {
        var (children, within) = (0, 0);
        foreach (var child in records.AllocatedOn(worker.Id, asAt.Date))
        {
            if (Judge(child, records, asAt) is { } judged)
            {
                children++;
                within += asAt.Date <= judged.Due ? 1 : 0;
            }
        }

        return new CaseSupervisionFigures(children, within);
    }

    /// <summary>The state of an allocated child's case supervision on the as-at date, or null if the child has no open
    /// case.</summary>
    private static (bool Protection, int Weeks, DateOnly? LastDiscussed, DateOnly ClockStart, DateOnly Due)? Judge(Child child, WorkforceRecords records, AsAt asAt)
    {
        // Plain loops: this runs for every allocated child at every month's end of a series.
        var date = asAt.Date;
        CinEpisode? episode = null;
        var protection = false;
        foreach (var e in child.CinEpisodes)
        {
            if (e.IsOpenOn(date) && !e.ReferralNfa && (episode is null || e.ReferralDate < episode.ReferralDate))
            {
                episode = e;
            }

            if (!protection)
            {
                foreach (var plan in e.ChildProtectionPlans)
                {
                    if (plan.IsOpenOn(date))
                    {
                        protection = true;
                        break;
                    }
                }
            }
        }

        if (episode is null)
        {
            return null;
        }

        if (!protection)
        {
            foreach (var pre in child.PreProceedings)
            {
                if (pre.AwaitsDecisionOn(date))
                {
                    protection = true;
                    break;
                }
            }
        }

        var weeks = protection ? asAt.Standards.CaseSupervisionCpWeeks : asAt.Standards.CaseSupervisionCinWeeks;
        var last = records.LastDiscussedOnOrBefore(child.Id, date);
        var start = last is { } discussed && discussed > episode.ReferralDate ? discussed : episode.ReferralDate;
        return (protection, weeks, last, start, start.AddDays(weeks * 7));
    }
}
