using Microsoft.EntityFrameworkCore;
using Sightline.Model;

namespace Sightline.Storage.Extracts;

/// <summary><c>teams</c>: each team and the service it belongs to. Services are made as teams name them.</summary>
internal sealed class TeamsExtract : ExtractKind<Team>
{
    private readonly Dictionary<Team, string> _newService = new(ReferenceEqualityComparer.Instance);

    public override string Name => "teams";

    public override IReadOnlyList<Column> Columns { get; } =
    [
        new("team", ColumnType.Team, Required: true),
        new("service", ColumnType.Service, Required: true),
    ];

    protected override string RecordIdColumn => "team";

    protected override string KeyDescription => "team";

    protected override IEnumerable<Team> Stored(SightlineDbContext db) => db.Teams.AsNoTracking();

    // Team names are matched in any case: "Assessment 1" and "ASSESSMENT 1" are one team.
    protected override object Key(Team team) => team.Name.Trim().ToUpperInvariant();

    protected override Team? Read(Row row)
    {
        var name = row.Name("team");
        var service = row.Name("service");
        if (name is null || service is null)
        {
            return null;
        }

        var team = new Team { Name = name };
        switch (Refs.Services.GetValueOrDefault(service))
        {
            case 0:
                _newService[team] = service;
                break;
            case References.Ambiguous:
                row.Fail("service", "More than one service in the database has this name: it does not say which.");
                break;
            case var id:
                team.ServiceId = id;
                break;
        }

        return team;
    }

    protected override void Resolve(IReadOnlyList<Team> records, ImportContext context)
    {
        var made = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var team in records)
        {
            if (_newService.TryGetValue(team, out var name))
            {
                if (!made.TryGetValue(name, out var id))
                {
                    made[name] = id = context.Ids.Next<Service>();
                    context.Loader.Add(new Service { Id = id, Name = name });
                }

                team.ServiceId = id;
            }
        }
    }

    protected override IEnumerable<string?> Write(Team team) => [team.Name, Refs.ServiceNames[team.ServiceId]];
}

/// <summary><c>workers</c>: everyone who holds cases or manages those who do (the Standard Safeguarding Dataset's
/// "professionals"). A supervisor may be anywhere in the file, or already in the database.</summary>
internal sealed class WorkersExtract : ExtractKind<Worker>
{
    private readonly Dictionary<Worker, string> _supervisor = new(ReferenceEqualityComparer.Instance);
    private readonly List<(Worker Worker, int Supervisor)> _supervisedNew = [];

    public override string Name => "workers";

    public override IReadOnlyList<Column> Columns { get; } =
    [
        new("staff_id", ColumnType.StaffId, Required: true),
        new("name", ColumnType.Text, Required: true),
        new("team", ColumnType.Team, Required: true),
        Column.Code("role", required: true, ExtractCodes.Role),
        new("fte", ColumnType.Fte, Required: false),
        new("agency", ColumnType.YesNo, Required: false),
        new("qualified_date", ColumnType.Date, Required: false),
        new("asye_start_date", ColumnType.Date, Required: false),
        new("start_date", ColumnType.Date, Required: true),
        new("leaving_date", ColumnType.Date, Required: false),
        new("supervisor_staff_id", ColumnType.StaffId, Required: false),
    ];

    protected override string RecordIdColumn => "staff_id";

    protected override string KeyDescription => "staff_id";

    protected override IEnumerable<Worker> Stored(SightlineDbContext db) => db.Workers.AsNoTracking();

    protected override object Key(Worker worker) => worker.StaffId;

    protected override Worker? Read(Row row)
    {
        var staffId = row.Name("staff_id");
        var name = row.Name("name");
        var team = row.Team("team");
        var role = row.Code("role", ExtractCodes.Role);
        var fte = row.Fte("fte");
        var agency = row.YesNo("agency");
        var qualified = row.Date("qualified_date");
        var asye = row.Date("asye_start_date");
        var start = row.Date("start_date");
        var leaving = row.Date("leaving_date");
        var supervisor = row.Name("supervisor_staff_id");
        if (leaving < start)
        {
            row.Fail("leaving_date", "leaving_date is before start_date.");
        }

        if (supervisor is not null && supervisor == staffId)
        {
            row.Fail("supervisor_staff_id", "A worker cannot be their own supervisor.");
        }

        if (staffId is null || name is null || team is null || role is null || start is null)
        {
            return null;
        }

        var worker = new Worker
        {
            StaffId = staffId,
            Name = name,
            TeamId = team.Value,
            Role = role.Value,
            Fte = fte ?? 1m,
            Employment = agency == true ? Employment.Agency : Employment.Permanent,
            QualifiedDate = qualified,
            AsyeStartDate = asye,
            StartDate = start.Value,
            LeavingDate = leaving,
        };
        if (supervisor is not null)
        {
            _supervisor[worker] = supervisor;
        }

        return worker;
    }

