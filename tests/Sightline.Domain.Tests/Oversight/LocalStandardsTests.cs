using Sightline.Calendar;
using Sightline.Oversight;
using static Sightline.Domain.Tests.Oversight.Cases;

namespace Sightline.Domain.Tests.Oversight;

/// <summary>The local standards' settings, their checks, and versions over time.</summary>
public sealed class LocalStandardsTests
{
    private static LocalStandardSetting S(string name) => LocalStandards.Setting(name)!;

    private static Dictionary<LocalStandardSetting, int> Set(params (string Name, int Value)[] values) =>
        values.ToDictionary(v => S(v.Name), v => v.Value);

    [Fact]
    public void EveryNumberInTheStandardsIsASettingOnce()
    {
        var numbers = typeof(LocalStandards).GetProperties().Where(p => p.PropertyType == typeof(int)).Select(p => p.Name);
        LocalStandards.Settings.Select(s => s.Property).Should().BeEquivalentTo(numbers).And.OnlyHaveUniqueItems();
        LocalStandards.Settings.Select(s => s.Name).Should().OnlyHaveUniqueItems();
        LocalStandards.Settings.Should().OnlyContain(s => s.Meaning.EndsWith('.') && s.Unit.Length > 0 && s.Default >= s.Minimum && s.Default <= s.Maximum);
    }

    [Theory]
    [InlineData("CpVisitWorkingDays", "cp-visit-working-days")]
    [InlineData("DriftReReferrals", "drift-re-referrals")]
    [InlineData("CaseSupervisionCinWeeks", "case-supervision-cin-weeks")]
    public void ASettingIsNamedAfterItsPropertyInHyphenatedLowerCase(string property, string name) =>
        LocalStandards.Settings.Single(s => s.Property == property).Name.Should().Be(name);

    [Fact]
    public void TheDefaultsAreTheTimescalesNotesAndPassTheChecks()
    {
        LocalStandards.Defaults.Problems().Should().BeEmpty();
        (S("cp-visit-working-days").Default, S("cin-visit-working-days").Default, S("caseload-ceiling").Default, S("caseload-warning").Default)
            .Should().Be((10, 20, 20, 18));
    }

    [Theory]
    [InlineData("cp-visit-working-days", 0, "cp-visit-working-days must be from 1 to 30 (working days), not 0.")]
    [InlineData("cp-visit-working-days", 31, "cp-visit-working-days must be from 1 to 30 (working days), not 31.")]
    [InlineData("cin-plan-review-months", -3, "cin-plan-review-months must be from 1 to 12 (months), not -3.")]
    [InlineData("caseload-warning", 21, "caseload-warning (21) must not be above caseload-ceiling (20).")]
    public void AValueOutsideItsBoundsIsAProblemNamedInOneSentence(string name, int value, string problem) =>
        S(name).With(LocalStandards.Defaults, value).Problems().Should().Equal(problem);

    [Theory]
    [InlineData("cp-visit-working-days", 1)]
    [InlineData("cp-visit-working-days", 30)]
    [InlineData("caseload-warning", 20)]
    public void TheBoundsThemselvesAreAllowed(string name, int value) =>
        S(name).With(LocalStandards.Defaults, value).Problems().Should().BeEmpty();

    [Fact]
    public void SettingAValueLeavesTheOriginalAlone()
    {
        var changed = S("cp-visit-working-days").With(LocalStandards.Defaults, 15);
        changed.CpVisitWorkingDays.Should().Be(15);
        LocalStandards.Defaults.CpVisitWorkingDays.Should().Be(10);
    }

    [Fact]
    public void BeforeTheCouncilsFirstVersionTheDefaultsAreInForce()
    {
        var history = new LocalStandardsHistory([LocalStandards.Defaults with { EffectiveFrom = D(2025, 9, 1), CpVisitWorkingDays = 15 }]);
        history.InForceOn(D(2025, 8, 31)).Should().Be(LocalStandards.Defaults);
        history.InForceOn(D(2025, 9, 1)).CpVisitWorkingDays.Should().Be(15);
        LocalStandardsHistory.Defaults.InForceOn(D(2025, 9, 1)).Should().Be(LocalStandards.Defaults);
    }

    [Fact]
    public void TwoVersionsOnOneDateAreRefused()
    {
        var make = () => new LocalStandardsHistory([LocalStandards.Defaults with { EffectiveFrom = D(2025, 9, 1) }, LocalStandards.Defaults with { EffectiveFrom = D(2025, 9, 1), CpVisitWorkingDays = 15 }]);
        make.Should().Throw<ArgumentException>();
    }

    [Fact]
    public void ANewVersionCopiesTheSettingsNotGivenFromTheVersionBeforeIt()
    {
        var history = new LocalStandardsHistory([LocalStandards.Defaults with { EffectiveFrom = D(2025, 9, 1), CpVisitWorkingDays = 15 }]);
        var version = history.NewVersion(D(2026, 1, 5), Set(("cin-visit-working-days", 25)));
        (version.EffectiveFrom, version.CpVisitWorkingDays, version.CinVisitWorkingDays, version.DriftMonths).Should().Be((D(2026, 1, 5), 15, 25, 6));
    }

