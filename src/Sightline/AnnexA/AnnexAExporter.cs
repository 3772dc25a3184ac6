using Microsoft.EntityFrameworkCore;
using Sightline.Formats.AnnexA;
using Sightline.Model;
using Sightline.Storage;
using static Sightline.Formats.AnnexA.AnnexACodeMap;

namespace Sightline.Cli.AnnexA;

/// <summary>The Annex A workbook Ofsted asks for, as at a date, computed from the council's records. Each list's
/// population is written once, here, as the list's method; docs/data/annex-a.md sets them out.</summary>
/// <remarks>Nothing dated after the as-at date is shown or counted: a plan that ends later is open, a conference
/// held later has not happened. Allocated team and worker are those holding the child's case on the as-at date,
/// or, when the case is not allocated then (it has closed), the last that held it: the same on every list, as
/// Ofsted's guidance asks for the current worker or the worker at closure.</remarks>
public sealed class AnnexAExporter
{
    private readonly DateOnly _asAt;
    private readonly AnnexAPeriod _sixMonths;
    private readonly AnnexAPeriod _twelveMonths;
    private readonly Dictionary<int, Child> _children;
    private readonly ILookup<int, Contact> _contacts;
    private readonly ILookup<int, EarlyHelpEpisode> _earlyHelp;
    private readonly ILookup<int, CinEpisode> _episodes;
    private readonly ILookup<int, Assessment> _assessments;
    private readonly ILookup<int, Section47Enquiry> _enquiries;
    private readonly Dictionary<int, DateOnly> _strategyDates;
    private readonly ILookup<int, InitialConference> _conferences;
    private readonly ILookup<int, ChildProtectionPlan> _plans;
    private readonly ILookup<int, CinPlan> _cinPlans;
    private readonly Dictionary<int, DateOnly> _latestReviewConference;
    private readonly ILookup<int, (VisitKind Kind, DateOnly Date, bool ChildSeen, bool? SeenAlone)> _visits;
    private readonly ILookup<int, LookedAfterEpisode> _lookedAfter;
    private readonly ILookup<int, DateOnly> _lookedAfterReviews;
    private readonly ILookup<int, LookedAfterCheck> _checks;
    private readonly ILookup<int, MissingEpisode> _missing;
    private readonly ILookup<int, EmergencyProtection> _protections;
    private readonly ILookup<int, CareLeaverStatus> _careLeavers;
    private readonly ILookup<int, AdoptionDecision> _adoptions;
    private readonly List<Adopter> _adopters;
    private readonly ILookup<int, string> _disabilities;
    private readonly Dictionary<int, (string Team, string Worker)> _allocated;
    private readonly Dictionary<(int Child, int List, DateOnly Row, string Column), string> _reported;

