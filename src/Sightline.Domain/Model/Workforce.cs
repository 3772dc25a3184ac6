namespace Sightline.Model;

/// <summary>The council whose data a database holds, with what its rates are computed over.</summary>
public sealed class Council
{
    public int Id { get; set; }

    /// <summary>The DfE three-digit local authority code (census <c>LEA</c>).</summary>
    public required string Code { get; set; }

    public required string Name { get; set; }

    /// <summary>The council's population aged 0–17 (ONS mid-year estimate), for rates per 10,000 children.</summary>
    public int ChildPopulation { get; set; }
}

/// <summary>A service area (for example front door, safeguarding, children in care), grouping teams under a service manager.</summary>
public sealed class Service
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public List<Team> Teams { get; set; } = [];
}

/// <summary>A team of workers under a team manager.</summary>
public sealed class Team
{
    public int Id { get; set; }
    public int ServiceId { get; set; }
    public required string Name { get; set; }
    public List<Worker> Workers { get; set; } = [];
}

/// <summary>Someone who works with children or manages those who do.</summary>
public sealed class Worker
{
    public int Id { get; set; }

    /// <summary>The council's own staff identifier.</summary>
    public required string StaffId { get; set; }

    public required string Name { get; set; }
    public int TeamId { get; set; }
    public WorkerRole Role { get; set; }

    /// <summary>Full-time equivalence, 0 to 1.</summary>
    public decimal Fte { get; set; } = 1m;

    public Employment Employment { get; set; }

    /// <summary>The date the worker qualified as a social worker, if they are one.</summary>
    public DateOnly? QualifiedDate { get; set; }

    /// <summary>The start of the worker's Assessed and Supported Year in Employment, if they did it here.</summary>
    public DateOnly? AsyeStartDate { get; set; }

    public DateOnly StartDate { get; set; }
    public DateOnly? LeavingDate { get; set; }

    /// <summary>The worker's supervisor (line manager).</summary>
    public int? SupervisorId { get; set; }

    public List<WorkerAbsence> Absences { get; set; } = [];

    /// <summary>Whether the worker is in post on <paramref name="date"/> (the leaving date is the last day in post).</summary>
    public bool IsInPostOn(DateOnly date) => StartDate <= date && (LeavingDate is null || LeavingDate >= date);

    /// <summary>Whether the worker holds cases.</summary>
    public bool HoldsCases => Role is WorkerRole.SocialWorker or WorkerRole.SeniorPractitioner or WorkerRole.AdvancedPractitioner;
}

/// <summary>A worker's role.</summary>
public enum WorkerRole
{
    SocialWorker,
    SeniorPractitioner,
    AdvancedPractitioner,
    TeamManager,
    ServiceManager,
    HeadOfService,
    PrincipalSocialWorker,
}

/// <summary>Whether a worker is employed by the council or supplied by an agency.</summary>
public enum Employment
{
    Permanent,
    Agency,
}

/// <summary>A period of a worker's absence, inclusive of both dates. Long absence pauses supervision clocks.</summary>
public sealed class WorkerAbsence
{
    public int Id { get; set; }
    public int WorkerId { get; set; }
    public AbsenceKind Kind { get; set; }
    public DateOnly From { get; set; }

    /// <summary>The last day of absence; null while the worker is still away.</summary>
    public DateOnly? To { get; set; }

    public bool Covers(DateOnly date) => From <= date && (To is null || To >= date);
}

/// <summary>Why a worker was absent.</summary>
public enum AbsenceKind
{
    Sickness,
    Maternity,
    Paternity,
    Secondment,
    AnnualLeave,
    Other,
}

/// <summary>Which worker and team hold a child's case over a period. A new allocation is a change of social worker.</summary>
public sealed class Allocation
{
    public int Id { get; set; }
    public int ChildId { get; set; }
    public int TeamId { get; set; }

    /// <summary>The allocated worker; null while the case is held by the team unallocated.</summary>
    public int? WorkerId { get; set; }

    public DateOnly StartDate { get; set; }

    /// <summary>The last day of the allocation; null while it continues.</summary>
    public DateOnly? EndDate { get; set; }

    /// <summary>Why this allocation began.</summary>
    public AllocationReason Reason { get; set; }