    /// <summary>A supervisor must be a worker in the database or loaded from this file; rejecting one row can
    /// leave another without its supervisor, so this repeats until nothing changes.</summary>
    protected override IEnumerable<(Accepted Row, ImportProblem Problem)> Check(IReadOnlyList<Accepted> accepted)
    {
        var known = new HashSet<string>(Refs.Workers.Keys, StringComparer.Ordinal);
        known.UnionWith(accepted.Select(a => a.Record.StaffId));
        var rejected = new List<(Accepted, ImportProblem)>();
        var remaining = accepted.ToList();
        bool again;
        do
        {
            again = false;
            foreach (var row in remaining.ToList())
            {
                if (_supervisor.TryGetValue(row.Record, out var supervisor) && !known.Contains(supervisor))
                {
                    rejected.Add((row, new ImportProblem(row.Line, row.RecordId, "supervisor_staff_id", supervisor,
                        $"No worker with staff ID {supervisor} is in the database or loaded from this file: load the supervisor too.")));
                    remaining.Remove(row);
                    if (!Refs.Workers.ContainsKey(row.Record.StaffId))
                    {
                        known.Remove(row.Record.StaffId);
                    }

                    again = true;
                }
            }
        }
        while (again);

        return rejected;
    }

    protected override void Resolve(IReadOnlyList<Worker> records, ImportContext context)
    {
        var keys = new Dictionary<string, int>(Refs.Workers, StringComparer.Ordinal);
        foreach (var worker in records)
        {
            keys[worker.StaffId] = worker.Id;
        }

        foreach (var worker in records)
        {
            worker.SupervisorId = _supervisor.TryGetValue(worker, out var supervisor) ? keys[supervisor] : null;
        }
    }

    /// <summary>New workers are written without their supervisor, who may be new too and written after them
    /// (or supervise them in turn); the supervisor is set once every new worker is in.</summary>
    protected override void Insert(Worker record, ImportContext context)
    {
        if (record.SupervisorId is { } supervisor)
        {
            _supervisedNew.Add((record, supervisor));
            record.SupervisorId = null;
        }

        base.Insert(record, context);
    }

    protected override void AfterSave(IReadOnlyList<Worker> records, ImportContext context)
    {
        foreach (var (worker, supervisor) in _supervisedNew)
        {
            worker.SupervisorId = supervisor;
            context.Db.Entry(worker).State = EntityState.Modified;
        }
    }

    protected override IEnumerable<string?> Write(Worker worker) =>
    [
        worker.StaffId,
        worker.Name,
        Refs.TeamNames[worker.TeamId],
        ExtractCodes.Role.Write(worker.Role),
        Format(worker.Fte),
        Format(worker.Employment == Employment.Agency),
        Format(worker.QualifiedDate),
        Format(worker.AsyeStartDate),
        Format(worker.StartDate),
        Format(worker.LeavingDate),
        worker.SupervisorId is { } supervisor ? Refs.StaffIds[supervisor] : null,
    ];
}

/// <summary><c>absences</c>: spells of a worker's absence, both dates inclusive.</summary>
internal sealed class AbsencesExtract : ExtractKind<WorkerAbsence>
{
    public override string Name => "absences";

    public override IReadOnlyList<Column> Columns { get; } =
    [
        new("staff_id", ColumnType.StaffId, Required: true),
        Column.Code("absence_type", required: true, ExtractCodes.Absence),
        new("start_date", ColumnType.Date, Required: true),
        new("end_date", ColumnType.Date, Required: false),
    ];

    protected override string RecordIdColumn => "staff_id";

    protected override string KeyDescription => "staff_id and start_date";

    protected override IEnumerable<WorkerAbsence> Stored(SightlineDbContext db) => db.WorkerAbsences.AsNoTracking();

    protected override object Key(WorkerAbsence absence) => (absence.WorkerId, absence.From);

    protected override WorkerAbsence? Read(Row row)
    {
        var worker = row.Worker("staff_id");
        var kind = row.Code("absence_type", ExtractCodes.Absence);
        var start = row.Date("start_date");
        var end = row.Date("end_date");
        if (end < start)
        {
            row.Fail("end_date", "end_date is before start_date.");
        }

        return worker is null || kind is null || start is null
            ? null
            : new WorkerAbsence { WorkerId = worker.Value, Kind = kind.Value, From = start.Value, To = end };
    }

    protected override IEnumerable<string?> Write(WorkerAbsence absence) =>
        [Refs.StaffIds[absence.WorkerId], ExtractCodes.Absence.Write(absence.Kind), Format(absence.From), Format(absence.To)];
}

