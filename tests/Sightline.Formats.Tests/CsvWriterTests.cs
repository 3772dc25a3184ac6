using Sightline.Formats.Csv;

namespace Sightline.Formats.Tests;

public sealed class CsvWriterTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\"")]
    [InlineData("+44 1234", "'+44 1234")]
    [InlineData("-1", "'-1")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("plain", "plain")]
    [InlineData("a, b", "\"a, b\"")]
    [InlineData("line\nbreak", "\"line\nbreak\"")]
    public void CellsThatCouldBeFormulasAreNeutralisedAndSpecialCharactersQuoted(string value, string expected) =>
        CsvWriter.Cell(value).Should().Be(expected);

    [Fact]
    public void ALineEndsWithCrLfAndLeavesEmptyCellsEmpty() =>
        CsvWriter.Line("a", null, "c").Should().Be("a,,c\r\n");
}
