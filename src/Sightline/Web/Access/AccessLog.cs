using System.Security.Claims;
using Sightline.Storage;

namespace Sightline.Web.Access;

/// <summary>Writes the access log: every view of a child's record, every export, and every refused attempt, as
/// one new row each. It has no way to change or remove a row (and the database refuses to). The server's own log
/// gets the same event with identifiers only: no names, no dates of birth.</summary>
public sealed partial class AccessLog(AccessLogWriter writer, TimeProvider time, ILogger<AccessLog> logger)
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
        writer.Write(entry);
        Logged(logger, action, childId, entry.UserId, allowed ? "allowed" : "refused", entry.Id);
    }

    private static string? Truncate(string? text, int length) => text is { } t && t.Length > length ? t[..length] : text;

    [LoggerMessage(Level = LogLevel.Information, Message = "Access {Action} child {ChildId} by user {UserId}: {Outcome} (access log entry {EntryId})")]
    private static partial void Logged(ILogger logger, AccessAction action, int? childId, string? userId, string outcome, long entryId);
}

/// <summary>Writes access log entries to the database for every request of the server, committing the entries that
/// arrive together in one transaction (a group commit). Each request still waits until its own entry is committed, so
/// a page is shown only once its opening is on record, and a failed write fails the request. One writer for the whole
/// process: SQLite allows one writer at a time, and requests writing each on their own connection would wait on the
/// database's lock in sleeps, far longer than the write itself.</summary>
public sealed class AccessLogWriter(SightlineDatabase database)
{
    private readonly Lock _queue = new();
    private readonly Lock _writing = new();
    private List<Pending> _pending = [];

    /// <summary>Adds the entry (its <see cref="AccessLogEntry.Id"/> set once written) and returns when it is committed.</summary>
    /// <exception cref="InvalidOperationException">When the batch the entry was in could not be written.</exception>
    public void Write(AccessLogEntry entry)
    {
        var mine = new Pending(entry);
        lock (_queue)
        {
            _pending.Add(mine);
        }

        // Whoever holds the writing lock writes every entry waiting, so a request that waited for it usually finds
        // its own entry already committed.
        lock (_writing)
        {
            if (!mine.Done)
            {
                List<Pending> batch;
                lock (_queue)
                {
                    batch = _pending;
                    _pending = [];
                }

                Commit(batch);
            }
        }

        if (mine.Failure is { } failure)
        {
            throw new InvalidOperationException("The access log could not be written.", failure);
        }
    }

    private void Commit(List<Pending> batch)
    {
        try
        {
            using var db = database.Open();
            db.AccessLog.AddRange(batch.Select(p => p.Entry));
            db.SaveChanges();
        }
        catch (Exception failure)
        {
            // Every request in the batch fails with it: none is shown as if its entry were on record.
            batch.ForEach(p => p.Failure = failure);
        }
        finally
        {
            batch.ForEach(p => p.Done = true);
        }
    }

    private sealed class Pending(AccessLogEntry entry)
    {
        public AccessLogEntry Entry { get; } = entry;
        public bool Done { get; set; }
        public Exception? Failure { get; set; }
    }
}
