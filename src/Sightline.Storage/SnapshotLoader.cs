using System.Linq.Expressions;
using System.Reflection;
using System.Runtime;
using System.Runtime.InteropServices;
using Microsoft.EntityFrameworkCore;
using Sightline.Model;
using Sightline.Oversight;

namespace Sightline.Storage;

/// <summary>Builds a <see cref="CouncilSnapshot"/> from the database: each table read once with a plain data reader
/// (<see cref="TableReader"/>), and each record added to its parent's list as it is read; the children discussed in
/// supervision are held as identifiers only (<see cref="SupervisionSession.ChildIdsDiscussed"/>). Records that no rule, indicator or
/// council-wide page reads stay in the database only, and their lists are empty here: a child's disabilities, care leaver
/// statuses, contacts and early help episodes, the factors identified at each assessment, and each plan's core group
/// meetings. For all of England they are 17 million of the 100 million records. A
/// child's own record reads the ones it shows with <see cref="ReadChildRecordOnly"/>. A child's UPN and former UPN are not read
/// either (<see cref="PropertiesNotHeld"/>). Children, and each list of
/// records, are in key order, except a child's allocations, which are in start date order (then key order). Records
/// with no related records of a kind share one empty list of that kind, so the snapshot must never be changed.</summary>
public static class SnapshotLoader
{
    public static CouncilSnapshot Load(SightlineDatabase database) => Load(database, null);

    /// <summary>The properties of records the snapshot holds that it leaves at their defaults, unread: a child's UPN and
    /// former UPN, which nothing reading the snapshot uses.</summary>
    public static IReadOnlySet<(Type Record, string Property)> PropertiesNotHeld => TableReader.NotRead;

    /// <summary>As <see cref="Load(SightlineDatabase)"/>, reporting each table as it is read: its name, the rows read and
    /// the time taken (for the benchmark). Two tables may be reported at once, from two threads.</summary>
    public static CouncilSnapshot Load(SightlineDatabase database, Action<string, int, TimeSpan>? tableRead)
    {
        using var db = database.Open();
        db.Database.OpenConnection();
        var tables = new TableReader(db) { TableRead = tableRead };
        var child = new InKeyOrder<Child>(c => c.Id);
        tables.Read<Child>(child.Add);
        var children = child.Records;

        // Reading is work for the processor more than for the disk: the episodes, and all that hangs from them, are
        // read on a second connection while this one reads the children's other records.
        var episodes = Task.Run(() =>
        {
            using var second = database.Open();
            second.Database.OpenConnection();
            return ReadEpisodes(new TableReader(second) { TableRead = tableRead }, child);
        });
        ReadChildRecords(tables, child);
        var workers = new InKeyOrder<Worker>(w => w.Id);
        tables.Read<Worker>(workers.Add);
        var supervision = ReadSupervision(tables, workers);
        var teams = new List<Team>();
        tables.Read<Team>(teams.Add);
        var services = new List<Service>();
        tables.Read<Service>(services.Add);
        var councils = new List<Council>();
        tables.Read<Council>(councils.Add);
        var standards = LocalStandardsStore.History(db);
        var actions = episodes.GetAwaiter().GetResult();

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
        Covered("plan actions", actions > 0);
        Covered("step decisions", children.Exists(c => c.StepDecisions.Count > 0));
        Covered("CIN plan reviews", children.Exists(c => c.CinEpisodes.Exists(e => e.CinPlans.Exists(p => p.Reviews.Count > 0))));
        Covered("pre-proceedings", children.Exists(c => c.PreProceedings.Count > 0));
        Covered("care proceedings", children.Exists(c => c.CareProceedings.Count > 0));
        CoveredWorkforce(coverage, workers.Records, supervision);
        var snapshot = new CouncilSnapshot(councils.FirstOrDefault(), children, workers.Records, teams, new DataCoverage(coverage), standards)
        {
            Services = services,
            Supervision = supervision,
        };
        // Reading leaves garbage among the records (lists outgrown, rows read and dropped): one full collection that
        // compacts the heap once the snapshot is built lets whatever runs over it next start from its own size. For
        // 600,000 children the process then peaked 5% lower over the benchmark's work.
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        return snapshot;
    }

