using Sightline.Cli.AnnexA;
using Sightline.Formats.AnnexA;
using Sightline.Model;
using Sightline.Storage;

namespace Sightline.Tests.AnnexA;

/// <summary>Who is on each list, worked by hand at the edges of its period. As at 31 August 2025 the six months
/// run from 1 March 2025 to 31 August 2025: 28 February (the same date six months before) is outside, 1 March is
/// inside, the as-at date is inside, the day after is outside. The 12 months run from 1 September 2024.</summary>
public sealed class AnnexAPopulationTests : IDisposable
{
    private static readonly DateOnly AsAt = new(2025, 8, 31);
    private static readonly DateOnly SixMonthsBefore = new(2025, 2, 28);
    private static readonly DateOnly FirstDayIn = new(2025, 3, 1);
    private static readonly DateOnly DayAfter = new(2025, 9, 1);

    private readonly string _folder = Directory.CreateTempSubdirectory("sightline-annexa-").FullName;
    private readonly SightlineDatabase _database;

    public AnnexAPopulationTests()
    {
        _database = SightlineDatabase.SqliteFile(Path.Combine(_folder, "council.db"));
        _database.Migrate();
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private void Add(params Child[] children)
    {
        using var db = _database.Open();
        db.Children.AddRange(children);
        db.SaveChanges();
    }

    private List<object?[]> Rows(int list)
    {
        using var db = _database.Open();
        return AnnexAExporter.Rows(db, AsAt).Single(l => l.List.Number == list).Rows;
    }

    private static object? Cell(object?[] row, int list, string header) =>
        row[AnnexASchema.List(list).Columns.ToList().FindIndex(c => c.Header == header)];

    private static Child Child(string id, DateOnly? born = null) => new() { LAChildId = id, DateOfBirth = born ?? new DateOnly(2012, 1, 1) };

    [Fact]
    public void TheSixMonthsRunFromTheDayAfterTheSameDateSixMonthsBeforeToTheAsAtDate()
    {
        new AnnexAPeriod(AsAt, 6).Contains(SixMonthsBefore).Should().BeFalse();
        new AnnexAPeriod(AsAt, 6).Contains(FirstDayIn).Should().BeTrue();
        new AnnexAPeriod(AsAt, 6).Contains(AsAt).Should().BeTrue();
        new AnnexAPeriod(AsAt, 6).Contains(DayAfter).Should().BeFalse();
        new AnnexAPeriod(AsAt, 12).Before.Should().Be(new DateOnly(2024, 8, 31));
    }

    [Fact]
    public void ContactsAndReferralsAreThoseInTheSixMonths()
    {
        var child = Child("C1");
        foreach (var date in new[] { SixMonthsBefore, FirstDayIn, AsAt, DayAfter })
        {
            child.Contacts.Add(new Contact { Date = date, Source = "6" });
            child.CinEpisodes.Add(new CinEpisode { ReferralDate = date, ReferralSource = "3A", ClosureDate = date, ReferralNfa = true });
        }

        Add(child);
        Rows(1).Select(r => Cell(r, 1, "Date of Contact")).Should().Equal(FirstDayIn, AsAt);
        var referrals = Rows(3);
        referrals.Select(r => Cell(r, 3, "Date of referral")).Should().Equal(FirstDayIn, AsAt);
        referrals.Select(r => Cell(r, 3, "Referral Source")).Should().OnlyContain(v => Equals(v, "d) Health services"));
        // Referrals in the 12 months to 31 August 2025: 28 February, 1 March and 31 August; not 1 September.
        referrals.Select(r => Cell(r, 3, "Number of Referrals in Last 12 Months")).Should().OnlyContain(v => Equals(v, 3));
    }

    [Fact]
    public void ChildrenInNeedAreEpisodesOpenAtSomeTimeInTheSixMonthsExceptNoFurtherAction()
    {
        var child = Child("C1");
        child.CinEpisodes.AddRange(
        [
            new CinEpisode { ReferralDate = new DateOnly(2024, 1, 1), ClosureDate = SixMonthsBefore, ReasonForClosure = "RC7" },
            new CinEpisode { ReferralDate = new DateOnly(2024, 2, 1), ClosureDate = FirstDayIn, ReasonForClosure = "RC9" },
            new CinEpisode { ReferralDate = new DateOnly(2024, 3, 1), ClosureDate = DayAfter, ReasonForClosure = "RC7" },
            new CinEpisode { ReferralDate = new DateOnly(2025, 4, 1), ClosureDate = new DateOnly(2025, 4, 1), ReferralNfa = true },
            new CinEpisode { ReferralDate = DayAfter },
        ]);
        Add(child);
        var rows = Rows(6);
        rows.Select(r => Cell(r, 6, "CIN Start Date")).Should().Equal(new DateOnly(2024, 2, 1), new DateOnly(2024, 3, 1));
        Cell(rows[0], 6, "Reason for Closure").Should().Be("h) Child not in need after assessment");
        Cell(rows[0], 6, "Case Status").Should().Be("e) Closed episode");
        Cell(rows[1], 6, "CIN Closure Date").Should().BeNull("it closes after the as-at date, so as at then it is open");
        Cell(rows[1], 6, "Reason for Closure").Should().BeNull();
        Cell(rows[1], 6, "Case Status").Should().Be("d) Open assessment", "no assessment has started");
    }

    [Fact]
    public void AssessmentsAreThoseOpenAtSomeTimeInTheSixMonths()
    {
        var child = Child("C1");
        var episode = new CinEpisode { ReferralDate = new DateOnly(2024, 6, 1) };
        episode.Assessments.AddRange(
        [
            new Assessment { StartDate = new DateOnly(2024, 6, 1), AuthorisationDate = SixMonthsBefore, NeedsServices = true },
            new Assessment { StartDate = new DateOnly(2024, 7, 1), AuthorisationDate = FirstDayIn, NeedsServices = false },
            new Assessment { StartDate = new DateOnly(2025, 8, 1), AuthorisationDate = DayAfter, NeedsServices = true },
        ]);
        child.CinEpisodes.Add(episode);
        Add(child);
        var rows = Rows(4);
        rows.Select(r => Cell(r, 4, "Continuous Assessment Start Date")).Should().Equal(new DateOnly(2024, 7, 1), new DateOnly(2025, 8, 1));
        Cell(rows[0], 4, "Was the child assessed as requiring LA children's social care support?").Should().Be("b) No");
        Cell(rows[1], 4, "Continuous Assessment Date of Authorisation").Should().BeNull("it is authorised after the as-at date");
        Cell(rows[1], 4, "Was the child assessed as requiring LA children's social care support?").Should().BeNull("not decided as at then");
    }

    [Fact]
    public void Section47EnquiriesAreDatedByTheStrategyDiscussionThatStartedThem()
    {
        var child = Child("C1");
        var episode = new CinEpisode { ReferralDate = new DateOnly(2025, 1, 1) };
        var early = new StrategyDiscussion { Date = SixMonthsBefore, Section47Started = true };
        var edge = new StrategyDiscussion { Date = FirstDayIn, Section47Started = true };
        episode.StrategyDiscussions.AddRange([early, edge]);
        child.CinEpisodes.Add(episode);
        Add(child);
        using (var db = _database.Open())
        {
            // The enquiries began a day after their discussions; Annex A shows the discussion.
            db.Section47Enquiries.AddRange(
                new Section47Enquiry { CinEpisodeId = episode.Id, StrategyDiscussionId = early.Id, StartDate = FirstDayIn },
                new Section47Enquiry { CinEpisodeId = episode.Id, StrategyDiscussionId = edge.Id, StartDate = FirstDayIn.AddDays(1) },
                new Section47Enquiry { CinEpisodeId = episode.Id, StartDate = DayAfter });
            db.SaveChanges();
        }

        var rows = Rows(5);
        rows.Select(r => Cell(r, 5, "Strategy discussion initiating Section 47 Enquiry Start Date")).Should().Equal(FirstDayIn);
        Cell(rows[0], 5, "Number of Section 47 Enquiries in the last 12 months").Should().Be(2);
        Cell(rows[0], 5, "Date of Initial Child Protection Conference").Should().BeNull();
    }

    [Fact]
    public void ChildProtectionPlansAreThoseOpenOnTheAsAtDateOrEndedInTheSixMonths()
    {
        var child = Child("C1");
        var episode = new CinEpisode { ReferralDate = new DateOnly(2024, 1, 1) };
        episode.ChildProtectionPlans.AddRange(
        [
            new ChildProtectionPlan { StartDate = new DateOnly(2024, 2, 1), EndDate = SixMonthsBefore, InitialCategory = "NEG", LatestCategory = "NEG" },
            new ChildProtectionPlan { StartDate = new DateOnly(2024, 3, 1), EndDate = FirstDayIn, InitialCategory = "PHY", LatestCategory = "MUL" },
            new ChildProtectionPlan { StartDate = new DateOnly(2025, 4, 1), EndDate = DayAfter, InitialCategory = "EMO", LatestCategory = "EMO", NumberOfPreviousPlans = 2 },
            new ChildProtectionPlan { StartDate = DayAfter, InitialCategory = "SAB", LatestCategory = "SAB" },
        ]);
        child.CinEpisodes.Add(episode);
        child.Visits.AddRange(
        [
            new Visit { Kind = VisitKind.ChildProtection, Date = new DateOnly(2025, 8, 20), ChildSeen = true, SeenAlone = null },
            new Visit { Kind = VisitKind.ChildProtection, Date = DayAfter, ChildSeen = true, SeenAlone = true },
        ]);
        Add(child);
        var rows = Rows(7);
        rows.Select(r => Cell(r, 7, "Child Protection Plan Start Date")).Should().Equal(new DateOnly(2024, 3, 1), new DateOnly(2025, 4, 1));
        Cell(rows[0], 7, "Latest Category of Abuse").Should().Be("e) Multiple");
        Cell(rows[1], 7, "Child Protection Plan End Date").Should().BeNull();
        Cell(rows[1], 7, "Number of Previous Child Protection Plans").Should().Be(2);
        Cell(rows[1], 7, "Date of the Last Statutory Visit").Should().Be(new DateOnly(2025, 8, 20), "the visit after the as-at date has not happened");
        Cell(rows[1], 7, "Was the Child Seen Alone?").Should().Be("c) Unknown");
    }

    [Fact]
    public void ChildrenInCareAreThoseLookedAfterOnTheAsAtDateOrWhoCeasedInTheSixMonths()
    {
        var ceasedBefore = Child("C1");
        ceasedBefore.LookedAfterEpisodes.Add(new LookedAfterEpisode { StartDate = new DateOnly(2024, 1, 1), EndDate = SixMonthsBefore, LegalStatus = "V2", PlacementType = "U4", ReasonEnded = "E13" });
        var ceasedIn = Child("C2");
        ceasedIn.LookedAfterEpisodes.Add(new LookedAfterEpisode { StartDate = new DateOnly(2024, 1, 1), EndDate = FirstDayIn, LegalStatus = "V2", PlacementType = "U4", ReasonEnded = "E4A" });
        var lookedAfter = Child("C3");
        lookedAfter.LookedAfterEpisodes.AddRange(
        [
            new LookedAfterEpisode { StartDate = new DateOnly(2024, 1, 1), EndDate = new DateOnly(2024, 6, 1), ReasonForNewEpisode = "S", LegalStatus = "C1", PlacementType = "U4", ReasonEnded = "X1" },
            new LookedAfterEpisode { StartDate = new DateOnly(2024, 6, 1), EndDate = new DateOnly(2024, 10, 1), ReasonForNewEpisode = "L", LegalStatus = "C2", PlacementType = "U4", ReasonEnded = "X1" },
            new LookedAfterEpisode { StartDate = new DateOnly(2024, 10, 1), EndDate = DayAfter, ReasonForNewEpisode = "P", LegalStatus = "C2", PlacementType = "K2", ReasonEnded = "E11" },
        ]);
        var shortBreaks = Child("C4");
        shortBreaks.LookedAfterEpisodes.Add(new LookedAfterEpisode { StartDate = new DateOnly(2025, 5, 1), EndDate = new DateOnly(2025, 5, 3), LegalStatus = "V3", PlacementType = "U4" });
        Add(ceasedBefore, ceasedIn, lookedAfter, shortBreaks);

        var rows = Rows(8);
        rows.Select(r => Cell(r, 8, AnnexASchema.ChildId)).Should().Equal("C2", "C3");
        Cell(rows[0], 8, "Date Ceased to be Looked After").Should().Be(FirstDayIn);
        Cell(rows[0], 8, "Reason Ceased to be Looked After").Should().Be("d) Returned home to live with parents or relatives");
        var c3 = rows[1];
        Cell(c3, 8, "Date Started to be Looked After").Should().Be(new DateOnly(2024, 1, 1));
        Cell(c3, 8, "Start date of current legal status").Should().Be(new DateOnly(2024, 6, 1));
        Cell(c3, 8, "Child's Legal Status").Should().Be("b) Full care orders");
        Cell(c3, 8, "Start Date of Most Recent Placement").Should().Be(new DateOnly(2024, 10, 1));
        Cell(c3, 8, "Placement Type").Should().Be("h) Children’s Homes");
        Cell(c3, 8, "Date Ceased to be Looked After").Should().BeNull("care ends after the as-at date");
        // Placements in the 12 months from 1 September 2024: the foster placement (to 1 October) and the children's home.
        Cell(c3, 8, "Number of Placements in the Last 12 months").Should().Be(2);
    }

    [Fact]
    public void CareLeaversAreThoseWithAStatusInTheLast12MonthsUnder25()
    {
        var edge = Child("C1", new DateOnly(2006, 1, 1));
        edge.CareLeaverStatuses.Add(new CareLeaverStatus { Date = new DateOnly(2024, 8, 31), InTouch = "YES" });
        var inside = Child("C2", new DateOnly(2006, 1, 1));
        inside.CareLeaverStatuses.Add(new CareLeaverStatus { Date = new DateOnly(2024, 9, 1), InTouch = "REFU", Accommodation = "U" });
        var old = Child("C3", new DateOnly(2000, 8, 31));
        old.CareLeaverStatuses.Add(new CareLeaverStatus { Date = new DateOnly(2025, 8, 1), InTouch = "YES" });
        Add(edge, inside, old);

        var row = Rows(9).Should().ContainSingle().Subject;
        Cell(row, 9, AnnexASchema.ChildId).Should().Be("C2");
        Cell(row, 9, "LA in Touch").Should().Be("b) Not in touch");
        Cell(row, 9, "Type of Accommodation").Should().Be("k) Independent living");
        Cell(row, 9, "Suitability of Accommodation").Should().Be("c) Not in touch or not recorded");
    }

    [Fact]
    public void AdoptionsAndAdoptersAreThoseWithAStepInThe12MonthsOrStillInProgress()
    {
        var yearBefore = new DateOnly(2024, 8, 31);
        var adoptedBefore = Child("C1");
        adoptedBefore.AdoptionDecisions.Add(new AdoptionDecision { DecisionDate = new DateOnly(2023, 1, 1), AdoptionOrderDate = yearBefore });
        var adoptedIn = Child("C2");
        adoptedIn.AdoptionDecisions.Add(new AdoptionDecision { DecisionDate = new DateOnly(2023, 1, 1), AdoptionOrderDate = yearBefore.AddDays(1) });
        var waiting = Child("C3");
        waiting.AdoptionDecisions.Add(new AdoptionDecision { DecisionDate = new DateOnly(2022, 1, 1), PlacementOrderDate = new DateOnly(2022, 6, 1), AdoptionOrderDate = DayAfter });
        waiting.LookedAfterEpisodes.Add(new LookedAfterEpisode { StartDate = new DateOnly(2021, 5, 1), LegalStatus = "E1", PlacementType = "A3" });
        Add(adoptedBefore, adoptedIn, waiting);
        using (var db = _database.Open())
        {
            db.Adopters.AddRange(
                new Adopter { AdopterId = "A1", EnquiryDate = new DateOnly(2023, 1, 1), LeftDate = yearBefore, LeftReason = "a) Withdrew" },
                new Adopter { AdopterId = "A2", EnquiryDate = new DateOnly(2023, 1, 1), LeftDate = yearBefore.AddDays(1), LeftReason = "a) Withdrew" },
                new Adopter { AdopterId = "A3", EnquiryDate = new DateOnly(2023, 1, 1), ApprovalDate = new DateOnly(2023, 6, 1) },
                new Adopter { AdopterId = "A4", EnquiryDate = DayAfter });
            db.SaveChanges();
        }

        var adoptions = Rows(10);
        adoptions.Select(r => Cell(r, 10, AnnexASchema.ChildId)).Should().Equal("C2", "C3");
        Cell(adoptions[1], 10, "Date the Child Entered Care").Should().Be(new DateOnly(2021, 5, 1), "the start of the period of care the decision was made in");
        Cell(adoptions[1], 10, "Date of Adoption Order").Should().BeNull("the order is made after the as-at date");
        Rows(11).Select(r => Cell(r, 11, "Individual adopter identifier")).Should().Equal("A2", "A3");
    }

    [Fact]
    public void AgeIsInCompletedYearsOnTheAsAtDateAndAnUnbornChildHasNone()
    {
        var birthdayToday = Child("C1", new DateOnly(2010, 8, 31));
        var birthdayTomorrow = Child("C2", new DateOnly(2010, 9, 1));
        var unborn = Child("C3", DayAfter);
        foreach (var child in new[] { birthdayToday, birthdayTomorrow, unborn })
        {
            child.Contacts.Add(new Contact { Date = AsAt });
        }

        Add(birthdayToday, birthdayTomorrow, unborn);
        Rows(1).Select(r => (Cell(r, 1, AnnexASchema.Age), Cell(r, 1, AnnexASchema.DateOfBirth))).Should().Equal(
            (15, new DateOnly(2010, 8, 31)), (14, new DateOnly(2010, 9, 1)), (null, null));
    }

    [Fact]
    public void TheAllocationIsTheOneHoldingTheCaseOnTheAsAtDateOrTheLastToHoldIt()
    {
        using (var db = _database.Open())
        {
            var service = new Service { Name = "Children's services" };
            var team = new Team { Name = "Team A" };
            service.Teams.Add(team);
            db.Services.Add(service);
            db.SaveChanges();
            var first = new Worker { StaffId = "1", Name = "First Worker", TeamId = team.Id };
            var second = new Worker { StaffId = "2", Name = "Second Worker", TeamId = team.Id };
            db.Workers.AddRange(first, second);
            db.SaveChanges();

            var open = Child("OPEN");
            open.CinEpisodes.Add(new CinEpisode { ReferralDate = new DateOnly(2025, 3, 1) });
            open.Allocations.AddRange(
            [
                new Allocation { TeamId = team.Id, WorkerId = first.Id, StartDate = new DateOnly(2025, 1, 1), EndDate = new DateOnly(2025, 5, 31) },
                new Allocation { TeamId = team.Id, WorkerId = second.Id, StartDate = new DateOnly(2025, 6, 1) },
            ]);
            var closed = Child("CLOSED");
            closed.CinEpisodes.Add(new CinEpisode { ReferralDate = new DateOnly(2025, 3, 1), ClosureDate = new DateOnly(2025, 4, 30) });
            closed.Allocations.Add(new Allocation { TeamId = team.Id, WorkerId = first.Id, StartDate = new DateOnly(2025, 1, 1), EndDate = new DateOnly(2025, 4, 30) });
            var waiting = Child("WAITING");
            waiting.Allocations.Add(new Allocation { TeamId = team.Id, StartDate = new DateOnly(2025, 8, 1) });
            waiting.CinEpisodes.Add(new CinEpisode { ReferralDate = new DateOnly(2025, 8, 1) });
            db.Children.AddRange(open, closed, waiting);
            db.SaveChanges();
        }

        using var read = _database.Open();
        var lists = AnnexAExporter.Rows(read, AsAt);
        var referrals = lists.Single(l => l.List.Number == 3).Rows;
        referrals.Select(r => (Cell(r, 3, AnnexASchema.ChildId), Cell(r, 3, AnnexASchema.AllocatedTeam), Cell(r, 3, AnnexASchema.AllocatedWorker))).Should().Equal(
            ("OPEN", "Team A", "Second Worker"), ("CLOSED", "Team A", "First Worker"), ("WAITING", "Team A", AnnexASchema.Unallocated));
    }
}
