using Sightline.Formats.CinCensus;
using Sightline.Model;

namespace Sightline.Formats.Tests.CinCensus;

public class CinCensusCodeMapTests
{
    /// <summary>Each code list the writer writes, with the simple type the schemas check it against.</summary>
    private static readonly (CodeList List, string SchemaType)[] Lists =
    [
        (CinCodes.ReferralSource, "referralsourcetype"),
        (CinCodes.PrimaryNeed, "primaryneedcodetype"),
        (CinCodes.ReasonForClosure, "reasonforclosuretype"),
        (CinCodes.CategoryOfAbuse, "categoryofabusetype"),
        (CinCodes.Disability, "disabilitytype"),
        (CinCodes.Ethnicity, "ethnicitytype"),
        (CinCodes.AssessmentFactor, "assessmentfactorstype"),
    ];

    public static IEnumerable<object[]> Years() => CinCensusSchemas.Years();

    [Theory]
    [MemberData(nameof(Years))]
    public void Every_code_is_written_as_a_value_the_years_schema_accepts(int year)
    {
        foreach (var (list, schemaType) in Lists)
        {
            var accepted = CinCensusSchemas.Enumeration(year, schemaType);
            foreach (var code in list.Codes)
            {
                var written = CinCensusWriter.CodeFor(list, code.Value, year);

                if (code.ValidIn(year))
                {
                    written.Should().Be(code.Value, $"{list.Name} {code.Value} is current in {year}");
                }
                else if (year > code.LastCensusYear)
                {
                    written.Should().BeNull($"{list.Name} {code.Value} was retired before {year} and has no single successor");
                }
                else
                {
                    written.Should().NotBeNull($"{list.Name} {code.Value} is newer than {year} and needs an earlier equivalent");
                }

                if (written is not null)
                {
                    accepted.Should().Contain(written, $"{list.Name} {code.Value} is written as {written} in {year}");
                }
            }
        }
    }

    [Theory]
    [InlineData("AssessmentFactors", "18B", 2022, "18A")]
    [InlineData("AssessmentFactors", "18C", 2017, "18A")]
    [InlineData("AssessmentFactors", "19B", 2021, "19A")]
    [InlineData("AssessmentFactors", "19C", 2022, "19A")]
    [InlineData("AssessmentFactors", "18B", 2023, "18B")]
    [InlineData("AssessmentFactors", "24A", 2021, "20")]
    [InlineData("AssessmentFactors", "24A", 2022, "24A")]
    [InlineData("AssessmentFactors", "18A", 2022, "18A")]
    [InlineData("AssessmentFactors", "18A", 2023, null)]
    [InlineData("AssessmentFactors", "19A", 2026, null)]
    [InlineData("AssessmentFactors", "RB", 2026, null)]
    [InlineData("ReferralSource", "5D", 2022, "5B")]
    [InlineData("ReferralSource", "5d", 2023, "5D")]
    [InlineData("ReasonForClosure", "RC9", 2017, "RC8")]
    [InlineData("ReasonForClosure", "RC9", 2024, "RC9")]
    [InlineData("ReasonForClosure", " ", 2024, null)]
    public void Codes_map_to_the_years_equivalent(string listName, string code, int year, string? expected)
    {
        var list = Lists.Single(l => l.List.Name == listName).List;

        CinCensusWriter.CodeFor(list, code, year).Should().Be(expected);
    }
}
