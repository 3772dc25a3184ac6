namespace Sightline.Model;

/// <summary>A decision that a looked after child should be placed for adoption, and what followed: the placement
/// order, matching, placement, the adoption order, or a later decision that the child should no longer be placed
/// (Annex A list 10; SSDA903 AD1 and PlacedAdoption).</summary>
public sealed class AdoptionDecision
{
    public int Id { get; set; }
    public int ChildId { get; set; }

    /// <summary>The council's identifier for the child's birth family, linking siblings (Annex A "Family identifier").</summary>
    public string? FamilyIdentifier { get; set; }

    /// <summary>The date the child entered care, as the source gives it; null when Sightline takes it from the
    /// period of care the decision was made in (Annex A "Date the Child Entered Care").</summary>
    public DateOnly? EnteredCareDate { get; set; }

    /// <summary>The agency decision maker's decision that the child should be placed for adoption (Annex A "Date of
    /// Decision that Child Should be Placed for Adoption").</summary>
    public DateOnly DecisionDate { get; set; }

    /// <summary>Annex A "Date of Placement Order".</summary>
    public DateOnly? PlacementOrderDate { get; set; }

    /// <summary>Annex A "Date of Matching Child and Prospective Adopters".</summary>
    public DateOnly? MatchedDate { get; set; }

    /// <summary>Annex A "Date Placed for Adoption".</summary>
    public DateOnly? PlacedDate { get; set; }

    /// <summary>Annex A "Date of Adoption Order".</summary>
    public DateOnly? AdoptionOrderDate { get; set; }

    /// <summary>The decision that the child should no longer be placed for adoption (Annex A "Date of Decision that
    /// Child Should No Longer be Placed for Adoption").</summary>
    public DateOnly? ReversalDate { get; set; }

    /// <summary>Why, as Annex A codes it (<c>a) Child’s needs changed</c> … <c>d) Any other reason</c>).</summary>
    public string? ReversalReason { get; set; }

    /// <summary>The child was placed with carers fostering for adoption or in a concurrent planning placement
    /// (Annex A "Date the child was placed for fostering in FFA or concurrent planning placement").</summary>
    public DateOnly? FosteringForAdoptionDate { get; set; }

    /// <summary>Whether the plan for adoption is open on <paramref name="date"/>: decided, and neither adopted nor reversed by then.</summary>
    public bool IsOpenOn(DateOnly date) =>
        DecisionDate <= date && (AdoptionOrderDate is null || AdoptionOrderDate > date) && (ReversalDate is null || ReversalDate > date);
}

/// <summary>A prospective adopter known to the council's adoption agency, from enquiry to adoption order or leaving
/// the process (Annex A list 11). Adopters are not children: no other record refers to them.</summary>
public sealed class Adopter
{
    public int Id { get; set; }

    /// <summary>The agency's identifier for the adopter (Annex A "Individual adopter identifier"); unique.</summary>
    public required string AdopterId { get; set; }

    /// <summary>Links adopters applying together (Annex A "Family identifier").</summary>
    public string? FamilyIdentifier { get; set; }

    public Sex Sex { get; set; }

    /// <summary>DfE ethnicity code (<see cref="CinCodes.Ethnicity"/>).</summary>
    public string? Ethnicity { get; set; }

    /// <summary>Whether the adopter has a disability; null when not known.</summary>
    public bool? HasDisability { get; set; }

    /// <summary>Annex A "Is the (prospective) adopter fostering for adoption?".</summary>
    public bool FosteringForAdoption { get; set; }

    public DateOnly EnquiryDate { get; set; }
    public DateOnly? Stage1StartDate { get; set; }
    public DateOnly? Stage1EndDate { get; set; }
    public DateOnly? Stage2StartDate { get; set; }
    public DateOnly? Stage2EndDate { get; set; }
    public DateOnly? ApplicationDate { get; set; }
    public DateOnly? ApprovalDate { get; set; }

    /// <summary>Annex A "Date adopter matched with child(ren)".</summary>
    public DateOnly? MatchedDate { get; set; }

    /// <summary>Annex A "Date child/children placed with adopter(s)".</summary>
    public DateOnly? PlacedDate { get; set; }

    /// <summary>Annex A "No. of children placed".</summary>
    public int? ChildrenPlaced { get; set; }

    public DateOnly? AdoptionOrderDate { get; set; }

    /// <summary>Annex A "Date of leaving adoption process".</summary>
    public DateOnly? LeftDate { get; set; }

    /// <summary>Why, as Annex A codes it (<c>a) Withdrew</c>, <c>b) Process on hold</c>, <c>c) Application refused</c>).</summary>
    public string? LeftReason { get; set; }

    /// <summary>Whether the adopter is in the process on <paramref name="date"/>: enquired, and neither left nor adopted by then.</summary>
    public bool IsInProcessOn(DateOnly date) =>
        EnquiryDate <= date && (LeftDate is null || LeftDate > date) && (AdoptionOrderDate is null || AdoptionOrderDate > date);
}
