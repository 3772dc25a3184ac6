using Microsoft.EntityFrameworkCore;
using Sightline.Model;
using Sightline.Oversight;

namespace Sightline.Storage;

/// <summary>Builds a <see cref="CouncilSnapshot"/> from the database: each table read once, without change
/// tracking, and the records joined to their parents in memory.</summary>
public static class SnapshotLoader
{
    public static CouncilSnapshot Load(SightlineDatabase database) => Load(database, null);

    /// <summary>As <see cref="Load(SightlineDatabase)"/>, reporting each table as it is read: its name, the rows read and
    /// the time taken (for the benchmark).</summary>
    public static CouncilSnapshot Load(SightlineDatabase database, Action<string, int, TimeSpan>? tableRead)
    {
        using var db = database.Open();
        List<T> Read<T>(IQueryable<T> query)
            where T : class
        {
            var timer = System.Diagnostics.Stopwatch.StartNew();
            var rows = query.ToList();
            tableRead?.Invoke(db.Model.FindEntityType(typeof(T))!.GetTableName()!, rows.Count, timer.Elapsed);
            return rows;
        }

        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var children = Read(db.Children.AsNoTracking().OrderBy(c => c.Id));
        var childById = children.ToDictionary(c => c.Id);
        var episodes = Read(db.CinEpisodes.AsNoTracking());
        var episodeById = episodes.ToDictionary(e => e.Id);
        Attach(episodes, e => e.ChildId, childById, (c, e) => c.CinEpisodes.Add(e));

        Attach(Read(db.ChildDisabilities.AsNoTracking()), d => d.ChildId, childById, (c, d) => c.Disabilities.Add(d));
        Attach(Read(db.Contacts.AsNoTracking()), x => x.ChildId, childById, (c, x) => c.Contacts.Add(x));
        Attach(Read(db.EarlyHelpEpisodes.AsNoTracking()), x => x.ChildId, childById, (c, x) => c.EarlyHelpEpisodes.Add(x));
        Attach(Read(db.Visits.AsNoTracking()), x => x.ChildId, childById, (c, x) => c.Visits.Add(x));
        Attach(Read(db.StepDecisions.AsNoTracking()), x => x.ChildId, childById, (c, x) => c.StepDecisions.Add(x));
        Attach(Read(db.CareProceedings.AsNoTracking()), x => x.ChildId, childById, (c, x) => c.CareProceedings.Add(x));
        Attach(Read(db.LookedAfterEpisodes.AsNoTracking()), x => x.ChildId, childById, (c, x) => c.LookedAfterEpisodes.Add(x));
        Attach(Read(db.LookedAfterReviews.AsNoTracking()), x => x.ChildId, childById, (c, x) => c.LookedAfterReviews.Add(x));
        Attach(Read(db.CareLeaverStatuses.AsNoTracking()), x => x.ChildId, childById, (c, x) => c.CareLeaverStatuses.Add(x));
        Attach(Read(db.Allocations.AsNoTracking().OrderBy(a => a.StartDate)), x => x.ChildId, childById, (c, x) => c.Allocations.Add(x));

        var assessments = Read(db.Assessments.AsNoTracking());
        Attach(assessments, x => x.CinEpisodeId, episodeById, (e, x) => e.Assessments.Add(x));
        Attach(Read(db.AssessmentFactors.AsNoTracking()), x => x.AssessmentId, assessments.ToDictionary(a => a.Id), (a, x) => a.Factors.Add(x));
        Attach(Read(db.StrategyDiscussions.AsNoTracking()), x => x.CinEpisodeId, episodeById, (e, x) => e.StrategyDiscussions.Add(x));
        Attach(Read(db.Section47Enquiries.AsNoTracking()), x => x.CinEpisodeId, episodeById, (e, x) => e.Section47Enquiries.Add(x));
        Attach(Read(db.InitialConferences.AsNoTracking()), x => x.CinEpisodeId, episodeById, (e, x) => e.InitialConferences.Add(x));

        var plans = Read(db.ChildProtectionPlans.AsNoTracking());
        var planById = plans.ToDictionary(p => p.Id);
        Attach(plans, x => x.CinEpisodeId, episodeById, (e, x) => e.ChildProtectionPlans.Add(x));
        Attach(Read(db.ReviewConferences.AsNoTracking()), x => x.ChildProtectionPlanId, planById, (p, x) => p.ReviewConferences.Add(x));
        Attach(Read(db.CoreGroupMeetings.AsNoTracking()), x => x.ChildProtectionPlanId, planById, (p, x) => p.CoreGroupMeetings.Add(x));
        Attach(Read(db.SeniorReviews.AsNoTracking()), x => x.ChildProtectionPlanId, planById, (p, x) => p.SeniorReviews.Add(x));

        var cinPlans = Read(db.CinPlans.AsNoTracking());
        var cinPlanById = cinPlans.ToDictionary(p => p.Id);
        Attach(cinPlans, x => x.CinEpisodeId, episodeById, (e, x) => e.CinPlans.Add(x));
        Attach(Read(db.CinPlanReviews.AsNoTracking()), x => x.CinPlanId, cinPlanById, (p, x) => p.Reviews.Add(x));

        var actions = Read(db.PlanActions.AsNoTracking());
        Attach(actions.Where(a => a.ChildProtectionPlanId is not null), x => x.ChildProtectionPlanId!.Value, planById, (p, x) => p.Actions.Add(x));
        Attach(actions.Where(a => a.CinPlanId is not null), x => x.CinPlanId!.Value, cinPlanById, (p, x) => p.Actions.Add(x));

        var preProceedings = Read(db.PreProceedings.AsNoTracking());
        Attach(preProceedings, x => x.ChildId, childById, (c, x) => c.PreProceedings.Add(x));
        Attach(Read(db.PreProceedingsReviews.AsNoTracking()), x => x.PreProceedingsId, preProceedings.ToDictionary(p => p.Id), (p, x) => p.Reviews.Add(x));

        var workers = Read(db.Workers.AsNoTracking());
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
        return new CouncilSnapshot(Read(db.Councils.AsNoTracking()).FirstOrDefault(), children, workers, Read(db.Teams.AsNoTracking()), new DataCoverage(coverage));
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