    private AnnexAExporter(SightlineDbContext db, DateOnly asAt)
    {
        _asAt = asAt;
        _sixMonths = new AnnexAPeriod(asAt, 6);
        _twelveMonths = new AnnexAPeriod(asAt, 12);
        var yearBefore = _twelveMonths.Before;

        _children = db.Children.AsNoTracking().ToDictionary(c => c.Id);
        _disabilities = db.ChildDisabilities.AsNoTracking().ToLookup(d => d.ChildId, d => d.Code);
        _contacts = db.Contacts.AsNoTracking().Where(c => c.Date > _sixMonths.Before && c.Date <= asAt).ToLookup(c => c.ChildId);
        _earlyHelp = db.EarlyHelpEpisodes.AsNoTracking().Where(e => e.AssessmentStartDate <= asAt).ToLookup(e => e.ChildId);
        var episodes = db.CinEpisodes.AsNoTracking().Where(e => e.ReferralDate <= asAt).ToList();
        _episodes = episodes.ToLookup(e => e.ChildId);
        var childOf = episodes.ToDictionary(e => e.Id, e => e.ChildId);
        _assessments = db.Assessments.AsNoTracking().Where(a => a.StartDate <= asAt).ToLookup(a => a.CinEpisodeId);
        _enquiries = db.Section47Enquiries.AsNoTracking().Where(s => s.StartDate <= asAt).ToLookup(s => childOf[s.CinEpisodeId]);
        _strategyDates = db.StrategyDiscussions.AsNoTracking().Where(s => s.Date <= asAt).ToDictionary(s => s.Id, s => s.Date);
        _conferences = db.InitialConferences.AsNoTracking().Where(c => c.Date <= asAt).ToLookup(c => childOf[c.CinEpisodeId]);
        _plans = db.ChildProtectionPlans.AsNoTracking().Where(p => p.StartDate <= asAt).ToLookup(p => childOf[p.CinEpisodeId]);
        _cinPlans = db.CinPlans.AsNoTracking().Where(p => p.StartDate <= asAt).ToLookup(p => p.CinEpisodeId);
        _latestReviewConference = db.ReviewConferences.AsNoTracking().Where(r => r.Date <= asAt)
            .GroupBy(r => r.ChildProtectionPlanId).Select(g => new { g.Key, Latest = g.Max(r => r.Date) }).ToDictionary(g => g.Key, g => g.Latest);
        _visits = db.Visits.AsNoTracking().Where(v => v.Date <= asAt)
            .Select(v => new { v.ChildId, v.Kind, v.Date, v.ChildSeen, v.SeenAlone }).AsEnumerable()
            .ToLookup(v => v.ChildId, v => (v.Kind, v.Date, v.ChildSeen, v.SeenAlone));
        _lookedAfter = db.LookedAfterEpisodes.AsNoTracking().Where(e => e.StartDate <= asAt).OrderBy(e => e.StartDate).ThenBy(e => e.Id).ToLookup(e => e.ChildId);
        _lookedAfterReviews = db.LookedAfterReviews.AsNoTracking().Where(r => r.Date <= asAt).ToLookup(r => r.ChildId, r => r.Date);
        _checks = db.LookedAfterChecks.AsNoTracking().Where(c => c.Date <= asAt).ToLookup(c => c.ChildId);
        _missing = db.MissingEpisodes.AsNoTracking().Where(m => m.StartDate <= asAt).ToLookup(m => m.ChildId);
        _protections = db.EmergencyProtections.AsNoTracking().Where(p => p.StartDate <= asAt).ToLookup(p => p.ChildId);
        _careLeavers = db.CareLeaverStatuses.AsNoTracking().Where(s => s.Date <= asAt && s.Date > yearBefore).ToLookup(s => s.ChildId);
        _adoptions = db.AdoptionDecisions.AsNoTracking().Where(a => a.DecisionDate <= asAt).ToLookup(a => a.ChildId);
        _adopters = db.Adopters.AsNoTracking().Where(a => a.EnquiryDate <= asAt).OrderBy(a => a.AdopterId).ToList();
        _reported = db.AnnexAReportedValues.AsNoTracking().Where(r => r.AsAt == asAt)
            .ToDictionary(r => (r.ChildId, r.List, r.RowDate, r.Column), r => r.Value);

        var teams = db.Teams.AsNoTracking().ToDictionary(t => t.Id, t => t.Name);
        var workers = db.Workers.AsNoTracking().ToDictionary(w => w.Id, w => w.Name);
        _allocated = db.Allocations.AsNoTracking().Where(a => a.StartDate <= asAt).AsEnumerable()
            .GroupBy(a => a.ChildId)
            .ToDictionary(g => g.Key, g => AllocatedOn(g, asAt) is { } a
                ? (teams[a.TeamId], a.WorkerId is { } w ? workers[w] : AnnexASchema.Unallocated)
                : ("", ""));
    }

    /// <summary>The allocation that holds a child's case on the as-at date (the latest to start, when records
    /// overlap), or the last that held it before then.</summary>
    public static Allocation? AllocatedOn(IEnumerable<Allocation> allocations, DateOnly asAt)
    {
        var started = allocations.Where(a => a.StartDate <= asAt).OrderByDescending(a => a.StartDate).ThenByDescending(a => a.Id).ToList();
        return started.FirstOrDefault(a => a.IsOpenOn(asAt)) ?? started.OrderByDescending(a => a.EndDate).ThenByDescending(a => a.StartDate).FirstOrDefault();
    }

