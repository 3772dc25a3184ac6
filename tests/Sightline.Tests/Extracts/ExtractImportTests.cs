using System.Text;
using Sightline.Model;
using Sightline.Storage;

namespace Sightline.Tests.Extracts;

/// <summary>Every kind of extract, from a good file and from hand-made broken ones, each with its documented
/// outcome (docs/data/extracts.md) and nothing else lost.</summary>
public sealed class ExtractImportTests : IDisposable
{
    private const string Tricky = "=HYPERLINK(\"http://example.org\"), \"quoted\" <script>alert('x')</script>\nsecond line, @SUM(A1)";

    private readonly ExtractCouncil _council = new();

    private string FileOf(string text) => _council.WriteFile($"{Guid.NewGuid():N}.csv", text);

    private int Count(ExtractSample sample) => _council.Count(sample.Count);

    [Theory]
    [MemberData(nameof(ExtractSample.Kinds), MemberType = typeof(ExtractSample))]
    public void AGoodFileLoadsEveryRow(string kind)
    {
        var sample = ExtractSample.Of(kind);
        var loaded = _council.Load(kind, FileOf(sample.Csv));

        loaded.Record.Outcome.Should().Be(ImportOutcome.Loaded);
        loaded.Record.Kind.Should().Be($"csv:{kind}");
        loaded.Result.Rejected.Should().BeEmpty();
        loaded.Result.Read.Should().Be(sample.Rows);
        // Contingency flags are set on plans the census brought: they update, never add.
        var adds = kind == "contingency-plans" ? 0 : sample.Rows;
        loaded.Count("added").Should().Be(adds);
        loaded.Count("updated").Should().Be(sample.Rows - adds);
        Count(sample).Should().Be(sample.Before + sample.Rows);
        loaded.Notes.Should().BeEmpty();
    }

    [Theory]
    [MemberData(nameof(ExtractSample.Kinds), MemberType = typeof(ExtractSample))]
    public void LoadingTheSameFileTwiceLeavesTheRecordsAsLoadingItOnce(string kind)
    {
        var sample = ExtractSample.Of(kind);
        var file = FileOf(sample.Csv);
        _council.Load(kind, file);
        var once = _council.Written(kind);

        var again = _council.Load(kind, file);
        again.Count("added").Should().Be(0);
        again.Count("updated").Should().Be(0);
        again.Count("unchanged").Should().Be(sample.Rows);
        Count(sample).Should().Be(sample.Before + sample.Rows);
        _council.Written(kind).Should().BeEquivalentTo(once, o => o.WithStrictOrdering());
    }

    [Theory]
    [MemberData(nameof(ExtractSample.Kinds), MemberType = typeof(ExtractSample))]
    public void AChangedValueUpdatesTheRecordInsteadOfAddingOne(string kind)
    {
        var sample = ExtractSample.Of(kind);
        _council.Load(kind, FileOf(sample.Csv));
        var (column, value) = sample.Change;

        var changed = _council.Load(kind, FileOf(sample.With(1, column, value)));

        changed.Count("updated").Should().Be(1);
        changed.Count("added").Should().Be(0);
        changed.Count("unchanged").Should().Be(sample.Rows - 1);
        Count(sample).Should().Be(sample.Before + sample.Rows);
        _council.Written(kind).Should().Contain(row => row[column] == value);
    }

    [Theory]
    [MemberData(nameof(ExtractSample.RequiredColumns), MemberType = typeof(ExtractSample))]
    public void AFileMissingARequiredColumnIsRefusedWholeNamingIt(string kind, string column)
    {
        var sample = ExtractSample.Of(kind);
        var load = () => _council.Load(kind, FileOf(sample.Without(column)));

        load.Should().Throw<FileRefusedException>().WithMessage($"*missing the required column {column} *");
        Count(sample).Should().Be(sample.Before);
        using var db = _council.Database.Open();
        var record = db.ImportRecords.Single();
        record.Outcome.Should().Be(ImportOutcome.Refused);
        record.Message.Should().Contain(column);
    }

