using System.Globalization;
using System.Xml.Linq;
using Sightline.Formats.CinCensus;
using Sightline.Model;

namespace Sightline.Formats.Tests.CinCensus;

public class CinCensusWriterTests
{
    private const string Lea = "318";

    public static IEnumerable<object[]> Years() => CinCensusSchemas.Years();

    [Theory]
    [MemberData(nameof(Years))]
    public void The_file_is_valid_against_the_years_schema(int year)
    {
        using var stream = new MemoryStream();
        CinCensusWriter.Write(Children(year), stream, year, Lea);

        stream.Position = 0;
        CinCensusSchemas.Validate(stream, year).Should().BeEmpty();
    }

    [Theory]
    [MemberData(nameof(Years))]
    public void The_header_describes_the_collection(int year)
    {
        var (doc, _) = Write(year);

        var header = doc.Root!.Element("Header")!;
        header.Element("CollectionDetails")!.Element("Collection")!.Value.Should().Be("CIN");
        header.Element("CollectionDetails")!.Element("Year")!.Value.Should().Be(year.ToString(CultureInfo.InvariantCulture));
        header.Element("CollectionDetails")!.Element("ReferenceDate")!.Value.Should().Be($"{year}-03-31");
        var source = header.Element("Source")!;
        source.Element("SourceLevel")!.Value.Should().Be("L");
        source.Element("LEA")!.Value.Should().Be(Lea);
        source.Element("SoftwareCode")!.Value.Should().Be("Sightline");
        source.Element("Release")!.Value.Should().NotBeNullOrWhiteSpace().And.NotContain("+");
        source.Element("SerialNo")!.Value.Should().Be("001");
        source.Element("DateTime")!.Value.Should().Be($"{year}-03-31T00:00:00", "the default is the reference date, not the clock");
    }

    [Theory]
    [MemberData(nameof(Years))]
    public void Only_children_and_episodes_open_in_the_collection_year_are_written(int year)
    {
        var (doc, result) = Write(year);
        var s = CinCensusWriter.CollectionStart(year);

        Ids(doc).Should().Equal("U001", "M001", "L001"); // C001 closed the day before, F001 referred after, N001 unwritable, E001 never referred
        result.ChildrenWritten.Should().Be(3);
        result.EpisodesWritten.Should().Be(4);
        Episodes(doc, "M001").Select(e => e.Element("CINreferralDate")!.Value)
            .Should().Equal(new[] { Text(s.AddDays(-60)), Text(s.AddDays(100)) }, "the episode closed two years earlier is left out");
    }

    [Theory]
    [MemberData(nameof(Years))]
    public void Nothing_after_the_reference_date_is_written(int year)
    {
        var (doc, _) = Write(year);
        var s = CinCensusWriter.CollectionStart(year);
        var r = CinCensusWriter.ReferenceDate(year);

        // Expected birth dates and conference target dates are known in advance; every other date is an event.
        var eventDates = doc.Root!.Element("Children")!.Descendants()
            .Where(e => !e.HasElements && e.Name != "ExpectedPersonBirthDate" && e.Name != "InitialCPCtarget")
            .Select(e => DateOnly.TryParseExact(e.Value, "yyyy-MM-dd", out var d) ? d : (DateOnly?)null)
            .OfType<DateOnly>()
            .ToList();
        eventDates.Should().NotBeEmpty().And.OnlyContain(d => d <= r);

        var late = Episodes(doc, "L001").Single();
        late.Element("CINclosureDate").Should().BeNull("the episode closed after the reference date");
        late.Element("ReasonForClosure").Should().BeNull();
        var assessment = late.Elements("Assessments").Should().ContainSingle("the assessment starting after is left out").Subject;
        assessment.Element("AssessmentInternalReviewDate")!.Value.Should().Be(Text(s.AddDays(230)));
        assessment.Element("AssessmentAuthorisationDate").Should().BeNull("it was authorised after the reference date");
        assessment.Element("FactorsIdentifiedAtAssessment").Should().BeNull("factors belong to a completed assessment");
        late.Elements("Section47").Should().BeEmpty("the enquiry started after the reference date");
        var plan = late.Elements("ChildProtectionPlans").Should().ContainSingle().Subject;
        plan.Element("CPPendDate").Should().BeNull("the plan ended after the reference date");
        plan.Descendants("CPPreviewDate").Select(d => d.Value).Should().Equal(Text(s.AddDays(300)));
        if (year >= 2022)
        {
            var cinPlan = late.Elements("CINPlanDates").Should().ContainSingle("the CIN plan starting after is left out").Subject;
            cinPlan.Element("CINPlanEndDate").Should().BeNull();
        }
    }

