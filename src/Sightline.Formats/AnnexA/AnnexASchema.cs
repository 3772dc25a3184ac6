using System.Text.RegularExpressions;

namespace Sightline.Formats.AnnexA;

/// <summary>What a column holds.</summary>
public enum AnnexAValueKind
{
    Text,

    /// <summary>A date, written dd/mm/yyyy.</summary>
    Date,

    /// <summary>A whole number of at least zero.</summary>
    Number,

    /// <summary>One of the values of the column's <see cref="AnnexACodeSet"/>.</summary>
    Code,
}

/// <summary>One column of an Annex A list: Ofsted's header, what it holds, and the other headers councils give it.</summary>
public sealed class AnnexAColumn
{
    private readonly Regex[] _patterns;

    internal AnnexAColumn(string header, AnnexAValueKind kind, bool canBeBlank, AnnexACodeSet? codes, string[] patterns)
    {
        Header = header;
        Kind = kind;
        CanBeBlank = canBeBlank;
        Codes = codes;
        HeaderPatterns = patterns;
        _patterns = patterns.Select(p => new Regex(p, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1))).ToArray();
    }

    /// <summary>Ofsted's header, as the export writes it.</summary>
    public string Header { get; }

    public AnnexAValueKind Kind { get; }

    /// <summary>Whether Ofsted allows the cell to be blank.</summary>
    public bool CanBeBlank { get; }

    /// <summary>The column's values, for <see cref="AnnexAValueKind.Code"/> columns.</summary>
    public AnnexACodeSet? Codes { get; }

    /// <summary>Regular expressions (case-insensitive) for the other headers councils write.</summary>
    public IReadOnlyList<string> HeaderPatterns { get; }

    /// <summary>Whether <paramref name="header"/> is Ofsted's header, give or take case, spacing and punctuation.</summary>
    public bool IsExactly(string header) => Squeeze(header) == Squeeze(Header);

    /// <summary>Whether <paramref name="header"/> has one of the shapes councils give this column's header.</summary>
    public bool IsLike(string header) => _patterns.Any(p => p.IsMatch(AnnexACodeSet.Normalise(header)));

    public override string ToString() => Header;

    /// <summary>Letters and digits only, lower case: "Referral NFA?" and "referral nfa" are the same header.</summary>
    internal static string Squeeze(string text) => new(AnnexACodeSet.Normalise(text).Where(char.IsLetterOrDigit).ToArray());
}

/// <summary>One of Ofsted's Annex A lists: its number, name and columns in Ofsted's order.</summary>
public sealed class AnnexAList
{
    internal AnnexAList(int number, string name, string[] sheetWords, params AnnexAColumn[] columns)
    {
        Number = number;
        Name = name;
        SheetWords = sheetWords;
        Columns = columns;
    }

    public int Number { get; }

    /// <summary>The list's name, for example "Contacts".</summary>
    public string Name { get; }

    /// <summary>The sheet name the export writes, for example "List 1 - Contacts".</summary>
    public string SheetName => $"List {Number} - {Name}";

    /// <summary>Words that name the list in a sheet's name when the sheet does not say "List N".</summary>
    public IReadOnlyList<string> SheetWords { get; }

    /// <summary>The columns, in Ofsted's order.</summary>
    public IReadOnlyList<AnnexAColumn> Columns { get; }

    /// <summary>The column with Ofsted's header <paramref name="header"/>.</summary>
    public AnnexAColumn this[string header] => Columns.Single(c => c.Header == header);

    /// <summary>The column a header names on its own: Ofsted's header (give or take case, spacing and punctuation),
    /// else the first column whose shapes it has. In a sheet, each column is matched once (see the reader).</summary>
    public AnnexAColumn? ColumnFor(string header) => Columns.FirstOrDefault(c => c.IsExactly(header)) ?? Columns.FirstOrDefault(c => c.IsLike(header));

    public override string ToString() => SheetName;
}

/// <summary>Ofsted's Annex A as Sightline reads and writes it: lists 1 to 11, each column's header and the other
/// headers councils use, and each coded column's canonical values with every known spelling. Built from the
/// community schema (<c>Annex_A_schema.yml</c>) and checked against it by the tests; the product never reads the YAML.</summary>
public static class AnnexASchema
{
    // Headers every list begins with.
    public const string ChildId = "Child Unique ID";
    public const string Gender = "Gender";
    public const string Ethnicity = "Ethnicity";
    public const string DateOfBirth = "Date of Birth";
    public const string Age = "Age of Child (Years)";
    public const string Disability = "Does the Child have a Disability";
    public const string AllocatedTeam = "Allocated Team";
    public const string AllocatedWorker = "Allocated Worker";

