using Sightline.Oversight.Alerts;

namespace Sightline.Oversight;

/// <summary>Every alert rule, in one list: the command line, the pages, the board pack and the reference page
/// all take each rule's name, definition and source from here.</summary>
public static class RuleCatalogue
{
    public static IReadOnlyList<IChildRule> ChildRules { get; } =
    [
        new AssessmentOverdue(),
        new InitialConferenceOverdue(),
        new ChildProtectionReviewOverdue(),
        new ChildProtectionVisitOverdue(),
        new ChildNotSeenAlone(),
        LongChildProtectionPlan.EighteenMonths,
        LongChildProtectionPlan.TwoYears,
        new RepeatChildProtectionPlan(),
        new ChildInNeedVisitOverdue(),
        new ChildInNeedPlanReviewOverdue(),
        new DriftWithoutEscalation(),
        new StepChangeWithoutRationale(),
        new PreProceedingsOver16Weeks(),
        new PreProceedingsNotReviewed(),
        new CareProceedingsOver26Weeks(),
        new PlanWithoutTimescales(),
        new PlanActionOverdue(),
        new UnallocatedCase(),
        new WorkerChurn(),
        new LookedAfterReviewOverdue(),
        new LookedAfterVisitOverdue(),
    ];

    /// <summary>The rules run once per worker: supervision, supervision actions, caseloads, and case supervision.</summary>
    public static IReadOnlyList<IWorkerRule> WorkerRules { get; } =
    [
        new SupervisionOverdue(),
        new SupervisionMissedWithoutReason(),
        new SupervisionActionOverdue(),
        new CaseNotSupervised(),
        new CaseloadOverCeiling(),
    ];

    /// <summary>Every rule: the child rules, then the worker rules.</summary>
    public static IReadOnlyList<IRule> All { get; } = [.. ChildRules, .. WorkerRules];

    /// <summary>A rule by its identifier, or null.</summary>
    public static IRule? Find(string id) => All.FirstOrDefault(r => string.Equals(r.Info.Id, id, StringComparison.OrdinalIgnoreCase));
}

/// <summary>Every indicator, in one list, in the order a board paper reads them.</summary>
public static class IndicatorCatalogue
{
    public static IReadOnlyList<IIndicator> All { get; } =
    [
        new Indicators.ReferralsPer10000(),
        new Indicators.ReReferralRate(),
        new Indicators.ReferralsWithNoFurtherAction(),
        new Indicators.AssessmentsWithin45WorkingDays(),
        new Indicators.AssessmentDuration(),
        new Indicators.Section47EnquiriesPer10000(),
        new Indicators.Section47ToConference(),
        new Indicators.InitialConferencesWithin15WorkingDays(),
        new Indicators.ConferenceToPlan(),
        new Indicators.ChildProtectionPlansPer10000(),
        new Indicators.ChildProtectionPlansOpen18Months(),
        new Indicators.ChildProtectionPlansLastingTwoYears(),
        new Indicators.ChildProtectionPlanDuration(),
        new Indicators.SecondOrSubsequentPlans(),
        new Indicators.ChildProtectionReviewsOnTime(),
        new Indicators.ChildProtectionVisitsOnTime(),
        new Indicators.ChildrenSeenAlone(),
        new Indicators.ChildInNeedPlanReviewsOnTime(),
        new Indicators.ChildInNeedPlanDuration(),
        new Indicators.PreProceedingsOpen(),
        new Indicators.PreProceedingsStarted(),
        new Indicators.PreProceedingsOver16WeeksShare(),
        new Indicators.PreProceedingsDuration(),
        new Indicators.PreProceedingsOutcomes(),
        new Indicators.CareProceedingsWithin26Weeks(),
        new Indicators.CareProceedingsAverageWeeks(),
        new Indicators.LookedAfterPer10000(),
        new Indicators.AverageCaseload(),
        new Indicators.AgencyRate(),
        new Indicators.Turnover(),
        new Indicators.SupervisionComplianceRate(),
    ];

    /// <summary>An indicator by its identifier, or null.</summary>
    public static IIndicator? Find(string id) => All.FirstOrDefault(i => string.Equals(i.Info.Id, id, StringComparison.OrdinalIgnoreCase));
}
