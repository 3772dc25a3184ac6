namespace Sightline.Model;

/// <summary>The pre-proceedings stage of the Public Law Outline: from the legal gateway decision and the
/// letter before proceedings to the decision to step down or issue care proceedings (normally within
/// 16 weeks). The 2026 census carries it as <c>PreProceedingsandFGDM</c>.</summary>
public sealed class PreProceedings
{
    public int Id { get; set; }
    public int ChildId { get; set; }
    public int? CinEpisodeId { get; set; }

    /// <summary>The legal gateway (legal planning) meeting that decided to enter pre-proceedings.</summary>
    public DateOnly? LegalGatewayDate { get; set; }

    public LegalGatewayDecision? LegalGatewayDecision { get; set; }

    /// <summary>The start of pre-proceedings (census <c>PPStartDate</c>).</summary>
    public DateOnly StartDate { get; set; }

    /// <summary>The letter before proceedings was sent (census <c>LBPSentDate</c>).</summary>
    public DateOnly? LetterBeforeProceedingsDate { get; set; }

    /// <summary>The initial pre-proceedings meeting (census <c>InitialPPMeetingDate</c>).</summary>
    public DateOnly? InitialMeetingDate { get; set; }

    /// <summary>Family group decision making offered (census <c>FGDMMeetingOffer</c>).</summary>
    public bool? FamilyGroupDecisionMakingOffered { get; set; }

    /// <summary>Family group decision making held (census <c>FGDMMeetingFac</c>).</summary>
    public bool? FamilyGroupDecisionMakingHeld { get; set; }

    /// <summary>The number of review meetings the council reported, where individual dates are not held
    /// (census <c>ReviewMeetingsCount</c>).</summary>
    public int? ReportedReviewMeetingCount { get; set; }

    /// <summary>The decision to step down or issue (census <c>StepDecisionDate</c>).</summary>
    public DateOnly? DecisionDate { get; set; }

    public PreProceedingsOutcome? Outcome { get; set; }

    /// <summary>The date the council applied to court (census <c>CourtAppDate</c>).</summary>
    public DateOnly? CourtApplicationDate { get; set; }

    public List<PreProceedingsReview> Reviews { get; set; } = [];

    /// <summary>Pre-proceedings should normally last no longer than this many weeks from their start to the decision
    /// (Public Law Working Group best practice guidance, March 2021).</summary>
    public const int NormalWeeks = 16;

    /// <summary>Whether pre-proceedings have started by <paramref name="date"/> with no decision recorded by then (a
    /// decision on the date ends the wait).</summary>
    public bool AwaitsDecisionOn(DateOnly date) => StartDate <= date && !(DecisionDate <= date);

    /// <summary>The day pre-proceedings reach <see cref="NormalWeeks"/> weeks: the start plus 112 days. Open after
    /// this day (or decided after it), they have lasted longer than they normally should.</summary>
    public DateOnly NormalEnd => StartDate.AddDays(NormalWeeks * 7);

    /// <summary>The date of the last review meeting held on or before <paramref name="date"/>, or null.</summary>
    public DateOnly? LastReviewOn(DateOnly date) => Reviews.Where(r => r.Date <= date).Select(r => (DateOnly?)r.Date).Max();

    /// <summary>When the next review meeting is due as at <paramref name="date"/>: <paramref name="reviewWeeks"/>
    /// weeks after the last review meeting held by then, or when there is none, after the initial meeting (when held
    /// by then), or else after the start.</summary>
    public DateOnly NextReviewDueOn(DateOnly date, int reviewWeeks) =>
        (LastReviewOn(date) ?? (InitialMeetingDate <= date ? InitialMeetingDate!.Value : StartDate)).AddDays(reviewWeeks * 7);
}

/// <summary>What a legal gateway meeting decided.</summary>
public enum LegalGatewayDecision
{
    EnterPreProceedings,
    IssueProceedings,
    ThresholdNotMet,
}

/// <summary>How pre-proceedings ended.</summary>
public enum PreProceedingsOutcome
{
    SteppedDown,
    ProceedingsIssued,
    Other,
}