    /// <summary>What "no allocated worker" is written as.</summary>
    public const string Unallocated = "Unallocated";

    public static AnnexACodeSet GenderCodes { get; } = new("gender", AnnexAVariants.Gender);
    public static AnnexACodeSet EthnicityCodes { get; } = new("ethnicity", AnnexAVariants.Ethnicity);
    public static AnnexACodeSet SourceCodes { get; } = new("contact or referral source", AnnexAVariants.Source);
    public static AnnexACodeSet ReferralNfaCodes { get; } = new("yes or no", AnnexAVariants.ReferralNfa);
    public static AnnexACodeSet DisabilityCodes { get; } = new("yes, no or unknown", AnnexAVariants.Disability);
    public static AnnexACodeSet ChildSeenCodes { get; } = new("yes, no or unknown", AnnexAVariants.ChildSeen);
    public static AnnexACodeSet YesNoCodes { get; } = new("yes or no", AnnexAVariants.YesNo);
    public static AnnexACodeSet ResultedInPlanCodes { get; } = new("yes, no or unknown", AnnexAVariants.ResultedInPlan);
    public static AnnexACodeSet NeedCodes { get; } = new("category of need", AnnexAVariants.Need);
    public static AnnexACodeSet ReasonForClosureCodes { get; } = new("reason for closure", AnnexAVariants.ReasonForClosure);
    public static AnnexACodeSet CaseStatusCodes { get; } = new("case status", AnnexAVariants.CaseStatus);
    public static AnnexACodeSet CategoryOfAbuseCodes { get; } = new("category of abuse", AnnexAVariants.CategoryOfAbuse);
    public static AnnexACodeSet SeenAloneCodes { get; } = new("yes, no or unknown", AnnexAVariants.SeenAlone);
    public static AnnexACodeSet UascCodes { get; } = new("yes or no", AnnexAVariants.Uasc);
    public static AnnexACodeSet LegalStatusCodes { get; } = new("legal status", AnnexAVariants.LegalStatus);
    public static AnnexACodeSet PermanencePlanCodes { get; } = new("permanence plan", AnnexAVariants.PermanencePlan);
    public static AnnexACodeSet ReasonCeasedCodes { get; } = new("reason ceased to be looked after", AnnexAVariants.ReasonCeased);
    public static AnnexACodeSet PlacementTypeCodes { get; } = new("placement type", AnnexAVariants.PlacementType);
    public static AnnexACodeSet PlacementProviderCodes { get; } = new("placement provider", AnnexAVariants.PlacementProvider);
    public static AnnexACodeSet PlacementLocationCodes { get; } = new("placement location", AnnexAVariants.PlacementLocation);
    public static AnnexACodeSet LocalAuthorityCodes { get; } = new("local authority", AnnexAVariants.PlacementLocalAuthority);
    public static AnnexACodeSet ReturnInterviewCodes { get; } = new("yes or no", AnnexAVariants.ReturnInterview);
    public static AnnexACodeSet EligibilityCodes { get; } = new("eligibility category", AnnexAVariants.Eligibility);
    public static AnnexACodeSet InTouchCodes { get; } = new("in touch", AnnexAVariants.InTouch);
    public static AnnexACodeSet AccommodationTypeCodes { get; } = new("type of accommodation", AnnexAVariants.AccommodationType);
    public static AnnexACodeSet AccommodationSuitabilityCodes { get; } = new("suitability of accommodation", AnnexAVariants.AccommodationSuitability);
    public static AnnexACodeSet AdoptionReversalReasonCodes { get; } = new("reason a child is no longer placed for adoption", AnnexAVariants.AdoptionReversalReason);
    public static AnnexACodeSet FosteringForAdoptionCodes { get; } = new("yes or no", AnnexAVariants.FosteringForAdoption);
    public static AnnexACodeSet LeavingAdoptionReasonCodes { get; } = new("reason for leaving the adoption process", AnnexAVariants.LeavingAdoptionReason);

