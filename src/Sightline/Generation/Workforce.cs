using Bogus;
using Sightline.Model;

namespace Sightline.Cli.Generation;

/// <summary>The kind of work a team does, which decides which children it holds.</summary>
internal enum TeamKind
{
    FrontDoor,
    Safeguarding,
    ChildrenInCare,
    DisabledChildren,
    Leadership,
}

/// <summary>The synthetic council's services, teams and workers over the six years, with the lookups the
/// journeys need: who was in post in a team on a date, who managed it, who was away.</summary>
internal sealed class Workforce
{
    // Concurrent open cases per child generated, measured on generated councils: sizes the workforce so
    // that the average caseload lands near England's 16.
    private const double OpenCasesPerChild = 0.15;
    private const int CaseHoldersPerTeam = 7;

    private static readonly (TeamKind Kind, string Service, string TeamName, double Share)[] Shape =
    [
        (TeamKind.FrontDoor, "Front door and assessment", "Assessment", 0.27),
        (TeamKind.Safeguarding, "Safeguarding and family support", "Safeguarding", 0.45),
        (TeamKind.ChildrenInCare, "Children in care and permanence", "Children in Care", 0.22),
        (TeamKind.DisabledChildren, "Safeguarding and family support", "Disabled Children", 0.06),
    ];

    private readonly Random _random;
    private readonly Ids _ids;
    private readonly Faker _faker;
    private readonly Dictionary<TeamKind, List<TeamRoster>> _teamsByKind = [];

    public Workforce(int children, DateOnly start, DateOnly end, Random random, Ids ids, int seed)
    {
        _random = random;
        _ids = ids;
        _faker = new Faker("en_GB") { Random = new Randomizer(seed) };
        Start = start;
        End = end;

        var services = new Dictionary<string, Service>(StringComparer.Ordinal);
        Service ServiceNamed(string name)
        {
            if (!services.TryGetValue(name, out var service))
            {
                service = new Service { Id = _ids.Next<Service>(), Name = name };
                services[name] = service;
                Services.Add(service);
            }

            return service;
        }

        // Leaders come first so that every supervisor is written before those they supervise.
        var leadership = new Team { Id = _ids.Next<Team>(), ServiceId = ServiceNamed("Practice and quality").Id, Name = "Leadership" };
        Teams.Add(leadership);
        var leaders = new TeamRoster(leadership, TeamKind.Leadership);
        leaders.Managers.AddRange(Slot(leadership, WorkerRole.HeadOfService, 0, null));
        foreach (var worker in Slot(leadership, WorkerRole.PrincipalSocialWorker, 0, null).Concat(Slot(leadership, WorkerRole.ServiceManager, 0, null)))
        {
            worker.SupervisorId = leaders.Managers[0].Id;
        }

        _teamsByKind[TeamKind.Leadership] = [leaders];

        var caseHolders = children * OpenCasesPerChild / Rates.TargetCaseload;
        foreach (var (kind, serviceName, teamName, share) in Shape)
        {
            var service = ServiceNamed(serviceName);
            var needed = caseHolders * share;
            var teams = Math.Max(1, (int)Math.Round(needed / CaseHoldersPerTeam));
            var perTeam = Math.Max(2, (int)Math.Round(needed / teams));
            var rosters = new List<TeamRoster>();
            for (var i = 1; i <= teams; i++)
            {
                var team = new Team { Id = _ids.Next<Team>(), ServiceId = service.Id, Name = $"{teamName} {i}" };
                Teams.Add(team);
                var roster = new TeamRoster(team, kind);
                roster.Managers.AddRange(Slot(team, WorkerRole.TeamManager, 0.3, null));
                roster.Managers.ForEach(m => m.SupervisorId = leaders.Managers[0].Id);
                for (var s = 0; s < perTeam; s++)
                {
                    var role = s == 0 ? WorkerRole.SeniorPractitioner : WorkerRole.SocialWorker;
                    roster.CaseHolders.Add(Slot(team, role, AgencyHireShare, roster).ToArray());
                }

                rosters.Add(roster);
            }

            _teamsByKind[kind] = rosters;
        }

        Workers.Sort((a, b) => a.Id.CompareTo(b.Id));
    }

