using Sightline.Model;
using Sightline.Oversight;
using Sightline.Oversight.Indicators;
using static Sightline.Domain.Tests.Oversight.Cases;

namespace Sightline.Domain.Tests.Oversight;

public sealed class IndicatorTests
{
    private static readonly Period Year2025 = new(D(2025, 1, 1), D(2025, 12, 31));

    private static CouncilSnapshot Council(params Child[] children) =>
        new(new Council { Code = "999", Name = "Test", ChildPopulation = 20_000 }, children, [], [], new DataCoverage(new HashSet<string>()));

    private static IndicatorValue Compute(IIndicator indicator, CouncilSnapshot council) => indicator.Compute(council, Year2025, On(Year2025.To));

    [Fact]
    public void AReferralWithin365DaysOfThePreviousIsARereferralAndOneAfterIsNot()
    {
        var first = Child();
        Episode(first, D(2024, 6, 1), closed: D(2024, 7, 1));
        Episode(first, D(2025, 6, 1), closed: D(2025, 7, 1));
        var second = Child();
        Episode(second, D(2024, 5, 31), closed: D(2024, 7, 1));
        Episode(second, D(2025, 6, 1), closed: D(2025, 7, 1));
        var third = Child();
        Episode(third, D(2025, 3, 1));

        var value = Compute(new ReReferralRate(), Council(first, second, third));
        value.Ratio().Should().Be("1/3", "1 June 2024 to 1 June 2025 is 365 days; 31 May 2024 is 366");
        value.Display.Should().Be("33.3%");
        value.Indicator.England.Should().Be(22.6);
    }

    [Fact]
    public void AnAssessmentAuthorisedOnItsFortyFifthWorkingDayIsOnTimeAndTheFortySixthIsNot()
    {
        var onTime = Child();
        Episode(onTime, D(2025, 11, 3)).Assessments.Add(new Assessment { StartDate = D(2025, 11, 4), AuthorisationDate = D(2026, 1, 8) });
        var late = Child();
        Episode(late, D(2025, 11, 3)).Assessments.Add(new Assessment { StartDate = D(2025, 11, 4), AuthorisationDate = D(2026, 1, 9) });
        var sameDay = Child();
        Episode(sameDay, D(2026, 2, 2)).Assessments.Add(new Assessment { StartDate = D(2026, 2, 2), AuthorisationDate = D(2026, 2, 2) });

        var value = new AssessmentsWithin45WorkingDays().Compute(Council(onTime, late, sameDay), new Period(D(2026, 1, 1), D(2026, 3, 31)), On(D(2026, 3, 31)));
        value.Ratio().Should().Be("2/3");
    }

    [Fact]
    public void ConferencesAreTimedFromTheEnquiryStart()
    {
        var child = Child();
        var episode = Episode(child, D(2025, 3, 1));
        episode.Section47Enquiries.Add(new Section47Enquiry { Id = 1, StartDate = D(2025, 3, 3) });
        episode.Section47Enquiries.Add(new Section47Enquiry { Id = 2, StartDate = D(2025, 4, 17) });
        episode.InitialConferences.Add(new InitialConference { Section47EnquiryId = 1, Date = D(2025, 3, 24) });
        episode.InitialConferences.Add(new InitialConference { Section47EnquiryId = 2, Date = D(2025, 5, 14) });
        var value = Compute(new InitialConferencesWithin15WorkingDays(), Council(child));
        value.Ratio().Should().Be("1/2", "24 March is day 15 after 3 March; 14 May is day 16 after 17 April, across Easter and 5 May");
    }

    [Fact]
    public void PlansAtTheEndOfThePeriodAreCountedPerTenThousandChildren()
    {
        var onPlan = Child();
        Plan(Episode(onPlan, D(2025, 6, 1)), D(2025, 6, 20));
        var ended = Child();
        Plan(Episode(ended, D(2025, 1, 6)), D(2025, 1, 20), end: D(2025, 12, 1));
        var value = Compute(new ChildProtectionPlansPer10000(), Council(onPlan, ended));
        (value.Numerator, value.Value).Should().Be((1.0, (double?)0.5));
    }

    [Fact]
    public void AChildInCareOnTheLastDayIsCountedOnceAndAChildWhoLeftThatDayIsNot()
    {
        var inCare = Child();
        inCare.LookedAfterEpisodes.Add(new LookedAfterEpisode { ChildId = inCare.Id, StartDate = D(2025, 3, 3), EndDate = D(2025, 9, 1) });
        inCare.LookedAfterEpisodes.Add(new LookedAfterEpisode { ChildId = inCare.Id, StartDate = D(2025, 9, 1) });
        var left = Child();
        left.LookedAfterEpisodes.Add(new LookedAfterEpisode { ChildId = left.Id, StartDate = D(2025, 3, 3), EndDate = D(2025, 12, 31) });
        var twice = Child();
        twice.LookedAfterEpisodes.Add(new LookedAfterEpisode { ChildId = twice.Id, StartDate = D(2025, 3, 3) });
        twice.LookedAfterEpisodes.Add(new LookedAfterEpisode { ChildId = twice.Id, StartDate = D(2025, 10, 6) });

        var value = Compute(new LookedAfterPer10000(), Council(inCare, left, twice));
        (value.Numerator, value.Value).Should().Be((2, 1.0), "an episode's end date is the day the child left care; two open episodes are still one child");
    }