    /// <summary>Every list's rows as at <paramref name="asAt"/>, in the order of <see cref="AnnexASchema.Lists"/> (1 to 11).</summary>
    public static IReadOnlyList<(AnnexAList List, List<object?[]> Rows)> Rows(SightlineDbContext db, DateOnly asAt, Action<string, int, int>? progress = null)
    {
        progress?.Invoke("Reading records", 0, 1);
        var exporter = new AnnexAExporter(db, asAt);
        progress?.Invoke("Reading records", 1, 1);
        var lists = new List<(AnnexAList, List<object?[]>)>();
        Func<AnnexAList, List<object?[]>>[] builders =
            [exporter.Contacts, exporter.EarlyHelp, exporter.Referrals, exporter.Assessments, exporter.Section47, exporter.ChildrenInNeed,
             exporter.ChildProtection, exporter.ChildrenInCare, exporter.CareLeavers, exporter.Adoption, exporter.Adopters];
        for (var i = 0; i < builders.Length; i++)
        {
            var list = AnnexASchema.List(i + 1);
            lists.Add((list, builders[i](list)));
            progress?.Invoke("Lists", i + 1, builders.Length);
        }

        return lists;
    }

    /// <summary>Writes the workbook as at <paramref name="asAt"/> to <paramref name="path"/>.</summary>
    /// <returns>The number of rows written to each list.</returns>
    public static IReadOnlyList<(AnnexAList List, int Rows)> Export(SightlineDatabase database, DateOnly asAt, string path, Action<string, int, int>? progress = null)
    {
        using var db = database.Open();
        var lists = Rows(db, asAt, progress);
        progress?.Invoke("Writing", 0, 1);
        AnnexAWorkbookWriter.Write(path, lists.Select(l => (l.List, (IEnumerable<object?[]>)l.Rows)));
        progress?.Invoke("Writing", 1, 1);
        return lists.Select(l => (l.List, l.Rows.Count)).ToList();
    }

    // List 1: every contact in the six months before the as-at date, one row per contact.
    private List<object?[]> Contacts(AnnexAList list) =>
        _children.Values.SelectMany(child => _contacts[child.Id].OrderBy(c => c.Date).ThenBy(c => c.Id)
            .Select(c => Row(child, disability: false, [c.Date, Source.ValueOf(c.Source)]))).ToList();

    // List 2: early help assessments started in the six months, and early help open on the as-at date.
    private List<object?[]> EarlyHelp(AnnexAList list) =>
        _children.Values.SelectMany(child => _earlyHelp[child.Id]
            .Where(e => _sixMonths.Contains(e.AssessmentStartDate) || e.EndDate is null || e.EndDate >= _asAt)
            .OrderBy(e => e.AssessmentStartDate).ThenBy(e => e.Id)
            .Select(e => Row(child, disability: false, [e.AssessmentStartDate, Shown(e.AssessmentCompletionDate), e.Organisation]))).ToList();

    // List 3: every referral in the six months, one row per referral.
    private List<object?[]> Referrals(AnnexAList list) =>
        _children.Values.SelectMany(child => _episodes[child.Id].Where(e => _sixMonths.Contains(e.ReferralDate)).OrderBy(e => e.ReferralDate).ThenBy(e => e.Id)
            .Select(e => Row(child, disability: false, [e.ReferralDate, Source.ValueOf(e.ReferralSource), YesNo(e.ReferralNfa),
                Reported(child, 3, e.ReferralDate, list["Number of Referrals in Last 12 Months"], () => _episodes[child.Id].Count(r => _twelveMonths.Contains(r.ReferralDate))),
                .. Allocated(child)]))).ToList();

