using Sightline.Formats.CinCensus;
using Sightline.Model;
using static Sightline.Formats.Tests.CinCensus.CensusXml;

namespace Sightline.Formats.Tests.CinCensus;

/// <summary>The census reader takes what real files hold, child by child, and says precisely what it could not.</summary>
public class CinCensusReaderTests
{
    private static DateOnly D(string text) => DateOnly.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    private static (CinCensusReader Reader, List<CinCensusChild> Children) ReadSample(string name)
    {
        var reader = CinCensusReader.Open(CensusXml.Sample(name));
        return (reader, reader.Children().ToList());
    }

    [Fact]
    public void The_2022_sample_is_read_whole_with_every_record()
    {
        var (reader, children) = ReadSample("BAR_cin_2022.xml");
        using var _ = reader;

        reader.Header.LeaCode.Should().Be("201");
        reader.Year.Year.Should().Be(2022);
        var read = children.Should().ContainSingle().Subject;
        read.Problems.Should().BeEmpty();
        var child = read.Child!;
        (child.LAChildId, child.Upn, child.FormerUpn, child.UpnUnknownReason).Should().Be(("DfEX0000001", "A123456789123", "X98765432123B", "UN3"));
        (child.DateOfBirth, child.ExpectedDateOfBirth, child.DateOfDeath).Should().Be((D("1966-03-24"), D("1966-03-22"), D("1980-10-08")));
        child.Sex.Should().Be(Sex.Male);
        child.Ethnicity.Should().Be("WBRI");
        child.Disabilities.Select(d => d.Code).Should().Equal("HAND", "HEAR");

        var episode = child.CinEpisodes.Should().ContainSingle().Subject;
        (episode.ReferralDate, episode.ReferralSource, episode.PrimaryNeed, episode.ClosureDate, episode.ReasonForClosure, episode.ReferralNfa)
            .Should().Be((D("1970-10-06"), "1A", "N4", D("1971-02-27"), "RC1", false));
        var assessment = episode.Assessments.Should().ContainSingle().Subject;
        (assessment.StartDate, assessment.InternalReviewDate, assessment.AuthorisationDate).Should().Be((D("1970-06-03"), D("1970-06-22"), D("1971-07-18")));
        assessment.Factors.Select(f => f.Code).Should().Equal("2A", "2B");
        var plan = episode.CinPlans.Should().ContainSingle().Subject;
        (plan.StartDate, plan.EndDate).Should().Be((D("1971-01-24"), D("1971-01-26")));
        var enquiry = episode.Section47Enquiries.Should().ContainSingle().Subject;
        (enquiry.StartDate, enquiry.IcpcTargetDate, enquiry.IcpcNotRequired).Should().Be((D("1970-02-02"), D("1970-06-23"), false));
        episode.InitialConferences.Select(c => (c.Date, c.Section47EnquiryId == enquiry.Id))
            .Should().BeEquivalentTo([(D("1970-02-11"), true), (D("1970-02-06"), false)], "one conference followed the enquiry, the other is the episode's own");
        var protection = episode.ChildProtectionPlans.Should().ContainSingle().Subject;
        (protection.StartDate, protection.EndDate, protection.InitialCategory, protection.LatestCategory, protection.NumberOfPreviousPlans)
            .Should().Be((D("1970-02-17"), D("1971-03-14"), "PHY", "PHY", 10));
        protection.ReviewConferences.Select(r => r.Date).Should().Equal(D("1971-02-15"));
    }

    [Fact]
    public void The_two_plan_sample_keeps_the_first_of_two_identical_plans_and_reports_the_stray_text()
    {
        var (reader, children) = ReadSample("CIN2rows.xml");
        using var _ = reader;

        var read = children.Should().ContainSingle().Subject;
        read.Child!.CinEpisodes.Single().ChildProtectionPlans.Should().ContainSingle();
        read.Problems.Select(p => (p.Element, p.Value, p.Consequence)).Should().BeEquivalentTo(new[]
        {
            ("ChildIdentifiers", (string?)"PersonBirthDate", CinCensusConsequence.Ignored),
            ("CPPstartDate", "2022-02-17", CinCensusConsequence.RecordNotLoaded),
        });
        read.Problems.Should().OnlyContain(p => p.LAChildId == "DfEX0000001" && p.Line > 20);
        reader.Year.Year.Should().Be(2024, "the reference date, 31 March 2024, settles the year");
        reader.Year.Basis.Should().Contain("Year says 2023");
    }