/// <summary>A pre-proceedings review meeting.</summary>
public sealed class PreProceedingsReview
{
    public int Id { get; set; }
    public int PreProceedingsId { get; set; }
    public DateOnly Date { get; set; }
}

/// <summary>Care proceedings: an application to court for a care or supervision order, to be decided within
/// 26 weeks of issue (Children Act 1989 s32(1)(a)(ii)).</summary>
public sealed class CareProceedings
{
    public int Id { get; set; }
    public int ChildId { get; set; }
    public DateOnly IssueDate { get; set; }
    public CourtOrder? FinalOrder { get; set; }
    public DateOnly? FinalOrderDate { get; set; }

    /// <summary>Care proceedings are decided within this many weeks of issue (Children Act 1989 s32(1)(a)(ii)).</summary>
    public const int StatutoryWeeks = 26;

    /// <summary>Whether the proceedings were issued by <paramref name="date"/> with no final order by then.</summary>
    public bool AwaitsFinalOrderOn(DateOnly date) => IssueDate <= date && !(FinalOrderDate <= date);
}

/// <summary>The order that ends care proceedings.</summary>
public enum CourtOrder
{
    CareOrder,
    SupervisionOrder,
    PlacementOrder,
    SpecialGuardianshipOrder,
    ChildArrangementsOrder,
    NoOrder,
    Withdrawn,
}

/// <summary>One episode of care as SSDA903 records it: a period with one legal status and placement.</summary>
public sealed class LookedAfterEpisode
{
    public int Id { get; set; }
    public int ChildId { get; set; }
    public DateOnly StartDate { get; set; }

    /// <summary>SSDA903 reason for new episode (RNE: S, L, P, T, B, U).</summary>
    public string? ReasonForNewEpisode { get; set; }

    /// <summary>SSDA903 legal status (LS: C1, C2, E1, V2, …); null where the source does not give it (an Annex A
    /// list 8 row gives only the current legal status, so earlier episodes of the period have none).</summary>
    public string? LegalStatus { get; set; }

    /// <summary>SSDA903 category of need (N1–N8).</summary>
    public string? CategoryOfNeed { get; set; }

    /// <summary>SSDA903 placement type (PLACE: U1–U6, K2, P1, …); null where the source does not give it (an Annex A
    /// list 8 row gives only the most recent placement).</summary>
    public string? PlacementType { get; set; }

    public DateOnly? EndDate { get; set; }

    /// <summary>SSDA903 reason episode ceased (REC: E11, E12, E41, E13, …, X1 when the episode ends but care continues).</summary>
    public string? ReasonEnded { get; set; }

    /// <summary>Who provides the placement, as Annex A list 8 "Placement Provider" codes it: <c>a) Own LA</c>,
    /// <c>b) Private</c> or <c>c) Other</c>.</summary>
    public string? PlacementProvider { get; set; }

    /// <summary>The placement's postcode (Annex A "Placement postcode", SSDA903 <c>PL_POST</c>).</summary>
    public string? PlacementPostcode { get; set; }

    /// <summary>The Ofsted unique reference number of the placement (Annex A "URN of Placement", SSDA903 <c>URN</c>).</summary>
    public string? PlacementUrn { get; set; }

    /// <summary>Whether the placement is in or out of the council's area, as Annex A "Placement Location" codes it:
    /// <c>a) In</c> or <c>b) Out</c>.</summary>
    public string? PlacementLocation { get; set; }

    /// <summary>The local authority the child is placed in (Annex A "LA of Placement"), by its name as Annex A spells it.</summary>
    public string? PlacementLocalAuthority { get; set; }

    /// <summary>The permanence plan during this episode, as Annex A list 8 "What is the permanence plan for this
    /// child?" codes it (for example <c>f) Long-term fostering</c>).</summary>
    public string? PermanencePlan { get; set; }

    public bool IsOpenOn(DateOnly date) => StartDate <= date && (EndDate is null || EndDate > date);
}

/// <summary>A statutory review of a looked after child (regulation 33).</summary>
public sealed class LookedAfterReview
{
    public int Id { get; set; }
    public int ChildId { get; set; }
    public DateOnly Date { get; set; }
}

