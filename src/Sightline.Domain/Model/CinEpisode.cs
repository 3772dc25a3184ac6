namespace Sightline.Model;

/// <summary>A child in need episode: from the referral to the closure of the case. A later event can
/// close an earlier clock only if it belongs to the same episode.</summary>
public sealed class CinEpisode
{
    public int Id { get; set; }
    public int ChildId { get; set; }
    public DateOnly ReferralDate { get; set; }

    /// <summary><see cref="CinCodes.ReferralSource"/>.</summary>
    public string? ReferralSource { get; set; }

    /// <summary><see cref="CinCodes.PrimaryNeed"/>.</summary>
    public string? PrimaryNeed { get; set; }

    /// <summary>The referral was closed with no further action.</summary>
    public bool ReferralNfa { get; set; }

    public DateOnly? ClosureDate { get; set; }

    /// <summary><see cref="CinCodes.ReasonForClosure"/>.</summary>
    public string? ReasonForClosure { get; set; }

    public List<Assessment> Assessments { get; set; } = [];
    public List<StrategyDiscussion> StrategyDiscussions { get; set; } = [];
    public List<Section47Enquiry> Section47Enquiries { get; set; } = [];
    public List<InitialConference> InitialConferences { get; set; } = [];
    public List<ChildProtectionPlan> ChildProtectionPlans { get; set; } = [];
    public List<CinPlan> CinPlans { get; set; } = [];

    /// <summary>Whether the episode is open on <paramref name="date"/> (the closure date itself is the last open day).</summary>
    public bool IsOpenOn(DateOnly date) => ReferralDate <= date && (ClosureDate is null || ClosureDate >= date);
}

/// <summary>The statutory social work assessment (single or continuous assessment) under section 17:
/// authorised within 45 working days of the referral.</summary>
public sealed class Assessment
{
    public int Id { get; set; }
    public int CinEpisodeId { get; set; }
    public DateOnly StartDate { get; set; }
    public DateOnly? InternalReviewDate { get; set; }

    /// <summary>The date a manager authorised the assessment: its completion.</summary>
    public DateOnly? AuthorisationDate { get; set; }

    /// <summary>Whether the child was seen during the assessment (Annex A list 4); null when not recorded.</summary>
    public bool? ChildSeen { get; set; }

    /// <summary>Whether the assessment found the child needs children's social care support (Annex A list 4).</summary>
    public bool? NeedsServices { get; set; }

    public List<AssessmentFactor> Factors { get; set; } = [];
}

/// <summary>A factor identified at assessment (<see cref="CinCodes.AssessmentFactor"/>).</summary>
public sealed class AssessmentFactor
{
    public int Id { get; set; }
    public int AssessmentId { get; set; }
    public required string Code { get; set; }
}

/// <summary>A multi-agency strategy discussion or meeting held when there is reasonable cause to suspect
/// significant harm; it decides whether to start a section 47 enquiry.</summary>
public sealed class StrategyDiscussion
{
    public int Id { get; set; }
    public int CinEpisodeId { get; set; }
    public DateOnly Date { get; set; }

    /// <summary>Whether the discussion decided to start a section 47 enquiry.</summary>
    public bool Section47Started { get; set; }
}

/// <summary>An enquiry under section 47 of the Children Act 1989 into whether a child is suffering, or is
/// likely to suffer, significant harm.</summary>
public sealed class Section47Enquiry
{
    public int Id { get; set; }
    public int CinEpisodeId { get; set; }

    /// <summary>The strategy discussion that started the enquiry, where known.</summary>
    public int? StrategyDiscussionId { get; set; }

    /// <summary>The census <c>S47ActualStartDate</c>.</summary>
    public DateOnly StartDate { get; set; }

    /// <summary>The census <c>InitialCPCtarget</c>: the date the initial conference is due, as the council recorded it.</summary>
    public DateOnly? IcpcTargetDate { get; set; }

    /// <summary>The enquiry concluded that no initial conference is needed (census <c>ICPCnotRequired</c>).</summary>
    public bool IcpcNotRequired { get; set; }

    /// <summary>The date the enquiry was completed, where the council records it.</summary>
    public DateOnly? EndDate { get; set; }
}

/// <summary>The initial child protection conference (ICPC), which decides whether a child needs a plan.</summary>
public sealed class InitialConference
{
    public int Id { get; set; }
    public int CinEpisodeId { get; set; }
    public int? Section47EnquiryId { get; set; }
    public DateOnly Date { get; set; }

    /// <summary>Whether the conference made the child subject to a child protection plan.</summary>
    public bool ResultedInPlan { get; set; }
}