    [Theory]
    [MemberData(nameof(Years))]
    public void Every_review_of_a_plan_and_both_kinds_of_conference_date_are_written(int year)
    {
        var (doc, _) = Write(year);
        var s = CinCensusWriter.CollectionStart(year);

        var current = Episodes(doc, "M001")[1];
        var plan = current.Elements("ChildProtectionPlans").Should().ContainSingle("the plan with no category is skipped").Subject;
        plan.Element("Reviews")!.Elements("CPPreviewDate").Select(d => d.Value)
            .Should().Equal(Text(s.AddDays(200)), Text(s.AddDays(280)), Text(s.AddDays(360)));
        plan.Element("InitialCategoryOfAbuse")!.Value.Should().Be("NEG");
        plan.Element("LatestCategoryOfAbuse")!.Value.Should().Be("EMO");
        plan.Element("NumberOfPreviousCPP")!.Value.Should().Be("1");

        // A conference that followed an enquiry is recorded on the enquiry only.
        var enquiry = current.Elements("Section47").Should().ContainSingle().Subject;
        enquiry.Element("DateOfInitialCPC")!.Value.Should().Be(Text(s.AddDays(133)));
        enquiry.Element("ICPCnotRequired")!.Value.Should().Be("0");
        current.Element("DateOfInitialCPC").Should().BeNull();

        // An enquiry that needed no conference.
        var first = Episodes(doc, "M001")[0];
        var noConference = first.Elements("Section47").Should().ContainSingle().Subject;
        noConference.Element("ICPCnotRequired")!.Value.Should().Be("1");
        noConference.Element("DateOfInitialCPC").Should().BeNull();

        // A conference with no enquiry behind it: on the episode, the one that made the plan rather than the first.
        Episodes(doc, "L001").Single().Element("DateOfInitialCPC")!.Value.Should().Be(Text(s.AddDays(210)));

        doc.Descendants("ReferralNFA").Select(e => e.Value).Should().OnlyContain(v => v == "0");
    }

    [Theory]
    [MemberData(nameof(Years))]
    public void Sex_is_written_as_the_year_requires(int year)
    {
        var (doc, _) = Write(year);

        if (year <= 2024)
        {
            doc.Descendants("Sex").Should().BeEmpty();
            Identifiers(doc, "U001").Element("GenderCurrent")!.Value.Should().Be("0", "an unborn child is 0 whatever was recorded");
            Identifiers(doc, "M001").Element("GenderCurrent")!.Value.Should().Be("1");
            Identifiers(doc, "L001").Element("GenderCurrent")!.Value.Should().Be("9");
        }
        else
        {
            doc.Descendants("GenderCurrent").Should().BeEmpty();
            Identifiers(doc, "U001").Element("Sex")!.Value.Should().Be("U");
            Identifiers(doc, "M001").Element("Sex")!.Value.Should().Be("M");
            Identifiers(doc, "L001").Element("Sex")!.Value.Should().Be("U");
        }
    }

    [Theory]
    [MemberData(nameof(Years))]
    public void Identifiers_and_characteristics_are_written_as_the_schema_allows(int year)
    {
        var (doc, _) = Write(year);
        var r = CinCensusWriter.ReferenceDate(year);

        var unborn = Identifiers(doc, "U001");
        unborn.Element("ExpectedPersonBirthDate")!.Value.Should().Be(Text(r.AddMonths(2)));
        unborn.Element("PersonBirthDate").Should().BeNull();
        Characteristics(doc, "U001").Element("Disabilities").Should().BeNull("an unborn child's disabilities are not known");

        Identifiers(doc, "M001").Element("UPN")!.Value.Should().Be("A12345678901B");
        Identifiers(doc, "M001").Element("PersonBirthDate")!.Value.Should().Be($"{year - 10}-06-15");
        Characteristics(doc, "M001").Descendants("Disability").Select(d => d.Value).Should().Equal("LD");

        Identifiers(doc, "L001").Element("FormerUPN").Should().BeNull("'BAD' is not a UPN");
        Identifiers(doc, "L001").Element("UPNunknown")!.Value.Should().Be("UN3");
        Characteristics(doc, "L001").Element("Ethnicity")!.Value.Should().Be("NOBT");
        Characteristics(doc, "L001").Descendants("Disability").Select(d => d.Value).Should().Equal("NONE");
    }

