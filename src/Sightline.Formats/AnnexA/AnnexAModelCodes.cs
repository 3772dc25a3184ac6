using Sightline.Model;

namespace Sightline.Formats.AnnexA;

/// <summary>How an Annex A coded value and the code Sightline holds (DfE census or SSDA903) correspond. Annex A is
/// often coarser: "d) Health services" covers referral sources 3A to 3F. Exporting writes the category of the code
/// held. Importing takes, in order: a code of the category that the cell names as written ("3A - GP", "WBRI - White
/// British"); the code held, when it is already in the category (so re-importing an export changes nothing); else
/// the category's designated code, listed first: the code that means "this category, not further specified" where
/// the DfE has one ("other"), so that the category survives a round trip.</summary>
public sealed class AnnexACodeMap
{
    private readonly Dictionary<string, string[]> _codesByValue;
    private readonly Dictionary<string, string> _valueByCode = new(StringComparer.OrdinalIgnoreCase);

    private AnnexACodeMap(AnnexACodeSet set, Dictionary<string, string[]> codesByValue, Dictionary<string, string>? exportOverrides = null)
    {
        Set = set;
        _codesByValue = codesByValue;
        foreach (var (value, codes) in codesByValue)
        {
            if (!set.Values.Contains(value))
            {
                throw new InvalidOperationException($"'{value}' is not a value of the Annex A {set.Name} codes.");
            }

            foreach (var code in codes)
            {
                _valueByCode.TryAdd(code, value);
            }
        }

        foreach (var (code, value) in exportOverrides ?? [])
        {
            _valueByCode[code] = value;
        }
    }

    public AnnexACodeSet Set { get; }

    /// <summary>The Annex A value for a code held, or null when the code is blank or has none.</summary>
    public string? ValueOf(string? code) => code is null ? null : _valueByCode.GetValueOrDefault(code.Trim());

    /// <summary>The code to hold for an Annex A value, given the cell as written and the code held now. Null when the
    /// value has no code (for example "i) Not Stated").</summary>
    public string? CodeFor(string value, string? held, string? written = null)
    {
        if (!_codesByValue.TryGetValue(value, out var codes) || codes.Length == 0)
        {
            return null;
        }

        if (codes.Length > 1 && written is not null)
        {
            // Whole words only: "3A - GP" names 3A; "U4" does not hide in "FU40".
            var words = System.Text.RegularExpressions.Regex.Split(written.ToUpperInvariant(), "[^A-Z0-9]+");
            if (codes.FirstOrDefault(c => words.Contains(c.ToUpperInvariant())) is { } named)
            {
                return named;
            }
        }

        return held is not null && ValueOf(held) == value ? held : codes[0];
    }

    /// <summary>The codes an Annex A value covers, designated code first.</summary>
    public IReadOnlyList<string> CodesOf(string value) => _codesByValue.GetValueOrDefault(value) ?? [];

    public static AnnexACodeMap Source { get; } = new(AnnexASchema.SourceCodes, new()
    {
        ["a) Individual"] = ["1D", "1A", "1B", "1C"],
        ["b) Schools"] = ["2A"],
        ["c) Education services"] = ["2B"],
        ["d) Health services"] = ["3F", "3A", "3B", "3C", "3D", "3E"],
        ["e) Housing"] = ["4"],
        ["f) LA services"] = ["5B", "5A", "5C", "5D"],
        ["g) Police"] = ["6"],
        ["h) Other legal agency"] = ["7"],
        ["i) Other"] = ["8"],
        ["j) Anonymous"] = ["9"],
        ["k) Unknown"] = ["10"],
    });

    public static AnnexACodeMap Ethnicity { get; } = new(AnnexASchema.EthnicityCodes, new()
    {
        ["a) White"] = ["WOTH", "WBRI", "WIRI", "WIRT", "WROM"],
        ["b) Mixed"] = ["MOTH", "MWBC", "MWBA", "MWAS"],
        ["c) Asian or Asian British"] = ["AOTH", "AIND", "APKN", "ABAN"],
        ["d) Black or Black British"] = ["BOTH", "BCRB", "BAFR"],
        ["e) Other ethnic group"] = ["OOTH", "CHNE"],
        ["f) Not stated"] = ["NOBT", "REFU"],
    });

