using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Sightline.Model;
using Sightline.Storage;
using Sightline.Web.Access;

namespace Sightline.Web;

/// <summary>An action agreed in supervision, as entered: what is to be done and by when (no due date is allowed, and
/// counted as "no timescale").</summary>
public sealed record ActionEntry(string Description, DateOnly? Due);

/// <summary>A supervision session, a session not held or an informal case discussion, as entered and checked.</summary>
/// <param name="WorkerId">The worker supervised (for an informal discussion, the worker whose case it is).</param>
/// <param name="SupervisorId">Their supervisor.</param>
/// <param name="Date">The day it took place, or was due and did not.</param>
/// <param name="Kind">Formal supervision or an informal case discussion.</param>
/// <param name="Held">False for a session that did not take place.</param>
/// <param name="Reason">Why it did not take place.</param>
/// <param name="Attendees">Who else was there.</param>
/// <param name="Notes">Reflective notes (personal data: never logged).</param>
/// <param name="Children">The children whose cases were discussed.</param>
/// <param name="Actions">The actions agreed.</param>
public sealed record SessionEntry(int WorkerId, int SupervisorId, DateOnly Date, SupervisionKind Kind, bool Held, string? Reason,
    string? Attendees, string? Notes, IReadOnlyList<int> Children, IReadOnlyList<ActionEntry> Actions);

/// <summary>How an amendment went.</summary>
public enum AmendOutcome
{
    Amended,
    Unchanged,
    NotFound,
    NotAuthor,
}

/// <summary>How marking an action done went.</summary>
public enum CompleteOutcome
{
    Completed,
    AlreadyDone,
    NotFound,
}

/// <summary>Writes supervision sessions, informal case discussions and absences recorded in the application,
/// amendments, and actions marked done, to the council's database; writes each to the access log (identifiers and what changed, never the
/// notes' text); then puts a snapshot with the workforce read again in place, so that every page shows it at once.
/// Whether the user may record for the worker is checked by the caller through <see cref="SupervisionAccess"/>; who may
/// amend a session is decided here: only the account that recorded it.</summary>
public sealed class SupervisionRecorder(SightlineDbContext db, SightlineDatabase database, CouncilData council, AccessLog log, TimeProvider time)
{
    public int Record(ClaimsPrincipal user, SessionEntry entry)
    {
        var session = new SupervisionSession
        {
            WorkerId = entry.WorkerId,
            SupervisorId = entry.SupervisorId,
            RecordedBy = user.FindFirstValue(ClaimTypes.NameIdentifier),
        };
        Apply(session, entry);
        db.SupervisionSessions.Add(session);
        db.SaveChanges();
        log.Recorded(user, AccessAction.RecordSupervision, $"Supervision session {session.Id}", true,
            $"{Describe(entry.Kind, entry.Held)} for worker {entry.WorkerId} on {Day(entry.Date)}; {entry.Children.Count} children discussed; {entry.Actions.Count} actions");
        Reload();
        return session.Id;
    }

    /// <summary>Amends a session recorded in the application, when <paramref name="user"/> recorded it; every
    /// amendment (and every refused attempt) is written to the access log with what changed.</summary>
    public AmendOutcome Amend(ClaimsPrincipal user, int sessionId, SessionEntry entry)
    {
        var session = db.SupervisionSessions.Include(s => s.ChildrenDiscussed).Include(s => s.Actions).FirstOrDefault(s => s.Id == sessionId);
        var record = $"Supervision session {sessionId}";
        if (session is null)
        {
            log.Recorded(user, AccessAction.AmendSupervision, record, false, "No such session.");
            return AmendOutcome.NotFound;
        }

        if (session.RecordedBy is null || session.RecordedBy != user.FindFirstValue(ClaimTypes.NameIdentifier))
        {
            log.Recorded(user, AccessAction.AmendSupervision, record, false, "Only the account that recorded a session may amend it.");
            return AmendOutcome.NotAuthor;
        }

        var changes = Changes(session, entry);
        if (changes.Count == 0)
        {
            return AmendOutcome.Unchanged;
        }

        db.SupervisionChildrenDiscussed.RemoveRange(session.ChildrenDiscussed.Where(c => !entry.Children.Contains(c.ChildId)));
        db.SupervisionActions.RemoveRange(session.Actions.Where(a => !entry.Actions.Contains(new ActionEntry(a.Description, a.DueDate))));
        Apply(session, entry);
        db.SaveChanges();
        log.Recorded(user, AccessAction.AmendSupervision, record, true, string.Join("; ", changes));
        Reload();
        return AmendOutcome.Amended;
    }

