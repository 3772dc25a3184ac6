using Microsoft.EntityFrameworkCore;
using Sightline.Calendar;
using Sightline.Cli.Generation;
using Sightline.Formats.CinCensus;
using Sightline.Formats.Tests.CinCensus;
using Sightline.Storage;
using Sightline.Storage.Tests.Postgres;

namespace Sightline.Tests.Generation;

[CollectionDefinition("postgres")]
public sealed class PostgresCollection : ICollectionFixture<PostgresServer>;

/// <summary>The synthetic council is deterministic, consistent, and writes census files each year's schema accepts.</summary>
[Collection("postgres")]
public sealed class GeneratorTests(PostgresServer postgres) : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("sightline-generator-").FullName;

    private SightlineDatabase NewSqlite() => SightlineDatabase.SqliteFile(Path.Combine(_folder, $"{Guid.NewGuid():N}.db"));

    [Fact]
    public void SameSizeAndSeedGiveTheSameCouncilRecordForRecord()
    {
        var first = NewSqlite();
        var second = NewSqlite();
        new CouncilGenerator(CouncilSize.Small, seed: 7, children: 600).WriteTo(first);
        new CouncilGenerator(CouncilSize.Small, seed: 7, children: 600).WriteTo(second);

        var a = Fingerprint.Of(first);
        a["Children"].Should().StartWith("600:");
        a["Visits"].Should().NotStartWith("0:");
        Fingerprint.Of(second).Should().Equal(a);
    }

    [Fact]
    public void ADifferentSeedGivesADifferentCouncil()
    {
        var first = NewSqlite();
        var second = NewSqlite();
        new CouncilGenerator(CouncilSize.Small, seed: 7, children: 300).WriteTo(first);
        new CouncilGenerator(CouncilSize.Small, seed: 8, children: 300).WriteTo(second);
        Fingerprint.Of(second)["CinEpisodes"].Should().NotBe(Fingerprint.Of(first)["CinEpisodes"]);
    }

    [PostgresFact]
    public void PostgresHoldsTheSameCouncilAsSqlite()
    {
        var sqlite = NewSqlite();
        var server = new SightlineDatabase(DatabaseProvider.Postgres, postgres.CreateDatabase($"generated_{Guid.NewGuid():N}"));
        new CouncilGenerator(CouncilSize.Small, seed: 3, children: 400).WriteTo(sqlite);
        new CouncilGenerator(CouncilSize.Small, seed: 3, children: 400).WriteTo(server);
        Fingerprint.Of(server).Should().Equal(Fingerprint.Of(sqlite));
    }

    [Fact]
    public void AGeneratedDatabaseIsNotOverwritten()
    {
        var database = NewSqlite();
        new CouncilGenerator(CouncilSize.Small, seed: 1, children: 50).WriteTo(database);
        var again = () => new CouncilGenerator(CouncilSize.Small, seed: 2, children: 50).WriteTo(database);
        again.Should().Throw<InvalidOperationException>().WithMessage("*already holds a council*--replace*");
        using var db = database.Open();
        db.Children.Count().Should().Be(50);
    }

    [Fact]
    public void NothingIsDatedAfterTheLastDayNothingEndsBeforeItStartsAndEveryAllocationIsToAWorkerInPost()
    {
        var end = new DateOnly(2025, 9, 30);
        var database = NewSqlite();
        var generator = new CouncilGenerator(CouncilSize.Small, seed: 5, end: end, children: 800);
        generator.Start.Should().Be(new DateOnly(2019, 10, 1));
        generator.WriteTo(database);

        using var db = database.Open();
        db.CinEpisodes.Max(e => e.ReferralDate).Should().BeOnOrBefore(end);
        db.CinEpisodes.Max(e => e.ClosureDate).Should().BeOnOrBefore(end);
        db.Visits.Max(v => v.Date).Should().BeOnOrBefore(end);
        db.ChildProtectionPlans.Max(p => p.EndDate).Should().BeOnOrBefore(end);
        db.SupervisionSessions.Max(s => s.Date).Should().BeOnOrBefore(end);
        db.Allocations.Max(a => a.EndDate).Should().BeOnOrBefore(end);
        db.CinEpisodes.Min(e => e.ReferralDate).Should().BeOnOrAfter(generator.Start);

        var workers = db.Workers.AsNoTracking().ToDictionary(w => w.Id);
        var allocations = db.Allocations.AsNoTracking().Where(a => a.WorkerId != null).ToList();
        allocations.Should().NotBeEmpty();
        allocations.Should().OnlyContain(a => workers[a.WorkerId!.Value].IsInPostOn(a.StartDate) && workers[a.WorkerId!.Value].HoldsCases);
        db.Allocations.Should().OnlyContain(a => a.EndDate == null || a.EndDate >= a.StartDate);
        db.CinPlans.Should().OnlyContain(p => p.EndDate == null || p.EndDate >= p.StartDate);
        db.ChildProtectionPlans.Should().OnlyContain(p => p.EndDate == null || p.EndDate >= p.StartDate);
        db.CinEpisodes.Should().OnlyContain(e => e.ClosureDate == null || e.ClosureDate >= e.ReferralDate);
        var closed = db.CinEpisodes.Where(e => e.ClosureDate != null).ToDictionary(e => e.Id, e => e.ClosureDate!.Value);
        db.Section47Enquiries.AsEnumerable().Should().OnlyContain(s => !closed.ContainsKey(s.CinEpisodeId) || s.StartDate <= closed[s.CinEpisodeId], "an enquiry happens within its episode");
        db.Assessments.AsEnumerable().Should().OnlyContain(a => !closed.ContainsKey(a.CinEpisodeId) || a.StartDate <= closed[a.CinEpisodeId], "an assessment happens within its episode");
    }

    public static IEnumerable<object[]> CensusYears() =>
        Enumerable.Range(CinCensusWriter.FirstCensusYear, CinCensusWriter.LastCensusYear - CinCensusWriter.FirstCensusYear + 1).Select(y => new object[] { y });

    [Theory]
    [MemberData(nameof(CensusYears))]
    public void GeneratedCensusIsValidAgainstTheSchemaForItsYear(int year)
    {
        // Councils ending before 2021 have under six years: bank holidays are built in from 2015.
        var end = year <= 2021 ? new DateOnly(year, 3, 31) : CouncilGenerator.DefaultEnd;
        var generator = new CouncilGenerator(CouncilSize.Small, seed: year, end: end, children: 700);
        using var file = new MemoryStream();
        var result = CinCensusWriter.Write(generator.Children(), file, year, CouncilGenerator.CouncilCode);

        result.ChildrenWritten.Should().BeGreaterThan(100);
        result.Skipped.Should().BeEmpty("the generator makes only records the census can carry");
        file.Position = 0;
        CinCensusSchemas.Validate(file, year).Should().BeEmpty();
    }

    [Fact]
    public void TheSixYearsMustLieWhereBankHolidaysAreKnown()
    {
        var tooLate = () => new CouncilGenerator(CouncilSize.Small, 1, end: new DateOnly(2027, 6, 30));
        tooLate.Should().Throw<ArgumentOutOfRangeException>().WithMessage("*2015–2027*");
        var extended = WorkingDayCalendar.England.WithBankHolidays([new BankHoliday(new DateOnly(2028, 1, 3), "New Year's Day (substitute day)")]);
        new CouncilGenerator(CouncilSize.Small, 1, end: new DateOnly(2027, 6, 30), calendar: extended).End.Should().Be(new DateOnly(2027, 6, 30));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
