using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Sightline.Cli.Generation;
using Sightline.Model;
using Sightline.Oversight;
using Sightline.Storage;
using Sightline.Storage.Tests.Postgres;

namespace Sightline.Tests.Oversight;

/// <summary>The snapshot holds exactly the records EF Core reads from each table it loads, every property equal, each
/// under its own parent and in key order (allocations in start date order), on SQLite and on PostgreSQL. The loader
/// reads with a plain data reader, so this compares it with EF Core's own materialisation.</summary>
[Collection("postgres")]
public sealed class SnapshotLoaderTests(PostgresServer postgres) : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("sightline-snapshot-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void On_sqlite_the_snapshot_holds_every_record_as_ef_core_reads_it() =>
        HoldsEveryRecord(SightlineDatabase.SqliteFile(Path.Combine(_folder, "council.db")));

    [PostgresFact]
    public void On_postgres_the_snapshot_holds_every_record_as_ef_core_reads_it() =>
        HoldsEveryRecord(new SightlineDatabase(DatabaseProvider.Postgres, postgres.CreateDatabase($"snapshot_{Guid.NewGuid():N}")));

    private static void HoldsEveryRecord(SightlineDatabase database)
    {
        new CouncilGenerator(CouncilSize.Small, seed: 1, children: 600).WriteTo(database);
        AddAChildWithEveryFieldSet(database);

        var snapshot = SnapshotLoader.Load(database);

        using var db = database.Open();
        var children = snapshot.Children;
        var episodes = children.SelectMany(c => c.CinEpisodes).ToList();
        var plans = episodes.SelectMany(e => e.ChildProtectionPlans).ToList();
        var cinPlans = episodes.SelectMany(e => e.CinPlans).ToList();
        var assessments = episodes.SelectMany(e => e.Assessments).ToList();
        var preProceedings = children.SelectMany(c => c.PreProceedings).ToList();
        children.Select(c => c.Id).Should().BeInAscendingOrder();

        // What nothing reads from the snapshot stays in the database, though the council has it.
        SnapshotLoader.PropertiesNotHeld.Should().BeEquivalentTo([(typeof(Child), nameof(Child.Upn)), (typeof(Child), nameof(Child.FormerUpn))]);
        db.Children.Should().Contain(c => c.Upn != null);
        children.Should().OnlyContain(c => c.Upn == null && c.FormerUpn == null);
        db.ChildDisabilities.Should().NotBeEmpty();
        db.CareLeaverStatuses.Should().NotBeEmpty();
        db.AssessmentFactors.Should().NotBeEmpty();
        db.Contacts.Should().NotBeEmpty();
        db.EarlyHelpEpisodes.Should().NotBeEmpty();
        db.CoreGroupMeetings.Should().NotBeEmpty();
        children.Should().OnlyContain(c => c.Disabilities.Count == 0 && c.CareLeaverStatuses.Count == 0 && c.Contacts.Count == 0 && c.EarlyHelpEpisodes.Count == 0);
        assessments.Should().NotBeEmpty().And.OnlyContain(a => a.Factors.Count == 0);
        plans.Should().NotBeEmpty().And.OnlyContain(p => p.CoreGroupMeetings.Count == 0);

        // A child's own record reads them from the database, the child's alone, in key order.
        var recordOnly = children.Select(c => (Child: c, Records: SnapshotLoader.ReadChildRecordOnly(database, c.Id))).ToList();
        foreach (var (child, records) in recordOnly)
        {
            var planIds = child.CinEpisodes.SelectMany(e => e.ChildProtectionPlans).Select(p => p.Id).ToHashSet();
            records.Contacts.Should().OnlyContain(x => x.ChildId == child.Id).And.BeInAscendingOrder(x => x.Id);
            records.EarlyHelpEpisodes.Should().OnlyContain(x => x.ChildId == child.Id).And.BeInAscendingOrder(x => x.Id);
            records.CoreGroupMeetings.Should().OnlyContain(g => planIds.Contains(g.Key) && g.All(m => m.ChildProtectionPlanId == g.Key));
        }

        Same(db, recordOnly.SelectMany(r => r.Records.Contacts));
        Same(db, recordOnly.SelectMany(r => r.Records.EarlyHelpEpisodes));
        Same(db, recordOnly.SelectMany(r => r.Records.CoreGroupMeetings.SelectMany(g => g)));

        Same(db, children);
        Same(db, Under(children, c => c.CinEpisodes, (c, x) => x.ChildId == c.Id));
        Same(db, Under(children, c => c.Visits, (c, x) => x.ChildId == c.Id));
        Same(db, Under(children, c => c.StepDecisions, (c, x) => x.ChildId == c.Id));
        Same(db, Under(children, c => c.CareProceedings, (c, x) => x.ChildId == c.Id));
        Same(db, Under(children, c => c.LookedAfterEpisodes, (c, x) => x.ChildId == c.Id));
        Same(db, Under(children, c => c.LookedAfterReviews, (c, x) => x.ChildId == c.Id));
        Same(db, Under(children, c => c.PreProceedings, (c, x) => x.ChildId == c.Id));
        Same(db, Under(preProceedings, p => p.Reviews, (p, x) => x.PreProceedingsId == p.Id));
        Same(db, Under(episodes, e => e.Assessments, (e, x) => x.CinEpisodeId == e.Id));
        Same(db, Under(episodes, e => e.StrategyDiscussions, (e, x) => x.CinEpisodeId == e.Id));
        Same(db, Under(episodes, e => e.Section47Enquiries, (e, x) => x.CinEpisodeId == e.Id));
        Same(db, Under(episodes, e => e.InitialConferences, (e, x) => x.CinEpisodeId == e.Id));
        Same(db, Under(episodes, e => e.ChildProtectionPlans, (e, x) => x.CinEpisodeId == e.Id));
        Same(db, Under(plans, p => p.ReviewConferences, (p, x) => x.ChildProtectionPlanId == p.Id));
        Same(db, Under(plans, p => p.SeniorReviews, (p, x) => x.ChildProtectionPlanId == p.Id));
        Same(db, Under(episodes, e => e.CinPlans, (e, x) => x.CinEpisodeId == e.Id));
        Same(db, Under(cinPlans, p => p.Reviews, (p, x) => x.CinPlanId == p.Id));
        Same(db, Under(plans, p => p.Actions, (p, x) => x.ChildProtectionPlanId == p.Id)
            .Concat(Under(cinPlans, p => p.Actions, (p, x) => x.CinPlanId == p.Id)));
        Same(db, snapshot.Workers);
        Same(db, snapshot.Teams);
        Same(db, snapshot.Services);
        Same(db, [snapshot.Council!]);
        Same(db, Under(snapshot.Workers, w => w.Absences, (w, x) => x.WorkerId == w.Id));
        snapshot.Supervision.Select(s => s.Id).Should().BeInAscendingOrder();
        Same(db, snapshot.Supervision);
        SameChildrenDiscussed(db, snapshot.Supervision);
        Same(db, Under(snapshot.Supervision, s => s.Actions, (s, x) => x.SupervisionSessionId == s.Id));

        foreach (var child in children)
        {
            child.Allocations.Should().OnlyContain(a => a.ChildId == child.Id);
            child.Allocations.Select(a => (a.StartDate, a.Id)).Should().BeInAscendingOrder();
        }

        Same(db, children.SelectMany(c => c.Allocations));
        snapshot.Coverage.Loaded.Should().BeEquivalentTo(["visits", "allocations", "plan actions", "step decisions", "CIN plan reviews", "pre-proceedings",
            "care proceedings", "workers", "supervision", "supervision actions", "absences"]);

        // The web server reads the workforce again after a session or an absence is recorded, and keeps the rest.
        var reloaded = SnapshotLoader.WithWorkforceReloaded(database, snapshot);
        reloaded.Children.Should().BeSameAs(snapshot.Children);
        reloaded.Coverage.Loaded.Should().BeEquivalentTo(snapshot.Coverage.Loaded);
        Same(db, reloaded.Workers);
        Same(db, reloaded.Supervision);
        SameChildrenDiscussed(db, reloaded.Supervision);
        Same(db, Under(reloaded.Supervision, s => s.Actions, (s, x) => x.SupervisionSessionId == s.Id));
        children.Where(c => c.Visits.Count == 0).Select(c => c.Visits).Distinct().Should().HaveCount(1, "children with no visits share one empty list");

        var everyField = children.Single(c => c.LAChildId == "EVERY-FIELD");
        everyField.PreProceedings.Single().Outcome.Should().Be(PreProceedingsOutcome.ProceedingsIssued);
        everyField.Visits.Select(v => v.SeenAlone).Should().Equal(null, true);
    }

    /// <summary>The records of each parent's list, checking that each names its parent and that each list is in key order.</summary>
    private static IEnumerable<T> Under<TParent, T>(IEnumerable<TParent> parents, Func<TParent, List<T>> list, Func<TParent, T, bool> names)
        where T : class
    {
        foreach (var parent in parents)
        {
            var records = list(parent);
            records.Should().OnlyContain(r => names(parent, r), "each record sits under the parent it names");
            records.Select(Key).Should().BeInAscendingOrder();
            foreach (var record in records)
            {
                yield return record;
            }
        }
    }

    /// <summary>The snapshot's records of a kind are the table's rows as EF Core reads them: every mapped property equal.</summary>
    private static void Same<T>(SightlineDbContext db, IEnumerable<T> inSnapshot)
        where T : class
    {
        var properties = db.Model.FindEntityType(typeof(T))!.GetProperties().Where(p => !SnapshotLoader.PropertiesNotHeld.Contains((typeof(T), p.Name)))
            .Select(p => p.PropertyInfo!).ToList();
        string Row(T record) => string.Join("|", properties.Select(p => Convert.ToString(p.GetValue(record), CultureInfo.InvariantCulture) ?? "∅"));
        var expected = db.Set<T>().AsNoTracking().AsEnumerable().Select(Row).Order(StringComparer.Ordinal).ToList();
        expected.Should().NotBeEmpty($"the council should hold {typeof(T).Name} records to compare");
        inSnapshot.Select(Row).Order(StringComparer.Ordinal).Should().Equal(expected, typeof(T).Name);
    }

    /// <summary>Each session's children discussed, as the snapshot holds them (identifiers only), are the table's rows
    /// naming that session, in key order; every row is under a session, and no session holds a record of them.</summary>
    private static void SameChildrenDiscussed(SightlineDbContext db, IReadOnlyList<SupervisionSession> sessions)
    {
        var rows = db.SupervisionChildrenDiscussed.AsNoTracking().OrderBy(x => x.Id).ToList();
        rows.Should().NotBeEmpty("the council should hold children discussed in supervision to compare");
        var expected = rows.GroupBy(x => x.SupervisionSessionId).ToDictionary(g => g.Key, g => g.Select(x => x.ChildId).ToList());
        foreach (var session in sessions)
        {
            session.ChildIdsDiscussed.ToArray().Should().Equal(expected.GetValueOrDefault(session.Id) ?? [], $"session {session.Id}");
            session.ChildrenDiscussed.Should().BeEmpty("the snapshot holds the children discussed as identifiers only");
        }

        sessions.Sum(s => s.ChildIdsDiscussed.Length).Should().Be(rows.Count, "every row is under its session");
    }

    private static int Key<T>(T record) => (int)typeof(T).GetProperty("Id")!.GetValue(record)!;

    /// <summary>A child whose nullable fields are all set, or set to their less common values, so that reading each
    /// column's values (and not only its nulls) is compared.</summary>
    private static void AddAChildWithEveryFieldSet(SightlineDatabase database)
    {
        using var db = database.Open();
        var child = new Child
        {
            LAChildId = "EVERY-FIELD", Upn = "A123456789012", FormerUpn = "B123456789012", UpnUnknownReason = "UN3",
            DateOfBirth = new DateOnly(2012, 2, 29), ExpectedDateOfBirth = new DateOnly(2012, 3, 1), Sex = Sex.Indeterminate, Ethnicity = "MWBA",
            DateOfDeath = new DateOnly(2026, 1, 2), IsUnaccompaniedAsylumSeeker = true, HasDisability = false,
        };
        child.PreProceedings.Add(new PreProceedings
        {
            StartDate = new DateOnly(2025, 5, 1), LegalGatewayDate = new DateOnly(2025, 4, 20), LegalGatewayDecision = LegalGatewayDecision.EnterPreProceedings,
            FamilyGroupDecisionMakingOffered = true, FamilyGroupDecisionMakingHeld = false, ReportedReviewMeetingCount = 2,
            DecisionDate = new DateOnly(2025, 8, 1), Outcome = PreProceedingsOutcome.ProceedingsIssued,
        });
        child.Visits.Add(new Visit { Date = new DateOnly(2025, 6, 1), Kind = VisitKind.LookedAfter, ChildSeen = true, SeenAlone = null });
        child.Visits.Add(new Visit { Date = new DateOnly(2025, 6, 2), Kind = VisitKind.ChildInNeed, ChildSeen = true, SeenAlone = true });
        child.CareProceedings.Add(new CareProceedings { IssueDate = new DateOnly(2025, 8, 4), FinalOrder = CourtOrder.CareOrder, FinalOrderDate = new DateOnly(2026, 1, 5) });
        db.Children.Add(child);
        db.SaveChanges();
    }
}
