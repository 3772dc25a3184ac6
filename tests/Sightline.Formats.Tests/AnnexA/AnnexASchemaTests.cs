using Sightline.Formats.AnnexA;

namespace Sightline.Formats.Tests.AnnexA;

/// <summary>The C# Annex A schema against the community YAML, its oracle: the same lists and columns in the same
/// order, every header pattern's intent, and every spelling of every coded value reading as the same value. Where
/// the C# differs from the YAML on purpose, the difference is listed here and in docs/data/annex-a.md.</summary>
public sealed class AnnexASchemaTests
{
    /// <summary>YAML codes that are not Ofsted's canonical value, and the value the C# uses instead (the YAML's
    /// yes/no are "Yes"/"No"/"Unknown", Ofsted's "a) Yes"/"b) No"/"c) Unknown"; case and spacing duplicates are one
    /// value; "c) Unknown" ethnicity is "UNK", which Annex A calls not stated).</summary>
    private static readonly Dictionary<string, string> Canonical = new()
    {
        ["Yes"] = "a) Yes", ["No"] = "b) No", ["Unknown"] = "c) Unknown",
        ["a) white"] = "a) White", ["d) Black or black British"] = "d) Black or Black British", ["c) Unknown"] = "f) Not stated",
        ["a) Male / d) Neither "] = "d) Neither",
        ["c) Education Services"] = "c) Education services", ["d) Health Services"] = "d) Health services", ["f) LA Services"] = "f) LA services",
        ["c) Freed for  Adoption"] = "c) Freed for adoption",
        ["f) Detained on child protection grounds in LA accomodation"] = "f) Detained on child protection grounds in LA accommodation",
        ["a) Foster Placement"] = "a) Foster placement",
        ["i) Transferred to residential care funded by adult social services "] = "i) Transferred to residential care funded by adult social services",
        ["n) Care ceased for any other reason "] = "n) Care ceased for any other reason",
        ["Bedford borough"] = "Bedford Borough", ["Bruy"] = "Bury", ["Calerdale"] = "Calderdale", ["Calderdale "] = "Calderdale", ["lancashire"] = "Lancashire",
        ["Lancashire "] = "Lancashire", ["Derbyshire "] = "Derbyshire", ["East Riding of Yorkshire "] = "East Riding of Yorkshire", ["Lincolnshire "] = "Lincolnshire",
        ["Manchester "] = "Manchester", ["Norfolk "] = "Norfolk", ["Southampton "] = "Southampton", ["Wakefield "] = "Wakefield",
        ["Essex County Council"] = "Essex", ["Hampshire County Council"] = "Hampshire", ["Leicester City Council"] = "Leicester",
        ["London Borough of Hounslow"] = "Hounslow", ["Brighton and Hove City Council"] = "Brighton and Hove",
        ["Kingston upon Hull (City of)"] = "Kingston Upon Hull, City of", ["Kingston"] = "Kingston upon Thames",
        ["Richmond Upon Thames"] = "Richmond upon Thames", ["Telford"] = "Telford and Wrekin", ["St. Helens"] = "St Helens",
        ["SCO"] = "Scotland", ["WAL"] = "Wales", ["NIR"] = "Northern Ireland", ["NI"] = "Northern Ireland", ["NUK"] = "Outside the UK",
    };

    /// <summary>YAML codes whose spellings mean "not recorded" ("CON" and "London" name no local authority).</summary>
    private static readonly HashSet<string> Blank =
        [" - ", "-", ".", "..", "<blank>", "na", "pd.NA", "zNotRecorded", "No data", "Not recorded", "Data not captured in MOSAIC", "Data not captured on mosaic", "CON", "London"];

    private static IEnumerable<(AnnexAList List, AnnexAYaml.Column Yaml)> Columns() =>
        AnnexASchema.Lists.SelectMany(list => AnnexAYaml.Lists[$"list_{list.Number}"].Select(column => (list, column)));

