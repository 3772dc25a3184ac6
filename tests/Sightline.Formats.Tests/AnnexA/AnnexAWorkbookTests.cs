using Sightline.Formats.AnnexA;

namespace Sightline.Formats.Tests.AnnexA;

/// <summary>Reading councils' own workbooks, broken in the ways real ones are, and writing Ofsted's: each broken
/// workbook has its documented outcome and loses nothing else.</summary>
public sealed class AnnexAWorkbookTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("sightline-annexa-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static readonly object?[] ReferralHeaders =
        ["Child Unique ID", "Gender", "Ethnicity", "Date of Birth", "Age of Child (Years)", "Date of referral", "Referral Source", "Referral NFA?",
         "Number of Referrals in Last 12 Months", "Allocated Team", "Allocated Worker"];

    private static object?[] Referral(string id, object? date, string source = "Police") =>
        [id, "Female", "WBRI", "01/02/2015", 10, date, source, "N", 1, "Team A", "Jo Bloggs"];

    private static AnnexASheet Only(AnnexAWorkbook workbook) => workbook.Sheets.Should().ContainSingle().Subject;

    [Fact]
    public void AListIsFoundByItsSheetNameAndItsValuesAreCanonical()
    {
        var path = Workbooks.Write(_folder, ("List3 - Referrals", [ReferralHeaders, Referral("C1", "03/04/2025")]));
        var sheet = Only(AnnexAWorkbookReader.Read(path));
        sheet.List.Number.Should().Be(3);
        var row = sheet.Rows.Should().ContainSingle().Subject;
        var list = sheet.List;
        row.ChildId.Should().Be("C1");
        row.Text(list["Gender"]).Should().Be("b) Female");
        row.Text(list["Ethnicity"]).Should().Be("a) White");
        row.Date(list["Date of referral"]).Should().Be(new DateOnly(2025, 4, 3));
        row.Text(list["Referral Source"]).Should().Be("g) Police");
        row.Text(list["Referral NFA?"]).Should().Be("b) No");
        row.Number(list["Number of Referrals in Last 12 Months"]).Should().Be(1);
    }

    [Fact]
    public void ARenamedSheetIsFoundByItsHeaders()
    {
        var path = Workbooks.Write(_folder, ("Sheet7", [ReferralHeaders, Referral("C1", "03/04/2025")]), ("Guidance", [["Read me first"]]));
        var workbook = AnnexAWorkbookReader.Read(path);
        Only(workbook).List.Number.Should().Be(3);
        workbook.IgnoredSheets.Should().Equal("Guidance");
        workbook.Problems.Should().BeEmpty();
    }

    [Fact]
    public void AHeaderRowBelowATitleBlockIsFound()
    {
        var path = Workbooks.Write(_folder, ("List 3", [["Annex A - List 3: Referrals"], ["Produced 01/05/2025"], [], ReferralHeaders, Referral("C1", "03/04/2025")]));
        var sheet = Only(AnnexAWorkbookReader.Read(path));
        sheet.HeaderRow.Should().Be(4);
        sheet.Rows.Should().ContainSingle().Which.Row.Should().Be(5);
    }

    [Fact]
    public void AnUnknownHeaderIsReportedAndTheRestOfTheSheetIsRead()
    {
        var path = Workbooks.Write(_folder, ("List 3", [[.. ReferralHeaders, "Favourite colour"], [.. Referral("C1", "03/04/2025"), "blue"]]));
        var workbook = AnnexAWorkbookReader.Read(path);
        Only(workbook).Rows.Should().ContainSingle();
        workbook.Problems.Should().ContainSingle().Which.Should().Match<AnnexAProblem>(p => p.Row == 1 && p.Column == "Favourite colour" && p.Reason.Contains("not a column"));
    }

    [Fact]
    public void VariantHeadersAreMatched()
    {
        object?[] headers = ["Child ID", "gender", "ETHNICITY", "DOB date of birth", "Age", "Date of Referral (dd/mm/yyyy)", "Referral source code", "Referral NFA",
            "Number of referrals in last 12 months", "Allocated team", "Allocated worker"];
        var path = Workbooks.Write(_folder, ("Referrals", [headers, Referral("C1", "03/04/2025")]));
        var workbook = AnnexAWorkbookReader.Read(path);
        workbook.Problems.Should().BeEmpty();
        Only(workbook).Columns.Should().HaveCount(11);
    }

    [Fact]
    public void AnUnknownCodedValueIsReportedAndTheRowKeptWithoutIt()
    {
        var path = Workbooks.Write(_folder, ("List 3", [ReferralHeaders, Referral("C1", "03/04/2025", source: "Carrier pigeon")]));
        var workbook = AnnexAWorkbookReader.Read(path);
        var row = Only(workbook).Rows.Should().ContainSingle().Subject;
        row.Text(Only(workbook).List["Referral Source"]).Should().BeNull();
        row.Text(Only(workbook).List["Gender"]).Should().Be("b) Female");
        workbook.Problems.Should().ContainSingle().Which.Should().Match<AnnexAProblem>(p =>
            p.Row == 2 && p.ChildId == "C1" && p.Column == "Referral Source" && p.Value == "Carrier pigeon" && p.Reason.Contains("rest of the row was"));
    }

    [Fact]
    public void ABadDateRejectsTheRowWhenItIdentifiesTheRowAndOnlyTheValueOtherwise()
    {
        var badBirth = Referral("C2", "03/04/2025");
        badBirth[3] = "31/02/2015";
        var path = Workbooks.Write(_folder, ("List 3", [ReferralHeaders, Referral("C1", "not a date"), badBirth, Referral("C3", "04/04/2025")]));
        var workbook = AnnexAWorkbookReader.Read(path);
        Only(workbook).Rows.Select(r => r.ChildId).Should().Equal("C2", "C3");
        Only(workbook).Rows[0].Date(Only(workbook).List["Date of Birth"]).Should().BeNull();
        workbook.Problems.Should().HaveCount(2);
        workbook.Problems.Should().Contain(p => p.ChildId == "C1" && p.Column == "Date of referral" && p.Reason.Contains("row was not loaded"));
        workbook.Problems.Should().Contain(p => p.ChildId == "C2" && p.Column == "Date of Birth" && p.Value == "31/02/2015" && p.Reason.Contains("rest of the row was"));
    }

    [Fact]
    public void ARowWithNoChildIdIsRejectedAndReported()
    {
        var path = Workbooks.Write(_folder, ("List 3", [ReferralHeaders, Referral("", "03/04/2025"), Referral("C3", "04/04/2025")]));
        var workbook = AnnexAWorkbookReader.Read(path);
        Only(workbook).Rows.Select(r => r.ChildId).Should().Equal("C3");
        workbook.RowsRead.Should().Be(2);
        workbook.Problems.Should().ContainSingle().Which.Should().Match<AnnexAProblem>(p => p.Row == 2 && p.Reason.Contains("no Child Unique ID"));
    }

    [Fact]
    public void ASheetWithoutTheColumnThatIdentifiesItsRowsIsReportedWhole()
    {
        object?[] headers = ["Child Unique ID", "Gender", "Ethnicity", "Referral Source", "Referral NFA?"];
        var path = Workbooks.Write(_folder, ("List 3", [headers, ["C1", "F", "WBRI", "Police", "N"]]));
        var workbook = AnnexAWorkbookReader.Read(path);
        workbook.Sheets.Should().BeEmpty();
        workbook.Problems.Should().ContainSingle().Which.Reason.Should().Contain("'Date of referral'");
    }

    [Theory]
    [InlineData("03/04/2025")]
    [InlineData("3/4/2025")]
    [InlineData("2025-04-03")]
    [InlineData("03-Apr-2025")]
    [InlineData("03/04/2025 00:00:00")]
    [InlineData(45750.0)]
    [InlineData("45750")]
    public void DatesAreReadAsCouncilsWriteThem(object written)
    {
        var path = Workbooks.Write(_folder, ("List 3", [ReferralHeaders, Referral("C1", written)]));
        Only(AnnexAWorkbookReader.Read(path)).Rows.Single().Date(AnnexASchema.List(3)["Date of referral"]).Should().Be(new DateOnly(2025, 4, 3));
    }

    [Fact]
    public void ARealDateCellIsReadAsItsDate()
    {
        var path = Workbooks.Write(_folder, ("List 3", [ReferralHeaders, Referral("C1", new DateTime(2025, 4, 3))]));
        Only(AnnexAWorkbookReader.Read(path)).Rows.Single().Date(AnnexASchema.List(3)["Date of referral"]).Should().Be(new DateOnly(2025, 4, 3));
    }

    [Fact]
    public void AFileThatIsNotAWorkbookIsRefusedWithAClearMessage()
    {
        var path = Path.Combine(_folder, "annex-a.xlsx");
        File.WriteAllText(path, "Child Unique ID,Gender\nC1,F\n");
        var read = () => AnnexAWorkbookReader.Read(path);
        read.Should().Throw<FormatException>().WithMessage("annex-a.xlsx is not an Excel workbook (.xlsx)*");
    }

    [Fact]
    public void AnEmptyWorkbookHoldsNoList()
    {
        var path = Workbooks.Write(_folder, ("Sheet1", []));
        var workbook = AnnexAWorkbookReader.Read(path);
        workbook.Sheets.Should().BeEmpty();
        workbook.Problems.Should().BeEmpty();
        workbook.IgnoredSheets.Should().Equal("Sheet1");
    }

    [Fact]
    public void TheAdoptersListIsReadByTheAdoptersIdentifier()
    {
        object?[] headers = ["Individual adopter identifier", "Family identifier", "Gender", "Ethnicity", "Disability", "Date enquiry received"];
        var path = Workbooks.Write(_folder, ("List 11 - Adopters", [headers, ["A1", "F1", "F", "WBRI", "N", "01/02/2025"]]));
        var workbook = AnnexAWorkbookReader.Read(path);
        workbook.Problems.Should().BeEmpty();
        var row = Only(workbook).Rows.Should().ContainSingle().Subject;
        row.ChildId.Should().Be("A1");
        row.Text(AnnexASchema.List(11)["Disability"]).Should().Be("b) No");
    }

    [Fact]
    public void TheWriterNeverWritesAFormulaAndTheReaderGivesTheTextBack()
    {
        var path = Path.Combine(_folder, "out.xlsx");
        string[] dangerous = ["=HYPERLINK(\"http://x\",\"y\")", "+1+1", "-2+3", "@SUM(A1)", "\tTab", "\rReturn"];
        var list = AnnexASchema.List(2);
        var rows = dangerous.Select((text, i) => new object?[] { $"C{i}", "a) Male", "a) White", null, null, new DateOnly(2025, 4, 3), null, text }).ToList();
        AnnexAWorkbookWriter.Write(path, [(list, rows)]);

        foreach (var xml in Workbooks.WorksheetXml(path))
        {
            xml.Should().NotContain("<x:f", "no cell holds a formula").And.NotContain("<f>").And.NotContain("<f ");
        }

        var written = Workbooks.ReadAll(path)[list.SheetName];
        written[0].Should().Equal(list.Columns.Select(c => c.Header));
        written.Skip(1).Select(r => r[7]).Should().OnlyContain(cell => cell.StartsWith('\''));
        written[1][5].Should().Be("03/04/2025");

        var read = AnnexAWorkbookReader.Read(path);
        read.Sheets.Single().Rows.Select(r => r.Text(list["Organisation completing assessment"])).Should().Equal(dangerous.Select(d => d.Trim()));
    }

    [Fact]
    public void AnEmptyListStillHasItsHeaders()
    {
        var path = Path.Combine(_folder, "empty.xlsx");
        AnnexAWorkbookWriter.Write(path, AnnexASchema.Lists.Select(l => (l, Enumerable.Empty<object?[]>())));
        var sheets = Workbooks.ReadAll(path);
        sheets.Keys.Should().Equal(AnnexASchema.Lists.Select(l => l.SheetName));
        sheets["List 8 - Children in Care"].Should().ContainSingle().Which.Should().HaveCount(34, "list 8 has the five columns every list has and 29 of its own");
    }
}
