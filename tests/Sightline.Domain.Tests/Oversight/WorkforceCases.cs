using Sightline.Calendar;
using Sightline.Model;
using Sightline.Oversight;
using Sightline.Oversight.Supervision;
using Sightline.Oversight.Workforce;

namespace Sightline.Domain.Tests.Oversight;

/// <summary>A small council built in memory for the supervision and workforce tests: one service, teams, workers,
/// absences, sessions and allocations, each stated by the test with the dates that matter.</summary>
internal sealed class WorkforceCases
{
    private int _ids = 1000;
    private readonly List<Worker> _workers = [];
    private readonly List<SupervisionSession> _sessions = [];
    private readonly List<Child> _children = [];
    private readonly HashSet<string> _loaded = ["workers", "supervision", "supervision actions", "allocations", "absences"];

    public WorkforceCases()
    {
        Service = new Service { Id = 1, Name = "Safeguarding and family support" };
        Teams = [new Team { Id = 1, ServiceId = 1, Name = "Safeguarding 1" }, new Team { Id = 2, ServiceId = 1, Name = "Safeguarding 2" }];
        Manager = new Worker { Id = 1, StaffId = "M1", Name = "Team Manager", TeamId = 1, Role = WorkerRole.TeamManager, StartDate = new DateOnly(2015, 1, 5) };
        _workers.Add(Manager);
    }

    public Service Service { get; }
    public List<Team> Teams { get; }
    public Worker Manager { get; }

    /// <summary>The council's supervision records begin on <paramref name="date"/>: an informal case discussion is
    /// recorded that day (it counts for no one's supervision; it only marks where the records start).</summary>
    public WorkforceCases RecordsBegin(DateOnly date)
    {
        _sessions.Add(new SupervisionSession { Id = ++_ids, WorkerId = Manager.Id, SupervisorId = Manager.Id, Date = date, Kind = SupervisionKind.InformalCaseDiscussion });
        return this;
    }

    public Worker Worker(DateOnly start, WorkerRole role = WorkerRole.SocialWorker, DateOnly? asye = null, decimal fte = 1m, int team = 1,
        Employment employment = Employment.Permanent, DateOnly? left = null, string? name = null)
    {
        var id = ++_ids;
        var worker = new Worker
        {
            Id = id, StaffId = $"S{id}", Name = name ?? $"Worker {id}", TeamId = team, Role = role, Fte = fte, Employment = employment,
            StartDate = start, LeavingDate = left, AsyeStartDate = asye, SupervisorId = Manager.Id,
        };
        _workers.Add(worker);
        return worker;
    }

    public WorkforceCases Absent(Worker worker, DateOnly from, DateOnly? to, AbsenceKind kind = AbsenceKind.Sickness)
    {
        worker.Absences.Add(new WorkerAbsence { Id = ++_ids, WorkerId = worker.Id, Kind = kind, From = from, To = to });
        return this;
    }

    public SupervisionSession Held(Worker worker, DateOnly date, params Child[] discussed) => Session(worker, date, SupervisionKind.Formal, true, null, discussed);

    public SupervisionSession NotHeld(Worker worker, DateOnly date, string? reason) => Session(worker, date, SupervisionKind.Formal, false, reason, []);

    public SupervisionSession Informal(Worker worker, DateOnly date, params Child[] discussed) => Session(worker, date, SupervisionKind.InformalCaseDiscussion, true, null, discussed);

    public SupervisionAction Action(SupervisionSession session, DateOnly? due, DateOnly? completed = null, Child? child = null)
    {
        var action = new SupervisionAction { Id = ++_ids, SupervisionSessionId = session.Id, ChildId = child?.Id, Description = "Update the plan", DueDate = due, CompletedDate = completed };
        session.Actions.Add(action);
        return action;
    }

    /// <summary>A child with an open case referred on <paramref name="referral"/>, allocated to the worker from then
    /// (or from <paramref name="allocatedFrom"/>).</summary>
    public Child Child(Worker worker, DateOnly referral, DateOnly? allocatedFrom = null, DateOnly? allocatedTo = null)
    {
        var child = new Child { Id = ++_ids, LAChildId = $"C{_ids}", DateOfBirth = new DateOnly(2015, 6, 1) };
        child.CinEpisodes.Add(new CinEpisode { Id = ++_ids, ChildId = child.Id, ReferralDate = referral });
        child.Allocations.Add(new Allocation { Id = ++_ids, ChildId = child.Id, TeamId = worker.TeamId, WorkerId = worker.Id, StartDate = allocatedFrom ?? referral, EndDate = allocatedTo });
        _children.Add(child);
        return child;
    }

    public Child Unallocated(int team, DateOnly referral)
    {
        var child = new Child { Id = ++_ids, LAChildId = $"C{_ids}", DateOfBirth = new DateOnly(2015, 6, 1) };
        child.CinEpisodes.Add(new CinEpisode { Id = ++_ids, ChildId = child.Id, ReferralDate = referral });
        child.Allocations.Add(new Allocation { Id = ++_ids, ChildId = child.Id, TeamId = team, WorkerId = null, StartDate = referral });
        _children.Add(child);
        return child;
    }

    /// <summary>The council's own local standards, version by version (the defaults when none are given).</summary>
    public LocalStandardsHistory Standards { get; set; } = LocalStandardsHistory.Defaults;

    public WorkforceCases NotLoaded(string kind)
    {
        _loaded.Remove(kind);
        return this;
    }

    public CouncilSnapshot Snapshot() =>
        new(new Council { Id = 1, Code = "999", Name = "Test council" }, _children, _workers, Teams, new DataCoverage(_loaded.ToHashSet()), Standards)
        {
            Services = [Service],
            Supervision = _sessions,
        };

    /// <summary>The worker's due sessions up to <paramref name="until"/>, under the default standards.</summary>
    public List<DueSession> DueSessions(Worker worker, DateOnly until, LocalStandards? standards = null) =>
        SupervisionClock.DueSessions(worker, Snapshot().Workforce, WorkingDayCalendar.England, standards ?? LocalStandards.Defaults, until).ToList();

    /// <summary>The worker's line of compliance figures over the period.</summary>
    public ComplianceFigures Compliance(Worker worker, DateOnly from, DateOnly to) =>
        SupervisionCompliance.Over(Snapshot(), new Period(from, to), WorkingDayCalendar.England)
            .Single(l => l.Worker == worker).Sessions;

    private SupervisionSession Session(Worker worker, DateOnly date, SupervisionKind kind, bool held, string? reason, Child[] discussed)
    {
        var session = new SupervisionSession { Id = ++_ids, WorkerId = worker.Id, SupervisorId = Manager.Id, Date = date, Kind = kind, Held = held, ReasonNotHeld = reason };
        foreach (var child in discussed)
        {
            session.ChildrenDiscussed.Add(new SupervisionChildDiscussed { Id = ++_ids, SupervisionSessionId = session.Id, ChildId = child.Id });
        }

        _sessions.Add(session);
        return session;
    }
}
