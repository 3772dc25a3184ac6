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

    public bool IsOpenOn(DateOnly date) => StartDate <= date && (DecisionDate is null || DecisionDate >= date);
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

    public bool IsOpenOn(DateOnly date) => IssueDate <= date && (FinalOrderDate is null || FinalOrderDate >= date);
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

    /// <summary>SSDA903 legal status (LS: C1, C2, E1, V2, …).</summary>
    public required string LegalStatus { get; set; }

    /// <summary>SSDA903 category of need (N1–N8).</summary>
    public string? CategoryOfNeed { get; set; }

    /// <summary>SSDA903 placement type (PLACE: U1–U6, K2, P1, …).</summary>
    public required string PlacementType { get; set; }

    public DateOnly? EndDate { get; set; }

    /// <summary>SSDA903 reason episode ceased (REC: E11, E12, E41, E13, …, X1 when the episode ends but care continues).</summary>
    public string? ReasonEnded { get; set; }

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

    /// <summary>SSDA903 IN_TOUCH (YES, NO, DIED, REFU, NREQ, RHOM).</summary>
    public required string InTouch { get; set; }

    /// <summary>SSDA903 ACTIV (F1, P1, F2, P2, F4, P4, F5, P5, G4, G5, G6, 0).</summary>
    public string? Activity { get; set; }

    /// <summary>SSDA903 ACCOM (a letter for the type, then 1 suitable or 2 unsuitable).</summary>
    public string? Accommodation { get; set; }
}