    /// <summary>The share of hires that are agency workers. Agency workers stay a shorter time, so more of
    /// them must be hired for them to hold 18% of posts at any one time.</summary>
    private static double AgencyHireShare
    {
        get
        {
            var agencyStay = 1 / Rates.AgencyTurnover;
            var permanentStay = 1 / Rates.PermanentTurnover;
            var s = Rates.AgencyShare;
            return s * permanentStay / (agencyStay * (1 - s) + s * permanentStay);
        }
    }

    public DateOnly Start { get; }
    public DateOnly End { get; }
    public List<Service> Services { get; } = [];
    public List<Team> Teams { get; } = [];
    public List<Worker> Workers { get; } = [];
    public List<WorkerAbsence> Absences { get; } = [];
    public Dictionary<int, List<WorkerAbsence>> LongAbsences { get; } = [];
    public Dictionary<int, double> Weight { get; } = [];

    public IEnumerable<TeamRoster> Rosters => _teamsByKind.Values.SelectMany(r => r);

    /// <summary>Picks the team a child's case goes to, keeping a child with the same team where it can.</summary>
    public TeamRoster TeamFor(TeamKind kind, int childId)
    {
        var teams = _teamsByKind[kind];
        return teams[(int)((uint)(childId * 2654435761u) % (uint)teams.Count)];
    }

    /// <summary>The team manager in post on a date (the team's, or failing that the head of service).</summary>
    public Worker ManagerOn(TeamRoster team, DateOnly date) =>
        team.Managers.FirstOrDefault(m => m.IsInPostOn(date)) ?? _teamsByKind[TeamKind.Leadership][0].Managers[0];

    /// <summary>A case-holding worker in post and not on long absence on the date, chosen with the weight of
    /// their capacity (FTE times a personal factor, which gives some workers much fuller caseloads).</summary>
    public Worker? PickWorker(TeamRoster team, DateOnly date, int? avoid = null)
    {
        Span<int> candidates = stackalloc int[team.CaseHolders.Count];
        var count = 0;
        var total = 0.0;
        for (var i = 0; i < team.CaseHolders.Count; i++)
        {
            var worker = InPost(team.CaseHolders[i], date);
            if (worker is null || worker.Id == avoid || IsAwayLong(worker.Id, date))
            {
                continue;
            }

            candidates[count++] = i;
            total += Weight[worker.Id];
        }

        if (count == 0)
        {
            return null;
        }

        var pick = _random.NextDouble() * total;
        for (var c = 0; c < count; c++)
        {
            var worker = InPost(team.CaseHolders[candidates[c]], date)!;
            pick -= Weight[worker.Id];
            if (pick <= 0)
            {
                return worker;
            }
        }

        return InPost(team.CaseHolders[candidates[count - 1]], date);
    }

    public bool IsAwayLong(int workerId, DateOnly date) =>
        LongAbsences.TryGetValue(workerId, out var absences) && absences.Exists(a => a.Covers(date));

    private static Worker? InPost(Worker[] slot, DateOnly date)
    {
        foreach (var worker in slot)
        {
            if (worker.IsInPostOn(date))
            {
                return worker;
            }
        }

        return null;
    }

