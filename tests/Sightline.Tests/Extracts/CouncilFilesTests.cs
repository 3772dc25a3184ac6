using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Sightline.Cli.Generation;
using Sightline.Formats.Csv;
using Sightline.Formats.Tests.CinCensus;
using Sightline.Storage;
using Sightline.Storage.Extracts;
using Sightline.Storage.Tests.Postgres;

namespace Sightline.Tests.Extracts;

/// <summary>A whole synthetic council written as files and loaded back: generated into database A with its
/// census files and extracts, then loaded into an empty database B, which must then hold the same workforce,
/// allocations, visits, supervision and the rest as A, row for row; and loading every file again changes
/// nothing.</summary>
/// <remarks>The CIN census importer is not part of this branch, so B's children and their CIN and CP
/// journeys (what the census carries) are copied from a second run of the generator with the same seed,
/// without what the census does not carry (contingency flags, the strategy discussion that started each
/// enquiry). The census files are checked against the DfE schema here, and are loaded once that importer is.</remarks>
[Collection("postgres")]
public sealed class CouncilFilesTests(PostgresServer postgres) : IDisposable
{
    private const int Seed = 11;
    private const int Children = 400;

    private readonly string _folder = Directory.CreateTempSubdirectory("sightline-council-files-").FullName;

    private static CouncilGenerator Generator() => new(CouncilSize.Small, Seed, children: Children);

    [Fact]
    public void AWholeCouncilLoadsFromItsFilesIntoSqlite() =>
        LoadsFromItsFiles(SightlineDatabase.SqliteFile(Path.Combine(_folder, "b.db")));

    [PostgresFact]
    public void AWholeCouncilLoadsFromItsFilesIntoPostgres() =>
        LoadsFromItsFiles(new SightlineDatabase(DatabaseProvider.Postgres, postgres.CreateDatabase($"extracts_{Guid.NewGuid():N}")));

    [Fact]
    public void TheFilesAreACensusForEachYearAndOneExtractOfEachKind()
    {
        var files = Path.Combine(_folder, "files");
        var generator = Generator();
        var written = CouncilFiles.Write(Generator, files, database: null);

        written.Censuses.Select(c => c.Key).Should().Equal(CouncilFiles.CensusYears(generator));
        written.Censuses.Select(c => c.Key).Should().Equal(2021, 2022, 2023, 2024, 2025, 2026);
        foreach (var (year, children) in written.Censuses)
        {
            children.Should().BePositive();
            using var xml = File.OpenRead(Path.Combine(files, CouncilFiles.CensusFileName(year)));
            CinCensusSchemas.Validate(xml, year).Should().BeEmpty();
        }

        written.Extracts.Select(e => e.Key).Should().Equal(CsvExtracts.Names);
        foreach (var kind in CsvExtracts.All)
        {
            using var csv = new CsvReader(File.OpenRead(Path.Combine(files, $"{kind.Name}.csv")), kind.Name);
            csv.Read()!.Fields.Should().Equal(kind.Columns.Select(c => c.Name), "each file has exactly the documented columns");
            written.Extracts.Single(e => e.Key == kind.Name).Value.Should().BePositive($"the council has {kind.Name}");
        }

        Directory.GetFiles(files).Should().HaveCount(written.Censuses.Count + written.Extracts.Count, "the temporary database is not left behind");
    }