    [Fact]
    public void ANewVersionBeforeTheFirstCopiesTheDefaults()
    {
        var history = new LocalStandardsHistory([LocalStandards.Defaults with { EffectiveFrom = D(2025, 9, 1), CpVisitWorkingDays = 15 }]);
        history.NewVersion(D(2025, 4, 1), Set(("drift-months", 9))).Should().Be(LocalStandards.Defaults with { EffectiveFrom = D(2025, 4, 1), DriftMonths = 9 });
    }

    [Fact]
    public void ANewVersionOnTheDateOfAnotherKeepsThatVersionsOtherSettings()
    {
        var history = new LocalStandardsHistory([
            LocalStandards.Defaults with { EffectiveFrom = D(2024, 4, 1), CinVisitWorkingDays = 30 },
            LocalStandards.Defaults with { EffectiveFrom = D(2025, 9, 1), CpVisitWorkingDays = 15 },
        ]);
        var version = history.NewVersion(D(2025, 9, 1), Set(("cin-visit-working-days", 25)));
        (version.CpVisitWorkingDays, version.CinVisitWorkingDays).Should().Be((15, 25));
    }

    [Fact]
    public void ANewVersionIsCheckedAsAWholeAndEveryProblemIsNamedOnOneLine()
    {
        var history = LocalStandardsHistory.Defaults;
        var make = () => history.NewVersion(D(2025, 9, 1), Set(("caseload-warning", 25), ("core-group-weeks", 0)));
        make.Should().Throw<ArgumentException>()
            .Which.Message.Should().Be("core-group-weeks must be from 1 to 12 (weeks), not 0. caseload-warning (25) must not be above caseload-ceiling (20).");

        // Raising the ceiling with the warning is allowed.
        history.NewVersion(D(2025, 9, 1), Set(("caseload-warning", 25), ("caseload-ceiling", 26))).CaseloadWarning.Should().Be(25);
    }

    [Fact]
    public void ANewVersionMustChangeSomething()
    {
        var make = () => LocalStandardsHistory.Defaults.NewVersion(D(2025, 9, 1), Set());
        make.Should().Throw<ArgumentException>().WithMessage("Give at least one setting*");
    }

    // The council's standard for CP visits changed from 10 to 15 working days on Monday 1 September 2025. The child
    // was seen on Monday 4 August 2025 and again on Monday 8 September 2025.
    // Under 10: 4 August + 10 working days is Monday 18 August; 8 September + 10 is Monday 22 September.
    // Under 15: 8 September + 15 working days is Monday 29 September (no bank holiday in between).
    private static CouncilSnapshot CouncilThatMovedCpVisitsToFifteenWorkingDays(LocalStandardsHistory standards)
    {
        var child = Child();
        Plan(Episode(child, D(2025, 6, 2)), D(2025, 6, 16));
        Visit(child, D(2025, 8, 4));
        Visit(child, D(2025, 9, 8));
        return new CouncilSnapshot(null, [child], [], [], new DataCoverage(new HashSet<string> { "visits" }), standards);
    }

    private static readonly LocalStandardsHistory FifteenFromSeptember = new([LocalStandards.Defaults with { EffectiveFrom = D(2025, 9, 1), CpVisitWorkingDays = 15 }]);

    private static List<(DateOnly Due, int Overdue)> CpVisitAlerts(CouncilSnapshot snapshot, DateOnly asAt) =>
        OversightEngine.Alerts(snapshot, snapshot.On(asAt, WorkingDayCalendar.England))
            .Alerts.Where(a => a.Rule.Id == "cp-visit-overdue").Select(a => (a.Due, a.Overdue)).ToList();

    [Fact]
    public void AfterTheChangeTheNewStandardIsUsed()
    {
        var snapshot = CouncilThatMovedCpVisitsToFifteenWorkingDays(FifteenFromSeptember);
        CpVisitAlerts(snapshot, D(2025, 9, 24)).Should().BeEmpty("on 24 September the standard is 15 working days, due 29 September");
        CpVisitAlerts(snapshot, D(2025, 10, 1)).Should().Equal((D(2025, 9, 29), 2));
    }

    [Fact]
    public void UnderTheDefaultsTheSameDayIsOverdue()
    {
        var snapshot = CouncilThatMovedCpVisitsToFifteenWorkingDays(LocalStandardsHistory.Defaults);
        CpVisitAlerts(snapshot, D(2025, 9, 24)).Should().Equal((D(2025, 9, 22), 2));
    }

    [Fact]
    public void APastDateIsStillJudgedUnderTheStandardThenInForce()
    {
        var snapshot = CouncilThatMovedCpVisitsToFifteenWorkingDays(FifteenFromSeptember);

        // Friday 22 August 2025 is before the change: due Monday 18 August, late on 19, 20, 21 and 22 August.
        CpVisitAlerts(snapshot, D(2025, 8, 22)).Should().Equal((D(2025, 8, 18), 4));
        snapshot.On(D(2025, 8, 22), WorkingDayCalendar.England).Standards.Should().Be(LocalStandards.Defaults);
        snapshot.On(D(2025, 9, 1), WorkingDayCalendar.England).Standards.CpVisitWorkingDays.Should().Be(15);
    }
}
