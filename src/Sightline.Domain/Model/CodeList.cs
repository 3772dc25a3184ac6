namespace Sightline.Model;

/// <summary>A coded value from a DfE list, with the description the DfE gives it and the census
/// years in which it may be returned.</summary>
/// <param name="Value">The code as written in the census (for example <c>N1</c>, <c>RC8</c>, <c>18B</c>).</param>
/// <param name="Description">The DfE's description.</param>
/// <param name="FirstCensusYear">The first census year (the year of the 31 March reference date) the code is valid in.</param>
/// <param name="LastCensusYear">The last census year it is valid in, or null while it is current.</param>
public sealed record Code(string Value, string Description, int FirstCensusYear = 2017, int? LastCensusYear = null)
{
    /// <summary>Whether the code may be returned in the census whose reference date falls in <paramref name="censusYear"/>.</summary>
    public bool ValidIn(int censusYear) => censusYear >= FirstCensusYear && (LastCensusYear is null || censusYear <= LastCensusYear);
}

/// <summary>A named DfE code list, looked up by code.</summary>
public sealed class CodeList
{
    private readonly Dictionary<string, Code> _byValue;

    public CodeList(string name, params Code[] codes)
    {
        Name = name;
        Codes = codes;
        _byValue = codes.ToDictionary(c => c.Value, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The list's name as the census specification gives it.</summary>
    public string Name { get; }

    public IReadOnlyList<Code> Codes { get; }

    public bool Contains(string value) => _byValue.ContainsKey(value);

    public Code? Find(string value) => _byValue.GetValueOrDefault(value);

    /// <summary>The codes that may be returned in the given census year.</summary>
    public IEnumerable<Code> ValidIn(int censusYear) => Codes.Where(c => c.ValidIn(censusYear));
}
