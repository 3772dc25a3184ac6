using Microsoft.EntityFrameworkCore;
using Sightline.Model;

namespace Sightline.Storage.Extracts;

/// <summary>Which plan a plan action or contingency flag belongs to.</summary>
public enum PlanType
{
    ChildProtection,
    ChildInNeed,
}

/// <summary>The records extracts refer to, both ways: from the council's own identifiers (child ID, staff ID,
/// team name, a plan's start date) to database keys when reading, and back when writing. Each lookup is read
/// from the database once, when first needed.</summary>
public sealed class References(SightlineDbContext db)
{
    /// <summary>Marks a name that more than one record has.</summary>
    public const int Ambiguous = -1;

    private Dictionary<string, int>? _children;
    private Dictionary<int, string>? _childIds;
    private Dictionary<string, int>? _workers;
    private Dictionary<int, string>? _staffIds;
    private Dictionary<string, int>? _teams;
    private Dictionary<int, string>? _teamNames;
    private Dictionary<string, int>? _services;
    private Dictionary<int, string>? _serviceNames;
    private Dictionary<int, List<(DateOnly Referral, int Id)>>? _episodesByChild;
    private Dictionary<int, int>? _episodeChild;
    private Dictionary<(PlanType, int Child, DateOnly Start), int>? _plans;
    private Dictionary<(PlanType, int Plan), (int Child, DateOnly Start)>? _planById;
    private Dictionary<(int Worker, DateOnly Date, SupervisionKind Kind), int>? _sessions;
    private Dictionary<int, (int Worker, DateOnly Date, SupervisionKind Kind)>? _sessionById;
    private Dictionary<(int Episode, DateOnly Start), int>? _enquiries;
    private Dictionary<int, DateOnly>? _enquiryStartByDiscussion;

    /// <summary>Child ID (the census LAchildID, exactly as written) to key.</summary>
    public IReadOnlyDictionary<string, int> Children => _children ??=
        db.Children.AsNoTracking().Select(c => new { c.LAChildId, c.Id }).ToDictionary(c => c.LAChildId, c => c.Id, StringComparer.Ordinal);

    public IReadOnlyDictionary<int, string> ChildIds => _childIds ??= Children.ToDictionary(c => c.Value, c => c.Key);

    /// <summary>Staff ID (exactly as written) to key.</summary>
    public IReadOnlyDictionary<string, int> Workers => _workers ??=
        db.Workers.AsNoTracking().Select(w => new { w.StaffId, w.Id }).ToDictionary(w => w.StaffId, w => w.Id, StringComparer.Ordinal);

    public IReadOnlyDictionary<int, string> StaffIds => _staffIds ??= Workers.ToDictionary(w => w.Value, w => w.Key);

    /// <summary>Team name (in any case) to key, or <see cref="Ambiguous"/>.</summary>
    public IReadOnlyDictionary<string, int> Teams => _teams ??= ByName(TeamNames);

    public IReadOnlyDictionary<int, string> TeamNames => _teamNames ??=
        db.Teams.AsNoTracking().Select(t => new { t.Id, t.Name }).ToDictionary(t => t.Id, t => t.Name);

    /// <summary>Service name (in any case) to key, or <see cref="Ambiguous"/>.</summary>
    public IReadOnlyDictionary<string, int> Services => _services ??= ByName(ServiceNames);

    public IReadOnlyDictionary<int, string> ServiceNames => _serviceNames ??=
        db.Services.AsNoTracking().Select(s => new { s.Id, s.Name }).ToDictionary(s => s.Id, s => s.Name);

    /// <summary>The child a CIN episode belongs to.</summary>
    public IReadOnlyDictionary<int, int> EpisodeChild => _episodeChild ??=
        db.CinEpisodes.AsNoTracking().Select(e => new { e.Id, e.ChildId }).ToDictionary(e => e.Id, e => e.ChildId);

    /// <summary>The CIN episode an event on <paramref name="date"/> belongs to: the child's latest episode
    /// referred on or before it. An event a few days after the case closed (recorded late) still belongs to it.</summary>
    public int? EpisodeOn(int child, DateOnly date)
    {
        _episodesByChild ??= db.CinEpisodes.AsNoTracking()
            .Select(e => new { e.ChildId, e.ReferralDate, e.Id })
            .AsEnumerable()
            .GroupBy(e => e.ChildId)
            .ToDictionary(g => g.Key, g => g.OrderBy(e => e.ReferralDate).ThenBy(e => e.Id).Select(e => (e.ReferralDate, e.Id)).ToList());
        if (!_episodesByChild.TryGetValue(child, out var episodes))
        {
            return null;
        }

        int? found = null;
        foreach (var (referral, id) in episodes)
        {
            if (referral <= date)
            {
                found = id;
            }
        }

        return found;
    }