    // List 4: assessments open at any time in the six months (started by the as-at date, not authorised before the period).
    private List<object?[]> Assessments(AnnexAList list) =>
        _children.Values.SelectMany(child => _episodes[child.Id].SelectMany(e => _assessments[e.Id])
            .Where(a => _sixMonths.Overlaps(a.StartDate, Shown(a.AuthorisationDate))).OrderBy(a => a.StartDate).ThenBy(a => a.Id)
            .Select(a => Row(child, disability: true, [a.StartDate, YesNoUnknown(a.ChildSeen), Shown(a.AuthorisationDate),
                Shown(a.AuthorisationDate) is not null && a.NeedsServices is { } needs ? YesNo(needs) : null, .. Allocated(child)]))).ToList();

    /// <summary>The date list 5 shows for an enquiry: the strategy discussion that started it, or its own start.</summary>
    private DateOnly Section47Date(Section47Enquiry enquiry) =>
        enquiry.StrategyDiscussionId is { } id && _strategyDates.TryGetValue(id, out var date) ? date : enquiry.StartDate;

    // List 5: section 47 enquiries whose strategy discussion was in the six months, decided or not.
    private List<object?[]> Section47(AnnexAList list) =>
        _children.Values.SelectMany(child => _enquiries[child.Id].Select(s => (Enquiry: s, Date: Section47Date(s)))
            .Where(s => _sixMonths.Contains(s.Date)).OrderBy(s => s.Date).ThenBy(s => s.Enquiry.Id)
            .Select(s =>
            {
                var conference = ConferenceOf(child, s.Enquiry);
                return Row(child, disability: true, [s.Date, YesNo(s.Enquiry.IcpcNotRequired), conference?.Date,
                    conference is null ? null : YesNo(conference.ResultedInPlan),
                    Reported(child, 5, s.Date, list["Number of Section 47 Enquiries in the last 12 months"], () => _enquiries[child.Id].Count(e => _twelveMonths.Contains(Section47Date(e)))),
                    Reported(child, 5, s.Date, list["Number of ICPCs in the last 12 months"], () => _conferences[child.Id].Count(c => _twelveMonths.Contains(c.Date))),
                    .. Allocated(child)]);
            })).ToList();

    private InitialConference? ConferenceOf(Child child, Section47Enquiry enquiry) =>
        _conferences[child.Id].Where(c => c.Section47EnquiryId == enquiry.Id).OrderBy(c => c.Date).FirstOrDefault()
        ?? _conferences[child.Id].Where(c => c.Section47EnquiryId is null && c.CinEpisodeId == enquiry.CinEpisodeId && c.Date >= enquiry.StartDate)
            .OrderBy(c => c.Date).FirstOrDefault();

    // List 6: children in need now or in the six months: every episode open at some time in the period, except
    // referrals closed with no further action, which never received services.
    private List<object?[]> ChildrenInNeed(AnnexAList list) =>
        _children.Values.SelectMany(child => _episodes[child.Id].Where(e => !e.ReferralNfa && _sixMonths.Overlaps(e.ReferralDate, Shown(e.ClosureDate)))
            .OrderBy(e => e.ReferralDate).ThenBy(e => e.Id)
            .Select(e =>
            {
                var closed = Shown(e.ClosureDate);
                return Row(child, disability: true, [e.ReferralDate, Need.ValueOf(e.PrimaryNeed), LastSeen(child),
                    closed, closed is null ? null : ReasonForClosure.ValueOf(e.ReasonForClosure) ?? "i) Not Stated",
                    ReportedText(child, 6, e.ReferralDate, list["Case Status"], () => CaseStatus(child, e)), .. Allocated(child)]);
            })).ToList();

    /// <summary>The latest day the child was seen on a visit of any kind.</summary>
    private DateOnly? LastSeen(Child child) => _visits[child.Id].Where(v => v.ChildSeen).Select(v => (DateOnly?)v.Date).Max();

