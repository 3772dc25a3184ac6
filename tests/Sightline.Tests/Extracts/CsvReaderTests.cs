using System.Text;
using Sightline.Formats.Csv;

namespace Sightline.Tests.Extracts;

/// <summary>The CSV reader and writer: RFC 4180, values exactly as written, and files that are not CSV refused.</summary>
public sealed class CsvReaderTests
{
    private static List<CsvRecord> Read(string text) => Read(Encoding.UTF8.GetBytes(text));

    private static List<CsvRecord> Read(byte[] bytes)
    {
        using var reader = new CsvReader(new MemoryStream(bytes), "test.csv");
        var records = new List<CsvRecord>();
        while (reader.Read() is { } record)
        {
            records.Add(record);
        }

        return records;
    }

    [Fact]
    public void QuotedValuesKeepCommasQuotesAndLineBreaks()
    {
        var records = Read("a,b,c\r\n\"one, two\",\"say \"\"hi\"\"\",\"line\nbreak\"\r\nplain,,end");

        records.Select(r => r.Line).Should().Equal(1, 2, 4);
        records[1].Fields.Should().Equal("one, two", "say \"hi\"", "line\nbreak");
        records[2].Fields.Should().Equal("plain", "", "end");
        records.Should().OnlyContain(r => r.Malformed == null);
    }

    [Theory]
    [InlineData("a\nb\nc\n")]
    [InlineData("a\r\nb\r\nc\r\n")]
    [InlineData("a\rb\rc")]
    [InlineData("\uFEFFa\nb\nc")]
    public void EveryLineEndingAndAByteOrderMarkAreRead(string text)
    {
        var records = Read(text);
        records.Select(r => r.Fields.Single()).Should().Equal("a", "b", "c");
        records.Select(r => r.Line).Should().Equal(1, 2, 3);
    }

    [Fact]
    public void ValuesAreNotTrimmedOrInterpreted()
    {
        Read("  =1+1 , @cmd ,<b>x</b>,5'11\"").Single().Fields.Should().Equal("  =1+1 ", " @cmd ", "<b>x</b>", "5'11\"");
    }

    [Fact]
    public void TextAfterAClosingQuoteMakesTheRecordMalformedButReadsOn()
    {
        var records = Read("\"a\"b,c\nd,e");
        records[0].Malformed.Should().Contain("column 1");
        records[0].Fields.Should().Equal("ab", "c");
        records[1].Fields.Should().Equal("d", "e");
    }

    [Fact]
    public void AQuoteThatNeverClosesRefusesTheFileNamingItsLine()
    {
        var read = () => Read("a,b\nc,\"d\ne,f\n");
        read.Should().Throw<CsvFileException>().WithMessage("*starts on line 2 never closes*");
    }

    [Fact]
    public void ARecordLongerThanAnyExtractRefusesTheFile()
    {
        var read = () => Read("a\n\"" + new string('x', CsvReader.MaxRecordLength + 1) + "\"\n");
        read.Should().Throw<CsvFileException>().WithMessage("*over 1,048,576 characters*");
    }

    [Fact]
    public void BlankRowsAreBlank()
    {
        Read("a,b\n\n , \n,,\n").Skip(1).Should().OnlyContain(r => r.IsBlank);
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData(" padded", "\" padded\"")]
    [InlineData("", "")]
    public void TheWriterQuotesOnlyWhatMustBeQuoted(string value, string written)
    {
        CsvWriter.Quote(value).Should().Be(written);
        if (value.Length > 0)
        {
            Read(written).Single().Fields.Single().Should().Be(value);
        }
    }
}
