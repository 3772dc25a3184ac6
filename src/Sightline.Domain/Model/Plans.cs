namespace Sightline.Model;

/// <summary>A child protection plan, from the initial conference that made it to its end.</summary>
public sealed class ChildProtectionPlan
{
    public int Id { get; set; }
    public int CinEpisodeId { get; set; }
    public DateOnly StartDate { get; set; }
    public DateOnly? EndDate { get; set; }

    /// <summary><see cref="CinCodes.CategoryOfAbuse"/> at the start of the plan.</summary>
    public required string InitialCategory { get; set; }

    /// <summary><see cref="CinCodes.CategoryOfAbuse"/> as most recently recorded.</summary>
    public required string LatestCategory { get; set; }

    /// <summary>How many child protection plans the child had before this one (census <c>NumberOfPreviousCPP</c>).</summary>
    public int NumberOfPreviousPlans { get; set; }

    /// <summary>Whether the plan sets out a contingency plan; null when the council's data does not say.</summary>
    public bool? HasContingencyPlan { get; set; }

    public List<ReviewConference> ReviewConferences { get; set; } = [];
    public List<CoreGroupMeeting> CoreGroupMeetings { get; set; } = [];
    public List<SeniorReview> SeniorReviews { get; set; } = [];
    public List<PlanAction> Actions { get; set; } = [];

    public bool IsOpenOn(DateOnly date) => StartDate <= date && (EndDate is null || EndDate >= date);

    /// <summary>The senior review that counts for the plan reaching <paramref name="months"/> months, as at
    /// <paramref name="date"/>: the latest one held from a month before that point (the start plus
    /// <paramref name="months"/> − 1 months, inclusive) up to the date (inclusive); null when there is none.</summary>
    public SeniorReview? SeniorReviewFor(int months, DateOnly date) =>
        SeniorReviews.Where(r => r.Date >= StartDate.AddMonths(months - 1) && r.Date <= date).MaxBy(r => r.Date);
}

/// <summary>A child protection review conference (RCPC): first within 3 months of the initial conference,
/// then at intervals of not more than 6 months.</summary>
public sealed class ReviewConference
{
    public int Id { get; set; }
    public int ChildProtectionPlanId { get; set; }
    public DateOnly Date { get; set; }
}

/// <summary>A meeting of the core group that delivers a child protection plan.</summary>
public sealed class CoreGroupMeeting
{
    public int Id { get; set; }
    public int ChildProtectionPlanId { get; set; }
    public DateOnly Date { get; set; }
}

/// <summary>A senior manager's recorded review of a long-running child protection plan (for example at
/// 18 months): whether the threshold still holds and what should happen next.</summary>
public sealed class SeniorReview
{
    public int Id { get; set; }
    public int ChildProtectionPlanId { get; set; }
    public DateOnly Date { get; set; }
    public int? ReviewedByWorkerId { get; set; }
    public string? Outcome { get; set; }
}

/// <summary>A child in need plan under section 17.</summary>
public sealed class CinPlan
{
    public int Id { get; set; }
    public int CinEpisodeId { get; set; }
    public DateOnly StartDate { get; set; }
    public DateOnly? EndDate { get; set; }

    /// <summary>Whether the plan sets out a contingency plan; null when the council's data does not say.</summary>
    public bool? HasContingencyPlan { get; set; }

    public List<CinPlanReview> Reviews { get; set; } = [];
    public List<PlanAction> Actions { get; set; } = [];

    public bool IsOpenOn(DateOnly date) => StartDate <= date && (EndDate is null || EndDate >= date);
}

/// <summary>A review of a child in need plan.</summary>
public sealed class CinPlanReview
{
    public int Id { get; set; }
    public int CinPlanId { get; set; }
    public DateOnly Date { get; set; }
}

/// <summary>One action in a child protection or child in need plan: what, who, by when. An action
/// belongs to exactly one plan; its owner is a worker or a partner agency.</summary>
public sealed class PlanAction
{
    public int Id { get; set; }
    public int ChildId { get; set; }
    public int? ChildProtectionPlanId { get; set; }
    public int? CinPlanId { get; set; }
    public required string Description { get; set; }

    /// <summary>The worker who owns the action, when a council worker does.</summary>
    public int? OwnerWorkerId { get; set; }

    /// <summary>The partner agency (or the family) that owns the action, when not a council worker.</summary>
    public string? OwnerAgency { get; set; }

    /// <summary>When the action is due; null is a plan without a timescale.</summary>
    public DateOnly? DueDate { get; set; }

    public DateOnly? CompletedDate { get; set; }
}

/// <summary>A social worker's visit to a child: statutory visits to children on CIN and CP plans, and
/// visits to looked after children (regulation 28).</summary>
public sealed class Visit
{
    public int Id { get; set; }
    public int ChildId { get; set; }
    public VisitKind Kind { get; set; }
    public DateOnly Date { get; set; }
    public int? WorkerId { get; set; }
    public bool ChildSeen { get; set; }

    /// <summary>The child was seen alone (where age-appropriate); null when not recorded (Annex A list 7
    /// "Was the Child Seen Alone?" answers "c) Unknown").</summary>
    public bool? SeenAlone { get; set; }
}

/// <summary>Which plan a visit was made under.</summary>
public enum VisitKind
{
    ChildInNeed,
    ChildProtection,
    LookedAfter,
}

/// <summary>The level of intervention a child's case is held at; moves between levels are threshold decisions.</summary>
public enum ServiceLevel
{
    Universal,
    EarlyHelp,
    ChildInNeed,
    ChildProtection,
    PreProceedings,
    CareProceedings,
    LookedAfter,
}

/// <summary>A decision to step a child's case up or down between levels of intervention, with its rationale.
/// Ofsted expects the reasons to be recorded and consistent.</summary>
public sealed class StepDecision
{
    public int Id { get; set; }
    public int ChildId { get; set; }
    public DateOnly Date { get; set; }
    public ServiceLevel FromLevel { get; set; }
    public ServiceLevel ToLevel { get; set; }
    public int? DecidedByWorkerId { get; set; }

    /// <summary>Why the decision was made; null or blank is a step change without a recorded rationale.</summary>
    public string? Rationale { get; set; }

    public bool IsStepUp => ToLevel > FromLevel;
}