    [Fact]
    public void APlanEndingOnItsSecondAnniversaryLastedTwoYears()
    {
        var exactly = Child();
        Plan(Episode(exactly, D(2023, 3, 1)), D(2023, 3, 15), end: D(2025, 3, 15));
        var dayShort = Child();
        Plan(Episode(dayShort, D(2023, 3, 1)), D(2023, 3, 15), end: D(2025, 3, 14));
        var value = Compute(new ChildProtectionPlansLastingTwoYears(), Council(exactly, dayShort));
        value.Ratio().Should().Be("1/2");
    }

    [Fact]
    public void ASecondPlanCountsWhetherTheFirstIsRecordedOrOnlyCounted()
    {
        var history = Child();
        var episode = Episode(history, D(2023, 1, 2));
        Plan(episode, D(2023, 1, 16), end: D(2023, 9, 1));
        Plan(Episode(history, D(2025, 2, 3)), D(2025, 2, 17));
        var counted = Child();
        Plan(Episode(counted, D(2025, 4, 1)), D(2025, 4, 14)).NumberOfPreviousPlans = 1;
        var first = Child();
        Plan(Episode(first, D(2025, 4, 1)), D(2025, 4, 14));
        var value = Compute(new SecondOrSubsequentPlans(), Council(history, counted, first));
        value.Ratio().Should().Be("2/3");
    }

    [Fact]
    public void WithoutAChildPopulationARateHasNoValue()
    {
        var snapshot = new CouncilSnapshot(null, [], [], [], new DataCoverage(new HashSet<string>()));
        new ReferralsPer10000().Compute(snapshot, Year2025, On(Year2025.To)).Display.Should().Be("no data");
    }

    [Fact]
    public void APeriodSplitsIntoCalendarMonthsCutToItsEnds()
    {
        new Period(D(2025, 1, 15), D(2025, 3, 10)).Months().Should().Equal(
            new Period(D(2025, 1, 15), D(2025, 1, 31)), new Period(D(2025, 2, 1), D(2025, 2, 28)), new Period(D(2025, 3, 1), D(2025, 3, 10)));
    }

    [Fact]
    public void EveryIndicatorHasAUniqueIdADefinitionAndASource()
    {
        IndicatorCatalogue.All.Select(i => i.Info.Id).Should().OnlyHaveUniqueItems();
        IndicatorCatalogue.All.Should().OnlyContain(i => i.Info.Definition.Length > 40 && i.Info.Source.Length > 10);
        IndicatorCatalogue.Find("CP-REVIEWS-ON-TIME").Should().BeOfType<ChildProtectionReviewsOnTime>();
    }

    [Fact]
    public void EveryIndicatorThatNeedsRecordsBeyondTheCensusSaysNoDataWhenTheyAreNotLoaded()
    {
        var child = Child(born: D(2015, 1, 1));
        var episode = Episode(child, D(2024, 12, 2));
        Plan(episode, D(2025, 1, 6));
        CinPlan(episode, D(2024, 12, 9)).Reviews.Add(new CinPlanReview { Date = D(2025, 1, 2) });
        Visit(child, D(2025, 1, 10), alone: true);
        child.PreProceedings.Add(new PreProceedings { StartDate = D(2025, 2, 3), DecisionDate = D(2025, 5, 1), Outcome = PreProceedingsOutcome.SteppedDown });
        child.CareProceedings.Add(new CareProceedings { IssueDate = D(2025, 1, 6), FinalOrderDate = D(2025, 6, 2) });
        child.Allocations.Add(new Allocation { ChildId = child.Id, TeamId = 1, WorkerId = 1, StartDate = D(2024, 12, 2) });
        Worker[] workers = [new() { Id = 1, StaffId = "S1", Name = "A worker", Role = WorkerRole.SocialWorker, StartDate = D(2020, 1, 6) }];
        var needing = IndicatorCatalogue.All.Where(i => i.Info.Needs.Count > 0).ToList();
        needing.Select(i => i.Info.Id).Should().Contain(["cp-visits-on-time", "cp-seen-alone", "cin-plan-reviews-on-time", "plo-open", "care-proceedings-weeks", "average-caseload", "supervision-compliance", "turnover"]);

        var loaded = new CouncilSnapshot(new Council { Code = "999", Name = "Test", ChildPopulation = 20_000 }, [child], workers, [],
            new DataCoverage(needing.SelectMany(i => i.Info.Needs).ToHashSet()))
        {
            Supervision = [new SupervisionSession { Id = 1, WorkerId = 1, SupervisorId = 1, Date = D(2025, 1, 15) }],
        };
        var notLoaded = new CouncilSnapshot(loaded.Council, [child], workers, [], new DataCoverage(new HashSet<string>()));
        foreach (var indicator in needing)
        {
            indicator.Compute(loaded, Year2025, On(Year2025.To)).Value.Should().NotBeNull(indicator.Info.Id);
            var missing = indicator.Compute(notLoaded, Year2025, On(Year2025.To));
            missing.Value.Should().BeNull(indicator.Info.Id);
            missing.Missing.Should().Equal(indicator.Info.Needs, indicator.Info.Id);
        }
    }