    [Fact]
    public void The_2026_sample_reads_both_children_leaving_out_only_what_is_wrong()
    {
        var (reader, children) = ReadSample("CIN_Census_2026.xml");
        using var _ = reader;

        children.Select(c => (c.LAChildId, c.Rejected)).Should().Equal(("DfEX0000001", false), ("child_fails_assessments", false));
        var first = children[0].Child!;
        first.Sex.Should().Be(Sex.Male, "a GenderCurrent code in a Sex element is still unambiguous");
        var assessment = first.CinEpisodes.Single().Assessments.Single();
        assessment.StartDate.Should().Be(D("2028-04-28"));
        assessment.AuthorisationDate.Should().BeNull("it is before the assessment's own start");
        assessment.Factors.Select(f => f.Code).Should().Equal("1C", "6B");
        children[0].Problems.Select(p => (p.Element, p.Value, p.Consequence)).Should().BeEquivalentTo(new[]
        {
            ("ChildIdentifiers", (string?)"PersonBirthDate", CinCensusConsequence.Ignored),
            ("AssessmentAuthorisationDate", "2020-09-19", CinCensusConsequence.ValueNotLoaded),
            ("AssessmentFactors", "RB", CinCensusConsequence.RecordNotLoaded),
        });

        var pre = first.PreProceedings.Should().ContainSingle().Subject;
        pre.CinEpisodeId.Should().Be(first.CinEpisodes.Single().Id);
        (pre.StartDate, pre.LetterBeforeProceedingsDate, pre.FamilyGroupDecisionMakingOffered, pre.FamilyGroupDecisionMakingHeld, pre.InitialMeetingDate)
            .Should().Be((D("2026-09-09"), D("2026-09-20"), true, true, D("2026-09-28")));
        (pre.ReportedReviewMeetingCount, pre.DecisionDate, pre.CourtApplicationDate, pre.Outcome)
            .Should().Be((3, D("2026-12-01"), D("2026-12-18"), PreProceedingsOutcome.ProceedingsIssued));

        var second = children[1].Child!;
        second.CinEpisodes.Single().ReasonForClosure.Should().Be("RC9");
        second.CinEpisodes.Single().Assessments.Single().Factors.Should().BeEmpty();
        children[1].Problems.Should().BeEmpty();

        reader.Year.Year.Should().Be(2024);
        reader.Year.Basis.Should().Contain("PreProceedingsandFGDM").And.Contain("2026");
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("TRUE", true)]
    [InlineData("True", true)]
    [InlineData("1", true)]
    [InlineData("false", false)]
    [InlineData("0", false)]
    [InlineData(" yes ", true)]
    [InlineData("N", false)]
    public void Booleans_are_read_as_councils_write_them(string written, bool meaning)
    {
        var xml = File(2024, Child("C1", $"<CINdetails><CINreferralDate>2023-06-01</CINreferralDate><ReferralSource>1A</ReferralSource><ReferralNFA>{written}</ReferralNFA></CINdetails>"));
        var (_, children) = Read(xml);
        children.Single().Child!.CinEpisodes.Single().ReferralNfa.Should().Be(meaning);
        children.Single().Problems.Should().BeEmpty();
    }

    [Theory]
    [InlineData(2019, "GenderCurrent", "1", Sex.Male)]
    [InlineData(2019, "GenderCurrent", "2", Sex.Female)]
    [InlineData(2019, "GenderCurrent", "9", Sex.Indeterminate)]
    [InlineData(2019, "GenderCurrent", "0", Sex.NotRecorded)]
    [InlineData(2026, "GenderCurrent", "2", Sex.Female)]
    [InlineData(2026, "Sex", "F", Sex.Female)]
    [InlineData(2026, "Sex", "u", Sex.NotRecorded)]
    [InlineData(2020, "Sex", "M", Sex.Male)]
    public void Either_gender_element_is_read_in_any_year(int year, string element, string value, Sex sex)
    {
        var xml = File(year, ChildWith($"<LAchildID>C1</LAchildID><{element}>{value}</{element}>", "<Ethnicity>WBRI</Ethnicity>", Episode("2018-06-01")));
        var (_, children) = Read(xml);
        children.Single().Child!.Sex.Should().Be(sex);
    }

