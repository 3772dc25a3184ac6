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
        (value.Numerator, value.Denominator).Should().Be((1, 3), "1 June 2024 to 1 June 2025 is 365 days; 31 May 2024 is 366");
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
        (value.Numerator, value.Denominator).Should().Be((2, 3));
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
        (value.Numerator, value.Denominator).Should().Be((1, 2), "24 March is day 15 after 3 March; 14 May is day 16 after 17 April, across Easter and 5 May");
    }

    [Fact]
    public void PlansAtTheEndOfThePeriodAreCountedPerTenThousandChildren()
    {
        var onPlan = Child();
        Plan(Episode(onPlan, D(2025, 6, 1)), D(2025, 6, 20));
        var ended = Child();
        Plan(Episode(ended, D(2025, 1, 6)), D(2025, 1, 20), end: D(2025, 12, 1));
        var value = Compute(new ChildProtectionPlansPer10000(), Council(onPlan, ended));
        (value.Numerator, value.Value).Should().Be((1, 0.5));
    }

    [Fact]
    public void APlanEndingOnItsSecondAnniversaryLastedTwoYears()
    {
        var exactly = Child();
        Plan(Episode(exactly, D(2023, 3, 1)), D(2023, 3, 15), end: D(2025, 3, 15));
        var dayShort = Child();
        Plan(Episode(dayShort, D(2023, 3, 1)), D(2023, 3, 15), end: D(2025, 3, 14));
        var value = Compute(new ChildProtectionPlansLastingTwoYears(), Council(exactly, dayShort));
        (value.Numerator, value.Denominator).Should().Be((1, 2));
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
        (value.Numerator, value.Denominator).Should().Be((2, 3));
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
    }
}
