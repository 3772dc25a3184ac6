namespace Sightline.Model;

/// <summary>A figure a council's own Annex A reported for a child as at the workbook's date, for a column that sums
/// up the months before that date and whose events the workbook does not list one by one: the number of referrals,
/// section 47 enquiries and conferences in the last 12 months, the case status, whether the child was protected
/// under an emergency protection order or police powers in the last six months, the number of placements and of
/// missing and absent episodes in the last 12 months, whether this is a second period of care, and the return
/// interview after the last missing episode. Exporting Annex A as at that same date writes the council's figure;
/// at any other date the figure is computed from the records held.</summary>
public sealed class AnnexAReportedValue
{
    public int Id { get; set; }
    public int ChildId { get; set; }

    /// <summary>The date the workbook was produced as at.</summary>
    public DateOnly AsAt { get; set; }

    /// <summary>The Annex A list (1 to 11).</summary>
    public int List { get; set; }

    /// <summary>The date that identifies the row within its list for the child (the referral date on list 3, the
    /// strategy discussion date on list 5, the CIN start date on list 6, the plan start on list 7, the date the
    /// child started to be looked after on list 8).</summary>
    public DateOnly RowDate { get; set; }

    /// <summary>Ofsted's header of the column.</summary>
    public required string Column { get; set; }

    /// <summary>The value as Annex A writes it (a number, or a canonical coded value such as <c>a) Yes</c>).</summary>
    public required string Value { get; set; }
}
