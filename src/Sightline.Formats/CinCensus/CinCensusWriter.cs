using System.Globalization;
using System.Reflection;
using System.Text;
using System.Xml;
using Sightline.Model;

namespace Sightline.Formats.CinCensus;

/// <summary>What a census write produced.</summary>
/// <param name="ChildrenWritten">Children written to the file.</param>
/// <param name="EpisodesWritten">CIN episodes (<c>CINdetails</c>) written.</param>
/// <param name="Skipped">Every record or value left out because the schema for the year would reject it,
/// with the reason, so the council can put the record right before it submits.</param>
public sealed record CinCensusWriteResult(int ChildrenWritten, int EpisodesWritten, IReadOnlyList<CinCensusSkippedRecord> Skipped);

/// <summary>A record or value left out of the census file.</summary>
/// <param name="LAChildId">The child it belongs to.</param>
/// <param name="Record">What was left out (for example "child protection plan starting 2025-06-01").</param>
/// <param name="Reason">Why.</param>
public sealed record CinCensusSkippedRecord(string LAChildId, string Record, string Reason);

/// <summary>Writes the DfE Children in Need census XML for one census year (2017–2026), one child at a time,
/// so memory does not grow with the number of children.</summary>
/// <remarks>
/// <para>The census year is the year of the 31 March reference date; the collection year runs from 1 April
/// of the year before. The file holds every child with a CIN episode open at any point in the collection
/// year, and only those episodes, as they stood on the reference date: anything dated after it is left out.</para>
/// <para>The file never holds a value the year's schema would reject. A record missing a required value is
/// left out and reported in <see cref="CinCensusWriteResult.Skipped"/>; nothing about the data throws.</para>
/// <para>The schema needs at least one child: a write that finds none produces a file the DfE will not accept
/// (<see cref="CinCensusWriteResult.ChildrenWritten"/> is then 0).</para>
/// <para>The 2026 specification adds a pre-proceedings block that the 2026 schema in use does not have; it is
/// not written, so the file stays valid against that schema.</para>
/// </remarks>
public sealed class CinCensusWriter
{
    public const int FirstCensusYear = 2017;
    public const int LastCensusYear = 2026;

    /// <summary>Codes that arrived after 2017, and the code that carries their meaning in a census year
    /// before they existed. This is the only place codes are changed between years; years come from
    /// <see cref="CinCodes"/>. Every result is valid in the schemas of those years (18A and 19A are in
    /// every schema, 5B, RC8 and 20 always were).</summary>
    private static readonly Dictionary<(CodeList List, string Code), string> EarlierEquivalents = new()
    {
        // Early help is an internal council service other than social care.
        [(CinCodes.ReferralSource, "5D")] = "5B",
        // Closed after assessment; the referral on to early help was not recorded before 2023.
        [(CinCodes.ReasonForClosure, "RC9")] = "RC8",
        // Physical and sexual abuse were one factor each until they were split by who harmed the child.
        [(CinCodes.AssessmentFactor, "18B")] = "18A",
        [(CinCodes.AssessmentFactor, "18C")] = "18A",
        [(CinCodes.AssessmentFactor, "19B")] = "19A",
        [(CinCodes.AssessmentFactor, "19C")] = "19A",
        // Child criminal exploitation had no code of its own before 2022: it was returned as "other".
        [(CinCodes.AssessmentFactor, "24A")] = "20",
    };

    private static readonly string Release = ReleaseVersion();

    private readonly XmlWriter _xml;
    private readonly int _year;
    private readonly DateOnly _collectionStart;
    private readonly DateOnly _referenceDate;
    private readonly List<CinCensusSkippedRecord> _skipped = [];
    private int _childrenWritten;
    private int _episodesWritten;

    private CinCensusWriter(XmlWriter xml, int censusYear)
    {
        _xml = xml;
        _year = censusYear;
        _collectionStart = CollectionStart(censusYear);
        _referenceDate = ReferenceDate(censusYear);
    }

    /// <summary>The census reference date: 31 March of the census year.</summary>
    public static DateOnly ReferenceDate(int censusYear) => new(censusYear, 3, 31);

