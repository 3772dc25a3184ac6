using Microsoft.EntityFrameworkCore;
using Sightline.Model;
using Sightline.Oversight;

namespace Sightline.Storage;

/// <summary>Builds a <see cref="CouncilSnapshot"/> from the database: each table read once, without change
/// tracking, and the records joined to their parents in memory.</summary>
public static class SnapshotLoader
{
    public static CouncilSnapshot Load(SightlineDatabase database)
    {
        using var db = database.Open();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var children = db.Children.AsNoTracking().OrderBy(c => c.Id).ToList();
        var childById = children.ToDictionary(c => c.Id);
        var episodes = db.CinEpisodes.AsNoTracking().ToList();
        var episodeById = episodes.ToDictionary(e => e.Id);
        Attach(episodes, e => e.ChildId, childById, (c, e) => c.CinEpisodes.Add(e));

        Attach(db.ChildDisabilities.AsNoTracking().ToList(), d => d.ChildId, childById, (c, d) => c.Disabilities.Add(d));
        Attach(db.Contacts.AsNoTracking().ToList(), x => x.ChildId, childById, (c, x) => c.Contacts.Add(x));
        Attach(db.EarlyHelpEpisodes.AsNoTracking().ToList(), x => x.ChildId, childById, (c, x) => c.EarlyHelpEpisodes.Add(x));
        Attach(db.Visits.AsNoTracking().ToList(), x => x.ChildId, childById, (c, x) => c.Visits.Add(x));
        Attach(db.StepDecisions.AsNoTracking().ToList(), x => x.ChildId, childById, (c, x) => c.StepDecisions.Add(x));
        Attach(db.CareProceedings.AsNoTracking().ToList(), x => x.ChildId, childById, (c, x) => c.CareProceedings.Add(x));
        Attach(db.LookedAfterEpisodes.AsNoTracking().ToList(), x => x.ChildId, childById, (c, x) => c.LookedAfterEpisodes.Add(x));
        Attach(db.LookedAfterReviews.AsNoTracking().ToList(), x => x.ChildId, childById, (c, x) => c.LookedAfterReviews.Add(x));
        Attach(db.CareLeaverStatuses.AsNoTracking().ToList(), x => x.ChildId, childById, (c, x) => c.CareLeaverStatuses.Add(x));
        Attach(db.Allocations.AsNoTracking().OrderBy(a => a.StartDate).ToList(), x => x.ChildId, childById, (c, x) => c.Allocations.Add(x));

        var assessments = db.Assessments.AsNoTracking().ToList();
        Attach(assessments, x => x.CinEpisodeId, episodeById, (e, x) => e.Assessments.Add(x));
        Attach(db.AssessmentFactors.AsNoTracking().ToList(), x => x.AssessmentId, assessments.ToDictionary(a => a.Id), (a, x) => a.Factors.Add(x));
        Attach(db.StrategyDiscussions.AsNoTracking().ToList(), x => x.CinEpisodeId, episodeById, (e, x) => e.StrategyDiscussions.Add(x));
        Attach(db.Section47Enquiries.AsNoTracking().ToList(), x => x.CinEpisodeId, episodeById, (e, x) => e.Section47Enquiries.Add(x));
        Attach(db.InitialConferences.AsNoTracking().ToList(), x => x.CinEpisodeId, episodeById, (e, x) => e.InitialConferences.Add(x));

        var plans = db.ChildProtectionPlans.AsNoTracking().ToList();
        var planById = plans.ToDictionary(p => p.Id);
        Attach(plans, x => x.CinEpisodeId, episodeById, (e, x) => e.ChildProtectionPlans.Add(x));
        Attach(db.ReviewConferences.AsNoTracking().ToList(), x => x.ChildProtectionPlanId, planById, (p, x) => p.ReviewConferences.Add(x));
        Attach(db.CoreGroupMeetings.AsNoTracking().ToList(), x => x.ChildProtectionPlanId, planById, (p, x) => p.CoreGroupMeetings.Add(x));
        Attach(db.SeniorReviews.AsNoTracking().ToList(), x => x.ChildProtectionPlanId, planById, (p, x) => p.SeniorReviews.Add(x));

        var cinPlans = db.CinPlans.AsNoTracking().ToList();
        var cinPlanById = cinPlans.ToDictionary(p => p.Id);
        Attach(cinPlans, x => x.CinEpisodeId, episodeById, (e, x) => e.CinPlans.Add(x));
        Attach(db.CinPlanReviews.AsNoTracking().ToList(), x => x.CinPlanId, cinPlanById, (p, x) => p.Reviews.Add(x));

        var actions = db.PlanActions.AsNoTracking().ToList();
        Attach(actions.Where(a => a.ChildProtectionPlanId is not null), x => x.ChildProtectionPlanId!.Value, planById, (p, x) => p.Actions.Add(x));
        Attach(actions.Where(a => a.CinPlanId is not null), x => x.CinPlanId!.Value, cinPlanById, (p, x) => p.Actions.Add(x));

        var preProceedings = db.PreProceedings.AsNoTracking().ToList();
        Attach(preProceedings, x => x.ChildId, childById, (c, x) => c.PreProceedings.Add(x));
        Attach(db.PreProceedingsReviews.AsNoTracking().ToList(), x => x.PreProceedingsId, preProceedings.ToDictionary(p => p.Id), (p, x) => p.Reviews.Add(x));

        var workers = db.Workers.AsNoTracking().ToList();
        var supervision = LoadSupervision(db, workers);
        var coverage = new HashSet<string>(StringComparer.Ordinal);
        void Covered(string kind, bool any)
        {
            if (any)
            {
                coverage.Add(kind);
            }
        }

        Covered("visits", children.Exists(c => c.Visits.Count > 0));
        Covered("allocations", children.Exists(c => c.Allocations.Count > 0));
        Covered("plan actions", actions.Count > 0);
        Covered("step decisions", children.Exists(c => c.StepDecisions.Count > 0));
        Covered("CIN plan reviews", cinPlans.Exists(p => p.Reviews.Count > 0));
        Covered("pre-proceedings", preProceedings.Count > 0);
        Covered("care proceedings", children.Exists(c => c.CareProceedings.Count > 0));
        Covered("workers", workers.Count > 0);
        Covered("supervision", supervision.Sessions.Count > 0);
        Covered("supervision actions", supervision.Actions);
        Covered("absences", workers.Exists(w => w.Absences.Count > 0));
        return new CouncilSnapshot(db.Councils.AsNoTracking().FirstOrDefault(), children, workers, db.Teams.AsNoTracking().ToList(), new DataCoverage(coverage), LocalStandardsStore.History(db))
        {
            Services = db.Services.AsNoTracking().ToList(),
            Supervision = supervision.Sessions,
        };
    }

