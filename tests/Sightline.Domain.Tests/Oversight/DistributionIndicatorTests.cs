using Sightline.Model;
using Sightline.Oversight;
using Sightline.Oversight.Indicators;
using static Sightline.Domain.Tests.Oversight.Cases;

namespace Sightline.Domain.Tests.Oversight;

/// <summary>Indicators that carry bands: each band's count and share, the median, and which band a boundary falls in.</summary>
public sealed class DistributionIndicatorTests
{
    private static CouncilSnapshot Council(params Child[] children) =>
        new(new Council { Code = "999", Name = "Test", ChildPopulation = 10_000 }, children, [], [], new DataCoverage(new HashSet<string> { "pre-proceedings" }));

    private static Child Assessed(DateOnly referral, DateOnly authorised)
    {
        var child = Child();
        Episode(child, referral).Assessments.Add(new Assessment { StartDate = referral, AuthorisationDate = authorised });
        return child;
    }

    private static Dictionary<string, int> Counts(IndicatorValue value) => value.Bands.ToDictionary(b => b.Label, b => b.Count);

    [Fact]
    public void AssessmentsFallInTheDfEWorkingDayBandsCountingFromTheReferralAsDayZero()
    {
        var children = new[]
        {
            Assessed(D(2026, 3, 2), D(2026, 3, 2)),    // Monday, authorised the same day: day 0
            Assessed(D(2026, 3, 6), D(2026, 3, 7)),    // Friday, authorised on the Saturday: still 0 working days
            Assessed(D(2026, 3, 6), D(2026, 3, 9)),    // Friday to Monday: day 1
            Assessed(D(2026, 3, 2), D(2026, 3, 16)),   // day 10
            Assessed(D(2026, 3, 2), D(2026, 3, 17)),   // day 11
            Assessed(D(2025, 11, 3), D(2026, 1, 8)),   // day 45, across Christmas, Boxing Day and New Year's Day
            Assessed(D(2025, 11, 3), D(2026, 1, 9)),   // day 46
            Assessed(D(2026, 3, 2), D(2026, 5, 29)),   // day 60, across Good Friday, Easter Monday and both May bank holidays
            Assessed(D(2026, 3, 2), D(2026, 6, 1)),    // day 61
        };
        var period = new Period(D(2026, 1, 1), D(2026, 6, 30));
        var value = new AssessmentDuration().Compute(Council(children), period, On(period.To));

        Counts(value).Should().Equal(new Dictionary<string, int>
        {
            ["same day"] = 2, ["1–10 working days"] = 2, ["11–20 working days"] = 1, ["21–30 working days"] = 0, ["31–40 working days"] = 0,
            ["41–45 working days"] = 1, ["46–50 working days"] = 1, ["51–60 working days"] = 1, ["61 or more working days"] = 1,
        });
        value.Bands.Select(b => b.Label).Should().Equal(["same day", "1–10 working days", "11–20 working days", "21–30 working days", "31–40 working days",
            "41–45 working days", "46–50 working days", "51–60 working days", "61 or more working days"], "every band is shown, in order, even when empty");
        value.Numerator.Should().Be(9);
        value.Value.Should().Be(11, "the working days in order are 0, 0, 1, 10, 11, 45, 46, 60 and 61, and the fifth of the nine is 11");
        value.Display.Should().Be("median 11 working days");
    }

    [Fact]
    public void BothEndsOfThePeriodAreIncludedAndSharesAddUpToAHundred()
    {
        var period = new Period(D(2026, 2, 2), D(2026, 2, 27));
        var value = new AssessmentDuration().Compute(Council(
            Assessed(D(2026, 1, 30), D(2026, 2, 1)),   // the Sunday before the period: out
            Assessed(D(2026, 1, 30), D(2026, 2, 2)),   // the first day: in (1 working day)
            Assessed(D(2026, 2, 2), D(2026, 2, 27)),   // the last day: in (19 working days)
            Assessed(D(2026, 2, 2), D(2026, 2, 28))),  // the day after: out
            period, On(period.To));

        value.Numerator.Should().Be(2);
        Counts(value)["1–10 working days"].Should().Be(1);
        Counts(value)["11–20 working days"].Should().Be(1);
        value.Value.Should().Be(10, "the median of 1 and 19 is their mean");
        value.Bands.Sum(b => b.Share!.Value).Should().BeApproximately(100, 1e-9);
        value.Display.Should().Be("median 10 working days");
    }

