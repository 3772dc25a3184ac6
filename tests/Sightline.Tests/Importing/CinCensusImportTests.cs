using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using Sightline.Cli.Generation;
using Sightline.Cli.Importing;
using Sightline.Formats.CinCensus;
using Sightline.Formats.Tests.CinCensus;
using Sightline.Model;
using Sightline.Storage;
using Sightline.Storage.Tests.Postgres;
using Sightline.Tests.Generation;
using static Sightline.Formats.Tests.CinCensus.CensusXml;

namespace Sightline.Tests.Importing;

/// <summary>A CIN census loads into the council's records child by child, all or nothing per file, and loading it
/// again, or a later census, updates the children rather than duplicating them.</summary>
[Collection("postgres")]
public sealed class CinCensusImportTests(PostgresServer postgres) : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("sightline-cin-import-").FullName;

    private SightlineDatabase NewSqlite()
    {
        var database = SightlineDatabase.SqliteFile(Path.Combine(_folder, $"{Guid.NewGuid():N}.db"));
        database.Migrate();
        return database;
    }

    private SightlineDatabase NewPostgres()
    {
        var database = new SightlineDatabase(DatabaseProvider.Postgres, postgres.CreateDatabase($"cin_{Guid.NewGuid():N}"));
        database.Migrate();
        return database;
    }

    private string Write(string xml, string name = "census.xml")
    {
        var path = Path.Combine(_folder, $"{Guid.NewGuid():N}-{name}");
        System.IO.File.WriteAllText(path, xml);
        return path;
    }

    private static CinCensusImportResult Import(SightlineDatabase database, string path) => CinCensusImport.Run(database, path, "performance.officer");

    private static string Sample(string name) => CensusXml.Sample(name);

    /// <summary>Every table but the import log: what the council's records hold.</summary>
    private static Dictionary<string, string> Records(SightlineDatabase database) =>
        Fingerprint.Of(database).Where(t => t.Key is not ("ImportRecords" or "ImportRejections")).ToDictionary();

    // ---- The shared samples -------------------------------------------------------------------------------------

    [Theory]
    //          sample                    children episodes assessments s47s conferences cp-plans reviews cin-plans pre-proc rejected problems
    [InlineData("BAR_cin_2022.xml",        1, 1, 1, 1, 2, 1, 1, 1, 0, 0, 0)]
    [InlineData("CIN2rows.xml",            1, 1, 1, 1, 2, 1, 1, 1, 0, 0, 2)]
    [InlineData("CIN_Census_2026.xml",     2, 2, 2, 1, 2, 1, 1, 1, 1, 0, 3)]
    public void Every_shared_sample_loads_with_what_it_holds(string sample, int children, int episodes, int assessments, int s47s, int conferences,
        int cpPlans, int reviews, int cinPlans, int preProceedings, int rejected, int problems)
    {
        var database = NewSqlite();
        var result = Import(database, Sample(sample));

        int[] expected = [children, episodes, assessments, s47s, conferences, cpPlans, reviews, cinPlans, preProceedings];
        CinCensusCounts.Kinds.Select(k => result.Counts.Loaded(k.Key)).Should().Equal(expected);
        CinCensusCounts.Kinds.Select(k => result.Counts.New(k.Key)).Should().Equal(expected, "the database was empty");
        result.ChildrenRejected.Should().Be(rejected);
        result.Council.Should().Be("201");

        using var db = database.Open();
        int[] held =
        [
            db.Children.Count(), db.CinEpisodes.Count(), db.Assessments.Count(), db.Section47Enquiries.Count(), db.InitialConferences.Count(),
            db.ChildProtectionPlans.Count(), db.ReviewConferences.Count(), db.CinPlans.Count(), db.PreProceedings.Count(),
        ];
        held.Should().Equal(expected);
        var record = db.ImportRecords.Include(r => r.Rejections).Single();
        (record.Kind, record.FileName, record.ImportedBy, record.RecordsRead, record.RecordsLoaded, record.RecordsRejected)
            .Should().Be(("cin", sample, "performance.officer", children, children - rejected, problems));
        record.Outcome.Should().Be(problems == 0 ? ImportOutcome.Loaded : ImportOutcome.LoadedWithRejections);
        record.Counts.Should().StartWith($"children={children};children-new={children};episodes={episodes};").And.EndWith($"rejected={rejected}");
        record.Rejections.Should().OnlyContain(r => r.Line > 0 && r.RecordId != null && r.Field != null);
    }

    [Fact]
    public void The_samples_loaded_in_turn_update_the_one_child_they_share()
    {
        var database = NewSqlite();
        Import(database, Sample("BAR_cin_2022.xml"));
        Import(database, Sample("CIN2rows.xml"));
        var last = Import(database, Sample("CIN_Census_2026.xml"));

        last.Counts.New("children").Should().Be(1, "only child_fails_assessments is new");
        using var db = database.Open();
        db.Children.Select(c => c.LAChildId).Should().BeEquivalentTo(["DfEX0000001", "child_fails_assessments"]);
        var child = db.Children.Include(c => c.CinEpisodes).ThenInclude(e => e.Assessments).Single(c => c.LAChildId == "DfEX0000001");
        child.CinEpisodes.Select(e => e.ReferralDate).Should().BeEquivalentTo([new DateOnly(1970, 10, 6), new DateOnly(2022, 10, 6)]);
        child.CinEpisodes.Single(e => e.ReferralDate.Year == 2022).Assessments.Select(a => a.StartDate)
            .Should().BeEquivalentTo([new DateOnly(2023, 1, 24), new DateOnly(2028, 4, 28)]);
        child.DateOfBirth.Should().Be(new DateOnly(2015, 3, 27), "the later census's date of birth replaces the earlier one");
        child.DateOfDeath.Should().Be(new DateOnly(1980, 10, 8), "a value a later census leaves out is kept");
        db.ChildProtectionPlans.Count().Should().Be(2, "the 2022 episode's plan is listed in both later files and held once");
        db.ImportRecords.Count().Should().Be(3);
    }

    // ---- Hand-made broken files -----------------------------------------------------------------------------------

    [Fact]
    public void Children_that_cannot_be_read_are_left_out_and_every_other_child_loads()
    {
        var xml = File(2024,
            Child("C1", Episode("2023-06-01", "<PrimaryNeedCode>N1</PrimaryNeedCode>")),
            Child("C2", Episode("2023-02-30")),
            Child("C3", "<CINdetails><CINreferralDate>2023-07-01</CINreferralDate><ReferralSource>99</ReferralSource><ReferralNFA>0</ReferralNFA></CINdetails>"),
            ChildWith("<Sex>F</Sex>", "<Ethnicity>WBRI</Ethnicity>", Episode("2023-08-01")),
            Child("C1", Episode("2023-09-01", "<PrimaryNeedCode>N5</PrimaryNeedCode>")),
            Child("C6", Episode("2023-10-01", "<Assessments><AssessmentActualStartDate>2023-10-02</AssessmentActualStartDate><FactorsIdentifiedAtAssessment><AssessmentFactors>99Z</AssessmentFactors><AssessmentFactors>3B</AssessmentFactors></FactorsIdentifiedAtAssessment></Assessments>")));
        var database = NewSqlite();

        var result = Import(database, Write(xml));

        result.ChildrenRejected.Should().Be(3);
        using var db = database.Open();
        var children = db.Children.Include(c => c.CinEpisodes).ThenInclude(e => e.Assessments).ThenInclude(a => a.Factors).AsNoTracking().ToList();
        children.Select(c => c.LAChildId).Should().BeEquivalentTo(["C1", "C3", "C6"]);
        children.Single(c => c.LAChildId == "C1").CinEpisodes.Single().PrimaryNeed.Should().Be("N1", "the first listing of C1 is the one loaded");
        children.Single(c => c.LAChildId == "C3").CinEpisodes.Single().ReferralSource.Should().BeNull("an unknown code is left out, not the child");
        children.Single(c => c.LAChildId == "C6").CinEpisodes.Single().Assessments.Single().Factors.Select(f => f.Code).Should().Equal("3B");

        var rejections = db.ImportRejections.AsNoTracking().OrderBy(r => r.Line).ToList();
        rejections.Select(r => (r.RecordId, r.Field, r.Value)).Should().Equal(
            ("C2", "CINreferralDate", "2023-02-30"),
            ("C3", "ReferralSource", "99"),
            (null, "LAchildID", null),
            ("C1", "LAchildID", "C1"),
            ("C6", "AssessmentFactors", "99Z"));
        xml.Split('\n')[rejections[0].Line!.Value - 1].Should().Contain("2023-02-30", "the line given is the line of the bad value");
        rejections[0].Reason.Should().EndWith("child not loaded");
        rejections[1].Reason.Should().EndWith("value not loaded, rest of child loaded");
        db.ImportRecords.Single().Outcome.Should().Be(ImportOutcome.LoadedWithRejections);
    }

    public static TheoryData<string, string, string> RefusedFiles() => new()
    {
        { "empty", "", "*is empty*" },
        { "html", "<!DOCTYPE html><html><body>Sign in</body></html>", "*web page (HTML)*" },
        { "web page", "<html><body>Sign in</body></html>", "*web page (HTML)*" },
        { "spreadsheet", "PK\u0003\u0004 not really a workbook", "*spreadsheet*" },
        { "billion laughs", """<?xml version="1.0"?><!DOCTYPE Message [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]><Message><Children><Child>&c;</Child></Children></Message>""", "*document type definition*" },
        { "another council", File(2024, Child("C9", Episode("2023-06-01"))).Replace("<LEA>201</LEA>", "<LEA>318</LEA>"), "*council 318's census, but this database holds council 201*" },
        { "no council", File(2024, Child("C9", Episode("2023-06-01"))).Replace("<LEA>201</LEA>", ""), "*no three-digit council code*" },
        { "oversized value", File(2024, Child("C9", Episode("2023-06-01", $"<PrimaryNeedCode>{new string('N', 100_000)}</PrimaryNeedCode>"))), "*longer than*" },
    };

    [Theory]
    [MemberData(nameof(RefusedFiles))]
    public void A_file_that_is_not_a_readable_census_is_refused_and_changes_nothing(string what, string content, string message)
    {
        var database = NewSqlite();
        Import(database, Sample("BAR_cin_2022.xml"));
        var before = Records(database);

        var import = () => Import(database, Write(content, $"{what}.xml"));

        import.Should().Throw<FileRefusedException>().WithMessage(message);
        Records(database).Should().Equal(before);
        using var db = database.Open();
        var refused = db.ImportRecords.AsNoTracking().OrderBy(r => r.Id).Last();
        refused.Outcome.Should().Be(ImportOutcome.Refused);
        refused.Message.Should().Match(message);
    }

    [Fact]
    public void A_file_cut_short_after_thousands_of_children_changes_nothing()
    {
        var database = NewSqlite();
        var whole = Path.Combine(_folder, "whole.xml");
        CinCensusWriter.Write(RoundTripChildren.Many(3_000, 2024), whole, 2024, "201");
        Import(database, Sample("BAR_cin_2022.xml"));
        var before = Records(database);
        var text = System.IO.File.ReadAllText(whole);
        var cut = Write(text[..(text.Length - 200)], "cut.xml");

        var import = () => Import(database, cut);

        import.Should().Throw<FileRefusedException>().WithMessage("*not complete, well-formed XML*cut short*");
        Records(database).Should().Equal(before, "the children read before the break were written inside the import's transaction, and rolled back");
    }

    // ---- Round trip, idempotence and updates ----------------------------------------------------------------------

    [Theory]
    [InlineData(2023)]
    [InlineData(2026)]
    public void A_generated_census_loads_back_to_the_same_census_and_loading_it_again_changes_nothing(int year)
    {
        var database = NewSqlite();
        var first = Path.Combine(_folder, $"first-{year}.xml");
        var written = CinCensusWriter.Write(new CouncilGenerator(CouncilSize.Small, seed: year, children: 900).Children(), first, year, CouncilGenerator.CouncilCode);

        var result = Import(database, first);

        result.Record.Rejections.Select(r => $"{r.RecordId} {r.Field} {r.Value}: {r.Reason}").Should().BeEmpty();
        result.Year.Year.Should().Be(year);
        (result.Counts.Loaded("children"), result.Counts.Loaded("episodes")).Should().Be((written.ChildrenWritten, written.EpisodesWritten));
        var second = Path.Combine(_folder, $"second-{year}.xml");
        CinCensusWriter.Write(HeldChildren(database), second, year, CouncilGenerator.CouncilCode);
        System.IO.File.ReadAllText(second).Should().Be(System.IO.File.ReadAllText(first), "what was loaded writes back to the same census");

        var loaded = Records(database);
        var again = Import(database, first);
        Records(database).Should().Equal(loaded);
        CinCensusCounts.Kinds.Select(k => again.Counts.New(k.Key)).Should().OnlyContain(n => n == 0);
        again.Counts.Loaded("children").Should().Be(written.ChildrenWritten);
    }

    [Fact]
    public void Loading_the_same_census_twice_leaves_the_records_as_after_once_on_sqlite() => LoadingTwiceChangesNothing(NewSqlite());

    [PostgresFact]
    public void Loading_the_same_census_twice_leaves_the_records_as_after_once_on_postgres() => LoadingTwiceChangesNothing(NewPostgres());

    private void LoadingTwiceChangesNothing(SightlineDatabase database)
    {
        var census = Path.Combine(_folder, $"{Guid.NewGuid():N}.xml");
        CinCensusWriter.Write(new CouncilGenerator(CouncilSize.Small, seed: 11, children: 600).Children(), census, 2025, CouncilGenerator.CouncilCode);
        var first = Import(database, census);
        var once = Records(database);

        var again = Import(database, census);

        Records(database).Should().Equal(once);
        again.Counts.Loaded("children").Should().Be(first.Counts.Loaded("children"));
        CinCensusCounts.Kinds.Select(k => again.Counts.New(k.Key)).Should().OnlyContain(n => n == 0);
        using var db = database.Open();
        db.ImportRecords.Count().Should().Be(2, "the log keeps a row for each load; the records do not change");
    }

    [Fact]
    public void A_later_census_updates_the_children_and_keeps_what_it_no_longer_lists_on_sqlite() => LaterCensusUpdates(NewSqlite());

    [PostgresFact]
    public void A_later_census_updates_the_children_and_keeps_what_it_no_longer_lists_on_postgres() => LaterCensusUpdates(NewPostgres());

    private void LaterCensusUpdates(SightlineDatabase database)
    {
        var earlier = Path.Combine(_folder, $"{Guid.NewGuid():N}-2024.xml");
        var later = Path.Combine(_folder, $"{Guid.NewGuid():N}-2025.xml");
        CinCensusWriter.Write(new CouncilGenerator(CouncilSize.Small, seed: 5, children: 1_500).Children(), earlier, 2024, CouncilGenerator.CouncilCode);
        CinCensusWriter.Write(new CouncilGenerator(CouncilSize.Small, seed: 5, children: 1_500).Children(), later, 2025, CouncilGenerator.CouncilCode);
        var (childrenBefore, episodesBefore) = Listed(earlier);
        var (childrenAfter, episodesAfter) = Listed(later);

        Import(database, earlier);
        var update = Import(database, later);

        update.Counts.New("children").Should().Be(childrenAfter.Except(childrenBefore).Count());
        using var db = database.Open();
        db.Children.Select(c => c.LAChildId).ToList().Should().BeEquivalentTo(childrenBefore.Union(childrenAfter), "children in both files are held once");
        var held = db.CinEpisodes.AsNoTracking().Join(db.Children, e => e.ChildId, c => c.Id, (e, c) => new { c.LAChildId, e.ReferralDate, e.ClosureDate }).ToList();
        held.Select(e => (e.LAChildId, e.ReferralDate)).Should().BeEquivalentTo(episodesBefore.Keys.Union(episodesAfter.Keys), "episodes in both files are held once");

        var closedSince = episodesBefore.Where(e => e.Value is null && episodesAfter.GetValueOrDefault(e.Key) is not null).Select(e => e.Key).ToList();
        closedSince.Should().NotBeEmpty("the council has episodes open at the first census and closed by the second");
        var closures = held.Where(e => closedSince.Contains((e.LAChildId, e.ReferralDate)))
            .Select(e => (Held: e.ClosureDate, Later: episodesAfter[(e.LAChildId, e.ReferralDate)])).ToList();
        closures.Should().HaveCount(closedSince.Count).And.OnlyContain(c => c.Held == c.Later, "the later census's closure date is taken");
        var droppedOut = episodesBefore.Keys.Except(episodesAfter.Keys).ToList();
        droppedOut.Should().NotBeEmpty("episodes closed before the second census's year drop out of it");
        held.Select(e => (e.LAChildId, e.ReferralDate)).Should().Contain(droppedOut, "a census that no longer lists an old closed episode does not delete it");

        var reloaded = Records(database);
        Import(database, later);
        Records(database).Should().Equal(reloaded, "loading the later census again changes nothing");
    }

    /// <summary>The children and episodes (with closure dates) a census file lists, read with LINQ to XML rather than the reader under test.</summary>
    private static (HashSet<string> Children, Dictionary<(string, DateOnly), DateOnly?> Episodes) Listed(string path)
    {
        var children = XDocument.Load(path).Root!.Element("Children")!.Elements("Child").ToList();
        var ids = children.Select(c => c.Element("ChildIdentifiers")!.Element("LAchildID")!.Value).ToHashSet();
        var episodes = children.SelectMany(c => c.Elements("CINdetails").Select(e => (
                Key: (c.Element("ChildIdentifiers")!.Element("LAchildID")!.Value, DateOnly.Parse(e.Element("CINreferralDate")!.Value, System.Globalization.CultureInfo.InvariantCulture)),
                Closed: e.Element("CINclosureDate") is { } closed ? DateOnly.Parse(closed.Value, System.Globalization.CultureInfo.InvariantCulture) : (DateOnly?)null)))
            .ToDictionary(e => e.Key, e => e.Closed);
        return (ids, episodes);
    }

    [Fact]
    public void A_census_of_a_council_already_held_changes_nothing_the_census_does_not_carry()
    {
        var database = NewSqlite();
        var generator = new CouncilGenerator(CouncilSize.Small, seed: 21, children: 800);
        generator.WriteTo(database);
        var census = Path.Combine(_folder, "held.xml");
        CinCensusWriter.Write(new CouncilGenerator(CouncilSize.Small, seed: 21, children: 800).Children(), census, 2026, CouncilGenerator.CouncilCode);
        string[] notInTheCensus = ["Visits", "Allocations", "PlanActions", "StrategyDiscussions", "CoreGroupMeetings", "SeniorReviews", "CinPlanReviews",
            "Contacts", "EarlyHelpEpisodes", "StepDecisions", "PreProceedingsReviews", "CareProceedings", "LookedAfterEpisodes", "Workers", "SupervisionSessions"];
        var before = Records(database);

        var result = Import(database, census);

        result.Record.Rejections.Select(r => $"{r.RecordId} {r.Field} {r.Value}: {r.Reason}").Should().BeEmpty();
        CinCensusCounts.Kinds.Select(k => (k.Key, result.Counts.New(k.Key))).Should().OnlyContain(c => c.Item2 == 0, "every record in the census is already held");
        var after = Records(database);
        notInTheCensus.Select(t => after[t]).Should().Equal(notInTheCensus.Select(t => before[t]));
        after["Children"].Should().StartWith(before["Children"].Split(':')[0] + ":");
    }

    /// <summary>Every child held, with the records the census writer reads.</summary>
    private static List<Child> HeldChildren(SightlineDatabase database)
    {
        using var db = database.Open();
        return db.Children.AsNoTracking()
            .Include(c => c.Disabilities)
            .Include(c => c.CinEpisodes).ThenInclude(e => e.Assessments).ThenInclude(a => a.Factors)
            .Include(c => c.CinEpisodes).ThenInclude(e => e.Section47Enquiries)
            .Include(c => c.CinEpisodes).ThenInclude(e => e.InitialConferences)
            .Include(c => c.CinEpisodes).ThenInclude(e => e.ChildProtectionPlans).ThenInclude(p => p.ReviewConferences)
            .Include(c => c.CinEpisodes).ThenInclude(e => e.CinPlans)
            .AsSplitQuery()
            .OrderBy(c => c.Id)
            .ToList();
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}

