using Microsoft.EntityFrameworkCore;
using Sightline.Model;
using Sightline.Oversight;

namespace Sightline.Storage.Tests;

/// <summary>What storage must do on every provider. Each provider's test class runs every check here against
/// a fresh database of its own.</summary>
public static class StorageContract
{
    /// <summary>The model the code maps is the one the provider's migrations build: a change to an entity or its mapping
    /// that would change the database comes with its migration.</summary>
    public static void ModelMatchesTheMigrations(SightlineDatabase database)
    {
        using var db = database.Open();
        db.Database.HasPendingModelChanges().Should().BeFalse("every change to the model has its migration");
    }

    /// <summary>A child's journey saved through EF Core reads back whole, dates, codes and all.</summary>
    public static void ChildJourneyRoundTrips(SightlineDatabase database)
    {
        database.Migrate();
        using (var db = database.Open())
        {
            var (team, worker) = AddTeamAndWorker(db);
            var child = new Child
            {
                LAChildId = "C0000001",
                DateOfBirth = new DateOnly(2015, 3, 27),
                Sex = Sex.Female,
                Ethnicity = "WBRI",
                Disabilities = [new ChildDisability { Code = "HAND" }, new ChildDisability { Code = "HEAR" }],
            };
            var episode = new CinEpisode { ReferralDate = new DateOnly(2025, 3, 3), ReferralSource = "6", PrimaryNeed = "N1" };
            episode.Assessments.Add(new Assessment { StartDate = new DateOnly(2025, 3, 4), AuthorisationDate = new DateOnly(2025, 4, 14), Factors = [new AssessmentFactor { Code = "3A" }] });
            var plan = new ChildProtectionPlan { StartDate = new DateOnly(2025, 3, 24), InitialCategory = "NEG", LatestCategory = "EMO", HasContingencyPlan = false };
            plan.ReviewConferences.Add(new ReviewConference { Date = new DateOnly(2025, 6, 20) });
            plan.ReviewConferences.Add(new ReviewConference { Date = new DateOnly(2025, 12, 12) });
            episode.ChildProtectionPlans.Add(plan);
            child.CinEpisodes.Add(episode);
            child.StepDecisions.Add(new StepDecision { Date = new DateOnly(2025, 3, 24), FromLevel = ServiceLevel.ChildInNeed, ToLevel = ServiceLevel.ChildProtection, DecidedByWorkerId = worker.Id });
            child.Allocations.Add(new Allocation { TeamId = team.Id, WorkerId = worker.Id, StartDate = new DateOnly(2025, 3, 3), Reason = AllocationReason.NewCase });
            db.Children.Add(child);
            db.SaveChanges();
        }

        using (var db = database.Open())
        {
            var child = db.Children
                .Include(c => c.Disabilities)
                .Include(c => c.StepDecisions)
                .Include(c => c.Allocations)
                .Include(c => c.CinEpisodes).ThenInclude(e => e.Assessments).ThenInclude(a => a.Factors)
                .Include(c => c.CinEpisodes).ThenInclude(e => e.ChildProtectionPlans).ThenInclude(p => p.ReviewConferences)
                .AsSplitQuery()
                .Single(c => c.LAChildId == "C0000001");
            child.DateOfBirth.Should().Be(new DateOnly(2015, 3, 27));
            child.Sex.Should().Be(Sex.Female);
            child.Disabilities.Select(d => d.Code).Should().BeEquivalentTo("HAND", "HEAR");
            var episode = child.CinEpisodes.Single();
            episode.Assessments.Single().AuthorisationDate.Should().Be(new DateOnly(2025, 4, 14));
            episode.Assessments.Single().Factors.Single().Code.Should().Be("3A");
            var plan = episode.ChildProtectionPlans.Single();
            plan.LatestCategory.Should().Be("EMO");
            plan.HasContingencyPlan.Should().BeFalse();
            plan.ReviewConferences.Select(r => r.Date).Should().BeEquivalentTo([new DateOnly(2025, 6, 20), new DateOnly(2025, 12, 12)]);
            child.StepDecisions.Single().ToLevel.Should().Be(ServiceLevel.ChildProtection);
            child.Allocations.Single().Reason.Should().Be(AllocationReason.NewCase);
        }
    }