    [Fact]
    public void WithNothingToMeasureADistributionHasNoValueButStillShowsItsEmptyBands()
    {
        var value = new AssessmentDuration().Compute(Council(Child()), new Period(D(2026, 1, 1), D(2026, 3, 31)), On(D(2026, 3, 31)));
        value.Value.Should().BeNull();
        value.Display.Should().Be("no data");
        value.Bands.Should().HaveCount(9).And.OnlyContain(b => b.Count == 0 && b.Share == null);
    }

    private static Child WithPlan(DateOnly start, DateOnly end)
    {
        var child = Child();
        Plan(Episode(child, start.AddDays(-20)), start, end);
        return child;
    }

    [Fact]
    public void APlanEndingOnItsSecondAnniversaryIsInTheTwoYearBandAsCp2YearsCountsIt()
    {
        var children = new[]
        {
            WithPlan(D(2023, 3, 15), D(2025, 3, 15)),  // exactly 2 years
            WithPlan(D(2023, 3, 15), D(2025, 3, 14)),  // a day short: 23 whole months
            WithPlan(D(2025, 2, 1), D(2025, 4, 30)),   // 2 whole months and 29 of April's 30 days
            WithPlan(D(2025, 2, 1), D(2025, 5, 1)),    // exactly 3 months
            WithPlan(D(2025, 1, 10), D(2025, 7, 9)),   // 5 whole months
            WithPlan(D(2025, 1, 10), D(2025, 7, 10)),  // exactly 6 months
            WithPlan(D(2024, 1, 1), D(2024, 12, 31)),  // ended before the period: out
        };
        var snapshot = Council(children);
        var year = new Period(D(2025, 1, 1), D(2025, 12, 31));
        var value = new ChildProtectionPlanDuration().Compute(snapshot, year, On(year.To));

        Counts(value).Should().Equal(new Dictionary<string, int>
        {
            ["under 3 months"] = 1, ["3 to under 6 months"] = 2, ["6 months to under 1 year"] = 1, ["1 to under 2 years"] = 1, ["2 years or more"] = 1,
        });
        value.Numerator.Should().Be(6);
        value.Value.Should().BeApproximately((5 + 29 / 30.0 + 6) / 2, 1e-9,
            "the lengths in months are 2 29/30, 3, 5 29/30 (10 January to 9 July: 5 months and 29 of the 30 days from 10 June to 10 July), 6, 23 27/28 and 24, and the median is the mean of the middle two");
        var twoYears = new ChildProtectionPlansLastingTwoYears().Compute(snapshot, year, On(year.To));
        twoYears.Numerator.Should().Be(Counts(value)["2 years or more"]);
        value.Bands[^1].Share.Should().Be(twoYears.Value);
    }

    [Fact]
    public void ChildInNeedPlansUseTheSameBands()
    {
        var child = Child();
        var episode = Episode(child, D(2024, 1, 2));
        CinPlan(episode, D(2024, 1, 15), D(2025, 1, 14));  // 11 whole months and 30 of 31 days
        CinPlan(episode, D(2024, 1, 15), D(2025, 1, 15));  // exactly a year
        CinPlan(episode, D(2025, 6, 1));                    // still open: not measured
        var year = new Period(D(2025, 1, 1), D(2025, 12, 31));
        var value = new ChildInNeedPlanDuration().Compute(Council(child), year, On(year.To));
        Counts(value)["6 months to under 1 year"].Should().Be(1);
        Counts(value)["1 to under 2 years"].Should().Be(1);
        value.Value.Should().BeApproximately((11 + 30 / 31.0 + 12) / 2, 1e-9);
        value.Display.Should().Be("median 12 months");
    }

    [Fact]
    public void PreProceedingsWeeksCountFromTheFirstDaySoThat113DaysIsPast16Weeks()
    {
        var start = D(2025, 1, 6);
        var children = new[] { 56, 57, 84, 85, 112, 113, 182, 183 }.Select(days => InPreProceedings(start, start.AddDays(days), PreProceedingsOutcome.SteppedDown)).ToArray();
        var year = new Period(D(2025, 1, 1), D(2025, 12, 31));
        var value = new PreProceedingsDuration().Compute(Council(children), year, On(year.To));
        Counts(value).Should().Equal(new Dictionary<string, int>
        {
            ["up to 8 weeks"] = 1, ["9–12 weeks"] = 2, ["13–16 weeks"] = 2, ["17–26 weeks"] = 2, ["over 26 weeks"] = 1,
        });
        value.Value.Should().BeApproximately((85 + 112) / 2.0 / 7, 1e-9, "the median of the eight is the mean of the fourth (85 days) and fifth (112)");
        value.Display.Should().Be("median 14.1 weeks");
    }
}