    /// <summary>What the episode is on the as-at date: closed; looked after; on a CP plan; on a CIN plan; under
    /// assessment (an assessment open, or none started yet); otherwise a child in need without a recorded plan,
    /// written as "c) Child in need plan".</summary>
    private string CaseStatus(Child child, CinEpisode episode)
    {
        if (Shown(episode.ClosureDate) is not null)
        {
            return "e) Closed episode";
        }

        if (Periods(child).Any(p => p.End is null))
        {
            return "a) Looked after child";
        }

        if (_plans[child.Id].Any(p => p.CinEpisodeId == episode.Id && Shown(p.EndDate) is null))
        {
            return "b) Child Protection plan";
        }

        if (_cinPlans[episode.Id].Any(p => Shown(p.EndDate) is null))
        {
            return "c) Child in need plan";
        }

        var assessments = _assessments[episode.Id].ToList();
        return assessments.Count == 0 || assessments.Any(a => Shown(a.AuthorisationDate) is null) ? "d) Open assessment" : "c) Child in need plan";
    }

    // List 7: child protection plans open on the as-at date or ended in the six months.
    private List<object?[]> ChildProtection(AnnexAList list) =>
        _children.Values.SelectMany(child => _plans[child.Id].Where(p => _sixMonths.Overlaps(p.StartDate, Shown(p.EndDate)))
            .OrderBy(p => p.StartDate).ThenBy(p => p.Id)
            .Select(p =>
            {
                var visit = _visits[child.Id].Where(v => v.Kind == VisitKind.ChildProtection).OrderByDescending(v => v.Date).FirstOrDefault();
                var visited = visit.Date == default ? (DateOnly?)null : visit.Date;
                return Row(child, disability: true, [p.StartDate, CategoryOfAbuse.ValueOf(p.InitialCategory), CategoryOfAbuse.ValueOf(p.LatestCategory),
                    visited, visited is null ? null : YesNoUnknown(visit.SeenAlone),
                    _latestReviewConference.TryGetValue(p.Id, out var review) ? review : null, Shown(p.EndDate),
                    ReportedText(child, 7, p.StartDate, list["Subject to Emergency Protection Order or Protected Under Police Powers in Last Six Months (Y/N)"], () => YesNo(ProtectedInSixMonths(child))),
                    p.NumberOfPreviousPlans, .. Allocated(child)]);
            })).ToList();

    /// <summary>Subject to an emergency protection order or police protection at some time in the six months: a
    /// recorded protection, or a period looked after under legal status L1 (police protection) or L2 (EPO).</summary>
    private bool ProtectedInSixMonths(Child child) =>
        _protections[child.Id].Any(p => _sixMonths.Overlaps(p.StartDate, p.EndDate is null ? p.StartDate : Shown(p.EndDate)))
        || _lookedAfter[child.Id].Any(e => e.LegalStatus is "L1" or "L2" && _sixMonths.Overlaps(e.StartDate, Shown(e.EndDate)));