    /// <summary>The first day of the collection year: 1 April of the year before the census year.</summary>
    public static DateOnly CollectionStart(int censusYear) => new(censusYear - 1, 4, 1);

    /// <summary>The code to write for <paramref name="value"/> in the given census year: the code itself where
    /// it is valid that year, its earlier equivalent where the code is newer than the year, or null where the
    /// value is blank, unknown, or a retired code with no single successor (18A and 19A from 2023).</summary>
    public static string? CodeFor(CodeList list, string? value, int censusYear)
    {
        if (string.IsNullOrWhiteSpace(value) || list.Find(value.Trim()) is not { } code)
        {
            return null;
        }

        if (code.ValidIn(censusYear))
        {
            return code.Value;
        }

        return censusYear < code.FirstCensusYear && EarlierEquivalents.TryGetValue((list, code.Value), out var earlier)
            ? CodeFor(list, earlier, censusYear)
            : null;
    }

    /// <summary>Writes the census file to <paramref name="path"/>, replacing any file there.</summary>
    /// <param name="children">The council's children with their CIN episodes and sub-records loaded; enumerated once.</param>
    /// <param name="path">Where to write the file.</param>
    /// <param name="censusYear">The year of the 31 March reference date, 2017–2026.</param>
    /// <param name="leaCode">The council's three-digit LA code.</param>
    /// <param name="headerDateTime">The header's <c>DateTime</c>; by default the reference date at midnight, so the same data always gives the same file.</param>
    /// <param name="progress">Told the number of children written so far, after each child.</param>
    public static CinCensusWriteResult Write(IEnumerable<Child> children, string path, int censusYear, string leaCode,
        DateTime? headerDateTime = null, Action<int>? progress = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        CheckArguments(censusYear, leaCode);
        using var stream = File.Create(path);
        return Write(children, stream, censusYear, leaCode, headerDateTime, progress);
    }

