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

    public static IEnumerable<JourneyEvent> Of(CouncilSnapshot snapshot, int childId, DateOnly asAt, Func<int, Worker?> worker)
    {
        foreach (var session in snapshot.Supervision)
        {
            if (session.Date > asAt || !session.ChildrenDiscussed.Exists(c => c.ChildId == childId))
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