    [Theory]
    [MemberData(nameof(ExtractSample.Kinds), MemberType = typeof(ExtractSample))]
    public void AnUnknownColumnIsReportedOnceAndIgnored(string kind)
    {
        var sample = ExtractSample.Of(kind);
        var loaded = _council.Load(kind, FileOf(sample.WithColumn("colour", "blue")));

        loaded.Result.Rejected.Should().BeEmpty();
        Count(sample).Should().Be(sample.Before + sample.Rows);
        loaded.Notes.Should().ContainSingle().Which.Should().Contain("colour").And.Contain("Ignored");
    }

    [Theory]
    [MemberData(nameof(ExtractSample.KindsWith), parameters: [nameof(ExtractSample.Date)], MemberType = typeof(ExtractSamplesColumns))]
    public void ABadDateRejectsOnlyItsRow(string kind)
    {
        var sample = ExtractSample.Of(kind);
        OnlyTheFirstRowIsRejected(sample, sample.Date!, "31/02/2025", "*must be a date written YYYY-MM-DD*");
    }

    [Theory]
    [MemberData(nameof(ExtractSample.KindsWith), parameters: [nameof(ExtractSample.Code)], MemberType = typeof(ExtractSamplesColumns))]
    public void AnUnknownCodeRejectsOnlyItsRow(string kind)
    {
        var sample = ExtractSample.Of(kind);
        OnlyTheFirstRowIsRejected(sample, sample.Code!, "zzz", "*must be one of:*");
    }

    [Theory]
    [MemberData(nameof(ExtractSample.KindsWith), parameters: [nameof(ExtractSample.Child)], MemberType = typeof(ExtractSamplesColumns))]
    public void AnUnknownChildRejectsOnlyItsRowSayingToLoadTheCensusFirst(string kind)
    {
        var sample = ExtractSample.Of(kind);
        OnlyTheFirstRowIsRejected(sample, sample.Child!, "C999", "No child with ID C999 is in the database: load the CIN census*first.");
    }

    [Theory]
    [MemberData(nameof(ExtractSample.KindsWith), parameters: [nameof(ExtractSample.Worker)], MemberType = typeof(ExtractSamplesColumns))]
    public void AnUnknownWorkerRejectsOnlyItsRowSayingWhatToLoadFirst(string kind)
    {
        var sample = ExtractSample.Of(kind);
        OnlyTheFirstRowIsRejected(sample, sample.Worker!, "S999", "No worker with staff ID S999 is in the database*load the*");
    }

    [Theory]
    [MemberData(nameof(ExtractSample.Kinds), MemberType = typeof(ExtractSample))]
    public void ARepeatedRowIsRejectedAndTheFirstKept(string kind)
    {
        var sample = ExtractSample.Of(kind);
        var loaded = _council.Load(kind, FileOf(sample.WithFirstRowRepeated()));

        loaded.Record.Outcome.Should().Be(ImportOutcome.LoadedWithRejections);
        var problem = loaded.Result.Rejected.Should().ContainSingle().Subject;
        problem.Line.Should().Be(sample.Rows + 2);
        problem.Reason.Should().StartWith("Repeats the record on line 2");
        Count(sample).Should().Be(sample.Before + sample.Rows);
    }

    [Theory]
    [MemberData(nameof(ExtractSample.KindsWith), parameters: [nameof(ExtractSample.Text)], MemberType = typeof(ExtractSamplesColumns))]
    public void QuotedCommasQuotesLineBreaksFormulasAndScriptsAreStoredAsTheTextTheyAre(string kind)
    {
        var sample = ExtractSample.Of(kind);
        var file = sample.With(1, sample.Text!, Tricky);
        file.Should().Contain("\"\"quoted\"\"", "the value is quoted in the file, its quotes doubled");

        var loaded = _council.Load(kind, FileOf(file));

        loaded.Result.Rejected.Should().BeEmpty();
        Count(sample).Should().Be(sample.Before + sample.Rows);
        _council.Written(kind).Should().Contain(row => row[sample.Text!] == Tricky);
    }

    [Theory]
    [MemberData(nameof(ExtractSample.Kinds), MemberType = typeof(ExtractSample))]
    public void AByteOrderMarkAndCrlfLineEndsAreRead(string kind)
    {
        var sample = ExtractSample.Of(kind);
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(sample.Csv.Replace("\n", "\r\n", StringComparison.Ordinal))).ToArray();

        var loaded = _council.Load(kind, _council.WriteFile("bom.csv", bytes));