    [Fact]
    public void Every_review_date_in_one_reviews_block_is_kept()
    {
        var plan = """
            <ChildProtectionPlans><CPPstartDate>2023-05-01</CPPstartDate><InitialCategoryOfAbuse>NEG</InitialCategoryOfAbuse>
              <LatestCategoryOfAbuse>EMO</LatestCategoryOfAbuse><NumberOfPreviousCPP>0</NumberOfPreviousCPP>
              <Reviews><CPPreviewDate>2023-07-28</CPPreviewDate><CPPreviewDate>2024-01-19</CPPreviewDate><CPPreviewDate>2023-07-28</CPPreviewDate></Reviews>
            </ChildProtectionPlans>
            """;
        var (_, children) = Read(File(2024, Child("C1", Episode("2023-04-02", plan))));

        var read = children.Single();
        read.Child!.CinEpisodes.Single().ChildProtectionPlans.Single().ReviewConferences.Select(r => r.Date)
            .Should().Equal(D("2023-07-28"), D("2024-01-19"));
        read.Problems.Should().ContainSingle().Which.Consequence.Should().Be(CinCensusConsequence.Ignored, "a repeated review date loses nothing");
    }

    [Theory]
    [InlineData(2019, new[] { "18A", "19A", "18B", "18C", "19B", "19C", "24A" })]
    [InlineData(2024, new[] { "18A", "19A", "18B", "18C", "19B", "19C", "24A" })]
    public void Assessment_factors_from_before_and_after_the_2023_split_are_all_kept(int year, string[] factors)
    {
        var assessment = $"<Assessments><AssessmentActualStartDate>2018-06-02</AssessmentActualStartDate><AssessmentAuthorisationDate>2018-07-02</AssessmentAuthorisationDate>" +
                         $"<FactorsIdentifiedAtAssessment>{string.Concat(factors.Select(f => $"<AssessmentFactors>{f}</AssessmentFactors>"))}</FactorsIdentifiedAtAssessment></Assessments>";
        var (_, children) = Read(File(year, Child("C1", Episode("2018-06-01", assessment))));
        children.Single().Child!.CinEpisodes.Single().Assessments.Single().Factors.Select(f => f.Code).Should().Equal(factors);
    }

    [Fact]
    public void Codes_that_arrived_in_2023_are_read_in_any_year()
    {
        var episode = "<CINdetails><CINreferralDate>2020-06-01</CINreferralDate><ReferralSource>5D</ReferralSource><CINclosureDate>2020-07-01</CINclosureDate>" +
                      "<ReasonForClosure>rc9</ReasonForClosure><ReferralNFA>1</ReferralNFA></CINdetails>";
        var (_, children) = Read(File(2021, Child("C1", episode)));
        var read = children.Single().Child!.CinEpisodes.Single();
        (read.ReferralSource, read.ReasonForClosure, read.ReferralNfa).Should().Be(("5D", "RC9", true));
    }

    [Fact]
    public void A_child_with_no_identifier_is_left_out_and_the_others_are_read()
    {
        var (_, children) = Read(File(2024,
            Child("C1", Episode("2023-06-01")),
            ChildWith("<PersonBirthDate>2015-03-27</PersonBirthDate><Sex>M</Sex>", "<Ethnicity>WBRI</Ethnicity>", Episode("2023-06-02")),
            Child("C3", Episode("2023-06-03"))));

        children.Select(c => c.Rejected).Should().Equal(false, true, false);
        var problem = children[1].Problems.Should().ContainSingle().Subject;
        (problem.LAChildId, problem.Element, problem.Consequence).Should().Be(((string?)null, "LAchildID", CinCensusConsequence.ChildNotLoaded));
        problem.Line.Should().Be(children[1].Line);
    }