/// <summary>The census import's memory, measured alone: the heap is the whole process's, so no other test may run
/// beside this one.</summary>
[Collection(MeasuredAlone.Name)]
public sealed class CinCensusImportMemoryTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("sightline-cin-memory-").FullName;

    [Fact]
    public void Memory_stays_flat_whether_the_census_holds_two_thousand_children_or_twenty_thousand()
    {
        long PeakHeap(int children)
        {
            var census = Path.Combine(_folder, $"many-{children}.xml");
            CinCensusWriter.Write(RoundTripChildren.Many(children, 2024), census, 2024, "201");
            var database = SightlineDatabase.SqliteFile(Path.Combine(_folder, $"{Guid.NewGuid():N}.db"));
            database.Migrate();
            var before = GC.GetTotalMemory(true);
            long peak = 0;
            var result = CinCensusImport.Run(database, census, "tester", (_, _, _) => peak = Math.Max(peak, GC.GetTotalMemory(true) - before));
            result.Counts.New("children").Should().Be(children);
            return peak;
        }

        // A first import builds what every import shares (the EF Core model, compiled queries), so that it is not counted.
        var first = SightlineDatabase.SqliteFile(Path.Combine(_folder, "first.db"));
        first.Migrate();
        CinCensusImport.Run(first, CensusXml.Sample("BAR_cin_2022.xml"), "tester");
        var small = PeakHeap(2_000);
        var large = PeakHeap(20_000);

        // Holding the 18,000 extra children's records would take well over 20 MB; what grows is one identifier per child.
        (large - small).Should().BeLessThan(8L * 1024 * 1024, $"the heap peaked at {small / 1024 / 1024} MB for 2,000 children and {large / 1024 / 1024} MB for 20,000");
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}

/// <summary>Tests that measure the whole process (its heap) and so run when no other test does.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MeasuredAlone
{
    public const string Name = "measured alone";
}