    [Fact]
    public void EveryListHasTheYamlColumnsInTheYamlOrder()
    {
        AnnexASchema.Lists.Select(l => l.Number).Should().Equal(Enumerable.Range(1, 11));
        foreach (var list in AnnexASchema.Lists)
        {
            list.Columns.Select(c => c.Header).Should().Equal(AnnexAYaml.Lists[$"list_{list.Number}"].Select(c => c.Header), $"list {list.Number}");
        }
    }

    [Fact]
    public void EveryColumnHoldsWhatTheYamlSays()
    {
        foreach (var (list, yaml) in Columns())
        {
            var column = list[yaml.Header];
            var expected = yaml.Kind switch { "string" => AnnexAValueKind.Text, "date" => AnnexAValueKind.Date, "numeric" => AnnexAValueKind.Number, _ => AnnexAValueKind.Code };
            column.Kind.Should().Be(expected, $"list {list.Number} '{yaml.Header}'");
            if (yaml.CanBeBlank is { } blank)
            {
                column.CanBeBlank.Should().Be(blank, $"list {list.Number} '{yaml.Header}'");
            }
        }
    }

    [Fact]
    public void EveryHeaderPatternsIntentIsCovered()
    {
        // Headers councils write, each matching one of the YAML's patterns; the C# must give each the same column.
        string[] written =
        [
            "Child ID", "ID of child", "Child Identifier", "LA Child ID", "child unique identifier",
            "Date of birth (dd/mm/yyyy)", "DOB date of birth", "Age", "Age of child", "Child's age (years)",
            "Date of the contact", "Contact source (code)", "Date of Referral (dd/mm/yyyy)", "Referral source code",
            "Was the child assessed as requiring LA children’s social care support", "Subject to Emergency Protection Order (Y/N)",
            "Unaccompanied Asylum Seeking Child", "Is this a second or subsequent period of being a looked after child",
            "Child Legal Status", "Number of Episodes the Child has been Missing from their Placement in the last 12 months",
            "Number of Episodes the Child has been Absent from their Placement in the last 12 months (count)",
        ];
        var covered = 0;
        foreach (var (list, yaml) in Columns().Where(c => c.Yaml.HeaderPatterns.Count > 0))
        {
            var patterns = yaml.HeaderPatterns.Select(AnnexAYaml.Pattern).ToList();
            patterns.Should().Contain(p => p.IsMatch(yaml.Header), $"the YAML's pattern for '{yaml.Header}' matches its own header");
            list.ColumnFor(yaml.Header)!.Header.Should().Be(yaml.Header);
            foreach (var header in written.Where(h => patterns.Any(p => p.IsMatch(h)) && list.Columns.All(c => !c.IsExactly(h))))
            {
                list.ColumnFor(header)?.Header.Should().Be(yaml.Header, $"list {list.Number}: '{header}' matches the YAML's pattern for it");
                covered++;
            }
        }

        covered.Should().BeGreaterThan(written.Length);
    }

    [Fact]
    public void TheAgePatternMeansTheWordAge()
    {
        // The YAML's ".*age.*" also matches "Stage" and "Placement"; its intent is the child's age.
        var adopters = AnnexASchema.List(11);
        adopters.ColumnFor("Date Stage 1 started")!.Header.Should().Be("Date Stage 1 started");
        AnnexASchema.List(8).ColumnFor("Age at start of placement")!.Header.Should().Be(AnnexASchema.Age);
        AnnexASchema.List(8).ColumnFor("Placement")!.Should().BeNull();
    }