    // List 8: children looked after on the as-at date or who ceased in the six months: one row per period of care
    // open at some time in the period. A period of short breaks only (V3, V4) is not on the list.
    private List<object?[]> ChildrenInCare(AnnexAList list) =>
        _children.Values.SelectMany(child => Periods(child).Where(p => _sixMonths.Overlaps(p.Start, p.End)).Select(period =>
        {
            var current = period.Episodes[^1];
            var placementStart = RunStart(period.Episodes, e => e.PlacementType, "S", "P", "T", "B", "U");
            var ceased = period.End;
            var missing = _missing[child.Id].Where(m => _twelveMonths.Contains(m.StartDate)).ToList();
            var lastMissing = _missing[child.Id].Where(m => m.Kind == MissingKind.Missing).OrderByDescending(m => m.StartDate).FirstOrDefault();
            return Row(child, disability: false,
                [
                    YesNo(child.IsUnaccompaniedAsylumSeeker), Disability(child), period.Start, Need.ValueOf(current.CategoryOfNeed),
                    ReportedText(child, 8, period.Start, list["Is this a second or subsequent period of being a Looked After Child within the last 12 months (Y/N)"], () => YesNo(Periods(child).Any(p => p.Start < period.Start && p.End > _twelveMonths.Before))),
                    RunStart(period.Episodes, e => e.LegalStatus, "S", "L", "B", "U"), LegalStatus.ValueOf(current.LegalStatus),
                    Latest(_lookedAfterReviews[child.Id].Where(d => d >= period.Start)),
                    Latest(_visits[child.Id].Where(v => v.Kind == VisitKind.LookedAfter && v.Date >= period.Start).Select(v => v.Date)),
                    current.PermanencePlan, LatestCheck(child, LookedAfterCheckKind.IroContact), LatestCheck(child, LookedAfterCheckKind.HealthAssessment),
                    LatestCheck(child, LookedAfterCheckKind.DentalCheck),
                    Reported(child, 8, period.Start, list["Number of Placements in the Last 12 months"], () => PlacementsInYear(period)),
                    ceased, ceased is null ? null : ReasonCeased.ValueOf(current.ReasonEnded),
                    placementStart, PlacementType.ValueOf(current.PlacementType), current.PlacementProvider, current.PlacementPostcode, current.PlacementUrn,
                    current.PlacementLocation, current.PlacementLocalAuthority,
                    Reported(child, 8, period.Start, list["Number of Episodes the Child has been 'Missing' from their Placement in the last 12 months"], () => missing.Count(m => m.Kind == MissingKind.Missing)),
                    Reported(child, 8, period.Start, list["Number of Episodes the Child has been 'Absent' from their Placement in the last 12 months"], () => missing.Count(m => m.Kind == MissingKind.Absent)),
                    ReportedText(child, 8, period.Start, list["Was the child offered a Return Interview after their last missing episode (Y/N)?"], () => lastMissing?.ReturnInterviewOffered is { } offered ? YesNo(offered) : null),
                    ReportedText(child, 8, period.Start, list["Did the child accept a Return Interview after their last missing episode (Y/N)?"], () => lastMissing?.ReturnInterviewAccepted is { } accepted ? YesNo(accepted) : null),
                    .. Allocated(child),
                ]);
        })).ToList();

    private DateOnly? LatestCheck(Child child, LookedAfterCheckKind kind) => Latest(_checks[child.Id].Where(c => c.Kind == kind).Select(c => c.Date));

    /// <summary>A period of care: consecutive episodes, each beginning the day the one before ended.</summary>
    private sealed record Period(DateOnly Start, DateOnly? End, List<LookedAfterEpisode> Episodes);

    /// <summary>The child's periods of care as at the as-at date, earliest first (an end after it is not yet known).</summary>
    private List<Period> Periods(Child child)
    {
        var periods = new List<Period>();
        foreach (var episode in _lookedAfter[child.Id])
        {
            if (periods.Count > 0 && periods[^1].End is { } end && end == episode.StartDate)
            {
                periods[^1].Episodes.Add(episode);
                periods[^1] = periods[^1] with { End = Shown(episode.EndDate) };
            }
            else if (periods.Count == 0 || periods[^1].End is not null)
            {
                periods.Add(new Period(episode.StartDate, Shown(episode.EndDate), [episode]));
            }
        }

        return periods.Where(p => !p.Episodes.TrueForAll(e => e.LegalStatus is "V3" or "V4")).ToList();
    }

    /// <summary>When the current legal status (or placement) began: the start of the latest episode that changed it,
    /// by its SSDA903 reason for new episode; where that is not recorded, where the value last changed.</summary>
    private static DateOnly RunStart(List<LookedAfterEpisode> episodes, Func<LookedAfterEpisode, string?> value, params string[] changes)
    {
        for (var i = episodes.Count - 1; i > 0; i--)
        {
            var reason = episodes[i].ReasonForNewEpisode;
            if (reason is not null ? changes.Contains(reason) : value(episodes[i]) != value(episodes[i - 1]))
            {
                return episodes[i].StartDate;
            }
        }

        return episodes[0].StartDate;
    }

