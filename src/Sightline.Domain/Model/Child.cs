namespace Sightline.Model;

/// <summary>A child known to children's social care: the subject of every record Sightline holds.</summary>
public sealed class Child
{
    public int Id { get; set; }

    /// <summary>The council's own identifier for the child (the census <c>LAchildID</c>); unique within a council.</summary>
    public required string LAChildId { get; set; }

    /// <summary>Unique pupil number, where the child has one.</summary>
    public string? Upn { get; set; }

    public string? FormerUpn { get; set; }

    /// <summary>The census reason a UPN is not known (UN1–UN10).</summary>
    public string? UpnUnknownReason { get; set; }

    public DateOnly? DateOfBirth { get; set; }

    /// <summary>For an unborn child: the expected date of birth. Visits and "seen alone" do not apply before birth.</summary>
    public DateOnly? ExpectedDateOfBirth { get; set; }

    public Sex Sex { get; set; }

    /// <summary>DfE ethnicity code (<see cref="CinCodes.Ethnicity"/>).</summary>
    public string? Ethnicity { get; set; }

    public DateOnly? DateOfDeath { get; set; }

    /// <summary>Unaccompanied asylum-seeking child, now or formerly (Annex A lists 8 and 9, "Unaccompanied Asylum
    /// Seeking Child (UASC)").</summary>
    public bool IsUnaccompaniedAsylumSeeker { get; set; }

    /// <summary>Whether the child has a disability, as a source that does not give the disability codes reports it
    /// (Annex A "Does the Child have a Disability"); null when not known. Codes in <see cref="Disabilities"/>, where
    /// held, say more and take precedence.</summary>
    public bool? HasDisability { get; set; }

    public List<ChildDisability> Disabilities { get; set; } = [];
    public List<Contact> Contacts { get; set; } = [];
    public List<EarlyHelpEpisode> EarlyHelpEpisodes { get; set; } = [];
    public List<CinEpisode> CinEpisodes { get; set; } = [];
    public List<Visit> Visits { get; set; } = [];
    public List<StepDecision> StepDecisions { get; set; } = [];
    public List<PreProceedings> PreProceedings { get; set; } = [];
    public List<CareProceedings> CareProceedings { get; set; } = [];
    public List<LookedAfterEpisode> LookedAfterEpisodes { get; set; } = [];
    public List<LookedAfterReview> LookedAfterReviews { get; set; } = [];
    public List<CareLeaverStatus> CareLeaverStatuses { get; set; } = [];
    public List<Allocation> Allocations { get; set; } = [];
    public List<EmergencyProtection> EmergencyProtections { get; set; } = [];
    public List<MissingEpisode> MissingEpisodes { get; set; } = [];
    public List<LookedAfterCheck> LookedAfterChecks { get; set; } = [];
    public List<AdoptionDecision> AdoptionDecisions { get; set; } = [];
    public List<AnnexAReportedValue> AnnexAReportedValues { get; set; } = [];

    /// <summary>Whether the child was born on <paramref name="date"/>: an unborn child has an expected date only,
    /// or an expected date after it.</summary>
    public bool IsBornBy(DateOnly date) => DateOfBirth is { } born && born <= date;
}

/// <summary>A child's sex as the census records it: <c>GenderCurrent</c> (1, 2, 0, 9) to 2024, <c>Sex</c> (M, F, U) from 2025.</summary>
public enum Sex
{
    NotRecorded,
    Male,
    Female,
    Indeterminate,
}

/// <summary>One disability recorded for a child (DfE code, <see cref="CinCodes.Disability"/>).</summary>
public sealed class ChildDisability
{
    public int Id { get; set; }
    public int ChildId { get; set; }
    public required string Code { get; set; }
}

/// <summary>First information received about a child (at the front door or MASH); it may or may not become a referral.</summary>
public sealed class Contact
{
    public int Id { get; set; }
    public int ChildId { get; set; }
    public DateOnly Date { get; set; }

    /// <summary>Who made contact, coded as a referral source (<see cref="CinCodes.ReferralSource"/>).</summary>
    public string? Source { get; set; }

    /// <summary>Whether the contact led to a referral.</summary>
    public bool LedToReferral { get; set; }
}

/// <summary>Support below the statutory threshold, coordinated by the council or a partner.</summary>
public sealed class EarlyHelpEpisode
{
    public int Id { get; set; }
    public int ChildId { get; set; }
    public DateOnly AssessmentStartDate { get; set; }
    public DateOnly? AssessmentCompletionDate { get; set; }

    /// <summary>The organisation completing the early help assessment (Annex A list 2).</summary>
    public string? Organisation { get; set; }

    public DateOnly? EndDate { get; set; }
}
