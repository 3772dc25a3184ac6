using Microsoft.EntityFrameworkCore;
using Sightline.Cli.AnnexA;
using Sightline.Cli.Generation;
using Sightline.Formats.AnnexA;
using Sightline.Formats.Tests.AnnexA;
using Sightline.Model;
using Sightline.Storage;
using Sightline.Tests.Generation;

namespace Sightline.Tests.AnnexA;

/// <summary>Importing an Annex A and exporting it again as at the same date gives back the same rows: for a
/// council's own workbook written with its own headers and spellings, and for the export of a generated council
/// re-imported into an empty database. Importing the same workbook twice changes nothing.</summary>
public sealed class AnnexARoundTripTests : IDisposable
{
    internal static readonly DateOnly AsAt = new(2025, 6, 30);

    private readonly string _folder = Directory.CreateTempSubdirectory("sightline-annexa-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private SightlineDatabase NewDatabase()
    {
        var database = SightlineDatabase.SqliteFile(Path.Combine(_folder, $"{Guid.NewGuid():N}.db"));
        database.Migrate();
        return database;
    }

    private string Export(SightlineDatabase database, DateOnly asAt)
    {
        var path = Path.Combine(_folder, $"{Guid.NewGuid():N}.xlsx");
        AnnexAExporter.Export(database, asAt, path);
        return path;
    }

    private static string Problems(ImportRecord record) =>
        string.Join("; ", record.Rejections.Take(5).Select(r => $"row {r.Line} {r.RecordId} {r.Field} '{r.Value}': {r.Reason}"));

    /// <summary>Each sheet's rows after the header, in a stable order.</summary>
    internal static Dictionary<string, List<string>> Rows(string path) =>
        Workbooks.ReadAll(path).ToDictionary(s => s.Key, s => s.Value.Skip(1).Select(r => string.Join(" | ", r)).Order(StringComparer.Ordinal).ToList());

    [Fact]
    public void AGeneratedCouncilsExportImportedIntoAnEmptyDatabaseExportsTheSameRows()
    {
        var generated = NewDatabase();
        var generator = new CouncilGenerator(CouncilSize.Small, seed: 5, children: 1500);
        generator.WriteTo(generated);
        var first = Export(generated, generator.End);

        var empty = NewDatabase();
        var record = AnnexAImporter.Import(empty, first, generator.End, "test");
        record.Outcome.Should().Be(ImportOutcome.Loaded, Problems(record));
        var second = Export(empty, generator.End);

        using (var db = empty.Open())
        {
            var closed = db.Children.Where(c => c.CinEpisodes.Any() && c.CinEpisodes.All(e => e.ClosureDate != null && e.ClosureDate < generator.End)
                                                && !c.LookedAfterEpisodes.Any() && !c.CareLeaverStatuses.Any()).Select(c => c.Id).ToList();
            closed.Should().NotBeEmpty();
            db.Allocations.Where(a => closed.Contains(a.ChildId)).Should().OnlyContain(a => a.EndDate != null,
                "a closed case's allocation ends with the case, so it is in no one's caseload");
        }

        var before = Rows(first);
        var after = Rows(second);
        after.Keys.Should().Equal(before.Keys);
        foreach (var (sheet, rows) in before)
        {
            if (!sheet.StartsWith("List 10", StringComparison.Ordinal) && !sheet.StartsWith("List 11", StringComparison.Ordinal))
            {
                rows.Should().NotBeEmpty($"{sheet} should have rows for the round trip to mean something (the generator makes no adoptions)");
            }

            after[sheet].Should().Equal(rows, sheet);
        }
    }

    /// <summary>A council's own workbook: variant sheet names and headers, a title block, its own spellings.</summary>
    internal static string CouncilWorkbook(string folder) => Workbooks.Write(folder,
        ("Contacts", [
            ["Child ID", "Gender", "Ethnicity", "DOB", "Age", "Date of Contact", "Contact Source"],
            ["A1", "F", "White British", "10/03/2015", 10, "01/05/2025", "Police"],
            ["A1", "F", "White British", "10/03/2015", 10, "01/05/2025", "Police"],
        ]),
        ("List 2", [
            ["Child Unique ID", "Gender", "Ethnicity", "Date of Birth", "Age of Child (Years)", "Assessment start date", "Assessment completion date", "Organisation completing assessment"],
            ["D4", "Not known", "Not stated", "", "", "01/02/2025", "01/03/2025", "=cmd|'/C calc'!A0"],
        ]),
        ("List3 - Referrals", [
            ["Annex A list 3"],
            [],
            ["Child ID", "Gender", "Ethnicity", "Date of birth", "Age", "Date of referral", "Referral source", "Referral NFA", "Number of referrals in last 12 months", "Allocated team", "Allocated worker"],
            ["A1", "2", "WBRI", new DateTime(2015, 3, 10), 10, "02/05/2025", "Schools", "N", 3, "Assessment Team", "Sam Carter"],
        ]),
        ("L4", [
            ["Child Unique ID", "Gender", "Ethnicity", "Date of Birth", "Age of Child (Years)", "Does the Child have a Disability", "Continuous Assessment Start Date",
             "Child Seen During Continuous Assessment", "Continuous Assessment Date of Authorisation", "Was the child assessed as requiring LA children's social care support?",
             "Allocated Team", "Allocated Worker"],
            ["A1", "Female", "WBRI", "10/03/2015", 10, "No", 45780.0, "Yes", "10/06/2025", "Y", "Assessment Team", "Sam Carter"],
        ]),
        ("List 5", [
            ["Child Unique ID", "Gender", "Ethnicity", "Date of Birth", "Age of Child (Years)", "Does the Child have a Disability", "Strategy discussion initiating Section 47 Enquiry Start Date",
             "Was an Initial Child Protection Conference deemed unnecessary?", "Date of Initial Child Protection Conference",
             "Did the Initial Child Protection Conference Result in a Child Protection Plan", "Number of Section 47 Enquiries in the last 12 months", "Number of ICPCs in the last 12 months",
             "Allocated Team", "Allocated Worker"],
            ["A1", "Female", "WBRI", "10/03/2015", 10, "No", "05/05/2025", "No", "20/05/2025", "Yes", 1, 1, "Assessment Team", "Sam Carter"],
        ]),
        ("List 6", [
            ["Child Unique ID", "Gender", "Ethnicity", "Date of Birth", "Age of Child (Years)", "Does the Child have a Disability", "CIN Start Date", "Primary Need Code",
             "Date Child Was Last Seen", "CIN Closure Date", "Reason for Closure", "Case Status", "Allocated Team", "Allocated Worker"],
            ["A1", "Female", "WBRI", "10/03/2015", 10, "No", "02/05/2025", "N1 - Abuse or neglect", "20/06/2025", "", "", "CP", "Assessment Team", "Sam Carter"],
            ["B2", "M", "MWBC", "01/08/2010", 14, "Unknown", "01/12/2023", "N1", "01/06/2025", "", "", "LAC", "Children in Care Team", "Unallocated"],
        ]),
        ("List 7", [
            ["Child Unique ID", "Gender", "Ethnicity", "Date of Birth", "Age of Child (Years)", "Does the Child have a Disability", "Child Protection Plan Start Date",
             "Initial Category of Abuse", "Latest Category of Abuse", "Date of the Last Statutory Visit", "Was the Child Seen Alone?", "Date of latest review conference",
             "Child Protection Plan End Date", "Subject to Emergency Protection Order (Y/N)", "Number of Previous Child Protection Plans", "Allocated Team", "Allocated Worker"],
            ["A1", "Female", "WBRI", "10/03/2015", 10, "No", "20/05/2025", "Neglect", "Emotional Abuse", "20/06/2025", "Y", "", "", "N", 0, "Assessment Team", "Sam Carter"],
        ]),
        ("List 8", [
            [.. AnnexASchema.List(8).Columns.Select(c => (object?)c.Header)],
            ["B2", "M", "MWBC", "01/08/2010", 14, "N", "Unknown", "10/01/2024", "N1", "N", "01/03/2024", "C2", "01/04/2025", "01/06/2025", "Long-term fostering",
             "01/04/2025", "01/02/2025", "01/03/2025", 2, "", "", "01/09/2024", "U4", "PR1", "AB1 2CD", "SC123456", "In", "Barnet", 1, 0, "Y", "N",
             "Children in Care Team", "Unallocated"],
        ]),
        ("Care leavers", [
            [.. AnnexASchema.List(9).Columns.Select(c => (object?)c.Header)],
            ["C3", "F", "WBRI", "01/05/2006", 19, "Y", "No", "Leaving Care", "Pat Lee", "Chris Day", "Former relevant", "01/05/2025", "Yes", "15/06/2025",
             "Independent living", "Suitable", "F2"],
        ]),
        ("List 10 - Adoption", [
            [.. AnnexASchema.List(10).Columns.Select(c => (object?)c.Header)],
            ["E5", "FAM1", "M", "WBRI", "01/01/2022", 3, "N", "01/02/2023", "01/08/2024", "01/10/2024", "01/01/2025", "01/02/2025", "", "", "", "15/01/2025"],
        ]),
        ("Adopters", [
            [.. AnnexASchema.List(11).Columns.Select(c => (object?)c.Header)],
            ["AD1", "FAM9", "F", "WBRI", "N", "Y", "01/09/2024", "01/10/2024", "01/12/2024", "02/12/2024", "", "", "", "", "", "", "", "01/06/2025", "Withdrew"],
        ]));

    /// <summary>What Sightline exports for that workbook as at the same date: the same children, values and dates,
    /// in Ofsted's spelling, with the text that would run as a formula made safe.</summary>
    internal static readonly Dictionary<string, string[]> Expected = new()
    {
        ["List 1 - Contacts"] =
        [
            "A1 | b) Female | a) White | 10/03/2015 | 10 | 01/05/2025 | g) Police",
            "A1 | b) Female | a) White | 10/03/2015 | 10 | 01/05/2025 | g) Police",
        ],
        ["List 2 - Early Help"] = ["D4 | c) Not stated/recorded | f) Not stated |  |  | 01/02/2025 | 01/03/2025 | '=cmd|'/C calc'!A0"],
        ["List 3 - Referrals"] = ["A1 | b) Female | a) White | 10/03/2015 | 10 | 02/05/2025 | b) Schools | b) No | 3 | Assessment Team | Sam Carter"],
        ["List 4 - Assessments"] = ["A1 | b) Female | a) White | 10/03/2015 | 10 | b) No | 03/05/2025 | a) Yes | 10/06/2025 | a) Yes | Assessment Team | Sam Carter"],
        ["List 5 - Section 47"] = ["A1 | b) Female | a) White | 10/03/2015 | 10 | b) No | 05/05/2025 | b) No | 20/05/2025 | a) Yes | 1 | 1 | Assessment Team | Sam Carter"],
        ["List 6 - Children in Need"] =
        [
            "A1 | b) Female | a) White | 10/03/2015 | 10 | b) No | 02/05/2025 | a) Abuse or neglect | 20/06/2025 |  |  | b) Child Protection plan | Assessment Team | Sam Carter",
            "B2 | a) Male | b) Mixed | 01/08/2010 | 14 | c) Unknown | 01/12/2023 | a) Abuse or neglect | 01/06/2025 |  |  | a) Looked after child | Children in Care Team | Unallocated",
        ],
        ["List 7 - Child Protection"] =
        [
            "A1 | b) Female | a) White | 10/03/2015 | 10 | b) No | 20/05/2025 | a) Neglect | d) Emotional Abuse | 20/06/2025 | a) Yes |  |  | b) No | 0 | Assessment Team | Sam Carter",
        ],
        ["List 8 - Children in Care"] =
        [
            "B2 | a) Male | b) Mixed | 01/08/2010 | 14 | b) No | c) Unknown | 10/01/2024 | a) Abuse or neglect | b) No | 01/03/2024 | b) Full care orders | 01/04/2025 | " +
            "01/06/2025 | f) Long-term fostering | 01/04/2025 | 01/02/2025 | 01/03/2025 | 2 |  |  | 01/09/2024 | a) Foster placement | a) Own LA | AB1 2CD | SC123456 | a) In | " +
            "Barnet | 1 | 0 | a) Yes | b) No | Children in Care Team | Unallocated",
        ],
        ["List 10 - Adoption"] =
        [
            "E5 | FAM1 | a) Male | a) White | 01/01/2022 | 3 | b) No | 01/02/2023 | 01/08/2024 | 01/10/2024 | 01/01/2025 | 01/02/2025 |  |  |  | 15/01/2025",
        ],
        ["List 11 - Adopters"] =
        [
            "AD1 | FAM9 | b) Female | a) White | b) No | a) Yes | 01/09/2024 | 01/10/2024 | 01/12/2024 | 02/12/2024 |  |  |  |  |  |  |  | 01/06/2025 | a) Withdrew",
        ],
        ["List 9 - Care Leavers"] =
        [
            "C3 | b) Female | a) White | 01/05/2006 | 19 | a) Yes | b) No | Leaving Care | Pat Lee | Chris Day | b) Former relevant | 01/05/2025 | a) In touch | 15/06/2025 | " +
            "k) Independent living | a) Suitable | F2: Full time in education other than higher",
        ],
    };

    [Fact]
    public void ACouncilsOwnWorkbookImportedAndExportedAsAtTheSameDateGivesItsRowsBackInOfstedsSpelling()
    {
        var database = NewDatabase();
        var record = AnnexAImporter.Import(database, CouncilWorkbook(_folder), AsAt, "test");
        record.Rejections.Should().BeEmpty(Problems(record));
        record.Outcome.Should().Be(ImportOutcome.Loaded);
        record.RecordsRead.Should().Be(13);
        record.RecordsLoaded.Should().Be(13);

        var exported = Rows(Export(database, AsAt));
        var expected = Expected.ToDictionary(e => e.Key, e => e.Value.Order(StringComparer.Ordinal).ToList());
        foreach (var (sheet, rows) in expected)
        {
            exported[sheet].Should().Equal(rows, sheet);
        }
    }

    [Fact]
    public void TheCouncilsCountsAreKeptAsAtItsDateAndComputedAtAnyOther()
    {
        var database = NewDatabase();
        AnnexAImporter.Import(database, CouncilWorkbook(_folder), AsAt, "test");

        // The workbook says three referrals in the 12 months; Sightline holds one, on 2 May 2025.
        Rows(Export(database, AsAt))["List 3 - Referrals"].Single().Should().Contain("| b) No | 3 |");
        Rows(Export(database, AsAt.AddDays(1)))["List 3 - Referrals"].Single().Should().Contain("| b) No | 1 |");
    }

    [Fact]
    public void ImportingTheSameWorkbookAgainChangesNothing()
    {
        var database = NewDatabase();
        var workbook = CouncilWorkbook(_folder);
        AnnexAImporter.Import(database, workbook, AsAt, "test");
        var once = Fingerprint.Of(database);
        var again = AnnexAImporter.Import(database, workbook, AsAt, "test");
        again.Outcome.Should().Be(ImportOutcome.Loaded, Problems(again));
        var twice = Fingerprint.Of(database);

        foreach (var table in once.Keys.Where(t => t is not "ImportRecords" and not "ImportRejections"))
        {
            twice[table].Should().Be(once[table], table);
        }

        using var db = database.Open();
        db.ImportRecords.Count().Should().Be(2);
        db.Children.Count().Should().Be(5);
        db.Adopters.Count().Should().Be(1);
        db.Contacts.Count().Should().Be(2, "two contacts on the same day from the police are two contacts, not one and not four");
    }

    [Fact]
    public void ImportingAGeneratedCouncilsExportOverItselfChangesNothing()
    {
        var database = NewDatabase();
        var generator = new CouncilGenerator(CouncilSize.Small, seed: 9, children: 600);
        generator.WriteTo(database);
        var before = Fingerprint.Of(database);
        var record = AnnexAImporter.Import(database, Export(database, generator.End), generator.End, "test");
        record.Outcome.Should().Be(ImportOutcome.Loaded, Problems(record));

        var after = Fingerprint.Of(database);
        foreach (var table in before.Keys.Where(t => t is not "ImportRecords" and not "ImportRejections" and not "AnnexAReportedValues"))
        {
            after[table].Should().Be(before[table], $"the workbook says nothing the records do not already say ({table})");
        }
    }

    [Fact]
    public void TeamsAndWorkersAreMatchedByNameAndCreatedWhenNew()
    {
        var database = NewDatabase();
        AnnexAImporter.Import(database, CouncilWorkbook(_folder), AsAt, "test");
        using var db = database.Open();
        db.Teams.Select(t => t.Name).Should().BeEquivalentTo("Assessment Team", "Children in Care Team", "Leaving Care");
        db.Workers.Select(w => w.Name).Should().BeEquivalentTo("Sam Carter", "Pat Lee");
        db.Children.Single(c => c.LAChildId == "A1").Ethnicity.Should().Be("WBRI", "the workbook named the code, as 'WBRI' or 'White British'");
        db.Children.Single(c => c.LAChildId == "B2").Ethnicity.Should().Be("MWBC");
        db.LookedAfterEpisodes.Where(e => e.PlacementType != null).Select(e => e.PlacementType).Distinct().Should().Equal("U4");
        var a1 = db.Children.Single(c => c.LAChildId == "A1");
        var allocation = db.Allocations.Single(a => a.ChildId == a1.Id);
        allocation.StartDate.Should().Be(new DateOnly(2025, 5, 2), "the earliest of the child's rows, the referral");
        allocation.EndDate.Should().BeNull();
        var b2 = db.Children.Single(c => c.LAChildId == "B2");
        db.Allocations.Single(a => a.ChildId == b2.Id).WorkerId.Should().BeNull("'Unallocated' is a team holding the case without a worker");
    }
}