    [Fact]
    public void A_bad_date_in_a_key_element_leaves_the_child_out_with_its_line_element_and_value()
    {
        var xml = File(2024, Child("C1", Episode("2023-02-30")), Child("C2", Episode("2023-06-01")));
        var (_, children) = Read(xml);

        children[0].Rejected.Should().BeTrue();
        var problem = children[0].Problems.Should().ContainSingle().Subject;
        (problem.LAChildId, problem.Element, problem.Value).Should().Be(("C1", "CINreferralDate", "2023-02-30"));
        problem.Reason.Should().Contain("not a date").And.EndWith("child not loaded");
        xml.Split('\n')[problem.Line - 1].Should().Contain("2023-02-30");
        children[1].Rejected.Should().BeFalse();
    }

    [Theory]
    [InlineData("<Assessments><AssessmentActualStartDate>01/06/2023</AssessmentActualStartDate></Assessments>", "AssessmentActualStartDate")]
    [InlineData("<Section47><ICPCnotRequired>0</ICPCnotRequired></Section47>", "S47ActualStartDate")]
    [InlineData("<CINPlanDates><CINPlanEndDate>2023-07-01</CINPlanEndDate></CINPlanDates>", "CINPlanStartDate")]
    [InlineData("<ChildProtectionPlans><CPPstartDate>2023-07-01</CPPstartDate><InitialCategoryOfAbuse>NEG</InitialCategoryOfAbuse><LatestCategoryOfAbuse>XYZ</LatestCategoryOfAbuse><NumberOfPreviousCPP>0</NumberOfPreviousCPP></ChildProtectionPlans>", "LatestCategoryOfAbuse")]
    [InlineData("<ChildProtectionPlans><CPPstartDate>2023-07-01</CPPstartDate><InitialCategoryOfAbuse>NEG</InitialCategoryOfAbuse><LatestCategoryOfAbuse>NEG</LatestCategoryOfAbuse><NumberOfPreviousCPP>-1</NumberOfPreviousCPP></ChildProtectionPlans>", "NumberOfPreviousCPP")]
    [InlineData("<ChildProtectionPlans><CPPstartDate>2023-07-01</CPPstartDate><LatestCategoryOfAbuse>NEG</LatestCategoryOfAbuse><NumberOfPreviousCPP>0</NumberOfPreviousCPP></ChildProtectionPlans>", "InitialCategoryOfAbuse")]
    [InlineData("<PreProceedingsandFGDM><PPStartDate>soon</PPStartDate></PreProceedingsandFGDM>", "PPStartDate")]
    public void A_record_that_cannot_be_held_whole_leaves_its_child_out(string record, string element)
    {
        var (_, children) = Read(File(2024, Child("C1", Episode("2023-06-01", record))));
        children.Single().Rejected.Should().BeTrue();
        children.Single().Problems.Should().ContainSingle(p => p.Consequence == CinCensusConsequence.ChildNotLoaded).Which.Element.Should().Be(element);
    }

    [Fact]
    public void Bad_optional_values_and_unknown_codes_are_left_out_and_the_child_is_kept()
    {
        var identifiers = "<LAchildID>C1</LAchildID><UPN>A12345</UPN><UPNunknown>UN99</UPNunknown><PersonBirthDate>27/03/2015</PersonBirthDate><Sex>X</Sex>";
        var characteristics = "<Ethnicity>ZZZZ</Ethnicity><Disabilities><Disability>HAND</Disability><Disability>WINGS</Disability></Disabilities>";
        var episode = "<CINdetails><CINreferralDate>2023-06-01</CINreferralDate><ReferralSource>11Z</ReferralSource><PrimaryNeedCode>N11</PrimaryNeedCode>" +
                      "<CINclosureDate>2023-05-01</CINclosureDate><ReasonForClosure>RC0</ReasonForClosure><ReferralNFA>perhaps</ReferralNFA></CINdetails>";
        var (_, children) = Read(File(2024, ChildWith(identifiers, characteristics, episode)));

        var read = children.Single();
        read.Rejected.Should().BeFalse();
        var child = read.Child!;
        (child.Upn, child.UpnUnknownReason, child.DateOfBirth, child.Sex, child.Ethnicity).Should().Be(((string?)null, (string?)null, (DateOnly?)null, Sex.NotRecorded, (string?)null));
        child.Disabilities.Select(d => d.Code).Should().Equal("HAND");
        var e = child.CinEpisodes.Single();
        (e.ReferralSource, e.PrimaryNeed, e.ClosureDate, e.ReasonForClosure, e.ReferralNfa).Should().Be(((string?)null, (string?)null, (DateOnly?)null, (string?)null, false));
        read.Problems.Select(p => p.Element).Should().BeEquivalentTo(
            ["UPN", "UPNunknown", "PersonBirthDate", "Sex", "Ethnicity", "Disability", "ReferralSource", "PrimaryNeedCode", "CINclosureDate", "ReasonForClosure", "ReferralNFA"]);
        read.Problems.Should().OnlyContain(p => p.Consequence != CinCensusConsequence.ChildNotLoaded);
    }

