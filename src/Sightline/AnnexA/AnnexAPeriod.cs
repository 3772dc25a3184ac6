namespace Sightline.Cli.AnnexA;

/// <summary>The months before an as-at date that an Annex A list looks back over. Ofsted asks for events "in the
/// six months before" the inspection: the period runs from the day after the same date six months earlier up to
/// and including the as-at date. A referral exactly six months before is outside; a day later is inside. Months
/// are calendar months (the as-at date 31 August looks back to 28 February, exclusive, in a common year).</summary>
public readonly record struct AnnexAPeriod(DateOnly AsAt, int Months)
{
    /// <summary>The last day before the period: dates after it, up to <see cref="AsAt"/>, are in.</summary>
    public DateOnly Before => AsAt.AddMonths(-Months);

    /// <summary>Whether an event on <paramref name="date"/> happened in the period.</summary>
    public bool Contains(DateOnly date) => date > Before && date <= AsAt;

    /// <summary>Whether something that began on <paramref name="start"/> and ended on <paramref name="end"/> (null:
    /// not ended by the as-at date) was open at some time in the period: it began by the as-at date and had not
    /// ended before the period began. The end is the closure date of an episode or plan, or the date a child
    /// ceased to be looked after; either way an end inside the period counts ("ceased in the last six months").</summary>
    public bool Overlaps(DateOnly start, DateOnly? end) => start <= AsAt && (end is null || end > Before);
}