    [Fact]
    public void EachUnitReadsAsABoardPaperWritesIt()
    {
        string Format(IndicatorUnit unit, double value) => new IndicatorInfo("x", "X", "", "", unit).Format(value);
        Format(IndicatorUnit.Percentage, 22.649).Should().Be("22.6%");
        Format(IndicatorUnit.Per10000, 41.25).Should().Be("41.3 per 10,000");
        Format(IndicatorUnit.Count, 1204).Should().Be("1,204");
        Format(IndicatorUnit.WorkingDays, 33).Should().Be("33 working days");
        Format(IndicatorUnit.WorkingDays, 32.5).Should().Be("32.5 working days");
        Format(IndicatorUnit.Weeks, 14.07).Should().Be("14.1 weeks");
        Format(IndicatorUnit.Months, 7.84).Should().Be("7.8 months");
        Format(IndicatorUnit.ChildrenPerFte, 16.91).Should().Be("16.9 children per FTE");
    }
}

public sealed class ConversionAndPreProceedingsIndicatorTests
{
    private static CouncilSnapshot Council(params Child[] children) =>
        new(new Council { Code = "999", Name = "Test", ChildPopulation = 10_000 }, children, [], [], new DataCoverage(new HashSet<string>()));

    private static (Child Child, CinEpisode Episode) WithEnquiries(params (int Id, DateOnly Start)[] enquiries)
    {
        var child = Child();
        var episode = Episode(child, D(2025, 1, 6));
        foreach (var (id, start) in enquiries)
        {
            episode.Section47Enquiries.Add(new Section47Enquiry { Id = id, StartDate = start });
        }

        return (child, episode);
    }

    [Fact]
    public void EnquiriesAreCountedByTheirStartAndConvertWhenAConferenceIsRecordedByTheAsAtDate()
    {
        var (child, episode) = WithEnquiries((1, D(2025, 2, 3)), (2, D(2025, 3, 3)), (3, D(2024, 12, 2)));
        episode.InitialConferences.Add(new InitialConference { Section47EnquiryId = 1, Date = D(2025, 2, 24), ResultedInPlan = true });
        episode.InitialConferences.Add(new InitialConference { Section47EnquiryId = 2, Date = D(2025, 7, 1), ResultedInPlan = false });
        var snapshot = Council(child);
        var firstHalf = new Period(D(2025, 1, 1), D(2025, 6, 30));

        var perTenThousand = new Section47EnquiriesPer10000().Compute(snapshot, firstHalf, On(firstHalf.To));
        (perTenThousand.Numerator, perTenThousand.Value).Should().Be((2.0, (double?)2.0), "two enquiries started in the period, for 10,000 children");

        var asAtEndOfJune = new Section47ToConference().Compute(snapshot, firstHalf, On(D(2025, 6, 30)));
        asAtEndOfJune.Ratio().Should().Be("1/2", "the second enquiry's conference on 1 July had not happened by 30 June");
        new Section47ToConference().Compute(snapshot, firstHalf, On(D(2025, 7, 31))).Numerator.Should().Be(2);

        var year = new Period(D(2025, 1, 1), D(2025, 12, 31));
        var toPlan = new ConferenceToPlan().Compute(snapshot, year, On(year.To));
        toPlan.Ratio().Should().Be("1/2");
    }

    [Fact]
    public void PreProceedingsOpenMoreThan112DaysAtTheEndOfThePeriodArePast16Weeks()
    {
        var child = Child();
        child.PreProceedings.Add(new PreProceedings { StartDate = D(2025, 3, 9) });
        child.PreProceedings.Add(new PreProceedings { StartDate = D(2025, 3, 10) });
        child.PreProceedings.Add(new PreProceedings { StartDate = D(2025, 1, 6), DecisionDate = D(2025, 6, 1) });
        var period = new Period(D(2025, 6, 1), D(2025, 6, 30));
        var value = new PreProceedingsOver16WeeksShare().Compute(Council(child), period, On(period.To));
        value.Ratio().Should().Be("1/2", "9 March to 30 June 2025 is 113 days (22 + 30 + 31 + 30); 10 March is exactly 112, 16 weeks, not past them; the third was decided");
    }
}
