using System.Globalization;
using System.Text;
using System.Xml;
using Sightline.Model;

namespace Sightline.Formats.CinCensus;

/// <summary>Reads a DfE Children in Need census XML file of any year 2017–2026, one child at a time, so memory does
/// not grow with the file: only each child's <c>LAchildID</c> is kept, to find children listed twice.</summary>
/// <remarks>
/// <para>Real files are messier than the schemas, so the reader is lenient where the meaning is certain and strict
/// where it is not. It accepts <c>GenderCurrent</c> and <c>Sex</c> in any year and either one's codes in either element,
/// booleans written <c>true</c>/<c>1</c>/<c>yes</c> in any case, element names in any case, every code of
/// <see cref="CinCodes"/> whatever year it belongs to (18A/19A beside 18B/18C/19B/19C, RC9, 5D, 24A), several
/// <c>CPPreviewDate</c> in one <c>Reviews</c> block, and the 2026 <c>PreProceedingsandFGDM</c> block.</para>
/// <para>A child is read whole or not at all: when a record of the child cannot be identified (its key date is missing
/// or not a date) or cannot exist without a value that is missing (a plan's categories of abuse), the child is left
/// out and every reason reported. A bad optional value, unknown code, or end date before its own start is left out
/// and reported, and the rest of the child is read. Where a record repeats a key (two episodes referred the same day,
/// the same review date twice) the first is kept. See docs/data/cin-census.md.</para>
/// <para>The file is refused whole (<see cref="CinCensusRefusedException"/>) when it is empty, not XML, not a census,
/// has a document type definition (the way into entity-expansion and external-entity attacks), has a value longer than
/// <see cref="MaxValueLength"/> or elements nested deeper than <see cref="MaxDepth"/>, names no council, or is cut
/// short. A file cut short is found only at its end, so whoever stores the children must do so all or nothing.</para>
/// </remarks>
public sealed class CinCensusReader : IDisposable
{
    /// <summary>The longest text value accepted. No census value is longer than a few dozen characters; a longer one
    /// means the file is not a census, or is an attack on the reader's memory.</summary>
    public const int MaxValueLength = 4_096;

    /// <summary>The deepest nesting accepted. A census is seven elements deep.</summary>
    public const int MaxDepth = 32;

    /// <summary>The longest <c>LAchildID</c> Sightline holds.</summary>
    public const int MaxChildIdLength = 64;

    /// <summary>Every element the reader knows, so that names are matched in any case.</summary>
    private static readonly Dictionary<string, string> KnownElements = new[]
    {
        "Message", "Header", "CollectionDetails", "Collection", "Year", "ReferenceDate", "Source", "LEA", "Children", "Child",
        "ChildIdentifiers", "LAchildID", "UPN", "FormerUPN", "UPNunknown", "PersonBirthDate", "ExpectedPersonBirthDate",
        "GenderCurrent", "Sex", "PersonDeathDate", "ChildCharacteristics", "Ethnicity", "Disabilities", "Disability",
        "CINdetails", "CINreferralDate", "ReferralSource", "PrimaryNeedCode", "CINclosureDate", "ReasonForClosure",
        "DateOfInitialCPC", "Assessments", "AssessmentActualStartDate", "AssessmentInternalReviewDate",
        "AssessmentAuthorisationDate", "FactorsIdentifiedAtAssessment", "AssessmentFactors", "CINPlanDates",
        "CINPlanStartDate", "CINPlanEndDate", "Section47", "S47ActualStartDate", "InitialCPCtarget", "ICPCnotRequired",
        "ReferralNFA", "ChildProtectionPlans", "CPPstartDate", "CPPendDate", "InitialCategoryOfAbuse",
        "LatestCategoryOfAbuse", "NumberOfPreviousCPP", "Reviews", "CPPreviewDate", "PreProceedingsandFGDM", "PPStartDate",
        "LBPSentDate", "FGDMMeetingOffer", "FGDMMeetingFac", "InitialPPMeetingDate", "ReviewMeetingsCount",
        "StepDecisionDate", "PPOutcome", "CourtAppDate", "LetterInitCPDate",
        // Header elements read past without use.
        "SourceLevel", "SoftwareCode", "Release", "SerialNo", "DateTime",
    }.ToDictionary(name => name, StringComparer.OrdinalIgnoreCase);

    /// <summary>Elements that first appeared in a census year: a file that holds one is from that year or later.</summary>
    private static readonly (string Element, int FirstYear)[] YearEvidence =
    [
        ("PreProceedingsandFGDM", 2026),
        ("Sex", 2025),
        ("CINPlanDates", 2022),
    ];

    /// <summary>The pre-proceedings outcome codes of the 2025-26 specification (codeset CS131). Their meanings are not
    /// held: see <see cref="ReadPreProceedings"/>.</summary>
    private static readonly string[] PreProceedingsOutcomes = ["A", "B", "C"];

    private readonly Stream _stream;
    private readonly XmlReader _xml;
    private readonly IXmlLineInfo _lines;
    private readonly string _name;
    private readonly char[] _chunk = new char[1_024];
    private readonly StringBuilder _text = new();
    private readonly Dictionary<string, int> _childLines = new(StringComparer.Ordinal);
    private readonly HashSet<string> _unknownReported = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private int _childrenDepth = -1;
    private bool _ownsStream;
    private bool _started;
    private bool _finished;
    private int _childCount;

    private CinCensusReader(Stream stream, string name)
    {
        _stream = stream;
        _name = name;
        var settings = new XmlReaderSettings
        {
            // A census has no DTD; a DTD is how entity expansion ("billion laughs") and external entities get in.
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersFromEntities = 1_024,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            IgnoreWhitespace = true,
            CloseInput = false,
        };
        _xml = XmlReader.Create(stream, settings);
        _lines = (IXmlLineInfo)_xml;
    }

    /// <summary>The file's name, as messages give it.</summary>
    public string Name => _name;

    /// <summary>The header, read when the file was opened.</summary>
    public CinCensusHeader Header { get; private set; } = new(null, null, null, null);

    /// <summary>The file's length in bytes, or 0 when the stream cannot tell.</summary>
    public long Length => _stream.CanSeek ? _stream.Length : 0;