    /// <summary>Primary need (list 6) and category of need (list 8): N1 to N9 and N0.</summary>
    public static AnnexACodeMap Need { get; } = new(AnnexASchema.NeedCodes, new()
    {
        ["a) Abuse or neglect"] = ["N1"],
        ["b) Child's disability"] = ["N2"],
        ["c) Parents illness or disability"] = ["N3"],
        ["d) Family in acute stress"] = ["N4"],
        ["e) Family dysfunction"] = ["N5"],
        ["f) Socially unacceptable behaviour"] = ["N6"],
        ["g) Low income"] = ["N7"],
        ["h) Absent parenting"] = ["N8"],
        ["i) Not CIN"] = ["N9"],
        ["j) Not stated"] = ["N0"],
    });

    /// <summary>RC8 and RC9 are both "not in need after assessment"; before 2023 the census had only RC8.</summary>
    public static AnnexACodeMap ReasonForClosure { get; } = new(AnnexASchema.ReasonForClosureCodes, new()
    {
        ["a) Adopted"] = ["RC1"],
        ["b) Died"] = ["RC2"],
        ["c) Residence Order"] = ["RC3"],
        ["d) Special Guardianship Order"] = ["RC4"],
        ["e) Transfer to another LA"] = ["RC5"],
        ["f) Transfer to Adult Social Services"] = ["RC6"],
        ["g) 'Other' incl. Child no longer in need"] = ["RC7"],
        ["h) Child not in need after assessment"] = ["RC8", "RC9"],
        ["i) Not Stated"] = [],
    });

    public static AnnexACodeMap CategoryOfAbuse { get; } = new(AnnexASchema.CategoryOfAbuseCodes, new()
    {
        ["a) Neglect"] = ["NEG"],
        ["b) Physical Abuse"] = ["PHY"],
        ["c) Sexual Abuse"] = ["SAB"],
        ["d) Emotional Abuse"] = ["EMO"],
        ["e) Multiple"] = ["MUL"],
    });

    /// <summary>SSDA903 legal status. J1 and J2 have values of their own; J3 is the other youth justice status.</summary>
    public static AnnexACodeMap LegalStatus { get; } = new(AnnexASchema.LegalStatusCodes, new()
    {
        ["a) Interim care orders"] = ["C1"],
        ["b) Full care orders"] = ["C2"],
        ["c) Freed for adoption"] = ["D1"],
        ["d) Placement order granted"] = ["E1"],
        ["e) Accommodated under S20"] = ["V2"],
        ["f) Detained on child protection grounds in LA accommodation"] = ["L1", "L2", "L3"],
        ["g) Youth justice legal Statuses"] = ["J3"],
        ["J1: Remanded to LA or youth detention"] = ["J1"],
        ["J2: LA accommodation under PACE"] = ["J2"],
    });

    /// <summary>SSDA903 placement type.</summary>
    public static AnnexACodeMap PlacementType { get; } = new(AnnexASchema.PlacementTypeCodes, new()
    {
        ["a) Foster placement"] = ["U6", "U1", "U2", "U3", "U4", "U5"],
        ["b) Placed for adoption"] = ["A6", "A3", "A4", "A5"],
        ["c) Placed with parents"] = ["P1"],
        ["d) Independent living"] = ["P2"],
        ["e) Residential employment"] = ["P3"],
        ["f) Residential accommodation"] = ["H5"],
        ["g) Secure Children’s Homes"] = ["K1"],
        ["h) Children’s Homes"] = ["K2"],
        ["i) Residential Care Home"] = ["R1"],
        ["j) NHS/Health Trust"] = ["R2"],
        ["k) Family Centre or Mother and Baby Unit"] = ["R3"],
        ["l) Young Offender Institution"] = ["R5"],
        ["m) Residential school"] = ["S1"],
        ["n) Other placements"] = ["Z1"],
        ["o) Temporary placement"] = ["T4", "T0", "T1", "T2", "T3"],
    });