    /// <summary>A new snapshot with the workforce read again from the database (workers, their absences, and every
    /// supervision session with its children discussed and actions) and everything else shared with
    /// <paramref name="previous"/>: what the web server holds after a session or an absence is recorded, read in a
    /// fraction of the time a whole load takes. The previous snapshot is left as it was.</summary>
    public static CouncilSnapshot WithWorkforceReloaded(SightlineDatabase database, CouncilSnapshot previous)
    {
        using var db = database.Open();
        db.Database.OpenConnection();
        var tables = new TableReader(db);
        var workers = new InKeyOrder<Worker>(w => w.Id);
        tables.Read<Worker>(workers.Add);
        var supervision = ReadSupervision(tables, workers);
        var coverage = previous.Coverage.Loaded.Where(k => !WorkforceKinds.Contains(k)).ToHashSet(StringComparer.Ordinal);
        CoveredWorkforce(coverage, workers.Records, supervision);
        return new CouncilSnapshot(previous.Council, previous.Children, workers.Records, previous.Teams, new DataCoverage(coverage), previous.Standards)
        {
            Services = previous.Services,
            Supervision = supervision,
        };
    }

    /// <summary>The kinds of record the workforce brings, which <see cref="CoveredWorkforce"/> decides.</summary>
    private static readonly string[] WorkforceKinds = ["workers", "supervision", "supervision actions", "absences"];

    private static void CoveredWorkforce(HashSet<string> coverage, List<Worker> workers, List<SupervisionSession> supervision)
    {
        bool[] any =
        [
            workers.Count > 0,
            supervision.Count > 0,
            supervision.Exists(s => s.Actions.Count > 0),
            workers.Exists(w => w.Absences.Count > 0),
        ];
        for (var i = 0; i < WorkforceKinds.Length; i++)
        {
            if (any[i])
            {
                coverage.Add(WorkforceKinds[i]);
            }
        }
    }

    /// <summary>Reads workers' absences onto each worker, and every supervision session with the children discussed
    /// and the actions agreed.</summary>
    private static List<SupervisionSession> ReadSupervision(TableReader tables, InKeyOrder<Worker> workers)
    {
        ReadInto(tables, workers, (WorkerAbsence x) => x.WorkerId, w => w.Absences);
        var session = new InKeyOrder<SupervisionSession>(x => x.Id);
        tables.Read<SupervisionSession>(session.Add);
        ReadChildIdsDiscussed(tables, session);
        ReadInto(tables, session, (SupervisionAction x) => x.SupervisionSessionId, s => s.Actions);
        return session.Records;
    }

    /// <summary>Gives each session the identifiers of the children discussed (<see cref="SupervisionSession.ChildIdsDiscussed"/>),
    /// read straight from their table, in key order, with no record made for each: for all of England there are tens of
    /// millions. <see cref="SupervisionSession.ChildrenDiscussed"/> stays empty. As in <see cref="Attacher{TParent,T}"/>,
    /// a session's rows usually come one after another and each such run becomes its array at once; a row whose session
    /// was not read is left out.</summary>
    private static void ReadChildIdsDiscussed(TableReader tables, InKeyOrder<SupervisionSession> session)
    {
        foreach (var s in session.Records)
        {
            s.HoldChildIdsDiscussed([]);
        }

        var run = new List<int>();
        var sessionId = 0;
        void Flush()
        {
            if (run.Count > 0 && session.Find(sessionId) is { } s)
            {
                s.HoldChildIdsDiscussed(s.ChildIdsDiscussed.IsEmpty ? [.. run] : [.. s.ChildIdsDiscussed, .. run]);
            }

            run.Clear();
        }

        tables.Read((SupervisionChildDiscussed x) => x.SupervisionSessionId, x => x.ChildId, (id, childId) =>
        {
            if (run.Count > 0 && id != sessionId)
            {
                Flush();
            }

            sessionId = id;
            run.Add(childId);
        });
        Flush();
    }