    /// <summary>The council's own child identifier is unique: a second child with the same ID is refused.</summary>
    public static void ChildIdentifierIsUnique(SightlineDatabase database)
    {
        database.Migrate();
        using var db = database.Open();
        db.Children.Add(new Child { LAChildId = "C1" });
        db.SaveChanges();
        db.Children.Add(new Child { LAChildId = "C1" });
        var save = () => db.SaveChanges();
        save.Should().Throw<DbUpdateException>();
    }

    /// <summary>A plan action belongs to exactly one plan: the database refuses one that names two, or none.</summary>
    public static void PlanActionBelongsToExactlyOnePlan(SightlineDatabase database)
    {
        database.Migrate();
        int childId, cpId, cinId;
        using (var db = database.Open())
        {
            var episode = new CinEpisode { ReferralDate = new DateOnly(2025, 1, 6) };
            episode.ChildProtectionPlans.Add(new ChildProtectionPlan { StartDate = new DateOnly(2025, 2, 3), InitialCategory = "NEG", LatestCategory = "NEG" });
            episode.CinPlans.Add(new CinPlan { StartDate = new DateOnly(2025, 1, 20) });
            var child = new Child { LAChildId = "C2", CinEpisodes = [episode] };
            db.Children.Add(child);
            db.SaveChanges();
            (childId, cpId, cinId) = (child.Id, episode.ChildProtectionPlans[0].Id, episode.CinPlans[0].Id);
        }

        foreach (var (cp, cin, allowed) in new (int?, int?, bool)[] { (cpId, null, true), (null, cinId, true), (cpId, cinId, false), (null, null, false) })
        {
            using var db = database.Open();
            db.PlanActions.Add(new PlanAction { ChildId = childId, ChildProtectionPlanId = cp, CinPlanId = cin, Description = "School to monitor attendance." });
            var save = () => db.SaveChanges();
            if (allowed)
            {
                save.Should().NotThrow();
            }
            else
            {
                save.Should().Throw<DbUpdateException>($"an action with CP plan {cp} and CIN plan {cin} names {(cp is null ? "no" : "two")} plans");
            }
        }
    }

    /// <summary>The bulk loader writes records with their own keys, parents first, and afterwards EF Core still
    /// hands out fresh keys (PostgreSQL's identity sequences are moved past the loaded keys).</summary>
    public static void BulkLoadedRecordsReadBackAndKeysCarryOn(SightlineDatabase database)
    {
        database.Migrate();
        using (var db = database.Open())
        using (var loader = new BulkLoader(db))
        {
            // Added child-first: the loader must still write the child's parent row first.
            for (var id = 1; id <= 2_500; id++)
            {
                loader.Add(new CinEpisode { Id = id, ChildId = id, ReferralDate = new DateOnly(2024, 1, 1).AddDays(id % 300), ReferralNfa = id % 10 == 0 });
                loader.Add(new Child { Id = id, LAChildId = $"B{id}", Sex = id % 2 == 0 ? Sex.Male : Sex.Female, DateOfBirth = new DateOnly(2012, 5, 1) });
            }

            loader.Complete();
            loader.RowsWritten["Children"].Should().Be(2_500);
        }

        using (var db = database.Open())
        {
            db.Children.Count().Should().Be(2_500);
            db.CinEpisodes.Count(e => e.ReferralNfa).Should().Be(250);
            db.Children.Single(c => c.LAChildId == "B7").Sex.Should().Be(Sex.Female);
            db.CinEpisodes.Single(e => e.Id == 299).ReferralDate.Should().Be(new DateOnly(2024, 10, 26));
            var added = new Child { LAChildId = "after-bulk" };
            db.Children.Add(added);
            db.SaveChanges();
            added.Id.Should().BeGreaterThan(2_500);
        }
    }

    /// <summary>A bulk load that is not completed leaves nothing behind.</summary>
    public static void AbandonedBulkLoadChangesNothing(SightlineDatabase database)
    {
        database.Migrate();
        using (var db = database.Open())
        using (var loader = new BulkLoader(db))
        {
            for (var id = 1; id <= 60_000; id++)
            {
                loader.Add(new Child { Id = id, LAChildId = $"A{id}" });
            }

            // More than a flush's worth was written inside the transaction, then abandoned.
        }

        using var check = database.Open();
        check.Children.Count().Should().Be(0);
    }

