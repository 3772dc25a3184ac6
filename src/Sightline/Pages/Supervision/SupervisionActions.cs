using Sightline.Model;
using Sightline.Oversight;
using Sightline.Oversight.Alerts;
using Sightline.Web.Access;

namespace Sightline.Web.Pages.Supervision;

/// <summary>An action agreed in supervision, as the pages list it.</summary>
/// <param name="Worker">The worker whose supervision agreed it.</param>
/// <param name="Session">The session (or informal case discussion) that agreed it.</param>
/// <param name="Action">The action.</param>
/// <param name="DaysOverdue">How late it is today, as <see cref="SupervisionActionOverdue.DaysOverdue"/> counts it (0
/// when done, not yet due or with no due date).</param>
/// <param name="Child">The child it is about, only when the user may see that child.</param>
/// <param name="MayComplete">Whether the user may mark it done.</param>
public sealed record ListedAction(Worker Worker, SupervisionSession Session, SupervisionAction Action, int DaysOverdue, Child? Child, bool MayComplete)
{
    /// <summary>The action is about a child the user may not see: the pages say so without naming or linking them.</summary>
    public bool ChildHidden => Action.ChildId is not null && Child is null;

    /// <summary>Open, due and every one agreed in the sessions given, for the user: the child only where
    /// <paramref name="children"/> allows, and whether they may mark each done.</summary>
    public static List<ListedAction> Of(Worker worker, IEnumerable<(SupervisionSession Session, SupervisionAction Action)> actions, AsAt asAt,
        CouncilData council, SupervisionScope scope, AccessScope children) =>
        actions.Select(a => new ListedAction(worker, a.Session, a.Action, SupervisionActionOverdue.DaysOverdue(a.Session, a.Action, asAt),
                a.Action.ChildId is { } id && children.MaySee(id) ? council.Child(id) : null,
                a.Action.CompletedDate is null && scope.MayCompleteActionsOf(a.Session)))
            .ToList();

    /// <summary>"3 days overdue", "Due today", "Not yet due", "No timescale".</summary>
    public string Lateness(DateOnly today) => DaysOverdue > 0 ? $"{DaysOverdue} {(DaysOverdue == 1 ? "day" : "days")} overdue"
        : Action.DueDate is not { } due ? "No timescale"
        : due == today ? "Due today"
        : "Not yet due";
}