    [Fact]
    public void EverySpellingInTheYamlReadsAsTheSameValue()
    {
        var checkedSpellings = 0;
        foreach (var (list, yaml) in Columns().Where(c => c.Yaml.Kind == "category"))
        {
            var codes = list[yaml.Header].Codes!;
            // A spelling the YAML gives two codes reads as the first, except "Indeterminate", which is d) Neither.
            var first = new Dictionary<string, string>();
            foreach (var category in yaml.Categories)
            {
                foreach (var spelling in category.Names.Prepend(category.Code).Where(s => s.Trim().Length > 0 && s != "nan"))
                {
                    first.TryAdd(AnnexACodeSet.Normalise(spelling), category.Code);
                }
            }

            foreach (var category in yaml.Categories.Where(c => c.CellPatterns.Count == 0))
            {
                foreach (var spelling in category.Names.Prepend(category.Code).Where(s => s.Trim().Length > 0 && s != "nan"))
                {
                    var code = AnnexACodeSet.Normalise(spelling) == "indeterminate" ? "d) Neither" : first[AnnexACodeSet.Normalise(spelling)];
                    var (kind, value) = codes.Match(spelling);
                    if (Blank.Contains(code))
                    {
                        kind.Should().Be(AnnexACodeMatchKind.Blank, $"list {list.Number} '{yaml.Header}': '{spelling}'");
                    }
                    else if (code == "zzCodeError")
                    {
                        kind.Should().Be(AnnexACodeMatchKind.KnownError, $"list {list.Number} '{yaml.Header}': '{spelling}'");
                    }
                    else
                    {
                        value.Should().Be(Canonical.GetValueOrDefault(code, code).Trim(), $"list {list.Number} '{yaml.Header}': '{spelling}'");
                    }

                    checkedSpellings++;
                }
            }
        }

        checkedSpellings.Should().BeGreaterThan(5_000);
    }

    [Fact]
    public void EveryCanonicalValueIsAYamlCode()
    {
        foreach (var (list, yaml) in Columns().Where(c => c.Yaml.Kind == "category"))
        {
            var yamlValues = yaml.Categories.Select(c => c.Code).Where(c => !Blank.Contains(c) && c != "zzCodeError")
                .Select(c => Canonical.GetValueOrDefault(c, c).Trim()).ToHashSet();
            list[yaml.Header].Codes!.Values.Should().BeEquivalentTo(yamlValues, $"list {list.Number} '{yaml.Header}'");
        }
    }

    [Fact]
    public void ActivityReadsItsCodesPhrasesAndTheIntentOfItsPatterns()
    {
        var activity = AnnexASchema.ActivityCodes;
        foreach (var category in AnnexAYaml.Lists["list_9"].Single(c => c.Header == "Activity Status").Categories)
        {
            activity.Match(category.Code).Value.Should().Be(category.Code);
            activity.Match(category.Code[..2]).Value.Should().Be(category.Code);
            activity.Match(category.Code[..2] + ") anything").Value.Should().Be(category.Code, "the YAML's first pattern is the code and a bracket");
            foreach (var name in category.Names)
            {
                activity.Match(name).Value.Should().NotBeNull($"'{name}' is the YAML's phrase for {category.Code}");
            }
        }

        activity.Match("Full time in higher education (university)").Value.Should().StartWith("F1");
        activity.Match("Part-time education other than higher").Value.Should().StartWith("P2");
        activity.Match("Full time employment").Value.Should().StartWith("F3");
        activity.Match("NEET - pregnancy").Value.Should().StartWith("G6");
        activity.Match("NEET due to illness").Value.Should().StartWith("G4");
        activity.Match("Not in education - other").Value.Should().StartWith("G5");
        activity.Match("Astronaut").Kind.Should().Be(AnnexACodeMatchKind.Unknown);
    }

    [Fact]
    public void SpellingsAreComparedWithoutCaseSpacingOrCurlyQuotes()
    {
        AnnexASchema.GenderCodes.Match("  A)   MALE ").Value.Should().Be("a) Male");
        AnnexASchema.PlacementTypeCodes.Match("h) Children's Homes").Value.Should().Be("h) Children’s Homes");
        AnnexASchema.GenderCodes.Match("Martian").Kind.Should().Be(AnnexACodeMatchKind.Unknown);
        AnnexASchema.LocalAuthorityCodes.Match("No data").Kind.Should().Be(AnnexACodeMatchKind.Blank);
        AnnexASchema.NeedCodes.Match("zzCodeError").Kind.Should().Be(AnnexACodeMatchKind.KnownError);
    }
}