    private void LoadsFromItsFiles(SightlineDatabase b)
    {
        var a = SightlineDatabase.SqliteFile(Path.Combine(_folder, "a.db"));
        var files = Path.Combine(_folder, "files");
        var written = CouncilFiles.Write(Generator, files, a).Extracts.ToDictionary(e => e.Key, e => e.Value);

        LoadWhatTheCensusCarries(b, Generator());
        foreach (var kind in CsvExtracts.Names)
        {
            var loaded = ExtractCouncil.Load(b, kind, Path.Combine(files, $"{kind}.csv"));
            loaded.Result.Rejected.Should().BeEmpty($"the generator's {kind} are all valid: {string.Join("; ", loaded.Result.Rejected.Take(3))}");
            loaded.Count(kind == "contingency-plans" ? "updated" : "added").Should().Be(written[kind]);
        }

        var expected = Records(a);
        Records(b).Should().BeEquivalentTo(expected, o => o.WithStrictOrdering());
        SameFiles(files, Path.Combine(_folder, "written-from-b"), b);

        foreach (var kind in CsvExtracts.Names)
        {
            var again = ExtractCouncil.Load(b, kind, Path.Combine(files, $"{kind}.csv"));
            (again.Count("added"), again.Count("updated"), again.Count("unchanged")).Should().Be((0, 0, written[kind]), $"{kind} loaded again changes nothing");
        }

        Records(b).Should().BeEquivalentTo(expected, o => o.WithStrictOrdering());

        // A later extract that ends an allocation on another day updates that allocation, and nothing else.
        var allocations = File.ReadAllLines(Path.Combine(files, "allocations.csv"));
        var ended = Array.FindIndex(allocations, 1, l => l.Split(',') is [_, _, _, _, { Length: > 0 }, _]);
        var fields = allocations[ended].Split(',');
        var later = DateOnly.Parse(fields[4], CultureInfo.InvariantCulture).AddDays(3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        fields[4] = later;
        allocations[ended] = string.Join(',', fields);
        var changedFile = Path.Combine(_folder, "allocations-changed.csv");
        File.WriteAllLines(changedFile, allocations);

        var changed = ExtractCouncil.Load(b, "allocations", changedFile);
        (changed.Count("added"), changed.Count("updated")).Should().Be((0, 1));
        var now = Records(b);
        now["Allocations"].Should().Contain(r => r.StartsWith($"{fields[0]}|", StringComparison.Ordinal) && r.Contains($"|{fields[3]}|{later}|", StringComparison.Ordinal));
        now["Allocations"].Except(expected["Allocations"]).Should().ContainSingle();
        now.Where(t => t.Key != "Allocations").Should().BeEquivalentTo(expected.Where(t => t.Key != "Allocations"));
    }

    /// <summary>Writes B's extracts and checks they are A's, byte for byte.</summary>
    private static void SameFiles(string fromA, string folder, SightlineDatabase b)
    {
        CsvExtracts.WriteAll(b, folder);
        foreach (var kind in CsvExtracts.Names)
        {
            File.ReadAllText(Path.Combine(folder, $"{kind}.csv")).Should().Be(File.ReadAllText(Path.Combine(fromA, $"{kind}.csv")), $"{kind} read back the same");
        }
    }

    /// <summary>What the CIN census would bring: children, their episodes, assessments, enquiries, conferences
    /// and plans; not which strategy discussion started an enquiry, nor whether a plan has a contingency plan.</summary>
    private static void LoadWhatTheCensusCarries(SightlineDatabase database, CouncilGenerator generator)
    {
        database.Migrate();
        using var db = database.Open();
        using var loader = new BulkLoader(db);
        foreach (var child in generator.Children())
        {
            loader.Add(child);
            child.Disabilities.ForEach(loader.Add);
            foreach (var episode in child.CinEpisodes)
            {
                loader.Add(episode);
                foreach (var assessment in episode.Assessments)
                {
                    loader.Add(assessment);
                    assessment.Factors.ForEach(loader.Add);
                }

                foreach (var enquiry in episode.Section47Enquiries)
                {
                    enquiry.StrategyDiscussionId = null;
                    loader.Add(enquiry);
                }

                episode.InitialConferences.ForEach(loader.Add);
                foreach (var plan in episode.ChildProtectionPlans)
                {
                    plan.HasContingencyPlan = null;
                    loader.Add(plan);
                    plan.ReviewConferences.ForEach(loader.Add);
                }

                foreach (var plan in episode.CinPlans)
                {
                    plan.HasContingencyPlan = null;
                    loader.Add(plan);
                }
            }
        }

        loader.Complete();
    }

    /// <summary>Every record the extracts carry, named by what the council calls things (child ID, staff ID, team
    /// and service names, a plan's start date, an episode's referral date) rather than by database keys, which
    /// differ between A and B; sorted, one string per row.</summary>
    private static Dictionary<string, List<string>> Records(SightlineDatabase database)
    {
        var queries = new Dictionary<string, string>
        {
            ["Teams"] = """SELECT t."Name", s."Name" FROM "Teams" t JOIN "Services" s ON s."Id" = t."ServiceId" """,
            ["Workers"] = """
                SELECT w."StaffId", w."Name", t."Name", w."Role", w."Fte", w."Employment", w."QualifiedDate", w."AsyeStartDate", w."StartDate", w."LeavingDate", s."StaffId"
                FROM "Workers" w JOIN "Teams" t ON t."Id" = w."TeamId" LEFT JOIN "Workers" s ON s."Id" = w."SupervisorId"
                """,
            ["WorkerAbsences"] = """SELECT w."StaffId", a."Kind", a."From", a."To" FROM "WorkerAbsences" a JOIN "Workers" w ON w."Id" = a."WorkerId" """,
            ["Allocations"] = """
                SELECT c."LAChildId", t."Name", w."StaffId", a."StartDate", a."EndDate", a."Reason"
                FROM "Allocations" a JOIN "Children" c ON c."Id" = a."ChildId" JOIN "Teams" t ON t."Id" = a."TeamId" LEFT JOIN "Workers" w ON w."Id" = a."WorkerId"
                """,
            ["SupervisionSessions"] = """
                SELECT w."StaffId", v."StaffId", s."Date", s."Kind", s."Held", s."ReasonNotHeld", s."Notes"
                FROM "SupervisionSessions" s JOIN "Workers" w ON w."Id" = s."WorkerId" JOIN "Workers" v ON v."Id" = s."SupervisorId"
                """,
            ["SupervisionChildrenDiscussed"] = """
                SELECT w."StaffId", s."Date", s."Kind", c."LAChildId"
                FROM "SupervisionChildrenDiscussed" d JOIN "SupervisionSessions" s ON s."Id" = d."SupervisionSessionId" JOIN "Workers" w ON w."Id" = s."WorkerId" JOIN "Children" c ON c."Id" = d."ChildId"
                """,
            ["SupervisionActions"] = """
                SELECT w."StaffId", s."Date", s."Kind", c."LAChildId", a."Description", a."DueDate", a."CompletedDate"
                FROM "SupervisionActions" a JOIN "SupervisionSessions" s ON s."Id" = a."SupervisionSessionId" JOIN "Workers" w ON w."Id" = s."WorkerId" LEFT JOIN "Children" c ON c."Id" = a."ChildId"
                """,
            ["Visits"] = """
                SELECT c."LAChildId", v."Date", v."Kind", w."StaffId", v."ChildSeen", v."SeenAlone"
                FROM "Visits" v JOIN "Children" c ON c."Id" = v."ChildId" LEFT JOIN "Workers" w ON w."Id" = v."WorkerId"
                """,
            ["PlanActions"] = """
                SELECT c."LAChildId", cp."StartDate", cin."StartDate", a."Description", w."StaffId", a."OwnerAgency", a."DueDate", a."CompletedDate"
                FROM "PlanActions" a JOIN "Children" c ON c."Id" = a."ChildId" LEFT JOIN "ChildProtectionPlans" cp ON cp."Id" = a."ChildProtectionPlanId"
                LEFT JOIN "CinPlans" cin ON cin."Id" = a."CinPlanId" LEFT JOIN "Workers" w ON w."Id" = a."OwnerWorkerId"
                """,
            ["ChildProtectionPlans"] = """
                SELECT c."LAChildId", p."StartDate", p."HasContingencyPlan" FROM "ChildProtectionPlans" p JOIN "CinEpisodes" e ON e."Id" = p."CinEpisodeId" JOIN "Children" c ON c."Id" = e."ChildId"
                """,
            ["CinPlans"] = """
                SELECT c."LAChildId", p."StartDate", p."HasContingencyPlan" FROM "CinPlans" p JOIN "CinEpisodes" e ON e."Id" = p."CinEpisodeId" JOIN "Children" c ON c."Id" = e."ChildId"
                """,
            ["StrategyDiscussions"] = """
                SELECT c."LAChildId", e."ReferralDate", d."Date", d."Section47Started" FROM "StrategyDiscussions" d JOIN "CinEpisodes" e ON e."Id" = d."CinEpisodeId" JOIN "Children" c ON c."Id" = e."ChildId"
                """,
            ["Section47Enquiries"] = """
                SELECT c."LAChildId", q."StartDate", d."Date" FROM "Section47Enquiries" q JOIN "CinEpisodes" e ON e."Id" = q."CinEpisodeId" JOIN "Children" c ON c."Id" = e."ChildId"
                LEFT JOIN "StrategyDiscussions" d ON d."Id" = q."StrategyDiscussionId"
                """,
            ["StepDecisions"] = """
                SELECT c."LAChildId", s."Date", s."FromLevel", s."ToLevel", w."StaffId", s."Rationale"
                FROM "StepDecisions" s JOIN "Children" c ON c."Id" = s."ChildId" LEFT JOIN "Workers" w ON w."Id" = s."DecidedByWorkerId"
                """,
            ["PreProceedings"] = """
                SELECT c."LAChildId", e."ReferralDate", p."LegalGatewayDate", p."LegalGatewayDecision", p."StartDate", p."LetterBeforeProceedingsDate", p."InitialMeetingDate",
                       p."FamilyGroupDecisionMakingOffered", p."FamilyGroupDecisionMakingHeld", p."ReportedReviewMeetingCount", p."DecisionDate", p."Outcome", p."CourtApplicationDate"
                FROM "PreProceedings" p JOIN "Children" c ON c."Id" = p."ChildId" LEFT JOIN "CinEpisodes" e ON e."Id" = p."CinEpisodeId"
                """,
            ["PreProceedingsReviews"] = """
                SELECT c."LAChildId", p."StartDate", r."Date" FROM "PreProceedingsReviews" r JOIN "PreProceedings" p ON p."Id" = r."PreProceedingsId" JOIN "Children" c ON c."Id" = p."ChildId"
                """,
            ["CareProceedings"] = """
                SELECT c."LAChildId", p."IssueDate", p."FinalOrder", p."FinalOrderDate" FROM "CareProceedings" p JOIN "Children" c ON c."Id" = p."ChildId"
                """,
        };

        using var db = database.Open();
        var connection = db.Database.GetDbConnection();
        connection.Open();
        var records = new Dictionary<string, List<string>>();
        foreach (var (table, sql) in queries)
        {
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            using var reader = command.ExecuteReader();
            var rows = new List<string>();
            while (reader.Read())
            {
                rows.Add(string.Join('|', Enumerable.Range(0, reader.FieldCount).Select(i => Value(reader, i))));
            }

            rows.Sort(StringComparer.Ordinal);
            rows.Should().NotBeEmpty($"the council has {table}");
            records[table] = rows;
        }

        return records;
    }

    /// <summary>A value as both providers agree on it: dates as ISO dates, numbers invariantly, booleans as 1 or 0.</summary>
    private static string Value(DbDataReader reader, int i) => reader.IsDBNull(i) ? "∅" : reader.GetValue(i) switch
    {
        DateTime d => DateOnly.FromDateTime(d).ToString("O"),
        DateOnly d => d.ToString("O"),
        decimal m => m.ToString("0.00", CultureInfo.InvariantCulture),
        bool b => b ? "1" : "0",
        long or int or short => Convert.ToInt64(reader.GetValue(i), CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture),
        string text when reader.GetName(i) == "Fte" => decimal.Parse(text, CultureInfo.InvariantCulture).ToString("0.00", CultureInfo.InvariantCulture),
        var other => Convert.ToString(other, CultureInfo.InvariantCulture)!,
    };

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