    public bool IsOpenOn(DateOnly date) => StartDate <= date && (EndDate is null || EndDate >= date);
}

/// <summary>Why a child's case was allocated or moved.</summary>
public enum AllocationReason
{
    NewCase,
    WorkerLeft,
    TeamTransfer,
    CaseloadBalancing,
    WorkerAbsent,
    FamilyRequest,
    Other,
}

/// <summary>A supervision session between a worker and their supervisor, or an informal case discussion,
/// or a session that was due and did not take place.</summary>
public sealed class SupervisionSession
{
    public int Id { get; set; }
    public int WorkerId { get; set; }
    public int SupervisorId { get; set; }
    public DateOnly Date { get; set; }
    public SupervisionKind Kind { get; set; }

    /// <summary>False for a session that was due and did not take place.</summary>
    public bool Held { get; set; } = true;

    /// <summary>Why a session did not take place; required to count as "missed with reason".</summary>
    public string? ReasonNotHeld { get; set; }

    /// <summary>Reflective notes. Free text: treated as untrusted wherever it is shown.</summary>
    public string? Notes { get; set; }

    /// <summary>Who was there beside the worker and supervisor, as recorded. Free text: untrusted wherever shown.</summary>
    public string? Attendees { get; set; }

    /// <summary>The longest <see cref="Attendees"/> kept, in characters.</summary>
    public const int AttendeesMaxLength = 500;

    /// <summary>The identifier of the account that recorded the session in Sightline; null for a session loaded
    /// from an extract. Only that account may amend it, and every amendment is written to the access log.</summary>
    public string? RecordedBy { get; set; }

    /// <summary>The children discussed as records, as Entity Framework Core reads and writes them: for recording a
    /// session and for the extracts. The council snapshot leaves these empty and holds <see cref="ChildIdsDiscussed"/>
    /// instead; read those.</summary>
    public List<SupervisionChildDiscussed> ChildrenDiscussed { get; set; } = [];

    public List<SupervisionAction> Actions { get; set; } = [];

    private int[]? _childIdsDiscussed;

    /// <summary>The identifiers of the children discussed, in the order their records were kept (key order in the
    /// snapshot). What everything that reads the council snapshot uses: the snapshot holds these, one number a child,
    /// in place of a <see cref="SupervisionChildDiscussed"/> record a child (for all of England, tens of millions of
    /// records). For a session whose identifiers were not given with <see cref="HoldChildIdsDiscussed"/> they are
    /// taken from <see cref="ChildrenDiscussed"/> each time they are read.</summary>
    public ReadOnlySpan<int> ChildIdsDiscussed =>
        _childIdsDiscussed ?? ChildrenDiscussed.Select(c => c.ChildId).ToArray();

    /// <summary>Holds <paramref name="childIds"/> as <see cref="ChildIdsDiscussed"/>, kept as given and never changed:
    /// for the snapshot loader, which reads them straight from the table.</summary>
    public void HoldChildIdsDiscussed(int[] childIds) => _childIdsDiscussed = childIds;
}

/// <summary>Formal supervision, or an informal case discussion (recorded, shown on the child's record, not counted as supervision).</summary>
public enum SupervisionKind
{
    Formal,
    InformalCaseDiscussion,
}

/// <summary>A child whose case was discussed in a supervision session.</summary>
public sealed class SupervisionChildDiscussed
{
    public int Id { get; set; }
    public int SupervisionSessionId { get; set; }
    public int ChildId { get; set; }
}

/// <summary>An action agreed in supervision, with its timescale.</summary>
public sealed class SupervisionAction
{
    public int Id { get; set; }
    public int SupervisionSessionId { get; set; }
    public int? ChildId { get; set; }
    public required string Description { get; set; }
    public DateOnly? DueDate { get; set; }

    /// <summary>The day the action was done, from the council's extract or marked done in Sightline.</summary>
    public DateOnly? CompletedDate { get; set; }

    /// <summary>The identifier of the account that marked the action done in Sightline; null when the completion came
    /// from an extract, or there is none. Written once: a completion marked in Sightline is not changed there again.</summary>
    public string? CompletedBy { get; set; }

    /// <summary>When (UTC) <see cref="CompletedBy"/> marked the action done; null as it is.</summary>
    public DateTime? CompletedRecordedAt { get; set; }
}
