using System.Security.Claims;
using Sightline.Storage;

namespace Sightline.Web.Access;

/// <summary>Writes the access log: every view of a child's record, every export, and every refused attempt, as
/// one new row each. It has no way to change or remove a row (and the database refuses to). The server's own log
/// gets the same event with identifiers only: no names, no dates of birth.</summary>
public sealed partial class AccessLog(SightlineDbContext db, TimeProvider time, ILogger<AccessLog> logger)
{
    public void ViewedChild(ClaimsPrincipal user, int childId, bool allowed, string? detail = null) =>
        Write(user, AccessAction.ViewChild, $"Child {childId}", childId, allowed, detail);

    public void Exported(ClaimsPrincipal user, string record, bool allowed, string? detail) =>
        Write(user, AccessAction.Export, record, null, allowed, detail);

    public void RefusedPage(ClaimsPrincipal user, string record, string? detail) =>
        Write(user, AccessAction.ViewPage, record, null, false, detail);

    /// <summary>A recording in the application (supervision, an informal case discussion, an absence) or an
    /// amendment, with what changed; never the text of reflective notes.</summary>
    public void Recorded(ClaimsPrincipal user, AccessAction action, string record, bool allowed, string? detail) =>
        Write(user, action, record, null, allowed, detail);

    private void Write(ClaimsPrincipal user, AccessAction action, string record, int? childId, bool allowed, string? detail)
    {
        var entry = new AccessLogEntry
        {
            At = time.GetUtcNow().UtcDateTime,
            UserId = user.FindFirstValue(ClaimTypes.NameIdentifier),
            UserName = user.Identity?.Name ?? "(not signed in)",
            Action = action,
            ChildId = childId,
            Record = Truncate(record, 200)!,
            Detail = Truncate(detail, 1000),
            Allowed = allowed,
        };
        db.AccessLog.Add(entry);
        db.SaveChanges();
        db.Entry(entry).State = Microsoft.EntityFrameworkCore.EntityState.Detached;
        Logged(logger, action, childId, entry.UserId, allowed ? "allowed" : "refused", entry.Id);
    }

    private static string? Truncate(string? text, int length) => text is { } t && t.Length > length ? t[..length] : text;

    [LoggerMessage(Level = LogLevel.Information, Message = "Access {Action} child {ChildId} by user {UserId}: {Outcome} (access log entry {EntryId})")]
    private static partial void Logged(ILogger logger, AccessAction action, int? childId, string? userId, string outcome, long entryId);
}
