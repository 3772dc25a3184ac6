using Microsoft.AspNetCore.Identity;

namespace Sightline.Storage;

/// <summary>Someone who signs in to Sightline: an ASP.NET Core Identity account held in the council's database,
/// linked to the worker they are (by staff ID) and, for managers, to the teams they manage. What they may see
/// follows from their roles and these links.</summary>
public sealed class SightlineUser : IdentityUser
{
    /// <summary>The staff ID of the worker this account belongs to (<see cref="Model.Worker.StaffId"/>), if any.
    /// A social worker sees the children allocated to this worker.</summary>
    public string? WorkerStaffId { get; set; }

    /// <summary>The teams the user manages: a team manager sees the children allocated to them.</summary>
    public List<UserTeam> Teams { get; set; } = [];
}

/// <summary>A team a user manages.</summary>
public sealed class UserTeam
{
    public int Id { get; set; }
    public required string UserId { get; set; }
    public int TeamId { get; set; }
}

/// <summary>What an access log entry records.</summary>
public enum AccessAction
{
    /// <summary>A child's record was opened (or an attempt was refused).</summary>
    ViewChild,

    /// <summary>Records left Sightline in a file (or an attempt was refused).</summary>
    Export,

    /// <summary>A page or list the user's roles do not allow was asked for.</summary>
    ViewPage,

    /// <summary>A supervision session, session not held or informal case discussion was recorded in Sightline
    /// (or an attempt was refused).</summary>
    RecordSupervision,

    /// <summary>A recorded supervision session was amended by its author, with what changed (never the reflective
    /// notes' text); or an attempt by anyone else was refused.</summary>
    AmendSupervision,

    /// <summary>A worker's absence was recorded in Sightline (or an attempt was refused).</summary>
    RecordAbsence,

    /// <summary>An action agreed in supervision was marked done in Sightline, with its completion date (or an attempt
    /// was refused, with why).</summary>
    CompleteSupervisionAction,
}

/// <summary>One line of the access log: who looked at which child's record, or exported what, when, and whether
/// it was allowed. The log is append-only: the application never changes or deletes an entry, and the database
/// refuses to (a trigger on each provider, added by the AccessLog migration).</summary>
public sealed class AccessLogEntry
{
    public long Id { get; set; }

    /// <summary>When, in UTC.</summary>
    public DateTime At { get; set; }

    /// <summary>The account's identifier; null when no one was signed in.</summary>
    public string? UserId { get; set; }

    /// <summary>The account's user name at the time.</summary>
    public required string UserName { get; set; }

    public AccessAction Action { get; set; }

    /// <summary>The child whose record it was, by Sightline's identifier (also for a refused attempt at a child
    /// who does not exist, which is refused the same way as one the user may not see).</summary>
    public int? ChildId { get; set; }

    /// <summary>What was asked for, in words: "Child 123", "My work CSV".</summary>
    public required string Record { get; set; }

    /// <summary>The filters and row count of an export, or why an attempt was refused.</summary>
    public string? Detail { get; set; }

    public bool Allowed { get; set; }
}