    /// <summary>A child's plan of a type by its start date, or <see cref="Ambiguous"/> when two start that day.</summary>
    public int? Plan(PlanType type, int child, DateOnly start)
    {
        LoadPlans();
        return _plans!.TryGetValue((type, child, start), out var plan) ? plan : null;
    }

    /// <summary>The child and start date of a plan.</summary>
    public (int Child, DateOnly Start) PlanOf(PlanType type, int plan)
    {
        LoadPlans();
        return _planById![(type, plan)];
    }

    /// <summary>A supervision session by its worker, date and kind.</summary>
    public int? Session(int worker, DateOnly date, SupervisionKind kind)
    {
        LoadSessions();
        return _sessions!.TryGetValue((worker, date, kind), out var session) ? session : null;
    }

    public (int Worker, DateOnly Date, SupervisionKind Kind) SessionOf(int session)
    {
        LoadSessions();
        return _sessionById![session];
    }

    /// <summary>A section 47 enquiry by its episode and start date (the census <c>S47ActualStartDate</c>).</summary>
    public int? Enquiry(int episode, DateOnly start)
    {
        _enquiries ??= db.Section47Enquiries.AsNoTracking()
            .Select(s => new { s.CinEpisodeId, s.StartDate, s.Id })
            .AsEnumerable()
            .GroupBy(s => (s.CinEpisodeId, s.StartDate))
            .ToDictionary(g => g.Key, g => g.Min(s => s.Id));
        return _enquiries.TryGetValue((episode, start), out var enquiry) ? enquiry : null;
    }

    /// <summary>The start date of the section 47 enquiry a strategy discussion started, if one is linked to it.</summary>
    public DateOnly? EnquiryStartedBy(int discussion)
    {
        _enquiryStartByDiscussion ??= db.Section47Enquiries.AsNoTracking()
            .Where(s => s.StrategyDiscussionId != null)
            .Select(s => new { Discussion = s.StrategyDiscussionId!.Value, s.StartDate, s.Id })
            .AsEnumerable()
            .GroupBy(s => s.Discussion)
            .ToDictionary(g => g.Key, g => g.OrderBy(s => s.Id).First().StartDate);
        return _enquiryStartByDiscussion.TryGetValue(discussion, out var start) ? start : null;
    }

    private void LoadPlans()
    {
        if (_plans is not null)
        {
            return;
        }

        var cp = db.ChildProtectionPlans.AsNoTracking().Select(p => new { p.Id, p.CinEpisodeId, p.StartDate }).ToList()
            .Select(p => (Type: PlanType.ChildProtection, p.Id, p.CinEpisodeId, p.StartDate));
        var cin = db.CinPlans.AsNoTracking().Select(p => new { p.Id, p.CinEpisodeId, p.StartDate }).ToList()
            .Select(p => (Type: PlanType.ChildInNeed, p.Id, p.CinEpisodeId, p.StartDate));
        _plans = [];
        _planById = [];
        foreach (var (type, id, episode, start) in cp.Concat(cin))
        {
            var child = EpisodeChild[episode];
            _planById[(type, id)] = (child, start);
            _plans[(type, child, start)] = _plans.ContainsKey((type, child, start)) ? Ambiguous : id;
        }
    }

    private void LoadSessions()
    {
        if (_sessions is not null)
        {
            return;
        }

        _sessions = [];
        _sessionById = [];
        foreach (var s in db.SupervisionSessions.AsNoTracking().Select(s => new { s.Id, s.WorkerId, s.Date, s.Kind }).OrderBy(s => s.Id))
        {
            _sessionById[s.Id] = (s.WorkerId, s.Date, s.Kind);
            _sessions.TryAdd((s.WorkerId, s.Date, s.Kind), s.Id);
        }
    }

    private static Dictionary<string, int> ByName(IReadOnlyDictionary<int, string> names)
    {
        var byName = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var (id, name) in names)
        {
            byName[name.Trim()] = byName.ContainsKey(name.Trim()) ? Ambiguous : id;
        }

        return byName;
    }
}