    [Theory]
    [MemberData(nameof(Years))]
    public void Codes_are_mapped_to_the_years_equivalent(int year)
    {
        var (doc, _) = Write(year);

        Episodes(doc, "U001").Single().Element("ReferralSource")!.Value.Should().Be(year >= 2023 ? "5D" : "5B");
        Episodes(doc, "M001")[0].Element("ReasonForClosure")!.Value.Should().Be(year >= 2023 ? "RC9" : "RC8");

        string[] expected = year switch
        {
            >= 2023 => ["18B", "18C", "24A", "19C", "2B"],
            2022 => ["18A", "24A", "19A", "2B"],
            _ => ["18A", "20", "19A", "2B"],
        };
        Factors(Episodes(doc, "M001")[0]).Should().Equal(expected);
        Factors(Episodes(doc, "U001").Single()).Should().Equal(year >= 2023 ? new[] { "3B" } : new[] { "3B", "18A" });

        doc.Descendants("CINPlanDates").Should().HaveCount(year >= 2022 ? 2 : 0);
        if (year >= 2022)
        {
            var plan = Episodes(doc, "M001")[0].Element("CINPlanDates")!;
            plan.Element("CINPlanEndDate")!.Value.Should().Be(Text(CinCensusWriter.CollectionStart(year).AddDays(44)));
        }
    }

    [Theory]
    [MemberData(nameof(Years))]
    public void What_cannot_be_written_is_reported_not_thrown(int year)
    {
        var (_, result) = Write(year);
        var s = CinCensusWriter.CollectionStart(year);

        var expected = new List<(string, string)>
        {
            ("M001", $"child protection plan starting {Text(s.AddDays(140))}"),
            ("L001", "former UPN"),
            ("L001", "ethnicity"),
            ("N001", $"CIN episode referred {Text(s.AddDays(5))}"),
            ("N001", "child"),
        };
        if (year >= 2023)
        {
            expected.Insert(0, ("U001", $"assessment factor 18A (assessment started {Text(s.AddDays(31))})"));
        }

        result.Skipped.Select(k => (k.LAChildId, k.Record)).Should().Equal(expected);
        result.Skipped.Should().OnlyContain(k => !string.IsNullOrWhiteSpace(k.Reason));
        result.Skipped.Single(k => k.Record.StartsWith("child protection plan", StringComparison.Ordinal))
            .Reason.Should().Be("no initial category of abuse recorded");
    }