    /// <summary>Placements in the period of care that the child was in at some time in the last 12 months.</summary>
    private int PlacementsInYear(Period period)
    {
        var starts = new List<DateOnly>();
        for (var i = 0; i < period.Episodes.Count; i++)
        {
            if (i == 0 || RunStart(period.Episodes[..(i + 1)], e => e.PlacementType, "S", "P", "T", "B", "U") == period.Episodes[i].StartDate)
            {
                starts.Add(period.Episodes[i].StartDate);
            }
        }

        return starts.Where((start, i) => _twelveMonths.Overlaps(start, i + 1 < starts.Count ? starts[i + 1] : period.End)).Count();
    }

    // List 9: care leavers: young people under 25 whose latest status in the last 12 months was recorded by the
    // as-at date (Sightline's record that they are eligible for leaving-care services).
    private List<object?[]> CareLeavers(AnnexAList list) =>
        _children.Values.Where(child => _careLeavers[child.Id].Any() && (child.DateOfBirth is not { } born || born.AddYears(25) > _asAt))
            .Select(child =>
            {
                var status = _careLeavers[child.Id].OrderByDescending(s => s.Date).ThenByDescending(s => s.Id).First();
                var inTouch = InTouch.ValueOf(status.InTouch) ?? "c) Not recorded";
                var letter = status.Accommodation is { Length: > 0 } a ? a[..1] : null;
                var suitability = status.Accommodation is { Length: > 1 } s ? s[1] : ' ';
                return Row(child, disability: false,
                    [
                        YesNo(child.IsUnaccompaniedAsylumSeeker), Disability(child), .. Allocated(child), status.PersonalAdviser, status.Eligibility,
                        Shown(status.LatestPathwayPlanReviewDate), inTouch, Shown(status.LatestContactDate), AccommodationType.ValueOf(letter),
                        suitability switch
                        {
                            '1' => "a) Suitable",
                            '2' => "b) Not suitable",
                            _ when inTouch == "d) Exclude" => "d) Exclude",
                            _ when inTouch != "a) In touch" => "c) Not in touch or not recorded",
                            _ => null,
                        },
                        Activity.ValueOf(status.Activity),
                    ]);
            }).ToList();

    // List 10: decisions that a child should be placed for adoption with a step (decision, order, match, placement,
    // adoption order, reversal, fostering for adoption) in the 12 months, or still open on the as-at date.
    private List<object?[]> Adoption(AnnexAList list) =>
        _children.Values.SelectMany(child => _adoptions[child.Id].Select(a => (Decision: a, Dates: AdoptionDates(a)))
            .Where(a => a.Decision.IsOpenOn(_asAt) || a.Dates.Any(d => d is { } date && _twelveMonths.Contains(date)))
            .OrderBy(a => a.Decision.DecisionDate).ThenBy(a => a.Decision.Id)
            .Select(a =>
            {
                var own = Row(child, disability: true, []);
                var reversed = Shown(a.Decision.ReversalDate);
                return (object?[])[own[0], a.Decision.FamilyIdentifier, .. own[1..], a.Decision.EnteredCareDate ?? EnteredCare(child, a.Decision.DecisionDate),
                    .. a.Dates[..6], reversed is null ? null : a.Decision.ReversalReason, a.Dates[6]];
            })).ToList();

    /// <summary>A decision's dates as at the as-at date: decision, placement order, match, placement, adoption order,
    /// reversal, fostering for adoption.</summary>
    private DateOnly?[] AdoptionDates(AdoptionDecision a) =>
        [a.DecisionDate, Shown(a.PlacementOrderDate), Shown(a.MatchedDate), Shown(a.PlacedDate), Shown(a.AdoptionOrderDate), Shown(a.ReversalDate), Shown(a.FosteringForAdoptionDate)];

    /// <summary>The start of the period of care the child was in on <paramref name="date"/>, or of the last before it.</summary>
    private DateOnly? EnteredCare(Child child, DateOnly date) =>
        Periods(child).Where(p => p.Start <= date).Select(p => (DateOnly?)p.Start).LastOrDefault();

