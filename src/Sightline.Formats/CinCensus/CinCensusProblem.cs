namespace Sightline.Formats.CinCensus;

/// <summary>What became of something in a census file the reader could not take as written.</summary>
public enum CinCensusConsequence
{
    /// <summary>The whole child was left out: one of its records could not be read whole.</summary>
    ChildNotLoaded,

    /// <summary>One record (an episode, a plan, a review date, a factor, a disability) was left out; the rest of the child was read.</summary>
    RecordNotLoaded,

    /// <summary>One value was missing or unreadable; its record was read without it.</summary>
    ValueNotLoaded,

    /// <summary>Something the census does not define (stray text, an unknown element, a repeat) was passed over; nothing was lost.</summary>
    Ignored,
}

/// <summary>One thing in a census file the reader could not take as written, precisely enough to find and fix it at source.</summary>
/// <param name="Line">The line of the element in the file.</param>
/// <param name="LAChildId">The child's <c>LAchildID</c>, when the child has one.</param>
/// <param name="Element">The element at fault (for example <c>CINreferralDate</c>).</param>
/// <param name="Value">The value as written (trimmed), when there is one.</param>
/// <param name="Description">What is wrong with it.</param>
/// <param name="Consequence">What the reader did about it.</param>
public sealed record CinCensusProblem(int Line, string? LAChildId, string Element, string? Value, string Description, CinCensusConsequence Consequence)
{
    /// <summary>What is wrong and what became of it, in one sentence a performance officer can act on.</summary>
    public string Reason => $"{Description}; {Consequence switch
    {
        CinCensusConsequence.ChildNotLoaded => "child not loaded",
        CinCensusConsequence.RecordNotLoaded => "record not loaded, rest of child loaded",
        CinCensusConsequence.ValueNotLoaded => "value not loaded, rest of child loaded",
        _ => "ignored",
    }}";
}

/// <summary>The file is not a CIN census Sightline can read safely (not XML, not a census, unsafe, truncated,
/// empty, oversized): it is refused as a whole.</summary>
public sealed class CinCensusRefusedException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>One child as read from the census.</summary>
/// <param name="Line">The line of the child's <c>Child</c> element.</param>
/// <param name="LAChildId">The child's <c>LAchildID</c>, when it has one.</param>
/// <param name="Child">The child with its records, or null when the child was not loaded. Keys are numbered from 1 within
/// the child, in file order, so that its records refer to one another (a conference to its Section 47 enquiry); whoever
/// stores the child gives them their own.</param>
/// <param name="Problems">Everything about the child that could not be taken as written.</param>
public sealed record CinCensusChild(int Line, string? LAChildId, Sightline.Model.Child? Child, IReadOnlyList<CinCensusProblem> Problems)
{
    /// <summary>Whether the child was left out whole.</summary>
    public bool Rejected => Child is null;
}

/// <summary>The census header (<c>Header</c>), as far as it could be read.</summary>
/// <param name="Collection">The <c>Collection</c>, normally <c>CIN</c>.</param>
/// <param name="Year">The <c>Year</c> element.</param>
/// <param name="ReferenceDate">The <c>ReferenceDate</c> element.</param>
/// <param name="LeaCode">The council's three-digit code (<c>Source/LEA</c>).</param>
public sealed record CinCensusHeader(string? Collection, int? Year, DateOnly? ReferenceDate, string? LeaCode);

/// <summary>Which census year a file is for, and how that was worked out.</summary>
/// <param name="Year">The census year (the year of the 31 March reference date), or null when neither the header nor the
/// elements settle it.</param>
/// <param name="Basis">Where the year came from, and anything in the file that disagrees with it.</param>
public sealed record CinCensusYear(int? Year, string Basis)
{
    public override string ToString() => Year is { } year ? $"{year} ({Basis})" : $"not known ({Basis})";
}