    /// <summary>Activity status. The YAML gives one phrase and a few regular expressions per code rather than
    /// spellings; these are their intent, with two of its slips put right: "[^other]" there is a character class,
    /// not "not other", and the P5 expressions repeat F5's "full time".</summary>
    public static AnnexACodeSet ActivityCodes { get; } = new("activity",
        [
            [F1, "F1", "full time higher"],
            [P1, "P1", "part time higher"],
            [F2, "F2", "full time not higher"],
            [P2, "P2", "part time not higher"],
            [F3, "F3", "full time training"],
            [P3, "P3", "part time training"],
            [F4, "F4", "full time apprenticeship"],
            [P4, "P4", "part time apprenticeship"],
            [F5, "F5"],
            [P5, "P5"],
            [G4, "G4", "illness or disability"],
            [G5, "G5", "other"],
            [G6, "G6", "pregnancy or parenting"],
        ],
        // A code at the start ("F1) Full time…", "G5 - NEET"), then the phrases, most specific first.
        (@"^f1\b", F1), (@"^p1\b", P1), (@"^f2\b", F2), (@"^p2\b", P2), (@"^f3\b", F3), (@"^p3\b", P3), (@"^f4\b", F4), (@"^p4\b", P4),
        (@"^f5\b", F5), (@"^p5\b", P5), (@"^g4\b", G4), (@"^g5\b", G5), (@"^g6\b", G6),
        (@"full.*time.*apprenticeship", F4), (@"part.*time.*apprenticeship", P4),
        (@"full.*time.*(other|not).*higher", F2), (@"part.*time.*(other|not).*higher", P2),
        (@"full.*time.*higher", F1), (@"part.*time.*higher", P1),
        (@"full.*time.*(training|trainig|employment)", F3), (@"part.*time.*(training|trainig|employment)", P3),
        (@"pregnan|parenting", G6), (@"illness|disabilit", G4), (@"not.*other", G5));

    private const string F1 = "F1: Full time in higher education";
    private const string P1 = "P1: Part time in higher education";
    private const string F2 = "F2: Full time in education other than higher";
    private const string P2 = "P2: Part time in education other than higher";
    private const string F3 = "F3: Full time in training or employment";
    private const string P3 = "P3: Part time in training or employment";
    private const string F4 = "F4: Young person engaged full time in an apprenticeship";
    private const string P4 = "P4: Young person engaged part time in an apprenticeship";
    private const string F5 = "F5: Young person engaged full time in training or employment (not apprenticeship)";
    private const string P5 = "P5: Young person engaged part time in training or employment (not apprenticeship)";
    private const string G4 = "G4: Not in education, employment or training - illness or disability";
    private const string G5 = "G5: Not in education, employment or training - other";
    private const string G6 = "G6: Not in education, employment or training - pregnancy or parenting";