    /// <summary>The snapshot carries the workforce the supervision and caseload measures read: services, each
    /// worker's absences, and every supervision session with its children discussed and actions, and says which of
    /// them were loaded.</summary>
    public static void SnapshotCarriesAbsencesAndSupervision(SightlineDatabase database)
    {
        database.Migrate();
        using (var db = database.Open())
        {
            var (team, worker) = AddTeamAndWorker(db);
            var manager = new Worker { StaffId = "M1", Name = "A Manager", TeamId = team.Id, Role = WorkerRole.TeamManager, StartDate = new DateOnly(2018, 4, 3) };
            db.Workers.Add(manager);
            var child = new Child { LAChildId = "C0000002" };
            db.Children.Add(child);
            db.SaveChanges();
            db.WorkerAbsences.Add(new WorkerAbsence { WorkerId = worker.Id, Kind = AbsenceKind.Maternity, From = new DateOnly(2025, 3, 17), To = new DateOnly(2025, 12, 14) });
            var session = new SupervisionSession { WorkerId = worker.Id, SupervisorId = manager.Id, Date = new DateOnly(2025, 3, 3), Notes = "Reviewed each plan." };
            session.ChildrenDiscussed.Add(new SupervisionChildDiscussed { ChildId = child.Id });
            session.Actions.Add(new SupervisionAction { ChildId = child.Id, Description = "Update the plan", DueDate = new DateOnly(2025, 3, 14) });
            db.SupervisionSessions.Add(session);
            db.SupervisionSessions.Add(new SupervisionSession { WorkerId = worker.Id, SupervisorId = manager.Id, Date = new DateOnly(2025, 2, 3), Held = false, ReasonNotHeld = "Worker in court." });
            db.SaveChanges();
        }

        var snapshot = SnapshotLoader.Load(database);
        snapshot.Services.Select(s => s.Name).Should().Equal("Safeguarding");
        var loaded = snapshot.Workers.Single(w => w.StaffId == "S1");
        loaded.Absences.Single().Should().BeEquivalentTo(new { Kind = AbsenceKind.Maternity, From = new DateOnly(2025, 3, 17), To = (DateOnly?)new DateOnly(2025, 12, 14) });
        snapshot.Supervision.Should().HaveCount(2);
        var held = snapshot.Supervision.Single(s => s.Held);
        held.ChildIdsDiscussed.ToArray().Should().Equal(snapshot.Children.Single(c => c.LAChildId == "C0000002").Id);
        held.ChildrenDiscussed.Should().BeEmpty("the snapshot holds the children discussed as identifiers only");
        held.Actions.Single().DueDate.Should().Be(new DateOnly(2025, 3, 14));
        snapshot.Supervision.Single(s => !s.Held).ReasonNotHeld.Should().Be("Worker in court.");
        snapshot.Coverage.Has("supervision").Should().BeTrue();
        snapshot.Coverage.Has("supervision actions").Should().BeTrue();
        snapshot.Coverage.Has("absences").Should().BeTrue();
        snapshot.Workforce.RecordsBegin.Should().Be(new DateOnly(2025, 2, 3));
        snapshot.Workforce.DiscussedInSupervision(held.ChildIdsDiscussed[0]).Should().Equal(new DateOnly(2025, 3, 3));
    }

    /// <summary>An action marked done keeps the day, the account and when (UTC); the statement that marks it changes
    /// only an action not yet done, so a second attempt writes nothing; the snapshot carries the completion.</summary>
    public static void SupervisionActionIsMarkedDoneOnce(SightlineDatabase database)
    {
        database.Migrate();
        int id;
        using (var db = database.Open())
        {
            var (team, worker) = AddTeamAndWorker(db);
            var manager = new Worker { StaffId = "M1", Name = "A Manager", TeamId = team.Id, Role = WorkerRole.TeamManager, StartDate = new DateOnly(2018, 4, 3) };
            db.Workers.Add(manager);
            db.SaveChanges();
            var session = new SupervisionSession { WorkerId = worker.Id, SupervisorId = manager.Id, Date = new DateOnly(2025, 3, 3) };
            session.Actions.Add(new SupervisionAction { Description = "Update the plan", DueDate = new DateOnly(2025, 3, 14) });
            db.SupervisionSessions.Add(session);
            db.SaveChanges();
            id = session.Actions[0].Id;
        }

        var at = new DateTime(2025, 3, 18, 16, 45, 12, DateTimeKind.Utc);
        int Mark(DateOnly day, string account)
        {
            using var db = database.Open();
            return db.SupervisionActions.Where(a => a.Id == id && a.CompletedDate == null).ExecuteUpdate(u => u
                .SetProperty(a => a.CompletedDate, day).SetProperty(a => a.CompletedBy, account).SetProperty(a => a.CompletedRecordedAt, at));
        }

        Mark(new DateOnly(2025, 3, 17), new string('a', 450)).Should().Be(1);
        Mark(new DateOnly(2025, 3, 18), "someone else").Should().Be(0, "an action done is not marked again");
        using (var db = database.Open())
        {
            var stored = db.SupervisionActions.AsNoTracking().Single(a => a.Id == id);
            (stored.CompletedDate, stored.CompletedBy, stored.CompletedRecordedAt).Should().Be((new DateOnly(2025, 3, 17), new string('a', 450), at));
        }

        SnapshotLoader.Load(database).Supervision.Single().Actions.Single().CompletedDate.Should().Be(new DateOnly(2025, 3, 17));
    }