/// <summary><c>allocations</c>: which team and worker held a child's case, over time (the Standard Safeguarding
/// Dataset's "involvements").</summary>
internal sealed class AllocationsExtract : ExtractKind<Allocation>
{
    public override string Name => "allocations";

    public override IReadOnlyList<Column> Columns { get; } =
    [
        new("child_id", ColumnType.ChildId, Required: true),
        new("team", ColumnType.Team, Required: true),
        new("staff_id", ColumnType.StaffId, Required: false),
        new("start_date", ColumnType.Date, Required: true),
        new("end_date", ColumnType.Date, Required: false),
        Column.Code("reason", required: false, ExtractCodes.AllocationReason),
    ];

    protected override string RecordIdColumn => "child_id";

    protected override string KeyDescription => "child_id and start_date";

    protected override IEnumerable<Allocation> Stored(SightlineDbContext db) => db.Allocations.AsNoTracking();

    protected override object Key(Allocation allocation) => (allocation.ChildId, allocation.StartDate);

    protected override Allocation? Read(Row row)
    {
        var child = row.Child("child_id");
        var team = row.Team("team");
        var worker = row.Worker("staff_id");
        var start = row.Date("start_date");
        var end = row.Date("end_date");
        var reason = row.Code("reason", ExtractCodes.AllocationReason);
        if (end < start)
        {
            row.Fail("end_date", "end_date is before start_date.");
        }

        return child is null || team is null || start is null
            ? null
            : new Allocation { ChildId = child.Value, TeamId = team.Value, WorkerId = worker, StartDate = start.Value, EndDate = end, Reason = reason ?? AllocationReason.Other };
    }

    protected override IEnumerable<string?> Write(Allocation allocation) =>
    [
        Refs.ChildIds[allocation.ChildId],
        Refs.TeamNames[allocation.TeamId],
        allocation.WorkerId is { } worker ? Refs.StaffIds[worker] : null,
        Format(allocation.StartDate),
        Format(allocation.EndDate),
        ExtractCodes.AllocationReason.Write(allocation.Reason),
    ];
}

/// <summary><c>supervision</c>: supervision sessions, informal case discussions and sessions that were due and
/// not held, with the children discussed listed in one column.</summary>
internal sealed class SupervisionExtract : ExtractKind<SupervisionSession>
{
    public override string Name => "supervision";

    public override IReadOnlyList<Column> Columns { get; } =
    [
        new("staff_id", ColumnType.StaffId, Required: true),
        new("supervisor_staff_id", ColumnType.StaffId, Required: true),
        new("session_date", ColumnType.Date, Required: true),
        Column.Code("session_type", required: false, ExtractCodes.Supervision),
        new("held", ColumnType.YesNo, Required: false),
        new("reason_not_held", ColumnType.Text, Required: false),
        new("notes", ColumnType.Text, Required: false),
        new("children_discussed", ColumnType.ChildIds, Required: false),
    ];

    protected override string RecordIdColumn => "staff_id";

    protected override string KeyDescription => "staff_id, session_date and session_type";

    protected override IEnumerable<SupervisionSession> Stored(SightlineDbContext db) =>
        db.SupervisionSessions.AsNoTracking().Include(s => s.ChildrenDiscussed);

    protected override object Key(SupervisionSession session) => (session.WorkerId, session.Date, session.Kind);

    protected override SupervisionSession? Read(Row row)
    {
        var worker = row.Worker("staff_id");
        var supervisor = row.Worker("supervisor_staff_id");
        var date = row.Date("session_date");
        var kind = row.Code("session_type", ExtractCodes.Supervision) ?? SupervisionKind.Formal;
        var held = row.YesNo("held") ?? true;
        var reason = row.Text("reason_not_held");
        var notes = row.Text("notes");
        var children = row.Children("children_discussed");
        if (held && reason is not null)
        {
            row.Fail("reason_not_held", "reason_not_held is given for a session that was held (held is Y or blank).");
        }

        return worker is null || supervisor is null || date is null
            ? null
            : new SupervisionSession
            {
                WorkerId = worker.Value,
                SupervisorId = supervisor.Value,
                Date = date.Value,
                Kind = kind,
                Held = held,
                ReasonNotHeld = reason,
                Notes = notes,
                ChildrenDiscussed = children.Select(c => new SupervisionChildDiscussed { ChildId = c }).ToList(),
            };
    }

    protected override bool Differs(SupervisionSession stored, SupervisionSession read, SightlineDbContext db) =>
        base.Differs(stored, read, db) || !SameChildren(stored, read);

    protected override void Insert(SupervisionSession record, ImportContext context)
    {
        base.Insert(record, context);
        AddChildren(record, context);
    }