    [Fact]
    public void An_identifier_too_long_to_hold_leaves_the_child_out_with_one_reason()
    {
        var id = new string('7', 65);
        var (_, children) = Read(File(2024, Child(id, Episode("2023-06-01"))));
        var problem = children.Single().Problems.Should().ContainSingle().Subject;
        (problem.Element, problem.Value, problem.Consequence).Should().Be(("LAchildID", id, CinCensusConsequence.ChildNotLoaded));
    }

    [Fact]
    public void A_child_listed_twice_is_loaded_once_from_its_first_listing()
    {
        var (_, children) = Read(File(2024, Child("C1", Episode("2023-06-01")), Child("C2", Episode("2023-06-01")), Child("C1", Episode("2023-09-01"))));

        children.Select(c => (c.LAChildId, c.Rejected)).Should().Equal(("C1", false), ("C2", false), ("C1", true));
        children[2].Problems.Single().Description.Should().Contain($"line {children[0].Line}");
    }

    [Fact]
    public void An_episode_referred_twice_on_the_same_day_is_loaded_once()
    {
        var (_, children) = Read(File(2024, Child("C1", Episode("2023-06-01"), Episode("2023-06-01", "<PrimaryNeedCode>N2</PrimaryNeedCode>"))));
        children.Single().Child!.CinEpisodes.Should().ContainSingle().Which.PrimaryNeed.Should().BeNull();
        children.Single().Problems.Single().Consequence.Should().Be(CinCensusConsequence.RecordNotLoaded);
    }

    [Fact]
    public void A_conference_that_made_a_plan_is_told_by_the_plan_starting_that_day()
    {
        var body = "<DateOfInitialCPC>2023-08-01</DateOfInitialCPC>" +
                   "<Section47><S47ActualStartDate>2023-06-05</S47ActualStartDate><DateOfInitialCPC>2023-06-26</DateOfInitialCPC><ICPCnotRequired>0</ICPCnotRequired></Section47>" +
                   "<ChildProtectionPlans><CPPstartDate>2023-06-26</CPPstartDate><InitialCategoryOfAbuse>NEG</InitialCategoryOfAbuse><LatestCategoryOfAbuse>NEG</LatestCategoryOfAbuse><NumberOfPreviousCPP>1</NumberOfPreviousCPP></ChildProtectionPlans>";
        var (_, children) = Read(File(2024, Child("C1", Episode("2023-06-01", body))));

        var episode = children.Single().Child!.CinEpisodes.Single();
        var enquiry = episode.Section47Enquiries.Single();
        episode.InitialConferences.Select(c => (c.Date, c.Section47EnquiryId, c.ResultedInPlan))
            .Should().BeEquivalentTo([(D("2023-06-26"), (int?)enquiry.Id, true), (D("2023-08-01"), (int?)null, false)]);
    }

    [Fact]
    public void Element_names_are_matched_in_any_case_and_unknown_elements_are_reported_once()
    {
        var episode = "<cindetails><CinReferralDate>2023-06-01</CinReferralDate><ReferralSource>1A</ReferralSource><SupplierNote>x</SupplierNote><ReferralNFA>0</ReferralNFA></cindetails>";
        var (_, children) = Read(File(2024, Child("C1", episode), Child("C2", episode)));

        children.Should().OnlyContain(c => !c.Rejected && c.Child!.CinEpisodes.Single().ReferralDate == D("2023-06-01"));
        children.SelectMany(c => c.Problems).Should().ContainSingle().Which.Element.Should().Be("SupplierNote");
    }

