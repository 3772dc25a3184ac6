using Sightline.Model;

namespace Sightline.Storage.Extracts;

/// <summary>The codes extracts write for Sightline's own code lists (docs/data/extracts.md lists them).
/// Levels of intervention share one spelling everywhere: <c>cin</c>, <c>cp</c>, <c>looked-after</c>.</summary>
public static class ExtractCodes
{
    public static CodeMap<WorkerRole> Role { get; } = new(
        ("social-worker", WorkerRole.SocialWorker),
        ("senior-practitioner", WorkerRole.SeniorPractitioner),
        ("advanced-practitioner", WorkerRole.AdvancedPractitioner),
        ("team-manager", WorkerRole.TeamManager),
        ("service-manager", WorkerRole.ServiceManager),
        ("head-of-service", WorkerRole.HeadOfService),
        ("principal-social-worker", WorkerRole.PrincipalSocialWorker));

    public static CodeMap<AbsenceKind> Absence { get; } = new(
        ("sickness", AbsenceKind.Sickness),
        ("maternity", AbsenceKind.Maternity),
        ("paternity", AbsenceKind.Paternity),
        ("secondment", AbsenceKind.Secondment),
        ("annual-leave", AbsenceKind.AnnualLeave),
        ("other", AbsenceKind.Other));

    public static CodeMap<AllocationReason> AllocationReason { get; } = new(
        ("new-case", Model.AllocationReason.NewCase),
        ("worker-left", Model.AllocationReason.WorkerLeft),
        ("team-transfer", Model.AllocationReason.TeamTransfer),
        ("caseload-balancing", Model.AllocationReason.CaseloadBalancing),
        ("worker-absent", Model.AllocationReason.WorkerAbsent),
        ("family-request", Model.AllocationReason.FamilyRequest),
        ("other", Model.AllocationReason.Other));

    public static CodeMap<SupervisionKind> Supervision { get; } = new(
        ("formal", SupervisionKind.Formal),
        ("informal", SupervisionKind.InformalCaseDiscussion),
        ("informal-case-discussion", SupervisionKind.InformalCaseDiscussion));

    public static CodeMap<VisitKind> Visit { get; } = new(
        ("cin", VisitKind.ChildInNeed),
        ("cp", VisitKind.ChildProtection),
        ("looked-after", VisitKind.LookedAfter),
        ("child-in-need", VisitKind.ChildInNeed),
        ("child-protection", VisitKind.ChildProtection),
        ("cla", VisitKind.LookedAfter),
        ("lac", VisitKind.LookedAfter));

    public static CodeMap<PlanType> Plan { get; } = new(
        ("cp", PlanType.ChildProtection),
        ("cin", PlanType.ChildInNeed),
        ("child-protection", PlanType.ChildProtection),
        ("child-in-need", PlanType.ChildInNeed));

    public static CodeMap<ServiceLevel> Level { get; } = new(
        ("universal", ServiceLevel.Universal),
        ("early-help", ServiceLevel.EarlyHelp),
        ("cin", ServiceLevel.ChildInNeed),
        ("cp", ServiceLevel.ChildProtection),
        ("pre-proceedings", ServiceLevel.PreProceedings),
        ("care-proceedings", ServiceLevel.CareProceedings),
        ("looked-after", ServiceLevel.LookedAfter),
        ("child-in-need", ServiceLevel.ChildInNeed),
        ("child-protection", ServiceLevel.ChildProtection),
        ("cla", ServiceLevel.LookedAfter),
        ("lac", ServiceLevel.LookedAfter));

    public static CodeMap<LegalGatewayDecision> LegalGateway { get; } = new(
        ("enter-pre-proceedings", LegalGatewayDecision.EnterPreProceedings),
        ("issue-proceedings", LegalGatewayDecision.IssueProceedings),
        ("threshold-not-met", LegalGatewayDecision.ThresholdNotMet));

    public static CodeMap<PreProceedingsOutcome> PreProceedingsOutcome { get; } = new(
        ("stepped-down", Model.PreProceedingsOutcome.SteppedDown),
        ("proceedings-issued", Model.PreProceedingsOutcome.ProceedingsIssued),
        ("other", Model.PreProceedingsOutcome.Other));

    public static CodeMap<CourtOrder> CourtOrder { get; } = new(
        ("care-order", Model.CourtOrder.CareOrder),
        ("supervision-order", Model.CourtOrder.SupervisionOrder),
        ("placement-order", Model.CourtOrder.PlacementOrder),
        ("special-guardianship-order", Model.CourtOrder.SpecialGuardianshipOrder),
        ("child-arrangements-order", Model.CourtOrder.ChildArrangementsOrder),
        ("no-order", Model.CourtOrder.NoOrder),
        ("withdrawn", Model.CourtOrder.Withdrawn));
}
