using Sightline.Cli.AnnexA;
using Sightline.Formats.AnnexA;
using Sightline.Formats.Tests.AnnexA;
using Sightline.Model;
using Sightline.Storage;

namespace Sightline.Tests.AnnexA;

/// <summary>Broken workbooks through the importer: each has its documented outcome, is recorded with its
/// rejections, and loses nothing else.</summary>
public sealed class AnnexAImportProblemTests : IDisposable
{
    private static readonly DateOnly AsAt = new(2025, 6, 30);

    private readonly string _folder = Directory.CreateTempSubdirectory("sightline-annexa-").FullName;
    private readonly SightlineDatabase _database;

    public AnnexAImportProblemTests()
    {
        _database = SightlineDatabase.SqliteFile(Path.Combine(_folder, "council.db"));
        _database.Migrate();
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static readonly object?[] ReferralHeaders =
        ["Child Unique ID", "Gender", "Ethnicity", "Date of Birth", "Age of Child (Years)", "Date of referral", "Referral Source", "Referral NFA?",
         "Number of Referrals in Last 12 Months", "Allocated Team", "Allocated Worker"];

    private static object?[] Referral(string id, object? date, string source = "Police", string dob = "01/02/2015") =>
        [id, "Female", "WBRI", dob, 10, date, source, "N", 1, "Team A", "Jo Bloggs"];

    [Fact]
    public void AFileThatIsNotAWorkbookIsRefusedWholeAndRecorded()
    {
        var path = Path.Combine(_folder, "annex-a.xlsx");
        File.WriteAllText(path, "Child Unique ID,Gender\nC1,F\n");
        var import = () => AnnexAImporter.Import(_database, path, AsAt, "test");
        import.Should().Throw<FileRefusedException>().WithMessage("annex-a.xlsx is not an Excel workbook (.xlsx)*");

        using var db = _database.Open();
        db.Children.Should().BeEmpty();
        var record = db.ImportRecords.Should().ContainSingle().Subject;
        record.Outcome.Should().Be(ImportOutcome.Refused);
        record.Kind.Should().Be("annex-a");
        record.Message.Should().Contain("not an Excel workbook");
    }

    [Fact]
    public void AnEmptyWorkbookIsRefusedWhole()
    {
        var path = Workbooks.Write(_folder, ("Sheet1", []));
        var import = () => AnnexAImporter.Import(_database, path, AsAt, "test");
        import.Should().Throw<FileRefusedException>().WithMessage("*holds no Annex A list*");
        using var db = _database.Open();
        db.ImportRecords.Single().Outcome.Should().Be(ImportOutcome.Refused);
    }

    [Fact]
    public void EveryProblemIsRecordedWithItsRowChildColumnAndValueAndEveryGoodRowIsLoaded()
    {
        object?[] badBirth = Referral("C3", "03/04/2025", dob: "31/02/2015");
        var path = Workbooks.Write(_folder,
            ("Annex A referrals", [
                ["Referrals in the last six months"],
                [.. ReferralHeaders, "Favourite colour"],
                [.. Referral("C1", "03/04/2025"), "blue"],
                [.. Referral("", "03/04/2025"), "red"],
                [.. Referral("C2", "not a date"), "green"],
                [.. badBirth, ""],
                [.. Referral("C4", "05/04/2025", source: "Carrier pigeon"), ""],
            ]),
            ("List 4", [
                ["Child Unique ID", "Gender", "Ethnicity", "Date of Birth", "Age of Child (Years)", "Does the Child have a Disability", "Continuous Assessment Start Date",
                 "Child Seen During Continuous Assessment", "Allocated Team", "Allocated Worker"],
                ["C9", "M", "WBRI", "01/01/2020", 5, "N", "01/05/2025", "Y", "Team A", "Jo Bloggs"],
            ]));

        var record = AnnexAImporter.Import(_database, path, AsAt, "test");
        record.Outcome.Should().Be(ImportOutcome.LoadedWithRejections);
        record.RecordsRead.Should().Be(6);
        record.RecordsLoaded.Should().Be(3, "C1, C3 and C4 are loaded; the row with no ID, C2's row with no date and C9's assessment without a referral are not");
        record.Rejections.Select(r => (r.Line, r.RecordId, r.Field, r.Value)).Should().BeEquivalentTo(new (int?, string?, string?, string?)[]
        {
            (2, null, "Annex A referrals: Favourite colour", null),
            (4, null, "Annex A referrals: Child Unique ID", null),
            (5, "C2", "Annex A referrals: Date of referral", "not a date"),
            (6, "C3", "Annex A referrals: Date of Birth", "31/02/2015"),
            (7, "C4", "Annex A referrals: Referral Source", "Carrier pigeon"),
            (2, "C9", "List 4: Continuous Assessment Start Date", "01/05/2025"),
        });

        using var db = _database.Open();
        db.Children.Select(c => c.LAChildId).Should().BeEquivalentTo(["C1", "C3", "C4"], "nothing from a rejected row is kept, not even a child it alone named");
        db.CinEpisodes.Count().Should().Be(3);
        db.Assessments.Should().BeEmpty();
        db.Children.Single(c => c.LAChildId == "C3").DateOfBirth.Should().BeNull("the unreadable date was not guessed");
        var c4 = db.Children.Single(c => c.LAChildId == "C4");
        db.CinEpisodes.Single(e => e.ChildId == c4.Id).ReferralSource.Should().BeNull("the unrecognised source was not guessed");
        db.ImportRejections.Count().Should().Be(6);
    }

    [Fact]
    public void TheExportNeverHoldsAFormula()
    {
        var path = Workbooks.Write(_folder, ("List 3", [ReferralHeaders, [.. Referral("C1", "03/04/2025")[..9], "=HYPERLINK(\"http://evil\",\"Team\")", "@SUM(1)"]]));
        AnnexAImporter.Import(_database, path, AsAt, "test").Outcome.Should().Be(ImportOutcome.Loaded);
        using (var db = _database.Open())
        {
            db.Teams.Single().Name.Should().Be("=HYPERLINK(\"http://evil\",\"Team\")", "the name is kept as the council wrote it");
        }

        var exported = Path.Combine(_folder, "out.xlsx");
        AnnexAExporter.Export(_database, AsAt, exported);
        foreach (var xml in Workbooks.WorksheetXml(exported))
        {
            xml.Should().NotContain("<x:f").And.NotContain("<f>").And.NotContain("<f ");
        }

        var row = Workbooks.ReadAll(exported)["List 3 - Referrals"][1];
        row[^2].Should().Be("'=HYPERLINK(\"http://evil\",\"Team\")");
        row[^1].Should().Be("'@SUM(1)");
    }
}