        loaded.Result.Rejected.Should().BeEmpty();
        loaded.Notes.Should().BeEmpty("the byte order mark is not part of the first column's name");
        Count(sample).Should().Be(sample.Before + sample.Rows);
    }

    [Theory]
    [MemberData(nameof(ExtractSample.Kinds), MemberType = typeof(ExtractSample))]
    public void AnEmptyFileIsRefused(string kind)
    {
        var sample = ExtractSample.Of(kind);
        foreach (var empty in new[] { "", "\r\n\r\n", ",,,\n" })
        {
            var load = () => _council.Load(kind, FileOf(empty));
            load.Should().Throw<FileRefusedException>().WithMessage("*is empty*header row*");
        }

        Count(sample).Should().Be(sample.Before);
    }

    [Theory]
    [MemberData(nameof(ExtractSample.Kinds), MemberType = typeof(ExtractSample))]
    public void AHeaderWithoutRowsLoadsNothing(string kind)
    {
        var sample = ExtractSample.Of(kind);
        var loaded = _council.Load(kind, FileOf(string.Join(',', sample.Header) + "\r\n"));

        loaded.Record.Outcome.Should().Be(ImportOutcome.Loaded);
        loaded.Result.Read.Should().Be(0);
        Count(sample).Should().Be(sample.Before);
    }

    [Theory]
    [MemberData(nameof(ExtractSample.Kinds), MemberType = typeof(ExtractSample))]
    public void BinaryFilesAndSpreadsheetsAreRefusedWhole(string kind)
    {
        var sample = ExtractSample.Of(kind);
        (byte[] Bytes, string Message)[] refusals =
        [
            ([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00], "*spreadsheet*save it as \"CSV UTF-8\"*"),
            ([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0x00, 0x00], "*Excel 97–2003 workbook*"),
            ([.. Encoding.UTF8.GetBytes(sample.Csv), 0x00, 0x01, 0x02], "*binary data*"),
            ([.. Encoding.UTF8.GetBytes(string.Join(',', sample.Header) + "\n"), 0x43, 0xE9, 0x6C, 0x69, 0x6E, 0x65], "*not UTF-8*"),
        ];
        foreach (var (bytes, message) in refusals)
        {
            var load = () => _council.Load(kind, _council.WriteFile($"{Guid.NewGuid():N}.csv", bytes));
            load.Should().Throw<FileRefusedException>().WithMessage(message);
        }

        Count(sample).Should().Be(sample.Before);
        using var db = _council.Database.Open();
        db.ImportRecords.Select(r => r.Outcome).ToList().Should().HaveCount(refusals.Length).And.OnlyContain(o => o == ImportOutcome.Refused);
    }

    private void OnlyTheFirstRowIsRejected(ExtractSample sample, string column, string value, string reason)
    {
        var loaded = _council.Load(sample.Kind, FileOf(sample.With(1, column, value)));

        loaded.Record.Outcome.Should().Be(ImportOutcome.LoadedWithRejections);
        var problem = loaded.Result.Rejected.Should().ContainSingle().Subject;
        problem.Line.Should().Be(2);
        problem.Field.Should().Be(column);
        problem.Value.Should().Be(value);
        problem.Reason.Should().Match(reason);
        Count(sample).Should().Be(sample.Before + sample.Rows - 1, "every other row loads");
        loaded.Record.Rejections.Should().ContainSingle().Which.Reason.Should().Be(problem.Reason);
    }

    public void Dispose() => _council.Dispose();
}

/// <summary>The theory data for kinds that have a column of a sort.</summary>
public static class ExtractSamplesColumns
{
    public static IEnumerable<object[]> KindsWith(string column) => column switch
    {
        nameof(ExtractSample.Date) => ExtractSample.KindsWith(s => s.Date),
        nameof(ExtractSample.Code) => ExtractSample.KindsWith(s => s.Code),
        nameof(ExtractSample.Child) => ExtractSample.KindsWith(s => s.Child),
        nameof(ExtractSample.Worker) => ExtractSample.KindsWith(s => s.Worker),
        nameof(ExtractSample.Text) => ExtractSample.KindsWith(s => s.Text),
        _ => throw new ArgumentOutOfRangeException(nameof(column)),
    };
}