    [Fact]
    public void A_fixed_header_time_and_progress_are_honoured_and_a_path_can_be_written()
    {
        var path = Path.Combine(Path.GetTempPath(), $"cin-{Guid.NewGuid():N}.xml");
        try
        {
            var progress = new List<int>();
            var result = CinCensusWriter.Write(Children(2025), path, 2025, Lea, new DateTime(2025, 5, 20, 14, 30, 5), progress.Add);

            progress.Should().Equal(1, 2, 3);
            result.ChildrenWritten.Should().Be(3);
            XDocument.Load(path).Root!.Element("Header")!.Element("Source")!.Element("DateTime")!.Value.Should().Be("2025-05-20T14:30:05");
            using var file = File.OpenRead(path);
            CinCensusSchemas.Validate(file, 2025).Should().BeEmpty();
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void The_same_children_give_the_same_file()
    {
        using var first = new MemoryStream();
        using var second = new MemoryStream();
        CinCensusWriter.Write(Children(2024), first, 2024, Lea);
        CinCensusWriter.Write(Children(2024), second, 2024, Lea);

        second.ToArray().Should().Equal(first.ToArray());
    }

    [Theory]
    [InlineData(2016, "318")]
    [InlineData(2027, "318")]
    [InlineData(2025, "31")]
    [InlineData(2025, "31A")]
    public void A_year_or_LA_code_out_of_range_is_refused(int year, string lea)
    {
        var write = () => CinCensusWriter.Write([], Stream.Null, year, lea);

        write.Should().Throw<ArgumentException>();
    }

    private static (XDocument Doc, CinCensusWriteResult Result) Write(int year)
    {
        using var stream = new MemoryStream();
        var result = CinCensusWriter.Write(Children(year), stream, year, Lea);
        stream.Position = 0;
        return (XDocument.Load(stream), result);
    }

    private static List<string> Ids(XDocument doc) =>
        doc.Descendants("Child").Select(c => c.Element("ChildIdentifiers")!.Element("LAchildID")!.Value).ToList();

    private static XElement Child(XDocument doc, string id) =>
        doc.Descendants("Child").Single(c => c.Element("ChildIdentifiers")!.Element("LAchildID")!.Value == id);

    private static XElement Identifiers(XDocument doc, string id) => Child(doc, id).Element("ChildIdentifiers")!;

    private static XElement Characteristics(XDocument doc, string id) => Child(doc, id).Element("ChildCharacteristics")!;

    private static List<XElement> Episodes(XDocument doc, string id) => Child(doc, id).Elements("CINdetails").ToList();

    private static List<string> Factors(XElement episode) =>
        episode.Element("Assessments")!.Descendants("AssessmentFactors").Select(f => f.Value).ToList();

    private static string Text(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Children for one census year, dated from its collection start (S) and reference date (R).</summary>
    private static List<Child> Children(int year)
    {
        var s = CinCensusWriter.CollectionStart(year);
        var r = CinCensusWriter.ReferenceDate(year);

        var unborn = new Child
        {
            LAChildId = "U001",
            ExpectedDateOfBirth = r.AddMonths(2),
            Sex = Sex.Female,
            Ethnicity = "WBRI",
            CinEpisodes =
            [
                new CinEpisode
                {
                    Id = 1, ReferralDate = s.AddDays(30), ReferralSource = "5D", PrimaryNeed = "N1",
                    Assessments = [new Assessment { Id = 1, StartDate = s.AddDays(31), AuthorisationDate = s.AddDays(60), Factors = Factors("3B", "18A") }],
                },
            ],
        };

        var several = new Child
        {
            LAChildId = "M001",
            Upn = "a12345678901b",
            DateOfBirth = new DateOnly(year - 10, 6, 15),
            Sex = Sex.Male,
            Ethnicity = "MWBC",
            Disabilities = [new ChildDisability { Code = "LD" }, new ChildDisability { Code = "NONE" }, new ChildDisability { Code = "ld" }],
            CinEpisodes =
            [
                // Closed before the collection year: left out.
                new CinEpisode
                {
                    Id = 10, ReferralDate = new DateOnly(year - 3, 1, 10), ReferralSource = "1A", PrimaryNeed = "N4",
                    ClosureDate = new DateOnly(year - 2, 6, 1), ReasonForClosure = "RC7",
                },
                // Referred before the year, closed in it after an enquiry that needed no conference.
                new CinEpisode
                {
                    Id = 11, ReferralDate = s.AddDays(-60), ReferralSource = "2A", PrimaryNeed = "N1",
                    ClosureDate = s.AddDays(45), ReasonForClosure = "RC9",
                    Assessments =
                    [
                        new Assessment
                        {
                            Id = 11, StartDate = s.AddDays(-55), InternalReviewDate = s.AddDays(-20), AuthorisationDate = s.AddDays(10),
                            Factors = Factors("18B", "18C", "24A", "19C", "2B"),
                        },
                    ],
                    Section47Enquiries =
                    [
                        new Section47Enquiry { Id = 11, StartDate = s.AddDays(1), IcpcTargetDate = s.AddDays(16), IcpcNotRequired = true, EndDate = s.AddDays(12) },
                    ],
                    CinPlans = [new CinPlan { Id = 11, StartDate = s.AddDays(11), EndDate = s.AddDays(44) }],
                },
                // Open: an enquiry whose conference made a plan, reviewed three times by the reference date and once after.
                new CinEpisode
                {
                    Id = 12, ReferralDate = s.AddDays(100), ReferralSource = "6", PrimaryNeed = "N1",
                    Assessments = [new Assessment { Id = 12, StartDate = s.AddDays(101), AuthorisationDate = s.AddDays(130), Factors = Factors("16A") }],
                    Section47Enquiries = [new Section47Enquiry { Id = 12, StartDate = s.AddDays(120), IcpcTargetDate = s.AddDays(135) }],
                    InitialConferences = [new InitialConference { Id = 12, Section47EnquiryId = 12, Date = s.AddDays(133), ResultedInPlan = true }],
                    ChildProtectionPlans =
                    [
                        new ChildProtectionPlan
                        {
                            Id = 12, StartDate = s.AddDays(133), InitialCategory = "NEG", LatestCategory = "emo", NumberOfPreviousPlans = 1,
                            ReviewConferences = Reviews(s.AddDays(280), s.AddDays(200), r.AddDays(10), s.AddDays(360)),
                        },
                        new ChildProtectionPlan { Id = 13, StartDate = s.AddDays(140), InitialCategory = "", LatestCategory = "NEG" },
                    ],
                },
            ],
        };

        var late = new Child
        {
            LAChildId = "L001",
            FormerUpn = "BAD",
            UpnUnknownReason = "UN3",
            DateOfBirth = new DateOnly(year - 4, 2, 2),
            Sex = Sex.Indeterminate,
            Ethnicity = "XX",
            CinEpisodes =
            [
                // Closes after the reference date; much of it happens after, too.
                new CinEpisode
                {
                    Id = 20, ReferralDate = s.AddDays(200), ReferralSource = "3A", PrimaryNeed = "N2",
                    ClosureDate = r.AddDays(5), ReasonForClosure = "RC8",
                    Assessments =
                    [
                        new Assessment { Id = 20, StartDate = s.AddDays(201), InternalReviewDate = s.AddDays(230), AuthorisationDate = r.AddDays(3), Factors = Factors("1B") },
                        new Assessment { Id = 21, StartDate = r.AddDays(2) },
                    ],
                    Section47Enquiries = [new Section47Enquiry { Id = 20, StartDate = r.AddDays(1) }],
                    // Conferences with no enquiry behind them (the child moved in from another council).
                    InitialConferences =
                    [
                        new InitialConference { Id = 20, Date = s.AddDays(205) },
                        new InitialConference { Id = 21, Date = s.AddDays(210), ResultedInPlan = true },
                    ],
                    ChildProtectionPlans =
                    [
                        new ChildProtectionPlan
                        {
                            Id = 20, StartDate = s.AddDays(210), EndDate = r.AddDays(20), InitialCategory = "PHY", LatestCategory = "MUL",
                            ReviewConferences = Reviews(s.AddDays(300), r.AddDays(1)),
                        },
                    ],
                    CinPlans =
                    [
                        new CinPlan { Id = 20, StartDate = s.AddDays(202), EndDate = r.AddDays(1) },
                        new CinPlan { Id = 21, StartDate = r.AddDays(4) },
                    ],
                },
            ],
        };

        var closedTheDayBefore = new Child
        {
            LAChildId = "C001",
            DateOfBirth = new DateOnly(year - 8, 1, 1),
            Ethnicity = "WBRI",
            CinEpisodes =
            [
                new CinEpisode { Id = 30, ReferralDate = new DateOnly(year - 2, 5, 1), ReferralSource = "1A", ClosureDate = s.AddDays(-1), ReasonForClosure = "RC7" },
            ],
        };

        var referredAfter = new Child
        {
            LAChildId = "F001",
            DateOfBirth = new DateOnly(year - 8, 1, 1),
            Ethnicity = "WBRI",
            CinEpisodes = [new CinEpisode { Id = 40, ReferralDate = r.AddDays(1), ReferralSource = "1A" }],
        };

        var noReferralSource = new Child
        {
            LAChildId = "N001",
            DateOfBirth = new DateOnly(year - 8, 1, 1),
            Ethnicity = "WBRI",
            CinEpisodes = [new CinEpisode { Id = 50, ReferralDate = s.AddDays(5), ReferralNfa = true }],
        };

        var neverReferred = new Child { LAChildId = "E001", DateOfBirth = new DateOnly(year - 8, 1, 1) };

        return [unborn, closedTheDayBefore, several, referredAfter, late, noReferralSource, neverReferred];
    }

    private static List<AssessmentFactor> Factors(params string[] codes) => codes.Select(c => new AssessmentFactor { Code = c }).ToList();

    private static List<ReviewConference> Reviews(params DateOnly[] dates) => dates.Select(d => new ReviewConference { Date = d }).ToList();
}