/// <summary>A care leaver's status on a date (SSDA903 OC3): in touch, activity and accommodation.</summary>
public sealed class CareLeaverStatus
{
    public int Id { get; set; }
    public int ChildId { get; set; }
    public DateOnly Date { get; set; }

    /// <summary>SSDA903 IN_TOUCH (YES, NO, DIED, REFU, NREQ, RHOM); null when not recorded (Annex A "LA in Touch"
    /// <c>c) Not recorded</c>).</summary>
    public string? InTouch { get; set; }

    /// <summary>SSDA903 ACTIV (F1, P1, F2, P2, F4, P4, F5, P5, G4, G5, G6, 0).</summary>
    public string? Activity { get; set; }

    /// <summary>SSDA903 ACCOM (a letter for the type, then 1 suitable or 2 unsuitable; the letter alone when
    /// suitability is not recorded).</summary>
    public string? Accommodation { get; set; }

    /// <summary>The young person's eligibility for leaving-care services, as Annex A list 9 "Eligibility Category"
    /// codes it (<c>a) Relevant</c>, <c>b) Former relevant</c>, <c>c) Qualifying</c>, <c>d) Eligible</c>, <c>e) Other</c>).</summary>
    public string? Eligibility { get; set; }

    /// <summary>The allocated personal adviser's name, as the council records it (Annex A "Allocated Personal Advisor").</summary>
    public string? PersonalAdviser { get; set; }

    /// <summary>The latest review of the pathway plan on or before <see cref="Date"/> (Annex A "Latest Pathway Plan Review Date").</summary>
    public DateOnly? LatestPathwayPlanReviewDate { get; set; }

    /// <summary>The council's latest contact with the young person on or before <see cref="Date"/> (Annex A "Latest Date of Contact").</summary>
    public DateOnly? LatestContactDate { get; set; }
}

/// <summary>A period in which a child was subject to an emergency protection order (Children Act 1989 s44) or in
/// police protection (s46). Annex A list 7 asks whether a child on a plan was either in the last six months.</summary>
public sealed class EmergencyProtection
{
    public int Id { get; set; }
    public int ChildId { get; set; }
    public EmergencyProtectionKind Kind { get; set; }
    public DateOnly StartDate { get; set; }

    /// <summary>The last day; null while it continues or when not recorded.</summary>
    public DateOnly? EndDate { get; set; }
}

/// <summary>Which power protected the child.</summary>
public enum EmergencyProtectionKind
{
    EmergencyProtectionOrder,
    PolicePowers,
}

/// <summary>An episode in which a looked after child was missing from their placement, or absent from it
/// (SSDA903 Missing: <c>MISSING</c>, <c>MIS_START</c>, <c>MIS_END</c>), with the return interview Annex A list 8 asks about.</summary>
public sealed class MissingEpisode
{
    public int Id { get; set; }
    public int ChildId { get; set; }
    public MissingKind Kind { get; set; }
    public DateOnly StartDate { get; set; }
    public DateOnly? EndDate { get; set; }

    /// <summary>Whether the child was offered a return interview after the episode; null when not recorded.</summary>
    public bool? ReturnInterviewOffered { get; set; }

    /// <summary>Whether the child accepted the return interview; null when not recorded.</summary>
    public bool? ReturnInterviewAccepted { get; set; }
}

/// <summary>Missing (whereabouts unknown) or absent (whereabouts known but not where they should be).</summary>
public enum MissingKind
{
    Missing,
    Absent,
}

/// <summary>A dated check on a looked after child that Annex A list 8 reports by its latest date: an independent
/// reviewing officer's visit or contact, a health assessment, a dental check.</summary>
public sealed class LookedAfterCheck
{
    public int Id { get; set; }
    public int ChildId { get; set; }
    public LookedAfterCheckKind Kind { get; set; }
    public DateOnly Date { get; set; }
}

/// <summary>Which check (Annex A list 8 "Date of Last IRO Visit / Contact to the Child", "Date of Last Health
/// Assessment", "Date of Last Dental Check").</summary>
public enum LookedAfterCheckKind
{
    IroContact,
    HealthAssessment,
    DentalCheck,
}