    /// <summary>Marks an action done on <paramref name="completed"/>, keeping the account and when, when it is not done
    /// already (checked in the same statement that writes it, so two people marking it at once cannot both succeed);
    /// writes the outcome to the access log. Whether the user may is checked by the caller through
    /// <see cref="SupervisionScope.MayCompleteActionsOf"/>; the date is checked by the form.</summary>
    public CompleteOutcome CompleteAction(ClaimsPrincipal user, SupervisionSession session, int actionId, DateOnly completed)
    {
        var record = ActionRecord(actionId);
        var written = db.SupervisionActions
            .Where(a => a.Id == actionId && a.SupervisionSessionId == session.Id && a.CompletedDate == null)
            .ExecuteUpdate(u => u
                .SetProperty(a => a.CompletedDate, completed)
                .SetProperty(a => a.CompletedBy, user.FindFirstValue(ClaimTypes.NameIdentifier))
                .SetProperty(a => a.CompletedRecordedAt, time.GetUtcNow().UtcDateTime));
        if (written == 0)
        {
            var done = db.SupervisionActions.AsNoTracking().Where(a => a.Id == actionId).Select(a => a.CompletedDate).FirstOrDefault();
            log.Recorded(user, AccessAction.CompleteSupervisionAction, record, false,
                done is { } day ? $"Already marked done on {Day(day)}: a completion is not changed or undone in the application." : "No such action.");
            return done is null ? CompleteOutcome.NotFound : CompleteOutcome.AlreadyDone;
        }

        var action = session.Actions.First(a => a.Id == actionId);
        var due = action.DueDate is { } d ? $"due {Day(d)}" : "no due date";
        var child = action.ChildId is { } c ? $", child {c}" : "";
        log.Recorded(user, AccessAction.CompleteSupervisionAction, record, true,
            $"Marked done on {Day(completed)} ({due}); session {session.Id} of worker {session.WorkerId}{child}");
        Reload();
        return CompleteOutcome.Completed;
    }

    /// <summary>How an action is named in the access log.</summary>
    public static string ActionRecord(int actionId) => $"Supervision action {actionId}";

    public int RecordAbsence(ClaimsPrincipal user, int workerId, AbsenceKind kind, DateOnly from, DateOnly? to)
    {
        var absence = new WorkerAbsence { WorkerId = workerId, Kind = kind, From = from, To = to };
        db.WorkerAbsences.Add(absence);
        db.SaveChanges();
        log.Recorded(user, AccessAction.RecordAbsence, $"Absence {absence.Id}", true,
            $"Worker {workerId}: {kind} from {Day(from)} to {(to is { } end ? Day(end) : "no end yet")}");
        Reload();
        return absence.Id;
    }

    /// <summary>"Session held", "Session not held", "Informal case discussion".</summary>
    public static string Describe(SupervisionKind kind, bool held) =>
        kind == SupervisionKind.InformalCaseDiscussion ? "Informal case discussion" : held ? "Session held" : "Session not held";

    private void Reload() => council.Reload(previous => SnapshotLoader.WithWorkforceReloaded(database, previous));

    private static void Apply(SupervisionSession session, SessionEntry entry)
    {
        session.Date = entry.Date;
        session.Kind = entry.Kind;
        session.Held = entry.Held;
        session.ReasonNotHeld = entry.Held ? null : entry.Reason;
        session.Attendees = entry.Attendees;
        session.Notes = entry.Notes;
        foreach (var child in entry.Children.Where(c => !session.ChildrenDiscussed.Exists(d => d.ChildId == c)))
        {
            session.ChildrenDiscussed.Add(new SupervisionChildDiscussed { ChildId = child });
        }

        session.ChildrenDiscussed.RemoveAll(d => !entry.Children.Contains(d.ChildId));
        var kept = session.Actions.Where(a => entry.Actions.Contains(new ActionEntry(a.Description, a.DueDate))).ToList();
        foreach (var action in entry.Actions.Where(a => !kept.Exists(k => k.Description == a.Description && k.DueDate == a.Due)))
        {
            kept.Add(new SupervisionAction { Description = action.Description, DueDate = action.Due });
        }

        session.Actions.Clear();
        session.Actions.AddRange(kept);
    }

    /// <summary>What an amendment changes, in words: values of dates and identifiers, and only the fact of a change
    /// for free text (the notes and reasons may hold personal data).</summary>
    private static List<string> Changes(SupervisionSession session, SessionEntry entry)
    {
        var changes = new List<string>();
        if (session.Date != entry.Date)
        {
            changes.Add($"date {Day(session.Date)} to {Day(entry.Date)}");
        }

        if (session.Held != entry.Held)
        {
            changes.Add($"{Describe(session.Kind, session.Held).ToLowerInvariant()} to {Describe(entry.Kind, entry.Held).ToLowerInvariant()}");
        }

        if ((session.ReasonNotHeld ?? "") != (entry.Held ? "" : entry.Reason ?? ""))
        {
            changes.Add("reason not held changed");
        }

        if ((session.Attendees ?? "") != (entry.Attendees ?? ""))
        {
            changes.Add("attendees changed");
        }

        if ((session.Notes ?? "") != (entry.Notes ?? ""))
        {
            changes.Add("reflective notes changed");
        }

        var before = session.ChildrenDiscussed.Select(c => c.ChildId).ToHashSet();
        var added = entry.Children.Where(c => !before.Contains(c)).ToList();
        var removed = before.Where(c => !entry.Children.Contains(c)).Order().ToList();
        if (added.Count > 0)
        {
            changes.Add($"children discussed added: {string.Join(", ", added.Select(c => $"child {c}"))}");
        }

        if (removed.Count > 0)
        {
            changes.Add($"children discussed removed: {string.Join(", ", removed.Select(c => $"child {c}"))}");
        }

        var oldActions = session.Actions.Select(a => new ActionEntry(a.Description, a.DueDate)).ToList();
        var newActions = entry.Actions.Where(a => !oldActions.Contains(a)).ToList();
        var dropped = oldActions.Where(a => !entry.Actions.Contains(a)).ToList();
        if (newActions.Count > 0 || dropped.Count > 0)
        {
            changes.Add($"actions: {newActions.Count} added or changed ({string.Join(", ", newActions.Select(a => a.Due is { } d ? $"due {Day(d)}" : "no due date"))}), {dropped.Count} removed or changed");
        }

        return changes;
    }

    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