    /// <summary>Lists 1 to 11, in order.</summary>
    public static IReadOnlyList<AnnexAList> Lists { get; } =
    [
        new(1, "Contacts", ["contacts", "contact"],
            [.. Child(disability: false), Date("Date of Contact", false, @"date.*contact"), Code("Contact Source", SourceCodes, false, @"contact.*source")]),
        new(2, "Early Help", ["early help"],
            [.. Child(disability: false), Date("Assessment start date", false), Date("Assessment completion date", true), Text("Organisation completing assessment", false)]),
        new(3, "Referrals", ["referrals", "referral"],
            [
                .. Child(disability: false), Date("Date of referral", false, @"date of.*referral"), Code("Referral Source", SourceCodes, false, @"referral.*source"),
                Code("Referral NFA?", ReferralNfaCodes, false), Number("Number of Referrals in Last 12 Months"), .. Allocation(),
            ]),
        new(4, "Assessments", ["assessments", "assessment"],
            [
                .. Child(disability: true), Date("Continuous Assessment Start Date", false), Code("Child Seen During Continuous Assessment", ChildSeenCodes, true),
                Date("Continuous Assessment Date of Authorisation", true),
                Code("Was the child assessed as requiring LA children's social care support?", YesNoCodes, true, @"was the child assessed.*social care support"),
                .. Allocation(),
            ]),
        new(5, "Section 47", ["section 47", "s47", "s.47"],
            [
                .. Child(disability: true), Date("Strategy discussion initiating Section 47 Enquiry Start Date", false),
                Code("Was an Initial Child Protection Conference deemed unnecessary?", YesNoCodes, true), Date("Date of Initial Child Protection Conference", true),
                Code("Did the Initial Child Protection Conference Result in a Child Protection Plan", ResultedInPlanCodes, true),
                Number("Number of Section 47 Enquiries in the last 12 months"), Number("Number of ICPCs in the last 12 months"), .. Allocation(),
            ]),
        new(6, "Children in Need", ["children in need", "child in need", "cin"],
            [
                .. Child(disability: true), Date("CIN Start Date", true), Code("Primary Need Code", NeedCodes, false), Date("Date Child Was Last Seen", true),
                Date("CIN Closure Date", true), Code("Reason for Closure", ReasonForClosureCodes, true), Code("Case Status", CaseStatusCodes, false), .. Allocation(),
            ]),
        new(7, "Child Protection", ["child protection", "cp plans", "cpp", "cp"],
            [
                .. Child(disability: true), Date("Child Protection Plan Start Date", false), Code("Initial Category of Abuse", CategoryOfAbuseCodes, false),
                Code("Latest Category of Abuse", CategoryOfAbuseCodes, false), Date("Date of the Last Statutory Visit", true),
                Code("Was the Child Seen Alone?", SeenAloneCodes, true), Date("Date of latest review conference", true), Date("Child Protection Plan End Date", true),
                Code("Subject to Emergency Protection Order or Protected Under Police Powers in Last Six Months (Y/N)", YesNoCodes, false, @"subject to emergency protection order"),
                Number("Number of Previous Child Protection Plans"), .. Allocation(),
            ]),
        new(8, "Children in Care", ["children in care", "looked after", "cla", "lac"],
            [
                .. Child(disability: false),
                Code("Unaccompanied Asylum Seeking Child (UASC) within the Last 12 Months (Y/N)", UascCodes, false, @"unaccompanied asylum seeking child"),
                Code(Disability, DisabilityCodes, false), Date("Date Started to be Looked After", false), Code("Child's Category of Need", NeedCodes, false),
                Code("Is this a second or subsequent period of being a Looked After Child within the last 12 months (Y/N)", YesNoCodes, false,
                    @"second or subsequent .* of being a looked after child"),
                Date("Start date of current legal status", false), Code("Child's Legal Status", LegalStatusCodes, false, @"child.*legal status"),
                Date("Date of Latest Statutory Review", true), Date("Date of Last Social Work Visit", true),
                Code("What is the permanence plan for this child?", PermanencePlanCodes, true), Date("Date of Last IRO Visit / Contact to the Child", true),
                Date("Date of Last Health Assessment", true), Date("Date of Last Dental Check", true), Number("Number of Placements in the Last 12 months"),
                Date("Date Ceased to be Looked After", true), Code("Reason Ceased to be Looked After", ReasonCeasedCodes, true),
                Date("Start Date of Most Recent Placement", false), Code("Placement Type", PlacementTypeCodes, false), Code("Placement Provider", PlacementProviderCodes, false),
                Text("Placement postcode", false), Text("URN of Placement", true), Code("Placement Location", PlacementLocationCodes, false),
                Code("LA of Placement", LocalAuthorityCodes, false),
                Number("Number of Episodes the Child has been 'Missing' from their Placement in the last 12 months",
                    @"number of episodes the child has been.*missing.*from their placement in the last 12 months"),
                Number("Number of Episodes the Child has been 'Absent' from their Placement in the last 12 months",
                    @"number of episodes the child has been.*absent.*from their placement in the last 12 months"),
                Code("Was the child offered a Return Interview after their last missing episode (Y/N)?", ReturnInterviewCodes, true),
                Code("Did the child accept a Return Interview after their last missing episode (Y/N)?", ReturnInterviewCodes, true),
                .. Allocation(),
            ]),
        new(9, "Care Leavers", ["care leavers", "care leaver", "leaving care"],
            [
                .. Child(disability: false),
                Code("Unaccompanied Asylum Seeking Child (UASC), or formerly UASC if 18 or over (Y/N)", UascCodes, false, @"unaccompanied asylum seeking child"),
                Code(Disability, DisabilityCodes, false), .. Allocation(), Text("Allocated Personal Advisor", false), Code("Eligibility Category", EligibilityCodes, false),
                Date("Latest Pathway Plan Review Date", true), Code("LA in Touch", InTouchCodes, false), Date("Latest Date of Contact", true),
                Code("Type of Accommodation", AccommodationTypeCodes, true), Code("Suitability of Accommodation", AccommodationSuitabilityCodes, true),
                Code("Activity Status", ActivityCodes, true),
            ]),
        new(10, "Adoption", ["adoption"],
            [
                Text(ChildId, false, ChildIdPattern), Text("Family identifier", true), Code(Gender, GenderCodes, false), Code(Ethnicity, EthnicityCodes, false),
                Date(DateOfBirth, true, @"date.*birth", @"^d\.?o\.?b\b"), Number(Age, @"\bage\b"), Code(Disability, DisabilityCodes, false),
                Date("Date the Child Entered Care", false), Date("Date of Decision that Child Should be Placed for Adoption", false), Date("Date of Placement Order", true),
                Date("Date of Matching Child and Prospective Adopters", true), Date("Date Placed for Adoption", true), Date("Date of Adoption Order", true),
                Date("Date of Decision that Child Should No Longer be Placed for Adoption", true),
                Code("Reason Why Child No Longer Placed for Adoption", AdoptionReversalReasonCodes, true),
                Date("Date the child was placed for fostering in FFA or concurrent planning placement", true),
            ]),
        new(11, "Adopters", ["adopters", "adopter"],
            [
                Text("Individual adopter identifier", false), Text("Family identifier", true), Code(Gender, GenderCodes, false), Code(Ethnicity, EthnicityCodes, false),
                Code("Disability", DisabilityCodes, false), Code("Is the (prospective) adopter fostering for adoption?", FosteringForAdoptionCodes, false),
                Date("Date enquiry received", false),
                Date("Date Stage 1 started", true), Date("Date Stage 1 ended", true), Date("Date Stage 2 started", true), Date("Date Stage 2 ended", true),
                Date("Date application submitted", true), Date("Date application approved", true), Date("Date adopter matched with child(ren)", true),
                Date("Date child/children placed with adopter(s)", true), Number("No. of children placed"), Date("Date of Adoption Order", true),
                Date("Date of leaving adoption process", true), Code("Reason for leaving adoption process", LeavingAdoptionReasonCodes, true),
            ]),
    ];