    /// <summary>The succession of workers who hold one post over the six years, with vacancies between them.</summary>
    private IEnumerable<Worker> Slot(Team team, WorkerRole role, double agencyShare, TeamRoster? roster)
    {
        var start = Start.AddDays(-_random.Next(30, 365 * 6));
        var slot = new List<Worker>();
        while (start <= End)
        {
            var agency = _random.NextDouble() < agencyShare;
            var stayYears = -Math.Log(1 - _random.NextDouble()) / (agency ? Rates.AgencyTurnover : Rates.PermanentTurnover);
            var leaving = start.AddDays((int)(stayYears * 365.25));
            var newlyQualified = role == WorkerRole.SocialWorker && !agency && _random.NextDouble() < 0.15;
            var worker = new Worker
            {
                Id = _ids.Next<Worker>(),
                StaffId = $"S{_ids.Peek<Worker>():D6}",
                Name = _faker.Name.FullName(),
                TeamId = team.Id,
                Role = role,
                Fte = _random.NextDouble() < 0.85 ? 1m : new[] { 0.5m, 0.6m, 0.8m, 0.9m }[_random.Next(4)],
                Employment = agency ? Employment.Agency : Employment.Permanent,
                QualifiedDate = newlyQualified ? start.AddDays(-_random.Next(10, 90)) : start.AddDays(-_random.Next(365, 365 * 20)),
                AsyeStartDate = newlyQualified ? start : null,
                StartDate = start,
                LeavingDate = leaving <= End ? leaving : null,
            };
            if (roster is not null)
            {
                worker.SupervisorId = roster.Managers.FirstOrDefault(m => m.IsInPostOn(start))?.Id ?? roster.Managers[0].Id;
            }

            Weight[worker.Id] = (double)worker.Fte * Math.Exp(Normal() * 0.22);
            AddAbsences(worker);
            Workers.Add(worker);
            slot.Add(worker);
            if (worker.LeavingDate is null)
            {
                break;
            }

            start = worker.LeavingDate.Value.AddDays(1 + _random.Next(0, 60));
        }

        return slot;
    }

    private void AddAbsences(Worker worker)
    {
        var from = worker.StartDate < Start ? Start : worker.StartDate;
        var to = worker.LeavingDate ?? End;
        for (var year = from; year < to; year = year.AddYears(1))
        {
            var shortSpells = _random.Next(0, 4);
            for (var i = 0; i < shortSpells; i++)
            {
                Add(AbsenceKind.Sickness, year.AddDays(_random.Next(0, 365)), _random.Next(1, 6), longAbsence: false);
            }

            if (_random.NextDouble() < 0.05)
            {
                Add(AbsenceKind.Sickness, year.AddDays(_random.Next(0, 365)), _random.Next(15, 90), longAbsence: true);
            }

            if (_random.NextDouble() < 0.025)
            {
                Add(AbsenceKind.Maternity, year.AddDays(_random.Next(0, 365)), _random.Next(180, 365), longAbsence: true);
            }
        }

        void Add(AbsenceKind kind, DateOnly start, int days, bool longAbsence)
        {
            var end = start.AddDays(days - 1);
            // A worker's absences are told apart by the day they start (the absences extract's key), so a
            // second spell starting on the same day is not recorded.
            if (start > to || worker.Absences.Exists(a => a.From == start))
            {
                return;
            }

            var absence = new WorkerAbsence
            {
                Id = _ids.Next<WorkerAbsence>(),
                WorkerId = worker.Id,
                Kind = kind,
                From = start,
                To = end <= End ? (end < to ? end : to) : null,
            };
            Absences.Add(absence);
            worker.Absences.Add(absence);
            if (longAbsence)
            {
                if (!LongAbsences.TryGetValue(worker.Id, out var list))
                {
                    LongAbsences[worker.Id] = list = [];
                }

                list.Add(absence);
            }
        }
    }

    private double Normal() =>
        Math.Sqrt(-2 * Math.Log(1 - _random.NextDouble())) * Math.Cos(2 * Math.PI * _random.NextDouble());
}

/// <summary>A team with its posts: each post is held by a succession of workers.</summary>
internal sealed class TeamRoster(Team team, TeamKind kind)
{
    public Team Team { get; } = team;
    public TeamKind Kind { get; } = kind;
    public List<Worker> Managers { get; } = [];
    public List<Worker[]> CaseHolders { get; } = [];
}

/// <summary>Hands out keys per record type, so the generator's records carry their keys from the start.</summary>
internal sealed class Ids
{
    private readonly Dictionary<Type, int> _last = [];

    public int Next<T>() => _last[typeof(T)] = Peek<T>() + 1;

    public int Peek<T>() => _last.GetValueOrDefault(typeof(T));
}
