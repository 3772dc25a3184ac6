using Sightline.Model;
using Sightline.Oversight;
using Sightline.Web.Pages.Children;

namespace Sightline.Web.Pages.Supervision;

/// <summary>A child's case in supervision, for the child's journey: each formal session held in which the case was
/// discussed (without the worker's reflective notes, which belong to the worker's supervision record), and each
/// informal case discussion about the child with what was discussed, marked as informal: it is not supervision.</summary>
public static class SupervisionJourney
{
    public const string Stage = "Supervision";

    /// <param name="sessions">The sessions to look through: those in which the child was discussed
    /// (<see cref="CouncilData.SupervisionOf"/>), or every session.</param>
    /// <param name="childId">The child.</param>
    /// <param name="asAt">Sessions after this date are left out.</param>
    /// <param name="worker">Finds a worker by identifier.</param>
    public static IEnumerable<JourneyEvent> Of(IEnumerable<SupervisionSession> sessions, int childId, DateOnly asAt, Func<int, Worker?> worker)
    {
        foreach (var session in sessions)
        {
            if (session.Date > asAt || !session.ChildIdsDiscussed.Contains(childId))
            {
                continue;
            }

            var who = $"{worker(session.WorkerId)?.Name ?? "A worker"} with {worker(session.SupervisorId)?.Name ?? "their supervisor"}";
            if (session.Kind == SupervisionKind.InformalCaseDiscussion)
            {
                yield return new JourneyEvent(session.Date, Stage, "Informal case discussion (not formal supervision)",
                    session.Notes is { } notes ? $"{who}: {notes}" : who);
            }
            else if (session.Held)
            {
                yield return new JourneyEvent(session.Date, Stage, "Discussed in supervision", who);
            }
        }
    }
}
