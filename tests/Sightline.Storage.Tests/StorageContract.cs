using Microsoft.EntityFrameworkCore;
using Sightline.Model;

namespace Sightline.Storage.Tests;

/// <summary>What storage must do on every provider. Each provider's test class runs every check here against
/// a fresh database of its own.</summary>
public static class StorageContract
{
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