    /// <summary>A new snapshot with the workforce read again from the database (workers, their absences, and every
    /// supervision session with its children discussed and actions) and everything else shared with
    /// <paramref name="previous"/>: what the web server holds after a session or an absence is recorded, read in a
    /// fraction of the time a whole load takes. The previous snapshot is left as it was.</summary>
    public static CouncilSnapshot WithWorkforceReloaded(SightlineDatabase database, CouncilSnapshot previous)
    {
        using var db = database.Open();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var workers = db.Workers.AsNoTracking().ToList();
        var supervision = LoadSupervision(db, workers);
        var coverage = previous.Coverage.Loaded.Where(k => k is not ("supervision" or "supervision actions" or "absences" or "workers")).ToHashSet(StringComparer.Ordinal);
        foreach (var (kind, any) in new[] { ("workers", workers.Count > 0), ("supervision", supervision.Sessions.Count > 0), ("supervision actions", supervision.Actions), ("absences", workers.Exists(w => w.Absences.Count > 0)) })
        {
            if (any)
            {
                coverage.Add(kind);
            }
        }

        return new CouncilSnapshot(previous.Council, previous.Children, workers, previous.Teams, new DataCoverage(coverage), previous.Standards)
        {
            Services = previous.Services,
            Supervision = supervision.Sessions,
        };
    }

    /// <summary>Workers' absences (onto each worker), and every supervision session with the children discussed and
    /// the actions agreed.</summary>
    private static (List<SupervisionSession> Sessions, bool Actions) LoadSupervision(SightlineDbContext db, List<Worker> workers)
    {
        Attach(db.WorkerAbsences.AsNoTracking().ToList(), x => x.WorkerId, workers.ToDictionary(w => w.Id), (w, x) => w.Absences.Add(x));
        var sessions = db.SupervisionSessions.AsNoTracking().OrderBy(s => s.Id).ToList();
        var sessionById = sessions.ToDictionary(s => s.Id);
        // The largest of these tables (about eight rows per session): read as three numbers a row, which EF Core
        // does in half the time it takes to materialise the entities, and streamed rather than listed.
        foreach (var x in db.SupervisionChildrenDiscussed.AsNoTracking().Select(x => new { x.Id, x.SupervisionSessionId, x.ChildId }).AsEnumerable())
        {
            if (sessionById.TryGetValue(x.SupervisionSessionId, out var session))
            {
                session.ChildrenDiscussed.Add(new SupervisionChildDiscussed { Id = x.Id, SupervisionSessionId = x.SupervisionSessionId, ChildId = x.ChildId });
            }
        }

        var actions = db.SupervisionActions.AsNoTracking().ToList();
        Attach(actions, x => x.SupervisionSessionId, sessionById, (s, x) => s.Actions.Add(x));
        return (sessions, actions.Count > 0);
    }

    private static void Attach<TChild, TParent>(IEnumerable<TChild> records, Func<TChild, int> parentId, Dictionary<int, TParent> parents, Action<TParent, TChild> add)
    {
        foreach (var record in records)
        {
            if (parents.TryGetValue(parentId(record), out var parent))
            {
                add(parent, record);
            }
        }
    }
}
