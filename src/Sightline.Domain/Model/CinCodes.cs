namespace Sightline.Model;

/// <summary>The code lists of the DfE Children in Need census, as the specification and the
/// schemas for 2017–2026 define them. Assessment factors 18A and 19A were split in 2023 (into
/// 18B/18C and 19B/19C); referral source 5D and closure reason RC9 arrived in 2023.
/// Factor 24A (child criminal exploitation) is in the schemas from 2022. The census year is the
/// year of the 31 March reference date.</summary>
public static class CinCodes
{
    /// <summary>The census year a date falls in: the year of the 31 March that ends its April-to-March year
    /// (1 April 2025 to 31 March 2026 is census year 2026).</summary>
    public static int CensusYearOf(DateOnly date) => date.Month >= 4 ? date.Year + 1 : date.Year;

    public static CodeList ReferralSource { get; } = new("ReferralSource",
        new("1A", "Individual: family member, relative or carer"),
        new("1B", "Individual: acquaintance"),
        new("1C", "Individual: self"),
        new("1D", "Individual: other"),
        new("2A", "Schools"),
        new("2B", "Education services"),
        new("3A", "Health services: GP"),
        new("3B", "Health services: health visitor"),
        new("3C", "Health services: school nurse"),
        new("3D", "Health services: other primary health services"),
        new("3E", "Health services: A&E"),
        new("3F", "Health services: other"),
        new("4", "Housing"),
        new("5A", "LA services: social care"),
        new("5B", "LA services: other internal"),
        new("5C", "LA services: external"),
        new("5D", "LA services: early help", FirstCensusYear: 2023),
        new("6", "Police"),
        new("7", "Other legal agency"),
        new("8", "Other"),
        new("9", "Anonymous"),
        new("10", "Unknown"));

    public static CodeList PrimaryNeed { get; } = new("PrimaryNeedCode",
        new("N1", "Abuse or neglect"),
        new("N2", "Child's disability"),
        new("N3", "Parental disability or illness"),
        new("N4", "Family in acute stress"),
        new("N5", "Family dysfunction"),
        new("N6", "Socially unacceptable behaviour"),
        new("N7", "Low income"),
        new("N8", "Absent parenting"),
        new("N9", "Cases other than children in need"),
        new("N0", "Not stated"));

    public static CodeList ReasonForClosure { get; } = new("ReasonForClosure",
        new("RC1", "Adopted"),
        new("RC2", "Died"),
        new("RC3", "Child arrangements order"),
        new("RC4", "Special guardianship order"),
        new("RC5", "Transferred to services of another local authority"),
        new("RC6", "Transferred to adult social care services"),
        new("RC7", "Services ceased for any other reason, including child no longer in need"),
        new("RC8", "Case closed after assessment, no further action"),
        new("RC9", "Case closed after assessment, referred to early help", FirstCensusYear: 2023));

    public static CodeList CategoryOfAbuse { get; } = new("CategoryOfAbuse",
        new("NEG", "Neglect"),
        new("PHY", "Physical abuse"),
        new("SAB", "Sexual abuse"),
        new("EMO", "Emotional abuse"),
        new("MUL", "Multiple"));

    public static CodeList Disability { get; } = new("Disability",
        new("NONE", "No disability"),
        new("MOB", "Mobility"),
        new("HAND", "Hand function"),
        new("PC", "Personal care"),
        new("INC", "Incontinence"),
        new("COMM", "Communication"),
        new("LD", "Learning"),
        new("HEAR", "Hearing"),
        new("VIS", "Vision"),
        new("BEH", "Behaviour"),
        new("CON", "Consciousness"),
        new("AUT", "Diagnosed with autism or Asperger syndrome"),
        new("DDA", "Other DDA"));

    public static CodeList Ethnicity { get; } = new("Ethnicity",
        new("WBRI", "White British"),
        new("WIRI", "White Irish"),
        new("WIRT", "Traveller of Irish heritage"),
        new("WOTH", "Any other White background"),
        new("WROM", "Gypsy/Roma"),
        new("MWBC", "White and Black Caribbean"),
        new("MWBA", "White and Black African"),
        new("MWAS", "White and Asian"),
        new("MOTH", "Any other mixed background"),
        new("AIND", "Indian"),
        new("APKN", "Pakistani"),
        new("ABAN", "Bangladeshi"),
        new("AOTH", "Any other Asian background"),
        new("BCRB", "Caribbean"),
        new("BAFR", "African"),
        new("BOTH", "Any other Black background"),
        new("CHNE", "Chinese"),
        new("OOTH", "Any other ethnic group"),
        new("REFU", "Refused"),
        new("NOBT", "Information not yet obtained"));

    public static CodeList AssessmentFactor { get; } = new("AssessmentFactors",
        new("1A", "Alcohol misuse: child"), new("1B", "Alcohol misuse: parent or carer"), new("1C", "Alcohol misuse: other person in the household"),
        new("2A", "Drug misuse: child"), new("2B", "Drug misuse: parent or carer"), new("2C", "Drug misuse: other person in the household"),
        new("3A", "Domestic abuse: child"), new("3B", "Domestic abuse: parent or carer"), new("3C", "Domestic abuse: other person in the household"),
        new("4A", "Mental health: child"), new("4B", "Mental health: parent or carer"), new("4C", "Mental health: other person in the household"),
        new("5A", "Learning disability: child"), new("5B", "Learning disability: parent or carer"), new("5C", "Learning disability: other person in the household"),
        new("6A", "Physical disability or illness: child"), new("6B", "Physical disability or illness: parent or carer"), new("6C", "Physical disability or illness: other person in the household"),
        new("7A", "Young carer"),
        new("8B", "Privately fostered: overseas child who intends to return"), new("8C", "Privately fostered: overseas child who intends to stay"), new("8D", "Privately fostered: UK child in an educational placement"),
        new("8E", "Privately fostered: UK child in an alternative family arrangement"), new("8F", "Privately fostered: other"),
        new("9A", "Unaccompanied asylum-seeking child"),
        new("10A", "Going missing"),
        new("11A", "Child sexual exploitation"),
        new("12A", "Trafficking"),
        new("13A", "Gangs"),
        new("14A", "Socially unacceptable behaviour"),
        new("15A", "Self-harm"),
        new("16A", "Abuse or neglect: neglect"),
        new("17A", "Abuse or neglect: emotional abuse"),
        new("18A", "Abuse or neglect: physical abuse", LastCensusYear: 2022),
        new("18B", "Abuse or neglect: physical abuse, child on child", FirstCensusYear: 2023),
        new("18C", "Abuse or neglect: physical abuse, adult on child", FirstCensusYear: 2023),
        new("19A", "Abuse or neglect: sexual abuse", LastCensusYear: 2022),
        new("19B", "Abuse or neglect: sexual abuse, child on child", FirstCensusYear: 2023),
        new("19C", "Abuse or neglect: sexual abuse, adult on child", FirstCensusYear: 2023),
        new("20", "Other"),
        new("21", "No factors identified"),
        new("22A", "Female genital mutilation"),
        new("23A", "Abuse linked to faith or belief"),
        new("24A", "Child criminal exploitation", FirstCensusYear: 2022));
}