    /// <summary>A council's local standards are stored version by version: a new date adds a version copying the
    /// settings not given from the one before, the same date again replaces it, a bad value or a database with no
    /// council saves nothing, and the snapshot carries the versions (the defaults when there are none).</summary>
    public static void LocalStandardsAreStoredAsVersions(SightlineDatabase database)
    {
        database.Migrate();
        var september = new DateOnly(2025, 9, 1);
        var january = new DateOnly(2026, 1, 5);
        var firstRecorded = new DateTime(2026, 11, 20, 9, 30, 0, DateTimeKind.Utc);
        var secondRecorded = new DateTime(2026, 11, 21, 14, 5, 0, DateTimeKind.Utc);
        Dictionary<LocalStandardSetting, int> Set(string name, int value) => new() { [LocalStandards.Setting(name)!] = value };

        using (var db = database.Open())
        {
            var withoutCouncil = () => LocalStandardsStore.Set(db, september, Set("cp-visit-working-days", 15), "test", firstRecorded);
            withoutCouncil.Should().Throw<InvalidOperationException>().WithMessage("*no council*");
            db.Councils.Add(new Council { Code = "999", Name = "Testshire", ChildPopulation = 50_000 });
            db.SaveChanges();
        }

        SnapshotLoader.Load(database).Standards.Versions.Should().BeEmpty();
        SnapshotLoader.Load(database).Standards.InForceOn(september).Should().Be(LocalStandards.Defaults);

        using (var db = database.Open())
        {
            var first = LocalStandardsStore.Set(db, september, Set("cp-visit-working-days", 15), "alice, sightline standards set", firstRecorded);
            (first.Replaced, first.Before.CpVisitWorkingDays, first.After.CpVisitWorkingDays).Should().Be((false, 10, 15));
            LocalStandardsStore.Set(db, january, Set("caseload-warning", 16), "alice, sightline standards set", firstRecorded);
            var again = LocalStandardsStore.Set(db, september, Set("cin-visit-working-days", 25), "bob, settings page", secondRecorded);
            (again.Replaced, again.After.CpVisitWorkingDays, again.After.CinVisitWorkingDays).Should().Be((true, 15, 25));
            again.Changed.Select(s => s.Name).Should().Equal("cin-visit-working-days");

            var refused = () => LocalStandardsStore.Set(db, new DateOnly(2026, 3, 2), Set("cp-visit-working-days", 0), "carol", secondRecorded);
            refused.Should().Throw<ArgumentException>().WithMessage("cp-visit-working-days must be from 1 to 30*");
        }

        using (var db = database.Open())
        {
            var versions = LocalStandardsStore.Versions(db);
            versions.Select(v => v.EffectiveFrom).Should().Equal(september, january);
            (versions[0].RecordedBy, versions[0].RecordedAtUtc, versions[1].RecordedAtUtc).Should().Be(("bob, settings page", secondRecorded, firstRecorded));
            versions.Should().OnlyContain(v => v.Values.Count == LocalStandards.Settings.Count);
            db.LocalStandardValues.Count().Should().Be(2 * LocalStandards.Settings.Count, "replacing a version rewrites its values rather than adding more");

            // Two versions on one date are refused by the database itself, whatever writes them.
            db.LocalStandardsVersions.Add(new LocalStandardsVersion { CouncilId = versions[0].CouncilId, EffectiveFrom = september, RecordedBy = "direct", RecordedAtUtc = firstRecorded });
            var duplicate = () => db.SaveChanges();
            duplicate.Should().Throw<DbUpdateException>();
        }

        var standards = SnapshotLoader.Load(database).Standards;
        standards.InForceOn(september.AddDays(-1)).Should().Be(LocalStandards.Defaults);
        standards.InForceOn(september).Should().Be(LocalStandards.Defaults with { EffectiveFrom = september, CpVisitWorkingDays = 15, CinVisitWorkingDays = 25 });

        // The January version was recorded when September's CIN visits were still 20: a later version is not changed
        // by replacing an earlier one.
        standards.InForceOn(new DateOnly(2026, 6, 30)).Should().Be(LocalStandards.Defaults with { EffectiveFrom = january, CpVisitWorkingDays = 15, CaseloadWarning = 16 });
    }