    [Fact]
    public void Every_element_given_twice_is_read_through_to_the_end()
    {
        // Each line holding one value is written twice: the header's values, the identifiers, every record's dates.
        var lines = System.IO.File.ReadAllLines(CensusXml.Sample("BAR_cin_2022.xml"));
        var doubled = string.Join("\n", lines.SelectMany(l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^\s*<(\w+)>[^<]*</\1>\s*$") ? new[] { l, l } : [l]))
            .Replace("<LEA>201</LEA>\n            <LEA>201</LEA>", "<LEA>201</LEA>\n            <LEA>318</LEA>");

        var (reader, children) = Read(doubled);

        reader.Header.LeaCode.Should().Be("201", "the first council code is the file's");
        reader.Year.Year.Should().Be(2022);
        var read = children.Single();
        read.Rejected.Should().BeFalse();
        read.Child!.CinEpisodes.Single().ChildProtectionPlans.Single().ReviewConferences.Should().ContainSingle();
        read.Problems.Select(p => p.Element).Should().Contain(["LAchildID", "CPPreviewDate", "AssessmentFactors", "Disability"]);
    }

    [Fact]
    public void The_year_falls_back_on_the_elements_when_the_header_has_none()
    {
        var xml = File(2025, ChildWith("<LAchildID>C1</LAchildID><Sex>F</Sex>", "<Ethnicity>WBRI</Ethnicity>", Episode("2024-06-01")))
            .Replace("<Year>2025</Year>", "").Replace("<ReferenceDate>2025-03-31</ReferenceDate>", "");
        var (reader, _) = Read(xml);
        reader.Year.Year.Should().BeNull();
        reader.Year.Basis.Should().Contain("Sex").And.Contain("2025 or later");
    }

    // ---- Files refused whole ----------------------------------------------------------------------------------

    [Fact]
    public void An_entity_expansion_attack_is_refused_before_any_child_is_read()
    {
        var lol = string.Concat(Enumerable.Range(1, 9).Select(i => $"<!ENTITY lol{i} \"{string.Concat(Enumerable.Repeat($"&lol{i - 1};", 10))}\">"));
        var xml = $"""<?xml version="1.0"?><!DOCTYPE Message [<!ENTITY lol0 "lol">{lol}]><Message><Children><Child><ChildIdentifiers><LAchildID>&lol9;</LAchildID></ChildIdentifiers></Child></Children></Message>""";
        var open = () => Read(xml);
        open.Should().Throw<CinCensusRefusedException>().WithMessage("*document type definition*nothing was loaded*");
    }

    [Fact]
    public void An_external_entity_is_refused()
    {
        var xml = """<?xml version="1.0"?><!DOCTYPE Message [<!ENTITY secret SYSTEM "file:///etc/passwd">]><Message><Children><Child>&secret;</Child></Children></Message>""";
        var open = () => Read(xml);
        open.Should().Throw<CinCensusRefusedException>().WithMessage("*document type definition*");
    }

    [Fact]
    public void A_file_cut_short_is_refused_when_its_end_is_reached()
    {
        var xml = File(2024, Child("C1", Episode("2023-06-01")), Child("C2", Episode("2023-06-01")));
        var cut = xml[..xml.IndexOf("</Children>", StringComparison.Ordinal)];
        var reader = CinCensusReader.Open(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(cut)), "cut.xml");
        var read = () => reader.Children().ToList();
        read.Should().Throw<CinCensusRefusedException>().WithMessage("cut.xml is not complete, well-formed XML at line*cut short*");
    }

    [Fact]
    public void An_enormous_value_is_refused_without_being_held_in_memory()
    {
        var path = Path.GetTempFileName();
        try
        {
            using (var file = new StreamWriter(path))
            {
                file.Write(File(2024, Child("C1", Episode("2023-06-01"))).Split("<LAchildID>C1")[0] + "<LAchildID>");
                var block = new string('x', 1 << 20);
                for (var i = 0; i < 50; i++)
                {
                    file.Write(block);
                }

                file.Write("</LAchildID></ChildIdentifiers></Child></Children></Message>");
            }

            var allocated = GC.GetAllocatedBytesForCurrentThread();
            using var reader = CinCensusReader.Open(path);
            var read = () => reader.Children().ToList();
            read.Should().Throw<CinCensusRefusedException>().WithMessage($"*longer than {CinCensusReader.MaxValueLength:N0} characters at line*");
            (GC.GetAllocatedBytesForCurrentThread() - allocated).Should().BeLessThan(4L << 20, "the 50 MB value is read in pieces and never whole");
        }
        finally
        {
            System.IO.File.Delete(path);
        }
    }

    [Fact]
    public void Elements_nested_beyond_any_census_are_refused()
    {
        var deep = string.Concat(Enumerable.Repeat("<x>", 100)) + string.Concat(Enumerable.Repeat("</x>", 100));
        var xml = File(2024, Child("C1", Episode("2023-06-01", deep)));
        var read = () => Read(xml);
        read.Should().Throw<CinCensusRefusedException>().WithMessage("*nested more than*");
    }

    [Theory]
    [InlineData("", "census.xml is empty: nothing was loaded.")]
    [InlineData("   \n  ", "*not complete, well-formed XML*")]
    [InlineData("<html><body><h1>Sign in</h1></body></html>", "*web page (HTML)*")]
    [InlineData("<?xml version=\"1.0\"?><SSDA903><Header/></SSDA903>", "*first element is <SSDA903>*")]
    [InlineData("<Message><Header/></Message>", "*has no <Children>*")]
    [InlineData("<Message><Children></Children></Message>", "*holds no children*")]
    [InlineData("<Message><Header><CollectionDetails><Collection>SEN2</Collection></CollectionDetails></Header><Children/></Message>", "*'SEN2' collection*")]
    [InlineData("LAchildID,CINreferralDate\nC1,2023-06-01\n", "*not complete, well-formed XML*")]
    public void A_file_that_is_not_a_census_is_refused_with_a_clear_message(string content, string message)
    {
        var read = () => Read(content);
        read.Should().Throw<CinCensusRefusedException>().WithMessage(message);
    }

    [Fact]
    public void A_spreadsheet_is_refused_by_its_first_bytes()
    {
        var zip = new MemoryStream([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00]);
        var open = () => CinCensusReader.Open(zip, "children.xlsx");
        open.Should().Throw<CinCensusRefusedException>().WithMessage("children.xlsx is a spreadsheet*");
    }

    // ---- Round trip and memory --------------------------------------------------------------------------------

    public static IEnumerable<object[]> Years() => CinCensusSchemas.Years();

    [Theory]
    [MemberData(nameof(Years))]
    public void What_the_writer_writes_reads_back_to_the_same_file(int year)
    {
        using var first = new MemoryStream();
        var written = CinCensusWriter.Write(RoundTripChildren.For(year), first, year, "318");
        written.ChildrenWritten.Should().BeGreaterThan(3);

        first.Position = 0;
        using var reader = CinCensusReader.Open(first, "first.xml");
        var read = reader.Children().ToList();
        read.SelectMany(c => c.Problems).Should().BeEmpty();
        reader.Year.Year.Should().Be(year);
        reader.Header.LeaCode.Should().Be("318");

        using var second = new MemoryStream();
        CinCensusWriter.Write(read.Select(c => c.Child!), second, year, "318");
        System.Text.Encoding.UTF8.GetString(second.ToArray()).Should().Be(System.Text.Encoding.UTF8.GetString(first.ToArray()));
    }

    [Fact]
    public void Reading_fifty_thousand_children_keeps_the_heap_small()
    {
        const int year = 2024;
        var path = Path.GetTempFileName();
        try
        {
            CinCensusWriter.Write(RoundTripChildren.Many(50_000, year), path, year, "318");
            var before = GC.GetTotalMemory(true);
            long growth = 0;
            var count = 0;
            using var reader = CinCensusReader.Open(path);
            foreach (var child in reader.Children())
            {
                child.Rejected.Should().BeFalse();
                if (++count % 10_000 == 0)
                {
                    growth = Math.Max(growth, GC.GetTotalMemory(true) - before);
                }
            }

            count.Should().Be(50_000);
            growth.Should().BeLessThan(16L * 1024 * 1024, "only each child's identifier is kept, to find repeats");
        }
        finally
        {
            System.IO.File.Delete(path);
        }
    }
}