    /// <summary>The row's list of children replaces the session's.</summary>
    protected override void Update(SupervisionSession stored, SupervisionSession read, ImportContext context)
    {
        if (!SameChildren(stored, read))
        {
            context.Db.SupervisionChildrenDiscussed.Where(c => c.SupervisionSessionId == read.Id).ExecuteDelete();
            AddChildren(read, context);
        }

        read.ChildrenDiscussed.Clear();
        base.Update(stored, read, context);
    }

    protected override IEnumerable<string?> Write(SupervisionSession session) =>
    [
        Refs.StaffIds[session.WorkerId],
        Refs.StaffIds[session.SupervisorId],
        Format(session.Date),
        ExtractCodes.Supervision.Write(session.Kind),
        Format(session.Held),
        session.ReasonNotHeld,
        session.Notes,
        string.Join(';', session.ChildrenDiscussed.Select(c => Refs.ChildIds[c.ChildId]).Order(StringComparer.Ordinal)),
    ];

    private static bool SameChildren(SupervisionSession a, SupervisionSession b) =>
        a.ChildrenDiscussed.Select(c => c.ChildId).ToHashSet().SetEquals(b.ChildrenDiscussed.Select(c => c.ChildId));

    /// <summary>Queues the session's children with fresh keys, and empties its list so that nothing else adds them.</summary>
    private static void AddChildren(SupervisionSession session, ImportContext context)
    {
        foreach (var child in session.ChildrenDiscussed)
        {
            child.Id = context.Ids.Next<SupervisionChildDiscussed>();
            child.SupervisionSessionId = session.Id;
            context.Loader.Add(child);
        }

        session.ChildrenDiscussed.Clear();
    }
}

/// <summary><c>supervision-actions</c>: actions agreed in supervision, each naming its session by the worker,
/// date and type.</summary>
internal sealed class SupervisionActionsExtract : ExtractKind<SupervisionAction>
{
    public override string Name => "supervision-actions";

    public override IReadOnlyList<Column> Columns { get; } =
    [
        new("staff_id", ColumnType.StaffId, Required: true),
        new("session_date", ColumnType.Date, Required: true),
        Column.Code("session_type", required: false, ExtractCodes.Supervision),
        new("child_id", ColumnType.ChildId, Required: false),
        new("action", ColumnType.Text, Required: true),
        new("due_date", ColumnType.Date, Required: false),
        new("completed_date", ColumnType.Date, Required: false),
    ];

    protected override string RecordIdColumn => "staff_id";

    protected override string KeyDescription => "session, child_id and action";

    protected override IEnumerable<SupervisionAction> Stored(SightlineDbContext db) => db.SupervisionActions.AsNoTracking();

    protected override object Key(SupervisionAction action) => (action.SupervisionSessionId, action.ChildId, action.Description);

    /// <summary>A completion marked in Sightline stands while the row gives no completion date, or the same one (the
    /// council's system may not have it yet, and loading a file again must not undo it); a different completion date
    /// in the row replaces it, and the completion is then the extract's.</summary>
    protected override bool Differs(SupervisionAction stored, SupervisionAction read, SightlineDbContext db)
    {
        if (stored.CompletedBy is not null && (read.CompletedDate is null || read.CompletedDate == stored.CompletedDate))
        {
            read.CompletedDate = stored.CompletedDate;
            read.CompletedBy = stored.CompletedBy;
            read.CompletedRecordedAt = stored.CompletedRecordedAt;
        }

        return base.Differs(stored, read, db);
    }

    protected override SupervisionAction? Read(Row row)
    {
        var worker = row.Worker("staff_id");
        var date = row.Date("session_date");
        var kind = row.Code("session_type", ExtractCodes.Supervision) ?? SupervisionKind.Formal;
        var child = row.Child("child_id");
        var description = row.Name("action");
        var due = row.Date("due_date");
        var completed = row.Date("completed_date");
        if (worker is null || date is null || description is null)
        {
            return null;
        }

        if (Refs.Session(worker.Value, date.Value, kind) is not { } session)
        {
            row.Fail("session_date", $"No {ExtractCodes.Supervision.Write(kind)} supervision session of this worker on this date is in the database: " +
                                     "load the supervision extract first.");
            return null;
        }

        return new SupervisionAction { SupervisionSessionId = session, ChildId = child, Description = description, DueDate = due, CompletedDate = completed };
    }

    protected override IEnumerable<string?> Write(SupervisionAction action)
    {
        var (worker, date, kind) = Refs.SessionOf(action.SupervisionSessionId);
        return
        [
            Refs.StaffIds[worker],
            Format(date),
            ExtractCodes.Supervision.Write(kind),
            action.ChildId is { } child ? Refs.ChildIds[child] : null,
            action.Description,
            Format(action.DueDate),
            Format(action.CompletedDate),
        ];
    }
}