    private static (Team Team, Worker Worker) AddTeamAndWorker(SightlineDbContext db)
    {
        var service = new Service { Name = "Safeguarding" };
        var team = new Team { Name = "Safeguarding 1" };
        service.Teams.Add(team);
        db.Services.Add(service);
        db.SaveChanges();
        var worker = new Worker { StaffId = "S1", Name = "A Worker", TeamId = team.Id, Role = WorkerRole.SocialWorker, Fte = 0.8m, StartDate = new DateOnly(2020, 1, 6) };
        db.Workers.Add(worker);
        db.SaveChanges();
        return (team, worker);
    }

    /// <summary>The access log takes new entries, and the database refuses to change or remove one, whoever asks.</summary>
    public static void AccessLogIsAppendOnly(SightlineDatabase database)
    {
        database.Migrate();
        using (var db = database.Open())
        {
            db.AccessLog.Add(new AccessLogEntry { At = new DateTime(2026, 11, 2, 9, 30, 0, DateTimeKind.Utc), UserName = "a.worker", Action = AccessAction.ViewChild, ChildId = 42, Record = "Child 42", Allowed = true });
            db.AccessLog.Add(new AccessLogEntry { At = new DateTime(2026, 11, 2, 9, 31, 0, DateTimeKind.Utc), UserName = "a.worker", Action = AccessAction.Export, Record = "My work CSV", Detail = "12 rows", Allowed = false });
            db.SaveChanges();
        }

        using (var db = database.Open())
        {
            var entry = db.AccessLog.OrderBy(e => e.Id).First();
            entry.Allowed = false;
            var change = () => db.SaveChanges();
            change.Should().Throw<DbUpdateException>().Which.InnerException!.Message.Should().Contain("append-only");
        }

        using (var db = database.Open())
        {
            var removeOne = () => db.AccessLog.Where(e => e.ChildId == 42).ExecuteDelete();
            removeOne.Should().Throw<Exception>().WithMessage("*append-only*");
            var rewrite = () => db.AccessLog.ExecuteUpdate(e => e.SetProperty(x => x.UserName, "someone else"));
            rewrite.Should().Throw<Exception>().WithMessage("*append-only*");
        }

        using (var db = database.Open())
        {
            db.AccessLog.OrderBy(e => e.Id).Select(e => new { e.UserName, e.Action, e.ChildId, e.Allowed, e.At })
                .ToList().Should().BeEquivalentTo(new[]
                {
                    new { UserName = "a.worker", Action = AccessAction.ViewChild, ChildId = (int?)42, Allowed = true, At = new DateTime(2026, 11, 2, 9, 30, 0, DateTimeKind.Utc) },
                    new { UserName = "a.worker", Action = AccessAction.Export, ChildId = (int?)null, Allowed = false, At = new DateTime(2026, 11, 2, 9, 31, 0, DateTimeKind.Utc) },
                }, options => options.WithStrictOrdering().Using<DateTime>(c => c.Subject.Should().BeCloseTo(c.Expectation, TimeSpan.Zero)).WhenTypeIs<DateTime>());
        }
    }

    /// <summary>An account with a team link is stored and read back with its link.</summary>
    public static void AccountKeepsItsWorkerAndTeams(SightlineDatabase database)
    {
        database.Migrate();
        using (var db = database.Open())
        {
            var (team, worker) = AddTeamAndWorker(db);
            var user = new SightlineUser { UserName = "a.manager", NormalizedUserName = "A.MANAGER", WorkerStaffId = worker.StaffId };
            user.Teams.Add(new UserTeam { UserId = user.Id, TeamId = team.Id });
            db.Users.Add(user);
            db.SaveChanges();
        }

        using (var db = database.Open())
        {
            var user = db.Users.Include(u => u.Teams).Single();
            user.WorkerStaffId.Should().NotBeNull();
            user.Teams.Should().ContainSingle();
        }
    }
}