    /// <summary>The YAML's pattern for the child's identifier: "child" and "id" or "identifier", either way round.</summary>
    private const string ChildIdPattern = @"\bchild\b.*\b(id|identifier)\b|\b(id|identifier)\b.*\bchild\b";

    /// <summary>List <paramref name="number"/> (1 to 11).</summary>
    public static AnnexAList List(int number) => Lists[number - 1];

    /// <summary>The columns every list of children begins with; lists 4 to 7 follow them with disability.
    /// The YAML's age pattern is ".*age.*", which also matches "Stage" and "Placement"; its intent is the word "age".
    /// "DOB", which councils often write, is added to the YAML's date-of-birth pattern.</summary>
    private static AnnexAColumn[] Child(bool disability) =>
    [
        Text(ChildId, false, ChildIdPattern), Code(Gender, GenderCodes, false), Code(Ethnicity, EthnicityCodes, false),
        Date(DateOfBirth, true, @"date.*birth", @"^d\.?o\.?b\b"), Number(Age, @"\bage\b"), .. disability ? [Code(Disability, DisabilityCodes, false)] : Array.Empty<AnnexAColumn>(),
    ];

    private static AnnexAColumn[] Allocation() => [Text(AllocatedTeam, false), Text(AllocatedWorker, false)];

    private static AnnexAColumn Text(string header, bool canBeBlank, params string[] patterns) => new(header, AnnexAValueKind.Text, canBeBlank, null, patterns);

    private static AnnexAColumn Date(string header, bool canBeBlank, params string[] patterns) => new(header, AnnexAValueKind.Date, canBeBlank, null, patterns);

    private static AnnexAColumn Number(string header, params string[] patterns) => new(header, AnnexAValueKind.Number, header == Age || header == "No. of children placed", null, patterns);

    private static AnnexAColumn Code(string header, AnnexACodeSet codes, bool canBeBlank, params string[] patterns) => new(header, AnnexAValueKind.Code, canBeBlank, codes, patterns);
}