    /// <summary>The records of one child that only the child's own record shows, which the snapshot does not hold, read from
    /// the database: the child's contacts and early help episodes, and the core group meetings of the child's plans.</summary>
    public static ChildRecordOnly ReadChildRecordOnly(SightlineDatabase database, int childId)
    {
        using var db = database.Open();
        var plans = db.ChildProtectionPlans.AsNoTracking().Where(p => db.CinEpisodes.Any(e => e.Id == p.CinEpisodeId && e.ChildId == childId)).Select(p => p.Id);
        return new ChildRecordOnly(
            db.Contacts.AsNoTracking().Where(c => c.ChildId == childId).OrderBy(c => c.Id).ToList(),
            db.EarlyHelpEpisodes.AsNoTracking().Where(e => e.ChildId == childId).OrderBy(e => e.Id).ToList(),
            db.CoreGroupMeetings.AsNoTracking().Where(m => plans.Contains(m.ChildProtectionPlanId)).OrderBy(m => m.Id).ToList()
                .ToLookup(m => m.ChildProtectionPlanId));
    }

    /// <summary>Reads the children's records other than their episodes into their lists.</summary>
    private static void ReadChildRecords(TableReader tables, InKeyOrder<Child> child)
    {
        ReadInto(tables, child, (Visit x) => x.ChildId, c => c.Visits);
        ReadInto(tables, child, (StepDecision x) => x.ChildId, c => c.StepDecisions);
        ReadInto(tables, child, (CareProceedings x) => x.ChildId, c => c.CareProceedings);
        ReadInto(tables, child, (LookedAfterEpisode x) => x.ChildId, c => c.LookedAfterEpisodes);
        ReadInto(tables, child, (LookedAfterReview x) => x.ChildId, c => c.LookedAfterReviews);
        ReadInto(tables, child, (Allocation x) => x.ChildId, c => c.Allocations);

        // Each child's allocations in start date order: sorted child by child, far cheaper than the database sorting them
        // all (for all of England it sorted six million rows on disk).
        foreach (var c in child.Records)
        {
            if (c.Allocations.Count > 1)
            {
                c.Allocations.Sort((a, b) => a.StartDate != b.StartDate ? a.StartDate.CompareTo(b.StartDate) : a.Id.CompareTo(b.Id));
            }
        }

        var preProceedings = new InKeyOrder<PreProceedings>(x => x.Id);
        ReadInto(tables, child, (PreProceedings x) => x.ChildId, c => c.PreProceedings, preProceedings.Add);
        ReadInto(tables, preProceedings, (PreProceedingsReview x) => x.PreProceedingsId, p => p.Reviews);
    }

    /// <summary>Reads the children's episodes, and everything recorded in them, into their lists.</summary>
    /// <returns>How many plan actions there are.</returns>
    private static int ReadEpisodes(TableReader tables, InKeyOrder<Child> child)
    {
        var episode = new InKeyOrder<CinEpisode>(x => x.Id);
        ReadInto(tables, child, (CinEpisode x) => x.ChildId, c => c.CinEpisodes, episode.Add);

        ReadInto(tables, episode, (Assessment x) => x.CinEpisodeId, e => e.Assessments);
        ReadInto(tables, episode, (StrategyDiscussion x) => x.CinEpisodeId, e => e.StrategyDiscussions);
        ReadInto(tables, episode, (Section47Enquiry x) => x.CinEpisodeId, e => e.Section47Enquiries);
        ReadInto(tables, episode, (InitialConference x) => x.CinEpisodeId, e => e.InitialConferences);

        var plan = new InKeyOrder<ChildProtectionPlan>(x => x.Id);
        ReadInto(tables, episode, (ChildProtectionPlan x) => x.CinEpisodeId, e => e.ChildProtectionPlans, plan.Add);
        ReadInto(tables, plan, (ReviewConference x) => x.ChildProtectionPlanId, p => p.ReviewConferences);
        ReadInto(tables, plan, (SeniorReview x) => x.ChildProtectionPlanId, p => p.SeniorReviews);

        var cinPlan = new InKeyOrder<CinPlan>(x => x.Id);
        ReadInto(tables, episode, (CinPlan x) => x.CinEpisodeId, e => e.CinPlans, cinPlan.Add);
        ReadInto(tables, cinPlan, (CinPlanReview x) => x.CinPlanId, p => p.Reviews);

        // An action belongs to exactly one plan, of either kind.
        var toPlan = new Attacher<ChildProtectionPlan, PlanAction>(plan, p => p.Actions);
        var toCinPlan = new Attacher<CinPlan, PlanAction>(cinPlan, p => p.Actions);
        var actions = 0;
        tables.Read<PlanAction>(x =>
        {
            actions++;
            if (x.ChildProtectionPlanId is { } planId)
            {
                toPlan.Add(planId, x);
            }
            else if (x.CinPlanId is { } cinPlanId)
            {
                toCinPlan.Add(cinPlanId, x);
            }
        });
        toPlan.Flush();
        toCinPlan.Flush();
        return actions;
    }

