using System.Text.RegularExpressions;
using Sightline.Storage.Extracts;

namespace Sightline.Tests.Extracts;

/// <summary>docs/data/extracts.md documents exactly the columns, required columns and codes each kind reads
/// and writes, in the order they load.</summary>
public sealed partial class ExtractDocsTests
{
    private static readonly string[] Lines = File.ReadAllLines(Path.Combine(RepositoryRoot(), "docs", "data", "extracts.md"));

    public static IEnumerable<object[]> Kinds() => CsvExtracts.Names.Select(n => new object[] { n });

    [Fact]
    public void TheKindsAreListedInTheOrderTheyLoad() =>
        Lines.Select(l => KindRow().Match(l)).Where(m => m.Success).Select(m => m.Groups[1].Value).Should().Equal(CsvExtracts.Names);

    [Theory]
    [MemberData(nameof(Kinds))]
    public void EachKindsColumnsAreDocumentedExactly(string kind)
    {
        var section = Array.IndexOf(Lines, $"## {kind}");
        section.Should().BePositive($"extracts.md has a section '## {kind}'");
        var documented = Lines.Skip(section + 1)
            .SkipWhile(l => !l.StartsWith("| column |", StringComparison.Ordinal)).Skip(2)
            .TakeWhile(l => l.StartsWith('|'))
            .Select(l => l.Split('|', StringSplitOptions.TrimEntries))
            .Select(cells => (Name: cells[1].Trim('`'), Codes: Codes(cells[2]), Required: cells[3] == "yes"))
            .ToList();

        var columns = CsvExtracts.Kind(kind).Columns;
        documented.Select(c => c.Name).Should().Equal(columns.Select(c => c.Name));
        documented.Select(c => c.Required).Should().Equal(columns.Select(c => c.Required));
        documented.Select(c => c.Codes).Should().BeEquivalentTo(columns.Select(c => c.Codes ?? []), o => o.WithStrictOrdering());
    }

    private static string[] Codes(string type) =>
        type.StartsWith("code:", StringComparison.Ordinal) ? Code().Matches(type).Select(m => m.Groups[1].Value).ToArray() : [];

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(folder.FullName, "Sightline.slnx")))
        {
            folder = folder.Parent ?? throw new InvalidOperationException($"No folder holding Sightline.slnx above {AppContext.BaseDirectory}.");
        }

        return folder.FullName;
    }

    [GeneratedRegex(@"^\| \[`([a-z-]+)`\]")]
    private static partial Regex KindRow();

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex Code();
}