    /// <summary>SSDA903 reason episode ceased.</summary>
    public static AnnexACodeMap ReasonCeased { get; } = new(AnnexASchema.ReasonCeasedCodes, new()
    {
        ["a) Adopted"] = ["E11", "E12"],
        ["b) Died"] = ["E2"],
        ["c) Care taken by another LA"] = ["E3"],
        ["d) Returned home to live with parents or relatives"] = ["E4A", "E4B"],
        ["e) Left care to live with parents, relatives or other person with no parental responsibility"] = ["E13"],
        ["f) Residence order granted"] = ["E41"],
        ["g) Special Guardianship Orders"] = ["E43", "E44", "E45", "E46", "E47", "E48"],
        ["h) Moved into independent living"] = ["E5", "E6"],
        ["i) Transferred to residential care funded by adult social services"] = ["E7"],
        ["j) Sentenced to custody"] = ["E9"],
        ["k) Accommodation on remand ended"] = ["E14"],
        ["l) Age assessment determined child was 18 or over"] = ["E15"],
        ["m) Child moved abroad"] = ["E16"],
        ["n) Care ceased for any other reason"] = ["E8", "E17"],
    });

    /// <summary>SSDA903 IN_TOUCH. The YAML counts a young person who refuses contact or no longer needs services as
    /// not in touch, and one who died or returned home as excluded; "c) Not recorded" holds no code.</summary>
    public static AnnexACodeMap InTouch { get; } = new(AnnexASchema.InTouchCodes, new()
    {
        ["a) In touch"] = ["YES"],
        ["b) Not in touch"] = ["NO", "REFU", "NREQ"],
        ["c) Not recorded"] = [],
        ["d) Exclude"] = ["RHOM", "DIED"],
    });

    /// <summary>The letter of SSDA903 ACCOM.</summary>
    public static AnnexACodeMap AccommodationType { get; } = new(AnnexASchema.AccommodationTypeCodes, new()
    {
        ["a) With parents or relatives"] = ["B"],
        ["b) Community home"] = ["C"],
        ["c) Semi-independent transitional accommodation"] = ["D"],
        ["d) Supported lodgings"] = ["E"],
        ["e) Gone abroad"] = ["G"],
        ["f) Deported"] = ["H"],
        ["g) Ordinary lodgings"] = ["K"],
        ["h) Residence not known"] = ["R"],
        ["i) No fixed abode / homeless"] = ["S"],
        ["j) Foyers"] = ["T"],
        ["k) Independent living"] = ["U"],
        ["l) Emergency accommodation"] = ["V"],
        ["m) Bed and breakfast"] = ["W"],
        ["n) In custody"] = ["X"],
        ["o) With Former Foster Carer"] = ["Z"],
        ["p) Other accommodation"] = ["Y"],
    });

    /// <summary>SSDA903 ACTIV: the code before the colon.</summary>
    public static AnnexACodeMap Activity { get; } = new(AnnexASchema.ActivityCodes,
        AnnexASchema.ActivityCodes.Values.ToDictionary(v => v, v => new[] { v[..2] }));

    public static string GenderOf(Sex sex) => sex switch
    {
        Sex.Male => "a) Male",
        Sex.Female => "b) Female",
        Sex.Indeterminate => "d) Neither",
        _ => "c) Not stated/recorded",
    };

    public static Sex SexOf(string gender) => gender switch
    {
        "a) Male" => Sex.Male,
        "b) Female" => Sex.Female,
        "d) Neither" => Sex.Indeterminate,
        _ => Sex.NotRecorded,
    };

    /// <summary>"a) Yes", "b) No", or "c) Unknown" for null.</summary>
    public static string YesNoUnknown(bool? value) => value switch { true => "a) Yes", false => "b) No", null => "c) Unknown" };

    /// <summary>"a) Yes" or "b) No".</summary>
    public static string YesNo(bool value) => value ? "a) Yes" : "b) No";

    /// <summary>True for "a) Yes", false for "b) No", null for "c) Unknown".</summary>
    public static bool? BooleanOf(string value) => value switch { "a) Yes" => true, "b) No" => false, _ => null };
}