    /// <summary>Reads <typeparamref name="T"/>'s table and adds each record to its parent's list, handing it also to
    /// <paramref name="also"/> (a record that is itself a parent is kept by key that way).</summary>
    private static void ReadInto<TParent, T>(TableReader tables, InKeyOrder<TParent> parents, Func<T, int> parentId, Expression<Func<TParent, List<T>>> list,
        Action<T>? also = null)
        where TParent : class
        where T : class
    {
        var attacher = new Attacher<TParent, T>(parents, list);
        tables.Read<T>(record =>
        {
            attacher.Add(parentId(record), record);
            also?.Invoke(record);
        });
        attacher.Flush();
    }

    /// <summary>Adds records to their parents' lists. A parent read by <see cref="TableReader"/> starts with a shared empty
    /// list, and is given a list of its own for its first records. Rows come in key order, and a parent's records usually
    /// come one after another (they were written together): each such run goes into the parent's list at once, so that
    /// the list is made exactly as long as it needs to be. A record whose parent was not read is left out.</summary>
    private sealed class Attacher<TParent, T>
        where TParent : class
    {
        private readonly List<T> _run = [];
        private readonly InKeyOrder<TParent> _parents;
        private readonly Func<TParent, List<T>> _get;
        private readonly Action<TParent, List<T>> _set;
        private int _parentId;

        public Attacher(InKeyOrder<TParent> parents, Expression<Func<TParent, List<T>>> list)
        {
            _parents = parents;
            var property = (PropertyInfo)((MemberExpression)list.Body).Member;
            _get = property.GetMethod!.CreateDelegate<Func<TParent, List<T>>>();
            _set = property.SetMethod!.CreateDelegate<Action<TParent, List<T>>>();
        }

        public void Add(int parentId, T record)
        {
            if (_run.Count > 0 && parentId != _parentId)
            {
                Flush();
            }

            _parentId = parentId;
            _run.Add(record);
        }

        /// <summary>Adds the run of records held so far; call once more after the last record.</summary>
        public void Flush()
        {
            if (_run.Count > 0 && _parents.Find(_parentId) is { } parent)
            {
                var target = _get(parent);
                if (target.Count == 0)
                {
                    _set(parent, new List<T>(_run));
                }
                else
                {
                    target.AddRange(_run);
                }
            }

            _run.Clear();
        }
    }

    /// <summary>Records read in key order, found again by key with a binary search: for millions of episodes a dictionary
    /// would hold three times the memory while the snapshot is read.</summary>
    private sealed class InKeyOrder<T>(Func<T, int> key)
        where T : class
    {
        private readonly List<int> _keys = [];

        /// <summary>The records, in key order.</summary>
        public List<T> Records { get; } = [];

        public void Add(T record)
        {
            var k = key(record);
            if (_keys.Count > 0 && k <= _keys[^1])
            {
                throw new InvalidOperationException($"{typeof(T).Name} records were not read in key order.");
            }

            _keys.Add(k);
            Records.Add(record);
        }

        /// <summary>The record with key <paramref name="id"/>, or null.</summary>
        public T? Find(int id)
        {
            var at = CollectionsMarshal.AsSpan(_keys).BinarySearch(id);
            return at >= 0 ? Records[at] : null;
        }
    }
}

/// <summary>A child's records that the snapshot does not hold because only the child's own record shows them (see
/// <see cref="SnapshotLoader.ReadChildRecordOnly"/>), each list in key order.</summary>
/// <param name="Contacts">The child's contacts.</param>
/// <param name="EarlyHelpEpisodes">The child's early help episodes.</param>
/// <param name="CoreGroupMeetings">The core group meetings of each of the child's child protection plans, by plan.</param>
public sealed record ChildRecordOnly(IReadOnlyList<Contact> Contacts, IReadOnlyList<EarlyHelpEpisode> EarlyHelpEpisodes, ILookup<int, CoreGroupMeeting> CoreGroupMeetings);