    /// <summary>Writes the census file to <paramref name="output"/>, which is left open.</summary>
    /// <inheritdoc cref="Write(IEnumerable{Child}, string, int, string, DateTime?, Action{int}?)"/>
    public static CinCensusWriteResult Write(IEnumerable<Child> children, Stream output, int censusYear, string leaCode,
        DateTime? headerDateTime = null, Action<int>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(children);
        ArgumentNullException.ThrowIfNull(output);
        CheckArguments(censusYear, leaCode);

        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true, CloseOutput = false };
        using var xml = XmlWriter.Create(output, settings);
        var writer = new CinCensusWriter(xml, censusYear);
        writer.WriteMessage(children, leaCode, headerDateTime ?? writer._referenceDate.ToDateTime(TimeOnly.MinValue), progress);
        xml.Flush();
        return new CinCensusWriteResult(writer._childrenWritten, writer._episodesWritten, writer._skipped);
    }

    private static void CheckArguments(int censusYear, string leaCode)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(censusYear, FirstCensusYear);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(censusYear, LastCensusYear);
        if (leaCode is not { Length: 3 } || !leaCode.All(char.IsAsciiDigit))
        {
            throw new ArgumentException($"The LA code must be three digits; got '{leaCode}'.", nameof(leaCode));
        }
    }

    private void WriteMessage(IEnumerable<Child> children, string leaCode, DateTime headerDateTime, Action<int>? progress)
    {
        _xml.WriteStartDocument();
        _xml.WriteStartElement("Message");

        _xml.WriteStartElement("Header");
        _xml.WriteStartElement("CollectionDetails");
        _xml.WriteElementString("Collection", "CIN");
        _xml.WriteElementString("Year", _year.ToString(CultureInfo.InvariantCulture));
        WriteDate("ReferenceDate", _referenceDate);
        _xml.WriteEndElement();
        _xml.WriteStartElement("Source");
        _xml.WriteElementString("SourceLevel", "L");
        _xml.WriteElementString("LEA", leaCode);
        _xml.WriteElementString("SoftwareCode", "Sightline");
        _xml.WriteElementString("Release", Release);
        _xml.WriteElementString("SerialNo", "001");
        _xml.WriteElementString("DateTime", headerDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture));
        _xml.WriteEndElement();
        _xml.WriteEndElement();

        _xml.WriteStartElement("Children");
        foreach (var child in children)
        {
            if (WriteChild(child))
            {
                _childrenWritten++;
                progress?.Invoke(_childrenWritten);
            }
        }

        _xml.WriteEndElement();
        _xml.WriteEndElement();
        _xml.WriteEndDocument();
    }

    private bool WriteChild(Child child)
    {
        var inYear = child.CinEpisodes
            .Where(e => e.ReferralDate <= _referenceDate && !(e.ClosureDate < _collectionStart))
            .OrderBy(e => e.ReferralDate).ThenBy(e => e.Id)
            .ToList();
        if (inYear.Count == 0)
        {
            return false; // not in the census population
        }

        var id = child.LAChildId;
        if (string.IsNullOrWhiteSpace(id) || !IsXmlText(id))
        {
            Skip(id ?? "", "child", "the LA child ID is blank or holds characters XML cannot carry");
            return false;
        }

        // The referral source is required, so an episode without a valid one cannot be written; this is
        // settled before the child is started because a child needs at least one episode.
        var episodes = new List<(CinEpisode Episode, string ReferralSource)>();
        foreach (var episode in inYear)
        {
            if (CodeFor(CinCodes.ReferralSource, episode.ReferralSource, _year) is { } source)
            {
                episodes.Add((episode, source));
            }
            else
            {
                Skip(id, $"CIN episode referred {Text(episode.ReferralDate)}", Invalid("referral source", episode.ReferralSource));
            }
        }

        if (episodes.Count == 0)
        {
            Skip(id, "child", "none of the child's CIN episodes could be written");
            return false;
        }

        _xml.WriteStartElement("Child");
        var unborn = WriteIdentifiers(child);
        WriteCharacteristics(child, unborn);
        foreach (var (episode, source) in episodes)
        {
            WriteEpisode(id, episode, source);
        }

        _xml.WriteEndElement();
        return true;
    }

    /// <returns>Whether the child was unborn on the reference date.</returns>
    private bool WriteIdentifiers(Child child)
    {
        var id = child.LAChildId;
        _xml.WriteStartElement("ChildIdentifiers");
        _xml.WriteElementString("LAchildID", id);

        var upn = Upn(id, "UPN", child.Upn);
        if (upn is not null)
        {
            _xml.WriteElementString("UPN", upn);
        }

        if (Upn(id, "former UPN", child.FormerUpn) is { } formerUpn)
        {
            _xml.WriteElementString("FormerUPN", formerUpn);
        }

        // A reason for a missing UPN means nothing beside a UPN. Every schema from 2017 to 2026 knows UN1–UN7 only.
        if (upn is null && !string.IsNullOrWhiteSpace(child.UpnUnknownReason))
        {
            var reason = child.UpnUnknownReason.Trim().ToUpperInvariant();
            if (reason is "UN1" or "UN2" or "UN3" or "UN4" or "UN5" or "UN6" or "UN7")
            {
                _xml.WriteElementString("UPNunknown", reason);
            }
            else
            {
                Skip(id, "UPN unknown reason", Invalid("UPN unknown reason", child.UpnUnknownReason));
            }
        }

        // A child born after the reference date was unborn on it. Where no expected date was kept, the birth
        // date is the best expected date there is.
        var born = child.IsBornBy(_referenceDate);
        var expected = born ? null : child.ExpectedDateOfBirth ?? child.DateOfBirth;
        if (born)
        {
            WriteDate("PersonBirthDate", child.DateOfBirth!.Value);
        }
        else if (expected is { } expectedDate)
        {
            WriteDate("ExpectedPersonBirthDate", expectedDate);
        }

        // The DfE requires 0 (to 2024) or U (from 2025) for an unborn child (rule 8750), whatever was recorded.
        var unborn = expected is not null;
        if (_year <= 2024)
        {
            _xml.WriteElementString("GenderCurrent", unborn ? "0" : child.Sex switch
            {
                Sex.Male => "1",
                Sex.Female => "2",
                Sex.Indeterminate => "9",
                _ => "0",
            });
        }
        else
        {
            _xml.WriteElementString("Sex", unborn ? "U" : child.Sex switch
            {
                Sex.Male => "M",
                Sex.Female => "F",
                _ => "U",
            });
        }

        if (child.DateOfDeath is { } died && died <= _referenceDate)
        {
            WriteDate("PersonDeathDate", died);
        }

        _xml.WriteEndElement();
        return unborn;
    }

    private void WriteCharacteristics(Child child, bool unborn)
    {
        var id = child.LAChildId;
        _xml.WriteStartElement("ChildCharacteristics");

        // Ethnicity is required; NOBT is the DfE's own code for "information not yet obtained".
        var ethnicity = CodeFor(CinCodes.Ethnicity, child.Ethnicity, _year);
        if (ethnicity is null)
        {
            Skip(id, "ethnicity", Invalid("ethnicity", child.Ethnicity) + ": written as NOBT (information not yet obtained)");
            ethnicity = "NOBT";
        }

        _xml.WriteElementString("Ethnicity", ethnicity);

        var disabilities = new List<string>();
        foreach (var disability in child.Disabilities)
        {
            if (CodeFor(CinCodes.Disability, disability.Code, _year) is not { } code)
            {
                Skip(id, "disability", Invalid("disability", disability.Code));
            }
            else if (!disabilities.Contains(code))
            {
                disabilities.Add(code); // the DfE rejects the same code twice (rule 8794)
            }
        }

        // NONE beside another code contradicts itself (DfE rule 8790): the recorded disability stands.
        if (disabilities.Count > 1)
        {
            disabilities.Remove("NONE");
        }

        // An empty Disabilities element is invalid, and the DfE expects a code for every born child
        // (rule 8540): with none recorded, NONE says the child has none. An unborn child's is not known,
        // and the element is optional, so it is left out.
        if (disabilities.Count == 0 && !unborn)
        {
            disabilities.Add("NONE");
        }

        if (disabilities.Count > 0)
        {
            _xml.WriteStartElement("Disabilities");
            foreach (var code in disabilities)
            {
                _xml.WriteElementString("Disability", code);
            }

            _xml.WriteEndElement();
        }

        _xml.WriteEndElement();
    }

    private void WriteEpisode(string id, CinEpisode episode, string referralSource)
    {
        var label = $"CIN episode referred {Text(episode.ReferralDate)}";
        _xml.WriteStartElement("CINdetails");
        WriteDate("CINreferralDate", episode.ReferralDate);
        _xml.WriteElementString("ReferralSource", referralSource);
        WriteOptionalCode(id, label, "PrimaryNeedCode", "primary need", CinCodes.PrimaryNeed, episode.PrimaryNeed);

        // An episode that closed after the reference date was open on it: no closure date and no reason.
        if (episode.ClosureDate is { } closed && closed <= _referenceDate)
        {
            WriteDate("CINclosureDate", closed);
            WriteOptionalCode(id, label, "ReasonForClosure", "reason for closure", CinCodes.ReasonForClosure, episode.ReasonForClosure);
        }

        // As at the reference date, and left out where finished before the collection year: the DfE
        // rejects dates of completion outside the census year (rules 8696, 8715, 8930 and 4013).
        var conferences = episode.InitialConferences.Where(c => c.Date <= _referenceDate).ToList();
        var enquiries = episode.Section47Enquiries
            .Where(s => s.StartDate <= _referenceDate && !(Section47Completed(s, conferences) < _collectionStart))
            .OrderBy(s => s.StartDate).ThenBy(s => s.Id)
            .ToList();

        // The DateOfInitialCPC on the episode is for a conference that no Section 47 enquiry in the return led
        // to (a transfer-in conference, for example): a conference that followed an enquiry is recorded on the
        // enquiry, and the DfE rejects the same conference at both levels (rule 2884). Of those conferences, the
        // one that made a child protection plan is returned, because the plan's start date is checked against it
        // (rule 2885); otherwise the first.
        var episodeConferences = conferences
            .Where(c => c.Date >= _collectionStart && !enquiries.Any(s => s.Id == c.Section47EnquiryId))
            .ToList();
        var episodeConference = episodeConferences.Where(c => c.ResultedInPlan).MinBy(c => c.Date)
            ?? episodeConferences.MinBy(c => c.Date);
        if (episodeConference is not null)
        {
            WriteDate("DateOfInitialCPC", episodeConference.Date);
        }

        foreach (var assessment in episode.Assessments
                     .Where(a => a.StartDate <= _referenceDate && !(a.AuthorisationDate < _collectionStart))
                     .OrderBy(a => a.StartDate).ThenBy(a => a.Id))
        {
            WriteAssessment(id, assessment);
        }

        // CIN plan dates are collected from the 2022 census on.
        if (_year >= 2022)
        {
            foreach (var plan in episode.CinPlans
                         .Where(p => p.StartDate <= _referenceDate && !(p.EndDate < _collectionStart))
                         .OrderBy(p => p.StartDate).ThenBy(p => p.Id))
            {
                _xml.WriteStartElement("CINPlanDates");
                WriteDate("CINPlanStartDate", plan.StartDate);
                WriteDateIfBy("CINPlanEndDate", plan.EndDate);
                _xml.WriteEndElement();
            }
        }

        foreach (var enquiry in enquiries)
        {
            WriteSection47(enquiry, conferences);
        }

        _xml.WriteElementString("ReferralNFA", episode.ReferralNfa ? "1" : "0");

        foreach (var plan in episode.ChildProtectionPlans
                     .Where(p => p.StartDate <= _referenceDate && !(p.EndDate < _collectionStart))
                     .OrderBy(p => p.StartDate).ThenBy(p => p.Id))
        {
            WriteChildProtectionPlan(id, plan);
        }

        _xml.WriteEndElement();
        _episodesWritten++;
    }

    private void WriteAssessment(string id, Assessment assessment)
    {
        var authorised = assessment.AuthorisationDate <= _referenceDate ? assessment.AuthorisationDate : null;

        // Factors belong to a completed assessment only (DfE rule 8614): an assessment authorised after the
        // reference date had none identified on it.
        var factors = new List<string>();
        if (authorised is not null)
        {
            foreach (var factor in assessment.Factors)
            {
                if (CodeFor(CinCodes.AssessmentFactor, factor.Code, _year) is not { } code)
                {
                    Skip(id, $"assessment factor {factor.Code} (assessment started {Text(assessment.StartDate)})",
                        Invalid("assessment factor", factor.Code));
                }
                else if (!factors.Contains(code))
                {
                    factors.Add(code); // 18B and 18C both become 18A before 2023; the DfE rejects a repeat (rule 8898)
                }
            }
        }

        _xml.WriteStartElement("Assessments");
        WriteDate("AssessmentActualStartDate", assessment.StartDate);
        WriteDateIfBy("AssessmentInternalReviewDate", assessment.InternalReviewDate);
        WriteDateIfBy("AssessmentAuthorisationDate", authorised);
        if (factors.Count > 0)
        {
            _xml.WriteStartElement("FactorsIdentifiedAtAssessment");
            foreach (var code in factors)
            {
                _xml.WriteElementString("AssessmentFactors", code);
            }

            _xml.WriteEndElement();
        }

        _xml.WriteEndElement();
    }

    private void WriteSection47(Section47Enquiry enquiry, List<InitialConference> conferences)
    {
        _xml.WriteStartElement("Section47");
        WriteDate("S47ActualStartDate", enquiry.StartDate);

        // The target date was set when the enquiry started, so it was known on the reference date even when
        // it falls after it.
        if (enquiry.IcpcTargetDate is { } target)
        {
            WriteDate("InitialCPCtarget", target);
        }

        if (Conference(enquiry, conferences) is { } conference)
        {
            WriteDate("DateOfInitialCPC", conference.Date);
        }

        // An enquiry that concluded after the reference date had not yet found a conference unnecessary.
        var notRequired = enquiry.IcpcNotRequired && !(enquiry.EndDate > _referenceDate);
        _xml.WriteElementString("ICPCnotRequired", notRequired ? "1" : "0");
        _xml.WriteEndElement();
    }

    private void WriteChildProtectionPlan(string id, ChildProtectionPlan plan)
    {
        var initial = CodeFor(CinCodes.CategoryOfAbuse, plan.InitialCategory, _year);
        var latest = CodeFor(CinCodes.CategoryOfAbuse, plan.LatestCategory, _year);
        var problem = initial is null ? Invalid("initial category of abuse", plan.InitialCategory)
            : latest is null ? Invalid("latest category of abuse", plan.LatestCategory)
            : plan.NumberOfPreviousPlans < 0 ? $"the number of previous plans is negative ({plan.NumberOfPreviousPlans})"
            : null;
        if (problem is not null)
        {
            Skip(id, $"child protection plan starting {Text(plan.StartDate)}", problem);
            return;
        }

        _xml.WriteStartElement("ChildProtectionPlans");
        WriteDate("CPPstartDate", plan.StartDate);
        WriteDateIfBy("CPPendDate", plan.EndDate);
        _xml.WriteElementString("InitialCategoryOfAbuse", initial);
        _xml.WriteElementString("LatestCategoryOfAbuse", latest);
        _xml.WriteElementString("NumberOfPreviousCPP", plan.NumberOfPreviousPlans.ToString(CultureInfo.InvariantCulture));

        // Every review held by the reference date, earlier ones included: whether reviews were on time is
        // measured from one to the next.
        var reviews = plan.ReviewConferences.Select(r => r.Date).Where(d => d <= _referenceDate).Distinct().Order().ToList();
        if (reviews.Count > 0)
        {
            _xml.WriteStartElement("Reviews");
            foreach (var review in reviews)
            {
                WriteDate("CPPreviewDate", review);
            }

            _xml.WriteEndElement();
        }

        _xml.WriteEndElement();
    }

    /// <summary>The first initial conference held for the enquiry by the reference date.</summary>
    private static InitialConference? Conference(Section47Enquiry enquiry, List<InitialConference> conferences) =>
        conferences.Where(c => c.Section47EnquiryId == enquiry.Id).MinBy(c => c.Date);

    /// <summary>When the enquiry was finished as at the reference date: its conference, or its recorded end.</summary>
    private DateOnly? Section47Completed(Section47Enquiry enquiry, List<InitialConference> conferences) =>
        Conference(enquiry, conferences)?.Date ?? (enquiry.EndDate <= _referenceDate ? enquiry.EndDate : null);

    private void WriteOptionalCode(string id, string record, string element, string what, CodeList list, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return;
        }

        if (CodeFor(list, value, _year) is { } code)
        {
            _xml.WriteElementString(element, code);
        }
        else
        {
            Skip(id, $"{what} of {record}", Invalid(what, value));
        }
    }

    private string? Upn(string id, string what, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        // The schema's pattern: a letter, eleven digits, then a digit or a letter.
        var upn = value.Trim().ToUpperInvariant();
        if (upn.Length == 13 && char.IsAsciiLetter(upn[0]) && upn[1..12].All(char.IsAsciiDigit) && char.IsAsciiLetterOrDigit(upn[12]))
        {
            return upn;
        }

        Skip(id, what, $"'{value}' is not a UPN (a letter, eleven digits, then a letter or digit)");
        return null;
    }

    private void WriteDate(string element, DateOnly date) => _xml.WriteElementString(element, Text(date));

    /// <summary>Writes a date only if it had happened by the reference date.</summary>
    private void WriteDateIfBy(string element, DateOnly? date)
    {
        if (date is { } value && value <= _referenceDate)
        {
            WriteDate(element, value);
        }
    }

    private void Skip(string id, string record, string reason) => _skipped.Add(new CinCensusSkippedRecord(id, record, reason));

    private string Invalid(string what, string? value) =>
        string.IsNullOrWhiteSpace(value) ? $"no {what} recorded" : $"{what} '{value}' is not valid in the {_year} census";

    private static string Text(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static bool IsXmlText(string value)
    {
        try
        {
            XmlConvert.VerifyXmlChars(value);
            return true;
        }
        catch (XmlException)
        {
            return false;
        }
    }

    /// <summary>The product's version for the header, without build metadata after '+' (a commit id).</summary>
    private static string ReleaseVersion()
    {
        var version = typeof(CinCensusWriter).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        if (string.IsNullOrWhiteSpace(version))
        {
            return "1.0";
        }

        var plus = version.IndexOf('+');
        return plus > 0 ? version[..plus] : version;
    }
}