    // List 11: adopters with a step in the 12 months, or in the process on the as-at date.
    private List<object?[]> Adopters(AnnexAList list) =>
        _adopters.Select(a => (Adopter: a, Dates: new[]
            {
                a.EnquiryDate, Shown(a.Stage1StartDate), Shown(a.Stage1EndDate), Shown(a.Stage2StartDate), Shown(a.Stage2EndDate), Shown(a.ApplicationDate),
                Shown(a.ApprovalDate), Shown(a.MatchedDate), Shown(a.PlacedDate),
            }))
            .Where(a => a.Adopter.IsInProcessOn(_asAt) || a.Dates.Append(Shown(a.Adopter.AdoptionOrderDate)).Append(Shown(a.Adopter.LeftDate))
                .Any(d => d is { } date && _twelveMonths.Contains(date)))
            .Select(a => (object?[])
            [
                a.Adopter.AdopterId, a.Adopter.FamilyIdentifier, GenderOf(a.Adopter.Sex), Ethnicity.ValueOf(a.Adopter.Ethnicity) ?? "f) Not stated",
                YesNoUnknown(a.Adopter.HasDisability), YesNo(a.Adopter.FosteringForAdoption), .. a.Dates.Cast<object?>(),
                a.Dates[8] is null ? null : a.Adopter.ChildrenPlaced, Shown(a.Adopter.AdoptionOrderDate), Shown(a.Adopter.LeftDate),
                Shown(a.Adopter.LeftDate) is null ? null : a.Adopter.LeftReason,
            ]).ToList();

    /// <summary>A row: the child's own columns, then the list's.</summary>
    private object?[] Row(Child child, bool disability, object?[] rest)
    {
        var born = child.DateOfBirth is { } dob && dob <= _asAt ? dob : (DateOnly?)null;
        object?[] own = [child.LAChildId, GenderOf(child.Sex), Ethnicity.ValueOf(child.Ethnicity) ?? "f) Not stated", born, born is { } b ? AgeOn(b, _asAt) : null];
        return disability ? [.. own, Disability(child), .. rest] : [.. own, .. rest];
    }

    /// <summary>Completed years on the date.</summary>
    public static int AgeOn(DateOnly born, DateOnly date) => date.Year - born.Year - (date < born.AddYears(date.Year - born.Year) ? 1 : 0);

    /// <summary>Yes when a disability code other than NONE is recorded, no when NONE alone is; otherwise what a
    /// source without codes reported; unknown when nothing is recorded.</summary>
    private string Disability(Child child)
    {
        var codes = _disabilities[child.Id].ToList();
        return codes.Count > 0 ? YesNo(codes.Exists(c => !c.Equals("NONE", StringComparison.OrdinalIgnoreCase))) : YesNoUnknown(child.HasDisability);
    }

    private object?[] Allocated(Child child) =>
        _allocated.TryGetValue(child.Id, out var held) && held.Team.Length > 0 ? [held.Team, held.Worker] : [null, null];

    /// <summary>A count the council's workbook reported as at this date, or the count computed.</summary>
    private int Reported(Child child, int list, DateOnly row, AnnexAColumn column, Func<int> computed) =>
        _reported.TryGetValue((child.Id, list, row, column.Header), out var value) && int.TryParse(value, out var number) ? number : computed();

    /// <summary>A coded value the council's workbook reported as at this date, or the value computed.</summary>
    private string? ReportedText(Child child, int list, DateOnly row, AnnexAColumn column, Func<string?> computed) =>
        _reported.TryGetValue((child.Id, list, row, column.Header), out var value) ? value : computed();

    /// <summary>A date as at the as-at date: one after it has not happened yet.</summary>
    private DateOnly? Shown(DateOnly? date) => date <= _asAt ? date : null;

    private static DateOnly? Latest(IEnumerable<DateOnly> dates) => dates.Select(d => (DateOnly?)d).Max();
}