    /// <summary>How far into the file the reader has got, in bytes (ahead of the child last returned by its buffer).</summary>
    public long Position => _stream.CanSeek ? _stream.Position : 0;

    /// <summary>The census year: from the header's reference date, else its year, else from the elements the file
    /// uses (complete only once every child has been read).</summary>
    public CinCensusYear Year => WorkOutYear();

    /// <summary>Opens a census file and reads its header.</summary>
    /// <exception cref="CinCensusRefusedException">The file is not a CIN census that can be read safely.</exception>
    public static CinCensusReader Open(string path)
    {
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1_024);
        try
        {
            return Open(stream, Path.GetFileName(path), ownsStream: true);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>Reads a census from a stream, which is left open.</summary>
    /// <inheritdoc cref="Open(string)"/>
    public static CinCensusReader Open(Stream stream, string name) => Open(stream, name, ownsStream: false);

    private static CinCensusReader Open(Stream stream, string name, bool ownsStream)
    {
        if (NotXml(stream) is { } what)
        {
            throw new CinCensusRefusedException($"{name} {what}: nothing was loaded.");
        }

        var reader = new CinCensusReader(stream, name) { _ownsStream = ownsStream };
        try
        {
            reader.Guard(reader.ReadHeader);
            return reader;
        }
        catch
        {
            reader.Dispose();
            throw;
        }
    }

    /// <summary>The children, one at a time, in file order. Enumerate once, to the end: a file cut short or broken
    /// after its last child is refused only when the end is reached.</summary>
    /// <exception cref="CinCensusRefusedException">The file turns out not to be readable, part-way through.</exception>
    public IEnumerable<CinCensusChild> Children()
    {
        if (_started)
        {
            throw new InvalidOperationException("A census file's children can be read only once.");
        }

        _started = true;
        while (true)
        {
            CinCensusChild? next = null;
            Guard(() => next = NextChild());
            if (next is null)
            {
                yield break;
            }

            yield return next;
        }
    }

    public void Dispose()
    {
        _xml.Dispose();
        if (_ownsStream)
        {
            _stream.Dispose();
        }
    }

    /// <summary>What the first bytes say the file is, when it is plainly not XML.</summary>
    private static string? NotXml(Stream stream)
    {
        if (!stream.CanSeek)
        {
            return null;
        }

        if (stream.Length == 0)
        {
            return "is empty";
        }

        var start = stream.Position;
        var buffer = new byte[512];
        var head = buffer.AsSpan(0, stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false));
        stream.Position = start;
        if (head.StartsWith("PK\u0003\u0004"u8))
        {
            return "is a spreadsheet, document or zip archive (xlsx, docx, zip), not CIN census XML";
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0]))
        {
            return "is an older Office file (xls, doc), not CIN census XML";
        }

        if (head.StartsWith("%PDF"u8))
        {
            return "is a PDF, not CIN census XML";
        }

        // A web page saved in place of an export (a sign-in page, an error page) often starts with an HTML doctype,
        // which the XML reader would only call a DTD.
        var text = System.Text.Encoding.ASCII.GetString(head).TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        return text.StartsWith("<!DOCTYPE html", StringComparison.OrdinalIgnoreCase) || text.StartsWith("<html", StringComparison.OrdinalIgnoreCase)
            ? "is a web page (HTML), not a CIN census"
            : null;
    }

    /// <summary>Runs a step of reading, turning the XML reader's failures into a refusal of the file.</summary>
    private void Guard(Action step)
    {
        try
        {
            step();
        }
        catch (XmlException error)
        {
            // The XML reader's own message for a DTD tells the reader of the message to enable DTDs: not advice to pass on.
            throw error.Message.Contains("DTD", StringComparison.Ordinal)
                ? new CinCensusRefusedException($"{_name} contains a document type definition (DTD). Census files never have one, and a DTD is " +
                                                "how entity-expansion and external-entity attacks work, so the file was refused: nothing was loaded.", error)
                : new CinCensusRefusedException($"{_name} is not complete, well-formed XML at line {error.LineNumber}, so it was refused " +
                                                $"and nothing was loaded (it may have been cut short): {error.Message}", error);
        }
    }

    private CinCensusRefusedException Refuse(string why) => new($"{_name} {why}: nothing was loaded.");

    private int Line => _lines.LineNumber;

    private void ReadHeader()
    {
        if (_xml.MoveToContent() != XmlNodeType.Element)
        {
            throw Refuse("holds no XML elements");
        }

        var root = _xml.LocalName;
        if (!root.Equals("Message", StringComparison.OrdinalIgnoreCase))
        {
            throw Refuse(root.Equals("html", StringComparison.OrdinalIgnoreCase)
                ? "is a web page (HTML), not a CIN census"
                : $"is not a CIN census: its first element is <{root}>, where a census has <Message>");
        }

        var depth = Enter();
        while (true)
        {
            if (!Next(depth, null, "Message", out var name))
            {
                throw Refuse("is not a CIN census: its <Message> has no <Children>");
            }

            if (name == "Children")
            {
                break; // the children are read one at a time by Children()
            }

            if (name == "Header")
            {
                ReadHeaderElement();
            }
            else
            {
                Skip();
            }
        }

        if (Header.Collection is { } collection && !collection.Equals("CIN", StringComparison.OrdinalIgnoreCase))
        {
            throw Refuse($"is a '{collection}' collection, not the CIN census");
        }
    }

    private void ReadHeaderElement()
    {
        string? collection = null, lea = null;
        int? year = null;
        DateOnly? reference = null;
        var header = Enter();
        while (Next(header, null, "Header", out var part))
        {
            if (part is not ("CollectionDetails" or "Source"))
            {
                Skip();
                continue;
            }

            var inner = Enter();
            while (Next(inner, null, part, out var name))
            {
                if (name is not ("Collection" or "Year" or "ReferenceDate" or "LEA"))
                {
                    Skip();
                    continue;
                }

                // Every value is read, even when an earlier one is kept, so that the reader moves past it.
                var value = Value();
                switch (name)
                {
                    case "Collection":
                        collection ??= value;
                        break;
                    case "Year":
                        year ??= int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var y) ? y : null;
                        break;
                    case "ReferenceDate":
                        reference ??= ParseDate(value);
                        break;
                    default:
                        // Several Source blocks are allowed; the first council code is the file's.
                        lea ??= value;
                        break;
                }
            }
        }

        Header = new CinCensusHeader(collection, year, reference, lea);
    }

    private CinCensusChild? NextChild()
    {
        if (_finished)
        {
            return null;
        }

        if (_childrenDepth < 0)
        {
            _childrenDepth = Enter();
        }

        while (Next(_childrenDepth, null, "Children", out var name))
        {
            if (name == "Child")
            {
                _childCount++;
                return ReadChild();
            }

            Skip();
        }

        // Read to the end of the file, so that one cut short or broken after its last child is refused, not half-loaded.
        while (_xml.Read())
        {
            if (IsText(_xml.NodeType))
            {
                ReadText(null);
            }
        }

        _finished = true;
        if (_childCount == 0)
        {
            throw Refuse("holds no children (no <Child> in <Children>)");
        }

        return null;
    }

    // ---- Structure --------------------------------------------------------------------------------------------

    /// <summary>Moves into the element the reader is on; returns its depth, or -1 when it is empty (and already passed).</summary>
    private int Enter()
    {
        if (_xml.Depth >= MaxDepth)
        {
            throw Refuse($"has elements nested more than {MaxDepth} deep at line {Line}, which no census has");
        }

        if (_xml.IsEmptyElement)
        {
            _xml.Read();
            return -1;
        }

        var depth = _xml.Depth;
        _xml.Read();
        return depth;
    }

    /// <summary>Moves to the next element inside the element entered at <paramref name="depth"/> and gives its name
    /// (as the census spells it, when known); false, having passed the end, when there is none. Text between elements
    /// is reported as stray when it belongs to a child.</summary>
    private bool Next(int depth, ChildReading? child, string container, out string name)
    {
        name = "";
        if (depth < 0)
        {
            return false;
        }

        while (true)
        {
            switch (_xml.NodeType)
            {
                case XmlNodeType.EndElement when _xml.Depth == depth:
                    _xml.Read();
                    return false;
                case XmlNodeType.Element:
                    name = KnownElements.GetValueOrDefault(_xml.LocalName) ?? _xml.LocalName;
                    return true;
                case XmlNodeType.None:
                    throw Refuse($"ends part-way through <{container}> (it may have been cut short)");
                case var type when IsText(type):
                    StrayText(child, container);
                    break;
                default:
                    _xml.Read();
                    break;
            }
        }
    }

    /// <summary>Passes over the element the reader is on, whatever it holds, still refusing oversized text and deep nesting.</summary>
    private void Skip()
    {
        var depth = Enter();
        if (depth < 0)
        {
            return;
        }

        while (!(_xml.NodeType == XmlNodeType.EndElement && _xml.Depth == depth))
        {
            if (_xml.NodeType == XmlNodeType.Element && _xml.Depth >= MaxDepth)
            {
                throw Refuse($"has elements nested more than {MaxDepth} deep at line {Line}, which no census has");
            }

            if (IsText(_xml.NodeType))
            {
                ReadText(null);
            }
            else if (!_xml.Read())
            {
                throw Refuse("ends part-way through an element (it may have been cut short)");
            }
        }

        _xml.Read();
    }

    /// <summary>The text of the element the reader is on, trimmed; the reader is left after the element.</summary>
    private string Value()
    {
        var depth = Enter();
        _text.Clear();
        if (depth < 0)
        {
            return "";
        }

        while (!(_xml.NodeType == XmlNodeType.EndElement && _xml.Depth == depth))
        {
            if (IsText(_xml.NodeType))
            {
                ReadText(_text);
            }
            else if (_xml.NodeType == XmlNodeType.Element)
            {
                Skip(); // markup inside a value is not part of it
            }
            else if (!_xml.Read())
            {
                throw Refuse("ends part-way through a value (it may have been cut short)");
            }
        }

        _xml.Read();
        return _text.ToString().Trim();
    }

    /// <summary>Reads the text node the reader is on in pieces, never whole, so that an enormous one is refused without
    /// being held; appends it to <paramref name="into"/> when given. The reader is left after the node.</summary>
    private void ReadText(StringBuilder? into)
    {
        var line = Line;
        var length = 0;
        int read;
        while ((read = _xml.ReadValueChunk(_chunk, 0, _chunk.Length)) > 0)
        {
            length += read;
            if (length > MaxValueLength)
            {
                throw Refuse($"has a value longer than {MaxValueLength:N0} characters at line {line}; no census value is anywhere near that long");
            }

            into?.Append(_chunk, 0, read);
        }

        _xml.Read();
    }

    private void StrayText(ChildReading? child, string container)
    {
        var line = Line;
        var stray = new StringBuilder();
        ReadText(stray);
        if (child is not null && stray.ToString().Trim() is { Length: > 0 } text)
        {
            child.Problem(line, container, text, $"text outside any element in <{container}>", CinCensusConsequence.Ignored);
        }
    }

    private void Unknown(ChildReading child, string container, string name)
    {
        // Reported once per file: a supplier that adds its own element adds it to every child.
        if (_unknownReported.Add(name))
        {
            child.Problem(Line, name, null, $"<{name}> in <{container}> is not a CIN census element (reported once per file)", CinCensusConsequence.Ignored);
        }

        Skip();
    }

    private static bool IsText(XmlNodeType type) =>
        type is XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace;

    // ---- The child ----------------------------------------------------------------------------------------------

    private CinCensusChild ReadChild()
    {
        var c = new ChildReading(Line);
        var depth = Enter();
        while (Next(depth, c, "Child", out var name))
        {
            switch (name)
            {
                case "ChildIdentifiers":
                    ReadIdentifiers(c);
                    break;
                case "ChildCharacteristics":
                    ReadCharacteristics(c);
                    break;
                case "CINdetails":
                    ReadEpisode(c);
                    break;
                default:
                    Unknown(c, "Child", name);
                    break;
            }
        }

        var child = c.Child;
        if (string.IsNullOrEmpty(child.LAChildId))
        {
            if (!c.Problems.Any(p => p.Element == "LAchildID"))
            {
                c.Reject(c.Line, "LAchildID", null, "the child has no LAchildID, so it cannot be matched to its records");
            }
        }
        else if (_childLines.TryGetValue(child.LAChildId, out var first))
        {
            // Which of the two is right cannot be told, so only the first can be loaded, and only if it was read whole.
            c.Reject(c.Line, "LAchildID", child.LAChildId, $"the same LAchildID was already given to the child at line {first}; only the first can be loaded");
        }
        else
        {
            _childLines[child.LAChildId] = c.Line;
        }

        if (child.CinEpisodes.Count == 0 && !c.Rejected)
        {
            c.Reject(c.Line, "CINdetails", null, "the child has no CIN episode (CINdetails)");
        }

        if (!c.EthnicityGiven)
        {
            c.Problem(c.Line, "Ethnicity", null, "no Ethnicity given, which the census requires", CinCensusConsequence.ValueNotLoaded);
        }

        if (child.DateOfDeath < child.DateOfBirth)
        {
            c.Problem(c.Line, "PersonDeathDate", Text(child.DateOfDeath), "the date of death is before the date of birth", CinCensusConsequence.ValueNotLoaded);
            child.DateOfDeath = null;
        }

        var id = string.IsNullOrEmpty(child.LAChildId) ? null : child.LAChildId;
        var problems = c.Problems.Select(p => p with { LAChildId = id }).OrderBy(p => p.Line).ToList();
        return new CinCensusChild(c.Line, id, c.Rejected ? null : child, problems);
    }

    private void ReadIdentifiers(ChildReading c)
    {
        var child = c.Child;
        bool sexGiven = false;
        var depth = Enter();
        while (Next(depth, c, "ChildIdentifiers", out var name))
        {
            var line = Line;
            switch (name)
            {
                case "LAchildID":
                    var id = Value();
                    if (!string.IsNullOrEmpty(child.LAChildId))
                    {
                        c.Problem(line, name, id, "a second LAchildID for the same child (the first is used)", CinCensusConsequence.Ignored);
                    }
                    else if (id.Length > MaxChildIdLength)
                    {
                        c.Reject(line, name, id, $"the LAchildID is longer than {MaxChildIdLength} characters");
                        child.LAChildId = "";
                    }
                    else
                    {
                        child.LAChildId = id;
                    }

                    break;
                case "UPN":
                    child.Upn = Upn(c, line, name, Value());
                    break;
                case "FormerUPN":
                    child.FormerUpn = Upn(c, line, name, Value());
                    break;
                case "UPNunknown":
                    child.UpnUnknownReason = UpnUnknown(c, line, name, Value());
                    break;
                case "PersonBirthDate":
                    child.DateOfBirth = OptionalDate(c, line, name, Value());
                    break;
                case "ExpectedPersonBirthDate":
                    child.ExpectedDateOfBirth = OptionalDate(c, line, name, Value());
                    break;
                case "GenderCurrent" or "Sex":
                    _seen.Add(name);
                    sexGiven = true;
                    var value = Value();
                    if (SexFrom(value) is { } sex)
                    {
                        child.Sex = sex;
                    }
                    else
                    {
                        c.Problem(line, name, value, "not a sex or gender code (M, F, U, or 1, 2, 0, 9)", CinCensusConsequence.ValueNotLoaded);
                    }

                    break;
                case "PersonDeathDate":
                    child.DateOfDeath = OptionalDate(c, line, name, Value());
                    break;
                default:
                    Unknown(c, "ChildIdentifiers", name);
                    break;
            }
        }

        if (!sexGiven)
        {
            c.Problem(c.Line, "Sex", null, "no Sex (or GenderCurrent) given, which the census requires", CinCensusConsequence.ValueNotLoaded);
        }
    }

    private void ReadCharacteristics(ChildReading c)
    {
        var child = c.Child;
        var depth = Enter();
        while (Next(depth, c, "ChildCharacteristics", out var name))
        {
            var line = Line;
            switch (name)
            {
                case "Ethnicity":
                    c.EthnicityGiven = true;
                    child.Ethnicity = OptionalCode(c, line, name, CinCodes.Ethnicity, Value());
                    break;
                case "Disabilities":
                    var list = Enter();
                    while (Next(list, c, name, out var item))
                    {
                        if (item != "Disability")
                        {
                            Unknown(c, name, item);
                            continue;
                        }

                        var at = Line;
                        var value = Value();
                        if (CinCodes.Disability.Find(value) is not { } code)
                        {
                            c.Problem(at, item, value, Unknown(CinCodes.Disability, value), CinCensusConsequence.RecordNotLoaded);
                        }
                        else if (child.Disabilities.Any(d => d.Code == code.Value))
                        {
                            c.Problem(at, item, value, "the same disability listed twice (kept once)", CinCensusConsequence.Ignored);
                        }
                        else
                        {
                            child.Disabilities.Add(new ChildDisability { Id = c.NextId<ChildDisability>(), Code = code.Value });
                        }
                    }

                    break;
                default:
                    Unknown(c, "ChildCharacteristics", name);
                    break;
            }
        }
    }

    // ---- Episodes and their records -----------------------------------------------------------------------------

    private void ReadEpisode(ChildReading c)
    {
        var line = Line;
        var episode = new CinEpisode { Id = c.NextId<CinEpisode>() };
        (int Line, string Value)? referral = null;
        DateOnly? episodeConference = null;
        var enquiryConferences = new List<(Section47Enquiry Enquiry, DateOnly Date)>();
        var preProceedings = new List<(PreProceedings Record, int Line)>();
        var nfaGiven = false;
        var sourceGiven = false;
        var depth = Enter();
        while (Next(depth, c, "CINdetails", out var name))
        {
            var at = Line;
            switch (name)
            {
                case "CINreferralDate":
                    referral = (at, Value());
                    break;
                case "ReferralSource":
                    sourceGiven = true;
                    episode.ReferralSource = OptionalCode(c, at, name, CinCodes.ReferralSource, Value());
                    break;
                case "PrimaryNeedCode":
                    episode.PrimaryNeed = OptionalCode(c, at, name, CinCodes.PrimaryNeed, Value());
                    break;
                case "CINclosureDate":
                    episode.ClosureDate = OptionalDate(c, at, name, Value());
                    break;
                case "ReasonForClosure":
                    episode.ReasonForClosure = OptionalCode(c, at, name, CinCodes.ReasonForClosure, Value());
                    break;
                case "DateOfInitialCPC":
                    episodeConference = OptionalDate(c, at, name, Value());
                    break;
                case "ReferralNFA":
                    nfaGiven = true;
                    episode.ReferralNfa = RequiredBoolean(c, at, name, Value());
                    break;
                case "Assessments":
                    ReadAssessment(c, episode);
                    break;
                case "CINPlanDates":
                    _seen.Add(name);
                    ReadCinPlan(c, episode);
                    break;
                case "Section47":
                    ReadSection47(c, episode, enquiryConferences);
                    break;
                case "ChildProtectionPlans":
                    ReadChildProtectionPlan(c, episode);
                    break;
                case "PreProceedingsandFGDM":
                    _seen.Add(name);
                    if (ReadPreProceedings(c, episode) is { } record)
                    {
                        preProceedings.Add((record, at));
                    }

                    break;
                default:
                    Unknown(c, "CINdetails", name);
                    break;
            }
        }

        if (Key(c, referral, line, "CINreferralDate", "a CIN episode") is not { } referralDate)
        {
            return;
        }

        episode.ReferralDate = referralDate;
        if (!sourceGiven)
        {
            c.Problem(line, "ReferralSource", null, "no ReferralSource given, which the census requires", CinCensusConsequence.ValueNotLoaded);
        }

        if (!nfaGiven)
        {
            c.Problem(line, "ReferralNFA", null, "no ReferralNFA given, which the census requires; read as 0 (not NFA)", CinCensusConsequence.ValueNotLoaded);
        }

        episode.ClosureDate = EndOnOrAfter(c, line, "CINclosureDate", episode.ClosureDate, episode.ReferralDate, "the referral date");
        AddConferences(c, episode, episodeConference, enquiryConferences);

        if (c.Child.CinEpisodes.Any(e => e.ReferralDate == episode.ReferralDate))
        {
            c.Problem(line, "CINreferralDate", Text(episode.ReferralDate), "repeats the referral date of an earlier CIN episode of the child", CinCensusConsequence.RecordNotLoaded);
            return;
        }

        c.Child.CinEpisodes.Add(episode);
        foreach (var (record, at) in preProceedings)
        {
            if (c.Child.PreProceedings.Any(p => p.StartDate == record.StartDate))
            {
                c.Problem(at, "PPStartDate", Text(record.StartDate), "repeats the start date of earlier pre-proceedings of the child", CinCensusConsequence.RecordNotLoaded);
                continue;
            }

            c.Child.PreProceedings.Add(record);
        }
    }

    /// <summary>The census gives a conference date on the episode (for a conference no enquiry in the return led to)
    /// and on each Section 47 enquiry. One conference is kept per date. The census does not say whether a conference made
    /// a plan: one did when a child protection plan of the episode starts that day, as DfE rule 2885 expects.</summary>
    private static void AddConferences(ChildReading c, CinEpisode episode, DateOnly? episodeConference, List<(Section47Enquiry Enquiry, DateOnly Date)> enquiryConferences)
    {
        void Add(DateOnly date, int? enquiryId)
        {
            if (episode.InitialConferences.All(x => x.Date != date))
            {
                episode.InitialConferences.Add(new InitialConference
                {
                    Id = c.NextId<InitialConference>(),
                    CinEpisodeId = episode.Id,
                    Section47EnquiryId = enquiryId,
                    Date = date,
                    ResultedInPlan = episode.ChildProtectionPlans.Any(p => p.StartDate == date),
                });
            }
        }

        foreach (var (enquiry, date) in enquiryConferences)
        {
            Add(date, enquiry.Id);
        }

        if (episodeConference is { } episodeDate)
        {
            Add(episodeDate, null);
        }
    }

    private void ReadAssessment(ChildReading c, CinEpisode episode)
    {
        var line = Line;
        var assessment = new Assessment { Id = c.NextId<Assessment>(), CinEpisodeId = episode.Id };
        (int Line, string Value)? start = null;
        var depth = Enter();
        while (Next(depth, c, "Assessments", out var name))
        {
            var at = Line;
            switch (name)
            {
                case "AssessmentActualStartDate":
                    start = (at, Value());
                    break;
                case "AssessmentInternalReviewDate":
                    assessment.InternalReviewDate = OptionalDate(c, at, name, Value());
                    break;
                case "AssessmentAuthorisationDate":
                    assessment.AuthorisationDate = OptionalDate(c, at, name, Value());
                    break;
                case "FactorsIdentifiedAtAssessment":
                    var list = Enter();
                    while (Next(list, c, name, out var item))
                    {
                        if (item != "AssessmentFactors")
                        {
                            Unknown(c, name, item);
                            continue;
                        }

                        var itemLine = Line;
                        var value = Value();
                        if (CinCodes.AssessmentFactor.Find(value) is not { } code)
                        {
                            c.Problem(itemLine, item, value, Unknown(CinCodes.AssessmentFactor, value), CinCensusConsequence.RecordNotLoaded);
                        }
                        else if (assessment.Factors.Any(f => f.Code == code.Value))
                        {
                            c.Problem(itemLine, item, value, "the same factor listed twice for one assessment (kept once)", CinCensusConsequence.Ignored);
                        }
                        else
                        {
                            assessment.Factors.Add(new AssessmentFactor { Id = c.NextId<AssessmentFactor>(), AssessmentId = assessment.Id, Code = code.Value });
                        }
                    }

                    break;
                default:
                    Unknown(c, "Assessments", name);
                    break;
            }
        }

        if (Key(c, start, line, "AssessmentActualStartDate", "an assessment") is not { } startDate)
        {
            return;
        }

        assessment.StartDate = startDate;
        assessment.AuthorisationDate = EndOnOrAfter(c, line, "AssessmentAuthorisationDate", assessment.AuthorisationDate, assessment.StartDate, "the assessment's start");
        if (episode.Assessments.Any(a => a.StartDate == assessment.StartDate))
        {
            c.Problem(line, "AssessmentActualStartDate", Text(assessment.StartDate), "repeats the start date of an earlier assessment in the same episode", CinCensusConsequence.RecordNotLoaded);
            return;
        }

        episode.Assessments.Add(assessment);
    }

    private void ReadCinPlan(ChildReading c, CinEpisode episode)
    {
        var line = Line;
        var plan = new CinPlan { Id = c.NextId<CinPlan>(), CinEpisodeId = episode.Id };
        (int Line, string Value)? start = null;
        var depth = Enter();
        while (Next(depth, c, "CINPlanDates", out var name))
        {
            var at = Line;
            switch (name)
            {
                case "CINPlanStartDate":
                    start = (at, Value());
                    break;
                case "CINPlanEndDate":
                    plan.EndDate = OptionalDate(c, at, name, Value());
                    break;
                default:
                    Unknown(c, "CINPlanDates", name);
                    break;
            }
        }

        if (Key(c, start, line, "CINPlanStartDate", "a CIN plan") is not { } startDate)
        {
            return;
        }

        plan.StartDate = startDate;
        plan.EndDate = EndOnOrAfter(c, line, "CINPlanEndDate", plan.EndDate, plan.StartDate, "the plan's start");
        if (episode.CinPlans.Any(p => p.StartDate == plan.StartDate))
        {
            c.Problem(line, "CINPlanStartDate", Text(plan.StartDate), "repeats the start date of an earlier CIN plan in the same episode", CinCensusConsequence.RecordNotLoaded);
            return;
        }

        episode.CinPlans.Add(plan);
    }

    private void ReadSection47(ChildReading c, CinEpisode episode, List<(Section47Enquiry Enquiry, DateOnly Date)> conferences)
    {
        var line = Line;
        var enquiry = new Section47Enquiry { Id = c.NextId<Section47Enquiry>(), CinEpisodeId = episode.Id };
        (int Line, string Value)? start = null;
        DateOnly? conference = null;
        var notRequiredGiven = false;
        var depth = Enter();
        while (Next(depth, c, "Section47", out var name))
        {
            var at = Line;
            switch (name)
            {
                case "S47ActualStartDate":
                    start = (at, Value());
                    break;
                case "InitialCPCtarget":
                    enquiry.IcpcTargetDate = OptionalDate(c, at, name, Value());
                    break;
                case "DateOfInitialCPC":
                    conference = OptionalDate(c, at, name, Value());
                    break;
                case "ICPCnotRequired":
                    notRequiredGiven = true;
                    enquiry.IcpcNotRequired = RequiredBoolean(c, at, name, Value());
                    break;
                default:
                    Unknown(c, "Section47", name);
                    break;
            }
        }

        if (Key(c, start, line, "S47ActualStartDate", "a Section 47 enquiry") is not { } startDate)
        {
            return;
        }

        enquiry.StartDate = startDate;
        if (!notRequiredGiven)
        {
            c.Problem(line, "ICPCnotRequired", null, "no ICPCnotRequired given, which the census requires; read as 0 (a conference is needed)", CinCensusConsequence.ValueNotLoaded);
        }

        if (episode.Section47Enquiries.Any(s => s.StartDate == enquiry.StartDate))
        {
            c.Problem(line, "S47ActualStartDate", Text(enquiry.StartDate), "repeats the start date of an earlier Section 47 enquiry in the same episode", CinCensusConsequence.RecordNotLoaded);
            return;
        }

        episode.Section47Enquiries.Add(enquiry);
        if (conference is { } date)
        {
            conferences.Add((enquiry, date));
        }
    }

    private void ReadChildProtectionPlan(ChildReading c, CinEpisode episode)
    {
        var line = Line;
        var plan = new ChildProtectionPlan { Id = c.NextId<ChildProtectionPlan>(), CinEpisodeId = episode.Id, InitialCategory = "", LatestCategory = "" };
        (int Line, string Value)? start = null;
        int? previous = null;
        var previousGiven = false;
        (bool Initial, bool Latest) categories = (false, false);
        var depth = Enter();
        while (Next(depth, c, "ChildProtectionPlans", out var name))
        {
            var at = Line;
            switch (name)
            {
                case "CPPstartDate":
                    start = (at, Value());
                    break;
                case "CPPendDate":
                    plan.EndDate = OptionalDate(c, at, name, Value());
                    break;
                case "InitialCategoryOfAbuse":
                    categories.Initial = true;
                    plan.InitialCategory = RequiredCode(c, at, name, CinCodes.CategoryOfAbuse, Value()) ?? "";
                    break;
                case "LatestCategoryOfAbuse":
                    categories.Latest = true;
                    plan.LatestCategory = RequiredCode(c, at, name, CinCodes.CategoryOfAbuse, Value()) ?? "";
                    break;
                case "NumberOfPreviousCPP":
                    previousGiven = true;
                    var number = Value();
                    previous = int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
                    if (previous is null)
                    {
                        c.Reject(at, name, number, "the number of previous child protection plans is not a whole number of 0 or more, and a plan cannot be held without it");
                    }

                    break;
                case "Reviews":
                    var list = Enter();
                    while (Next(list, c, name, out var item))
                    {
                        if (item != "CPPreviewDate")
                        {
                            Unknown(c, name, item);
                            continue;
                        }

                        var itemLine = Line;
                        var value = Value();
                        if (ParseDate(value) is not { } date)
                        {
                            c.Problem(itemLine, item, value, "not a date (the census writes YYYY-MM-DD)", CinCensusConsequence.RecordNotLoaded);
                        }
                        else if (plan.ReviewConferences.Any(r => r.Date == date))
                        {
                            c.Problem(itemLine, item, value, "the same review date listed twice for one plan (kept once)", CinCensusConsequence.Ignored);
                        }
                        else
                        {
                            // Every review date is kept: timeliness is measured from each review to the next.
                            plan.ReviewConferences.Add(new ReviewConference { Id = c.NextId<ReviewConference>(), ChildProtectionPlanId = plan.Id, Date = date });
                        }
                    }

                    break;
                default:
                    Unknown(c, "ChildProtectionPlans", name);
                    break;
            }
        }

        // A plan cannot be held without its categories and its count of earlier plans; each is reported once, where
        // it was missing or where it was unreadable.
        foreach (var (element, given) in new[] { ("InitialCategoryOfAbuse", categories.Initial), ("LatestCategoryOfAbuse", categories.Latest), ("NumberOfPreviousCPP", previousGiven) })
        {
            if (!given)
            {
                c.Reject(line, element, null, $"a child protection plan has no {element}");
            }
        }

        if (Key(c, start, line, "CPPstartDate", "a child protection plan") is not { } startDate)
        {
            return;
        }

        plan.StartDate = startDate;
        plan.NumberOfPreviousPlans = previous ?? 0;
        plan.EndDate = EndOnOrAfter(c, line, "CPPendDate", plan.EndDate, plan.StartDate, "the plan's start");
        if (episode.ChildProtectionPlans.Any(p => p.StartDate == plan.StartDate))
        {
            c.Problem(line, "CPPstartDate", Text(plan.StartDate), "repeats the start date of an earlier child protection plan in the same episode", CinCensusConsequence.RecordNotLoaded);
            return;
        }

        episode.ChildProtectionPlans.Add(plan);
    }

    /// <summary>The 2026 pre-proceedings block. Two of its values have no home in Sightline's model and are checked but not
    /// kept: <c>LetterInitCPDate</c>, and the <c>PPOutcome</c> letter, whose meanings (codeset CS131: A, B, C) the shared
    /// material does not give. The outcome is set only where it is certain: a court application date means care
    /// proceedings were applied for.</summary>
    private PreProceedings? ReadPreProceedings(ChildReading c, CinEpisode episode)
    {
        var line = Line;
        var record = new PreProceedings { Id = c.NextId<PreProceedings>(), CinEpisodeId = episode.Id };
        (int Line, string Value)? start = null;
        var depth = Enter();
        while (Next(depth, c, "PreProceedingsandFGDM", out var name))
        {
            var at = Line;
            switch (name)
            {
                case "PPStartDate":
                    start = (at, Value());
                    break;
                case "LBPSentDate":
                    record.LetterBeforeProceedingsDate = OptionalDate(c, at, name, Value());
                    break;
                case "FGDMMeetingOffer":
                    record.FamilyGroupDecisionMakingOffered = OptionalBoolean(c, at, name, Value());
                    break;
                case "FGDMMeetingFac":
                    record.FamilyGroupDecisionMakingHeld = OptionalBoolean(c, at, name, Value());
                    break;
                case "InitialPPMeetingDate":
                    record.InitialMeetingDate = OptionalDate(c, at, name, Value());
                    break;
                case "ReviewMeetingsCount":
                    var count = Value();
                    if (count.Length > 0)
                    {
                        record.ReportedReviewMeetingCount = int.TryParse(count, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
                        if (record.ReportedReviewMeetingCount is null)
                        {
                            c.Problem(at, name, count, "not a whole number of 0 or more", CinCensusConsequence.ValueNotLoaded);
                        }
                    }

                    break;
                case "StepDecisionDate":
                    record.DecisionDate = OptionalDate(c, at, name, Value());
                    break;
                case "PPOutcome":
                    var outcome = Value();
                    if (outcome.Length > 0 && !PreProceedingsOutcomes.Contains(outcome.ToUpperInvariant()))
                    {
                        c.Problem(at, name, outcome, "not a pre-proceedings outcome code (A, B or C)", CinCensusConsequence.ValueNotLoaded);
                    }

                    break;
                case "CourtAppDate":
                    record.CourtApplicationDate = OptionalDate(c, at, name, Value());
                    break;
                case "LetterInitCPDate":
                    OptionalDate(c, at, name, Value());
                    break;
                default:
                    Unknown(c, "PreProceedingsandFGDM", name);
                    break;
            }
        }

        if (Key(c, start, line, "PPStartDate", "a pre-proceedings record") is not { } startDate)
        {
            return null;
        }

        record.StartDate = startDate;
        record.DecisionDate = EndOnOrAfter(c, line, "StepDecisionDate", record.DecisionDate, record.StartDate, "the start of pre-proceedings");
        if (record.CourtApplicationDate is not null)
        {
            record.Outcome = PreProceedingsOutcome.ProceedingsIssued;
        }

        return record;
    }

    // ---- Values -------------------------------------------------------------------------------------------------

    /// <summary>The date that identifies a record (a referral date, a start date): it is how the record is matched on
    /// a later import, so without it the record, and so the child, cannot be loaded.</summary>
    private static DateOnly? Key(ChildReading c, (int Line, string Value)? given, int recordLine, string element, string record)
    {
        if (given is not { } key)
        {
            c.Reject(recordLine, element, null, $"{record} has no {element}");
            return null;
        }

        if (ParseDate(key.Value) is { } date)
        {
            return date;
        }

        c.Reject(key.Line, element, key.Value, $"{record}'s {element} is {(key.Value.Length == 0 ? "empty" : "not a date (the census writes YYYY-MM-DD)")}");
        return null;
    }

    private static DateOnly? OptionalDate(ChildReading c, int line, string element, string value)
    {
        if (value.Length == 0)
        {
            return null;
        }

        if (ParseDate(value) is { } date)
        {
            return date;
        }

        c.Problem(line, element, value, "not a date (the census writes YYYY-MM-DD)", CinCensusConsequence.ValueNotLoaded);
        return null;
    }

    /// <summary>An end before its own record's start would make every timescale measured over it negative: it is left
    /// out, so the record shows as still open until the council puts the date right.</summary>
    private static DateOnly? EndOnOrAfter(ChildReading c, int line, string element, DateOnly? end, DateOnly start, string startName)
    {
        if (end is { } value && value < start)
        {
            c.Problem(line, element, Text(value), $"the date is before {startName} ({Text(start)})", CinCensusConsequence.ValueNotLoaded);
            return null;
        }

        return end;
    }

    private static string? OptionalCode(ChildReading c, int line, string element, CodeList list, string value)
    {
        if (value.Length == 0)
        {
            return null;
        }

        if (list.Find(value) is { } code)
        {
            return code.Value;
        }

        c.Problem(line, element, value, Unknown(list, value), CinCensusConsequence.ValueNotLoaded);
        return null;
    }

    private static string? RequiredCode(ChildReading c, int line, string element, CodeList list, string value)
    {
        if (list.Find(value) is { } code)
        {
            return code.Value;
        }

        c.Reject(line, element, value, (value.Length == 0 ? $"{element} is empty" : Unknown(list, value)) + ", and the record cannot be held without it");
        return null;
    }

    private static string Unknown(CodeList list, string value) => $"'{value}' is not in the DfE {list.Name} list of any census year";

    private static bool RequiredBoolean(ChildReading c, int line, string element, string value)
    {
        if (ParseBoolean(value) is { } flag)
        {
            return flag;
        }

        c.Problem(line, element, value, "not true or false (1 or 0); read as 0", CinCensusConsequence.ValueNotLoaded);
        return false;
    }

    private static bool? OptionalBoolean(ChildReading c, int line, string element, string value)
    {
        if (value.Length == 0)
        {
            return null;
        }

        if (ParseBoolean(value) is { } flag)
        {
            return flag;
        }

        c.Problem(line, element, value, "not true or false (1 or 0)", CinCensusConsequence.ValueNotLoaded);
        return null;
    }

    private static string? Upn(ChildReading c, int line, string element, string value)
    {
        if (value.Length == 0)
        {
            return null;
        }

        // The schema's pattern: a letter, eleven digits, then a digit or a letter.
        var upn = value.ToUpperInvariant();
        if (upn.Length == 13 && char.IsAsciiLetter(upn[0]) && !upn.AsSpan(1, 11).ContainsAnyExceptInRange('0', '9') && char.IsAsciiLetterOrDigit(upn[12]))
        {
            return upn;
        }

        c.Problem(line, element, value, "not a UPN (a letter, eleven digits, then a letter or digit)", CinCensusConsequence.ValueNotLoaded);
        return null;
    }

    private static string? UpnUnknown(ChildReading c, int line, string element, string value)
    {
        if (value.Length == 0)
        {
            return null;
        }

        var reason = value.ToUpperInvariant();
        if (reason.StartsWith("UN", StringComparison.Ordinal) && int.TryParse(reason.AsSpan(2), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 10)
        {
            return $"UN{n}";
        }

        c.Problem(line, element, value, "not a reason a UPN is unknown (UN1 to UN10)", CinCensusConsequence.ValueNotLoaded);
        return null;
    }

    /// <summary>A census date: <c>YYYY-MM-DD</c>, optionally followed by a time or time zone, which is ignored.</summary>
    public static DateOnly? ParseDate(string value)
    {
        if (value.Length < 10 || (value.Length > 10 && value[10] is not ('T' or ' ' or 'Z' or '+' or '-')))
        {
            return null;
        }

        return DateOnly.TryParseExact(value.AsSpan(0, 10), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
    }

    /// <summary>A census boolean as councils really write it: 1/0, true/false, yes/no, Y/N, in any case.</summary>
    public static bool? ParseBoolean(string value) => value.ToUpperInvariant() switch
    {
        "1" or "TRUE" or "YES" or "Y" => true,
        "0" or "FALSE" or "NO" or "N" => false,
        _ => null,
    };

    /// <summary>A child's sex from either element's codes: <c>GenderCurrent</c> (1, 2, 0, 9) to 2024, <c>Sex</c> (M, F, U) from 2025.</summary>
    public static Sex? SexFrom(string value) => value.ToUpperInvariant() switch
    {
        "1" or "M" => Sex.Male,
        "2" or "F" => Sex.Female,
        "9" => Sex.Indeterminate,
        "0" or "U" => Sex.NotRecorded,
        _ => null,
    };

    private static string Text(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    // ---- The year -----------------------------------------------------------------------------------------------

    private CinCensusYear WorkOutYear()
    {
        var evidence = YearEvidence.Where(e => _seen.Contains(e.Element)).ToList();
        var earliest = evidence.Count > 0 ? evidence.Max(e => e.FirstYear) : (int?)null;
        var because = string.Join(", ", evidence.Where(e => e.FirstYear == earliest).Select(e => e.Element));

        var header = Header;
        int? year = null;
        string basis;
        if (header.ReferenceDate is { } reference)
        {
            year = CinCodes.CensusYearOf(reference);
            basis = $"the header's ReferenceDate, {Text(reference)}";
            if (header.Year is { } stated && stated != year)
            {
                basis += $"; its Year says {stated}";
            }
        }
        else if (header.Year is { } stated)
        {
            year = stated;
            basis = "the header's Year";
        }
        else if (earliest is { } first)
        {
            // GenderCurrent is not evidence of an earlier year: real files go on using it after 2025.
            return new CinCensusYear(null, $"no year in the header; {because} first appears in the {first} census, so {first} or later");
        }
        else
        {
            return new CinCensusYear(null, _seen.Contains("GenderCurrent")
                ? "no year in the header; GenderCurrent and no Sex suggest 2024 or earlier"
                : "no year in the header and nothing in the file to tell it by");
        }

        if (earliest > year)
        {
            basis += $"; but the file holds {because}, first used in the {earliest} census";
        }

        return new CinCensusYear(year, basis);
    }

    /// <summary>One child as it is read: the records so far, local keys, and every problem found.</summary>
    private sealed class ChildReading(int line)
    {
        private readonly Dictionary<Type, int> _ids = [];

        public int Line { get; } = line;
        public Child Child { get; } = new() { LAChildId = "" };
        public List<CinCensusProblem> Problems { get; } = [];
        public bool Rejected { get; private set; }
        public bool EthnicityGiven { get; set; }

        public int NextId<T>()
        {
            var next = _ids.GetValueOrDefault(typeof(T)) + 1;
            _ids[typeof(T)] = next;
            return next;
        }

        public void Problem(int line, string element, string? value, string description, CinCensusConsequence consequence) =>
            Problems.Add(new CinCensusProblem(line, null, element, value, description, consequence));

        public void Reject(int line, string element, string? value, string description)
        {
            Rejected = true;
            Problem(line, element, value, description, CinCensusConsequence.ChildNotLoaded);
        }
    }
}
