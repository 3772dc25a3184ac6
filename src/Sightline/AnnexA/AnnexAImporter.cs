using Microsoft.EntityFrameworkCore;
using Sightline.Formats.AnnexA;
using Sightline.Model;
using Sightline.Storage;
using static Sightline.Formats.AnnexA.AnnexACodeMap;

namespace Sightline.Cli.AnnexA;

/// <summary>Imports a council's own Annex A workbook (lists 1 to 11) into its records, all or nothing, keeping an
/// <see cref="ImportRecord"/> of kind <c>annex-a</c>. docs/data/annex-a.md sets out where each column goes.</summary>
/// <remarks>
/// <para>Children are matched by Child Unique ID (<see cref="Child.LAChildId"/>); each row's record by the child and
/// the date that identifies it (the referral date, the plan start, …), so importing the same workbook again leaves
/// the records as they were after the first import. A blank cell leaves what Sightline holds unchanged.</para>
/// <para>The workbook is as at a date the user gives: the figures that sum up the months before it are kept as
/// <see cref="AnnexAReportedValue"/>s, a care leaver's status is dated on it, and allocations are known to hold on it.</para>
/// </remarks>
public sealed class AnnexAImporter
{
    /// <summary>The service teams named only in an Annex A are put under.</summary>
    public const string ServiceNotRecorded = "Service not recorded";

    private readonly SightlineDbContext _db;
    private readonly DateOnly _asAt;
    private readonly List<ImportProblem> _problems = [];
    private readonly Dictionary<string, Child> _children = new(StringComparer.Ordinal);
    private readonly List<Team> _teams;
    private readonly List<Worker> _workers;
    private readonly Dictionary<Child, (string Team, string? Worker, DateOnly From)> _allocations = [];
    private readonly List<(Child Child, DateOnly Date)> _lastSeen = [];
    private readonly List<(InitialConference Conference, Section47Enquiry Enquiry)> _conferencesOfNewEnquiries = [];
    private readonly Dictionary<string, Adopter> _adopters;
    private readonly Dictionary<int, int> _loadedByList = [];
    private int _childrenCreated;

    private AnnexAImporter(SightlineDbContext db, DateOnly asAt, IEnumerable<string> childIds)
    {
        _db = db;
        _asAt = asAt;
        var ids = childIds.Distinct().ToList();
        foreach (var child in db.Children
                     .Include(c => c.Disabilities).Include(c => c.Contacts).Include(c => c.EarlyHelpEpisodes)
                     .Include(c => c.CinEpisodes).ThenInclude(e => e.Assessments)
                     .Include(c => c.CinEpisodes).ThenInclude(e => e.StrategyDiscussions)
                     .Include(c => c.CinEpisodes).ThenInclude(e => e.Section47Enquiries)
                     .Include(c => c.CinEpisodes).ThenInclude(e => e.InitialConferences)
                     .Include(c => c.CinEpisodes).ThenInclude(e => e.ChildProtectionPlans).ThenInclude(p => p.ReviewConferences)
                     .Include(c => c.Visits).Include(c => c.LookedAfterEpisodes).Include(c => c.LookedAfterReviews).Include(c => c.LookedAfterChecks)
                     .Include(c => c.CareLeaverStatuses).Include(c => c.Allocations).Include(c => c.AnnexAReportedValues).Include(c => c.AdoptionDecisions)
                     .AsSplitQuery()
                     // One parameter holding every ID: thousands of parameters make SQLite slow to bind.
                     .Where(c => EF.Parameter(ids).Contains(c.LAChildId)))
        {
            _children[child.LAChildId] = child;
        }

        _teams = db.Teams.ToList();
        _workers = db.Workers.ToList();
        _adopters = db.Adopters.ToDictionary(a => a.AdopterId, StringComparer.Ordinal);
    }

    /// <summary>Imports <paramref name="path"/> as at <paramref name="asAt"/>.</summary>
    /// <exception cref="FileRefusedException">The file is not a workbook, or holds no Annex A list.</exception>
    public static ImportRecord Import(SightlineDatabase database, string path, DateOnly asAt, string importedBy, Action<string, int, int>? progress = null)
    {
        database.Migrate();
        return ImportLog.Run(database, "annex-a", path, importedBy, db =>
        {
            progress?.Invoke("Reading the workbook", 0, 1);
            AnnexAWorkbook workbook;
            try
            {
                workbook = AnnexAWorkbookReader.Read(path);
            }
            catch (FormatException notAWorkbook)
            {
                throw new FileRefusedException(notAWorkbook.Message, notAWorkbook);
            }

            if (workbook.Sheets.Count == 0 && workbook.Problems.Count == 0)
            {
                throw new FileRefusedException($"{Path.GetFileName(path)} holds no Annex A list: no sheet is named like 'List 1' or 'Contacts', " +
                                               "and none has a header row with a Child Unique ID and the columns of a list.");
            }

            progress?.Invoke("Reading the workbook", 1, 1);
            var importer = new AnnexAImporter(db, asAt, workbook.Sheets.SelectMany(s => s.Rows).Select(r => r.ChildId));
            return importer.Load(workbook, progress);
        });
    }

    private ImportResult Load(AnnexAWorkbook workbook, Action<string, int, int>? progress)
    {
        _problems.AddRange(workbook.Problems.Select(p => new ImportProblem(p.Row, p.ChildId, p.Column is null ? p.Sheet : $"{p.Sheet}: {p.Column}", p.Value, p.Reason)));

        // Episodes first (lists 6 and 3), so that assessments, enquiries and plans find theirs; visits from lists 7
        // and 8 before list 6's "last seen", which marks the visit on that day as one where the child was seen.
        int[] order = [6, 3, 4, 5, 7, 8, 9, 1, 2, 10, 11];
        var total = workbook.Sheets.Sum(s => s.Rows.Count);
        var done = 0;
        foreach (var number in order)
        {
            foreach (var sheet in workbook.Sheets.Where(s => s.List.Number == number))
            {
                if (number == 1)
                {
                    LoadContacts(sheet);
                    done += sheet.Rows.Count;
                    continue;
                }

                foreach (var row in sheet.Rows)
                {
                    if (number == 11 ? Adopter(sheet.List, row) : LoadRow(sheet, row))
                    {
                        _loadedByList[number] = _loadedByList.GetValueOrDefault(number) + 1;
                    }

                    if (++done % 1_000 == 0)
                    {
                        progress?.Invoke("Rows", done, total);
                    }
                }
            }
        }

        progress?.Invoke("Rows", done, total);

        foreach (var (child, date) in _lastSeen)
        {
            MarkSeen(child, date);
        }

        // Saving is done in a few steps, not per record: each save looks over every record the import holds.
        progress?.Invoke("Saving", 0, 3);
        _db.SaveChanges();
        foreach (var (conference, enquiry) in _conferencesOfNewEnquiries)
        {
            conference.Section47EnquiryId = enquiry.Id;
        }

        progress?.Invoke("Saving", 1, 3);
        var changes = _allocations.Where(a => !Holds(a.Key, a.Value.Team, a.Value.Worker)).ToList();
        AddTeamsAndWorkers(changes.Select(c => (c.Value.Team, c.Value.Worker, c.Value.From)));
        foreach (var (child, held) in changes)
        {
            Allocate(child, held.Team, held.Worker, held.From);
        }

        progress?.Invoke("Saving", 2, 3);
        _db.SaveChanges();
        progress?.Invoke("Saving", 3, 3);
        var counts = new List<KeyValuePair<string, int>> { new("children added", _childrenCreated) };
        counts.AddRange(_loadedByList.OrderBy(l => l.Key).Select(l => new KeyValuePair<string, int>($"list {l.Key} rows", l.Value)));
        return new ImportResult(workbook.RowsRead, _loadedByList.Values.Sum(), _problems, counts);
    }

    private bool LoadRow(AnnexASheet sheet, AnnexARow row)
    {
        var list = sheet.List;
        var known = _children.ContainsKey(row.ChildId);
        var child = ChildFor(row);
        var loaded = list.Number switch
        {
            2 => EarlyHelp(child, list, row),
            3 => Referral(child, list, row),
            4 => Assessment(child, sheet, row),
            5 => Section47(child, sheet, row),
            6 => ChildInNeed(child, list, row),
            7 => ChildProtection(child, sheet, row),
            8 => LookedAfter(child, sheet, row),
            9 => CareLeaver(child, list, row),
            _ => Adoption(child, list, row),
        };
        if (!loaded)
        {
            // Nothing from a rejected row is kept, not even the child it alone named.
            if (!known)
            {
                _db.Children.Remove(child);
                _children.Remove(row.ChildId);
                _childrenCreated--;
            }

            return false;
        }

        Describe(child, row, list);
        if (list.Number is >= 3 and <= 9)
        {
            NoteAllocation(child, list, row, list.Number == 9 ? _asAt : row.Date(AnnexAKeys.Of(list)[1])!.Value);
        }

        return true;
    }

    /// <summary>The row's child, found by Child Unique ID or added.</summary>
    private Child ChildFor(AnnexARow row)
    {
        if (!_children.TryGetValue(row.ChildId, out var child))
        {
            child = new Child { LAChildId = row.ChildId };
            _db.Children.Add(child);
            _children[row.ChildId] = child;
            _childrenCreated++;
        }

        return child;
    }

    /// <summary>What a loaded row says about its child: gender, ethnicity, date of birth, disability, UASC.</summary>
    private static void Describe(Child child, AnnexARow row, AnnexAList list)
    {
        if (row.Text(list[AnnexASchema.Gender]) is { } gender)
        {
            child.Sex = SexOf(gender);
        }

        if (row.Text(list[AnnexASchema.Ethnicity]) is { } ethnicity)
        {
            child.Ethnicity = Ethnicity.CodeFor(ethnicity, child.Ethnicity, row.Written(list[AnnexASchema.Ethnicity]));
        }

        if (row.Date(list[AnnexASchema.DateOfBirth]) is { } born)
        {
            child.DateOfBirth = born;
        }

        // Disability codes held say more than yes or no, and stand.
        if (list.Columns.FirstOrDefault(c => c.Header == AnnexASchema.Disability) is { } disability && row.Text(disability) is { } hasDisability
            && child.Disabilities.Count == 0)
        {
            child.HasDisability = BooleanOf(hasDisability);
        }

        if (list.Columns.FirstOrDefault(c => c.Codes == AnnexASchema.UascCodes) is { } uasc && row.Text(uasc) is { } isUasc)
        {
            child.IsUnaccompaniedAsylumSeeker = isUasc == "a) Yes";
        }
    }

    // List 1: a contact per row. Two contacts on the same day from the same kind of source are two contacts, so rows
    // are matched to contacts held one for one.
    private void LoadContacts(AnnexASheet sheet)
    {
        var list = sheet.List;
        foreach (var group in sheet.Rows.GroupBy(r => (r.ChildId, Date: r.Date(list["Date of Contact"])!.Value, Source: r.Text(list["Contact Source"]))))
        {
            var child = ChildFor(group.First());
            foreach (var row in group)
            {
                Describe(child, row, list);
            }

            var held = child.Contacts.Count(c => c.Date == group.Key.Date && Source.ValueOf(c.Source) == group.Key.Source);
            foreach (var row in group.Skip(held))
            {
                child.Contacts.Add(new Contact
                {
                    Date = group.Key.Date,
                    Source = group.Key.Source is { } s ? Source.CodeFor(s, null, row.Written(list["Contact Source"])) : null,
                });
            }

            _loadedByList[1] = _loadedByList.GetValueOrDefault(1) + group.Count();
        }
    }

    private bool EarlyHelp(Child child, AnnexAList list, AnnexARow row)
    {
        var start = row.Date(list["Assessment start date"])!.Value;
        var help = child.EarlyHelpEpisodes.FirstOrDefault(e => e.AssessmentStartDate == start);
        if (help is null)
        {
            child.EarlyHelpEpisodes.Add(help = new EarlyHelpEpisode { AssessmentStartDate = start });
        }

        help.AssessmentCompletionDate = row.Date(list["Assessment completion date"]) ?? help.AssessmentCompletionDate;
        help.Organisation = row.Text(list["Organisation completing assessment"]) ?? help.Organisation;
        return true;
    }

    /// <summary>The child's CIN episode that began on <paramref name="referral"/>, added if there is none.</summary>
    private static CinEpisode EpisodeStarting(Child child, DateOnly referral)
    {
        var episode = child.CinEpisodes.FirstOrDefault(e => e.ReferralDate == referral);
        if (episode is null)
        {
            child.CinEpisodes.Add(episode = new CinEpisode { ReferralDate = referral });
        }

        return episode;
    }

    /// <summary>The child's CIN episode open on <paramref name="date"/> (the latest to begin, if several).</summary>
    private static CinEpisode? EpisodeOpenOn(Child child, DateOnly date) =>
        child.CinEpisodes.Where(e => e.IsOpenOn(date)).OrderByDescending(e => e.ReferralDate).FirstOrDefault();

    private bool Referral(Child child, AnnexAList list, AnnexARow row)
    {
        var episode = EpisodeStarting(child, row.Date(list["Date of referral"])!.Value);
        if (row.Text(list["Referral Source"]) is { } source)
        {
            episode.ReferralSource = Source.CodeFor(source, episode.ReferralSource, row.Written(list["Referral Source"]));
        }

        if (row.Text(list["Referral NFA?"]) is { } nfa)
        {
            episode.ReferralNfa = nfa == "a) Yes";
        }

        Report(child, list, row, episode.ReferralDate, "Number of Referrals in Last 12 Months");
        return true;
    }

    private bool ChildInNeed(Child child, AnnexAList list, AnnexARow row)
    {
        var episode = EpisodeStarting(child, row.Date(list["CIN Start Date"])!.Value);
        if (row.Text(list["Primary Need Code"]) is { } need)
        {
            episode.PrimaryNeed = Need.CodeFor(need, episode.PrimaryNeed);
        }

        episode.ClosureDate = row.Date(list["CIN Closure Date"]) ?? episode.ClosureDate;
        if (row.Text(list["Reason for Closure"]) is { } reason)
        {
            episode.ReasonForClosure = ReasonForClosure.CodeFor(reason, episode.ReasonForClosure, row.Written(list["Reason for Closure"]));
        }

        if (row.Date(list["Date Child Was Last Seen"]) is { } seen)
        {
            _lastSeen.Add((child, seen));
        }

        Report(child, list, row, episode.ReferralDate, "Case Status");
        return true;
    }

    private bool Assessment(Child child, AnnexASheet sheet, AnnexARow row)
    {
        var list = sheet.List;
        var start = row.Date(list["Continuous Assessment Start Date"])!.Value;
        if (EpisodeFor(child, sheet, row, start, "assessment") is not { } episode)
        {
            return false;
        }

        var assessment = episode.Assessments.FirstOrDefault(a => a.StartDate == start);
        if (assessment is null)
        {
            episode.Assessments.Add(assessment = new Assessment { StartDate = start });
        }

        if (row.Text(list["Child Seen During Continuous Assessment"]) is { } seen)
        {
            assessment.ChildSeen = BooleanOf(seen);
        }

        assessment.AuthorisationDate = row.Date(list["Continuous Assessment Date of Authorisation"]) ?? assessment.AuthorisationDate;
        if (row.Text(list["Was the child assessed as requiring LA children's social care support?"]) is { } needs)
        {
            assessment.NeedsServices = BooleanOf(needs);
        }

        return true;
    }

    /// <summary>The CIN episode the row's assessment, enquiry or plan belongs to: the one open on its date, else the
    /// latest to begin before it (councils' records do hold enquiries dated after a closure). Sightline does not
    /// invent a referral date, so a child with no referral by then has the row reported and not loaded.</summary>
    private CinEpisode? EpisodeFor(Child child, AnnexASheet sheet, AnnexARow row, DateOnly date, string what)
    {
        if ((EpisodeOpenOn(child, date) ?? child.CinEpisodes.Where(e => e.ReferralDate <= date).MaxBy(e => e.ReferralDate)) is { } episode)
        {
            return episode;
        }

        _problems.Add(new ImportProblem(row.Row, row.ChildId, $"{sheet.Name}: {AnnexAKeys.Of(sheet.List)[1].Header}", date.ToString("dd/MM/yyyy"),
            $"This child has no referral or CIN episode (on lists 3 and 6, or held already) that began by this date, so the {what} cannot be " +
            "placed in one: the row was not loaded."));
        return null;
    }

    private bool Section47(Child child, AnnexASheet sheet, AnnexARow row)
    {
        var list = sheet.List;
        var date = row.Date(list["Strategy discussion initiating Section 47 Enquiry Start Date"])!.Value;
        if (EpisodeFor(child, sheet, row, date, "section 47 enquiry") is not { } episode)
        {
            return false;
        }

        var strategies = episode.StrategyDiscussions.ToDictionary(s => s.Id, s => s.Date);
        var enquiry = episode.Section47Enquiries.FirstOrDefault(s =>
            (s.StrategyDiscussionId is { } id && strategies.TryGetValue(id, out var d) ? d : s.StartDate) == date);
        if (enquiry is null)
        {
            episode.Section47Enquiries.Add(enquiry = new Section47Enquiry { StartDate = date });
        }

        if (row.Text(list["Was an Initial Child Protection Conference deemed unnecessary?"]) is { } unnecessary)
        {
            enquiry.IcpcNotRequired = unnecessary == "a) Yes";
        }

        if (row.Date(list["Date of Initial Child Protection Conference"]) is { } held)
        {
            var conference = (enquiry.Id == 0 ? null : episode.InitialConferences.FirstOrDefault(c => c.Section47EnquiryId == enquiry.Id))
                             ?? episode.InitialConferences.FirstOrDefault(c => c.Section47EnquiryId is null && c.Date == held);
            if (conference is null)
            {
                episode.InitialConferences.Add(conference = new InitialConference());
            }

            if (enquiry.Id == 0)
            {
                // The conference refers to the enquiry by its key, which a new enquiry has once saved.
                _conferencesOfNewEnquiries.Add((conference, enquiry));
            }
            else
            {
                conference.Section47EnquiryId = enquiry.Id;
            }

            conference.Date = held;
            if (row.Text(list["Did the Initial Child Protection Conference Result in a Child Protection Plan"]) is { } plan)
            {
                conference.ResultedInPlan = plan == "a) Yes";
            }
        }

        Report(child, list, row, date, "Number of Section 47 Enquiries in the last 12 months");
        Report(child, list, row, date, "Number of ICPCs in the last 12 months");
        return true;
    }

    private bool ChildProtection(Child child, AnnexASheet sheet, AnnexARow row)
    {
        var list = sheet.List;
        var start = row.Date(list["Child Protection Plan Start Date"])!.Value;
        var initial = row.Text(list["Initial Category of Abuse"]);
        var latest = row.Text(list["Latest Category of Abuse"]);
        if (EpisodeFor(child, sheet, row, start, "child protection plan") is not { } episode)
        {
            return false;
        }

        var plan = episode.ChildProtectionPlans.FirstOrDefault(p => p.StartDate == start);
        if (plan is null)
        {
            if ((initial ?? latest) is not { } category)
            {
                _problems.Add(new ImportProblem(row.Row, row.ChildId, $"{sheet.Name}: Initial Category of Abuse", null,
                    "A new child protection plan needs a category of abuse, and this row gives none Sightline can read: the row was not loaded."));
                return false;
            }

            var code = CategoryOfAbuse.CodeFor(category, null)!;
            episode.ChildProtectionPlans.Add(plan = new ChildProtectionPlan { StartDate = start, InitialCategory = code, LatestCategory = code });
        }

        plan.InitialCategory = initial is null ? plan.InitialCategory : CategoryOfAbuse.CodeFor(initial, plan.InitialCategory)!;
        plan.LatestCategory = latest is null ? plan.LatestCategory : CategoryOfAbuse.CodeFor(latest, plan.LatestCategory)!;
        plan.EndDate = row.Date(list["Child Protection Plan End Date"]) ?? plan.EndDate;
        plan.NumberOfPreviousPlans = row.Number(list["Number of Previous Child Protection Plans"]) ?? plan.NumberOfPreviousPlans;
        if (row.Date(list["Date of latest review conference"]) is { } review && plan.ReviewConferences.TrueForAll(r => r.Date != review))
        {
            plan.ReviewConferences.Add(new ReviewConference { Date = review });
        }

        if (row.Date(list["Date of the Last Statutory Visit"]) is { } visited)
        {
            var seenAlone = row.Text(list["Was the Child Seen Alone?"]) is { } alone ? BooleanOf(alone) : null;
            var visit = VisitOn(child, VisitKind.ChildProtection, visited);
            visit.SeenAlone = seenAlone ?? visit.SeenAlone;
        }

        Report(child, list, row, start, "Subject to Emergency Protection Order or Protected Under Police Powers in Last Six Months (Y/N)");
        return true;
    }

    /// <summary>The child's visit of this kind on this day, added if there is none. Annex A says whether the child
    /// was seen only through list 6's "Date Child Was Last Seen", so a visit added here is one where the child was
    /// not seen until that says otherwise (see <see cref="MarkSeen"/>).</summary>
    private static Visit VisitOn(Child child, VisitKind kind, DateOnly date)
    {
        var visit = child.Visits.FirstOrDefault(v => v.Kind == kind && v.Date == date);
        if (visit is null)
        {
            child.Visits.Add(visit = new Visit { Kind = kind, Date = date });
        }

        return visit;
    }

    /// <summary>List 6's date the child was last seen: unless a visit that day already saw the child, the visits that
    /// day did; with none held, a CIN visit is added.</summary>
    private static void MarkSeen(Child child, DateOnly date)
    {
        var visits = child.Visits.Where(v => v.Date == date).ToList();
        if (visits.Count == 0)
        {
            child.Visits.Add(new Visit { Kind = VisitKind.ChildInNeed, Date = date, ChildSeen = true });
        }
        else if (!visits.Exists(v => v.ChildSeen))
        {
            visits.ForEach(v => v.ChildSeen = true);
        }
    }

    // List 8: a period of care. One held that began on the same day is updated in place (its episodes are not
    // reshaped); otherwise the period is added as up to three episodes: from the date started, from the start of
    // the current legal status, and from the start of the most recent placement. Earlier episodes' legal status or
    // placement is what the row does not give, and is left blank.
    private bool LookedAfter(Child child, AnnexASheet sheet, AnnexARow row)
    {
        var list = sheet.List;
        var start = row.Date(list["Date Started to be Looked After"])!.Value;
        var ceased = row.Date(list["Date Ceased to be Looked After"]);
        var legalStart = Within(row.Date(list["Start date of current legal status"]), start, ceased);
        var placementStart = Within(row.Date(list["Start Date of Most Recent Placement"]), start, ceased);
        var period = PeriodStarting(child, start, _asAt);
        if (period is null)
        {
            var clash = child.LookedAfterEpisodes.FirstOrDefault(e => e.StartDate < (ceased ?? DateOnly.MaxValue) && (e.EndDate is null || e.EndDate > start));
            if (clash is not null)
            {
                _problems.Add(new ImportProblem(row.Row, row.ChildId, $"{sheet.Name}: Date Started to be Looked After", start.ToString("dd/MM/yyyy"),
                    $"This period of care overlaps one already held that began on {clash.StartDate:dd/MM/yyyy}: the row was not loaded."));
                return false;
            }

            period = [];
            var starts = new[] { start, legalStart ?? start, placementStart ?? start }.Distinct().Order().ToList();
            for (var i = 0; i < starts.Count; i++)
            {
                var at = starts[i];
                var episode = new LookedAfterEpisode
                {
                    StartDate = at,
                    EndDate = i + 1 < starts.Count ? starts[i + 1] : ceased,
                    ReasonEnded = i + 1 < starts.Count ? "X1" : null,
                    ReasonForNewEpisode = i == 0 ? "S" : at == legalStart && at == placementStart ? "B" : at == legalStart ? "L" : "P",
                };
                child.LookedAfterEpisodes.Add(episode);
                period.Add(episode);
            }
        }

        var current = period[^1];
        foreach (var episode in period)
        {
            if (row.Text(list["Child's Category of Need"]) is { } need)
            {
                episode.CategoryOfNeed = Need.CodeFor(need, episode.CategoryOfNeed);
            }
        }

        if (row.Text(list["Child's Legal Status"]) is { } legal)
        {
            foreach (var episode in period.Where(e => e == current || (legalStart is { } from && e.StartDate >= from && e.LegalStatus is null)))
            {
                episode.LegalStatus = LegalStatus.CodeFor(legal, episode.LegalStatus, row.Written(list["Child's Legal Status"]));
            }
        }

        var placed = period.Where(e => e == current || (placementStart is { } from && e.StartDate >= from && e.PlacementType is null)).ToList();
        foreach (var episode in placed)
        {
            if (row.Text(list["Placement Type"]) is { } type)
            {
                episode.PlacementType = PlacementType.CodeFor(type, episode.PlacementType, row.Written(list["Placement Type"]));
            }

            episode.PlacementProvider = row.Text(list["Placement Provider"]) ?? episode.PlacementProvider;
            episode.PlacementPostcode = row.Text(list["Placement postcode"]) ?? episode.PlacementPostcode;
            episode.PlacementUrn = row.Text(list["URN of Placement"]) ?? episode.PlacementUrn;
            episode.PlacementLocation = row.Text(list["Placement Location"]) ?? episode.PlacementLocation;
            episode.PlacementLocalAuthority = row.Text(list["LA of Placement"]) ?? episode.PlacementLocalAuthority;
        }

        current.PermanencePlan = row.Text(list["What is the permanence plan for this child?"]) ?? current.PermanencePlan;
        if (ceased is not null)
        {
            current.EndDate = ceased;
            if (row.Text(list["Reason Ceased to be Looked After"]) is { } reason)
            {
                current.ReasonEnded = ReasonCeased.CodeFor(reason, current.ReasonEnded is "X1" ? null : current.ReasonEnded, row.Written(list["Reason Ceased to be Looked After"]));
            }
        }

        if (row.Date(list["Date of Latest Statutory Review"]) is { } review && child.LookedAfterReviews.TrueForAll(r => r.Date != review))
        {
            child.LookedAfterReviews.Add(new LookedAfterReview { Date = review });
        }

        if (row.Date(list["Date of Last Social Work Visit"]) is { } visited)
        {
            VisitOn(child, VisitKind.LookedAfter, visited);
        }

        Check(child, LookedAfterCheckKind.IroContact, row.Date(list["Date of Last IRO Visit / Contact to the Child"]));
        Check(child, LookedAfterCheckKind.HealthAssessment, row.Date(list["Date of Last Health Assessment"]));
        Check(child, LookedAfterCheckKind.DentalCheck, row.Date(list["Date of Last Dental Check"]));
        foreach (var header in new[]
                 {
                     "Is this a second or subsequent period of being a Looked After Child within the last 12 months (Y/N)",
                     "Number of Placements in the Last 12 months",
                     "Number of Episodes the Child has been 'Missing' from their Placement in the last 12 months",
                     "Number of Episodes the Child has been 'Absent' from their Placement in the last 12 months",
                     "Was the child offered a Return Interview after their last missing episode (Y/N)?",
                     "Did the child accept a Return Interview after their last missing episode (Y/N)?",
                 })
        {
            Report(child, list, row, start, header);
        }

        return true;
    }

    /// <summary>A start date inside the period of care, or null (with the period's start used instead) when it falls outside.</summary>
    private static DateOnly? Within(DateOnly? date, DateOnly start, DateOnly? ceased) =>
        date is { } d && d >= start && (ceased is null || d <= ceased) ? d : null;

    /// <summary>The episodes, up to the as-at date, of the child's period of care that began on <paramref name="start"/>, or null.</summary>
    private static List<LookedAfterEpisode>? PeriodStarting(Child child, DateOnly start, DateOnly asAt)
    {
        var episodes = child.LookedAfterEpisodes.Where(e => e.StartDate <= asAt).OrderBy(e => e.StartDate).ToList();
        var first = episodes.FindIndex(e => e.StartDate == start && !episodes.Exists(p => p.EndDate == start));
        if (first < 0)
        {
            return null;
        }

        var period = new List<LookedAfterEpisode> { episodes[first] };
        for (var i = first + 1; i < episodes.Count && period[^1].EndDate == episodes[i].StartDate; i++)
        {
            period.Add(episodes[i]);
        }

        return period;
    }

    private static void Check(Child child, LookedAfterCheckKind kind, DateOnly? date)
    {
        if (date is { } d && !child.LookedAfterChecks.Exists(c => c.Kind == kind && c.Date == d))
        {
            child.LookedAfterChecks.Add(new LookedAfterCheck { Kind = kind, Date = d });
        }
    }

    // List 9: the care leaver's status as at the workbook's date. When the latest status held in the 12 months
    // before says the same, it stands; otherwise the status on the as-at date is recorded (or updated).
    private bool CareLeaver(Child child, AnnexAList list, AnnexARow row)
    {
        var latest = child.CareLeaverStatuses.Where(s => s.Date <= _asAt && s.Date > _asAt.AddMonths(-12)).OrderByDescending(s => s.Date).FirstOrDefault();
        var status = new CareLeaverStatus { Date = _asAt };
        if (latest is not null)
        {
            status.InTouch = latest.InTouch;
            status.Activity = latest.Activity;
            status.Accommodation = latest.Accommodation;
            status.Eligibility = latest.Eligibility;
            status.PersonalAdviser = latest.PersonalAdviser;
            status.LatestPathwayPlanReviewDate = latest.LatestPathwayPlanReviewDate;
            status.LatestContactDate = latest.LatestContactDate;
        }

        status.PersonalAdviser = row.Text(list["Allocated Personal Advisor"]) ?? status.PersonalAdviser;
        status.Eligibility = row.Text(list["Eligibility Category"]) ?? status.Eligibility;
        status.LatestPathwayPlanReviewDate = row.Date(list["Latest Pathway Plan Review Date"]) ?? status.LatestPathwayPlanReviewDate;
        status.LatestContactDate = row.Date(list["Latest Date of Contact"]) ?? status.LatestContactDate;
        if (row.Text(list["LA in Touch"]) is { } inTouch)
        {
            status.InTouch = InTouch.CodeFor(inTouch, status.InTouch, row.Written(list["LA in Touch"]));
        }

        if (row.Text(list["Activity Status"]) is { } activity)
        {
            status.Activity = Activity.CodeFor(activity, status.Activity);
        }

        var heldLetter = status.Accommodation is { Length: > 0 } a ? a[..1] : null;
        var letter = row.Text(list["Type of Accommodation"]) is { } type ? AccommodationType.CodeFor(type, heldLetter) : heldLetter;
        var suitability = row.Text(list["Suitability of Accommodation"]) switch
        {
            "a) Suitable" => "1",
            "b) Not suitable" => "2",
            null => status.Accommodation is { Length: > 1 } held ? held[1..] : "",
            _ => "",
        };
        status.Accommodation = letter is null ? status.Accommodation : letter + suitability;

        if (latest is not null && Same(latest, status))
        {
            return true;
        }

        if (latest?.Date == _asAt)
        {
            child.CareLeaverStatuses.Remove(latest);
            _db.CareLeaverStatuses.Remove(latest);
        }

        child.CareLeaverStatuses.Add(status);
        return true;
    }

    private static bool Same(CareLeaverStatus a, CareLeaverStatus b) =>
        (a.InTouch, a.Activity, a.Accommodation, a.Eligibility, a.PersonalAdviser, a.LatestPathwayPlanReviewDate, a.LatestContactDate) ==
        (b.InTouch, b.Activity, b.Accommodation, b.Eligibility, b.PersonalAdviser, b.LatestPathwayPlanReviewDate, b.LatestContactDate);

    // List 10: a decision that the child should be placed for adoption, matched by its date.
    private bool Adoption(Child child, AnnexAList list, AnnexARow row)
    {
        var date = row.Date(list["Date of Decision that Child Should be Placed for Adoption"])!.Value;
        var decision = child.AdoptionDecisions.FirstOrDefault(a => a.DecisionDate == date);
        if (decision is null)
        {
            child.AdoptionDecisions.Add(decision = new AdoptionDecision { DecisionDate = date });
        }

        decision.FamilyIdentifier = row.Text(list["Family identifier"]) ?? decision.FamilyIdentifier;
        decision.EnteredCareDate = row.Date(list["Date the Child Entered Care"]) ?? decision.EnteredCareDate;
        decision.PlacementOrderDate = row.Date(list["Date of Placement Order"]) ?? decision.PlacementOrderDate;
        decision.MatchedDate = row.Date(list["Date of Matching Child and Prospective Adopters"]) ?? decision.MatchedDate;
        decision.PlacedDate = row.Date(list["Date Placed for Adoption"]) ?? decision.PlacedDate;
        decision.AdoptionOrderDate = row.Date(list["Date of Adoption Order"]) ?? decision.AdoptionOrderDate;
        decision.ReversalDate = row.Date(list["Date of Decision that Child Should No Longer be Placed for Adoption"]) ?? decision.ReversalDate;
        decision.ReversalReason = row.Text(list["Reason Why Child No Longer Placed for Adoption"]) ?? decision.ReversalReason;
        decision.FosteringForAdoptionDate = row.Date(list["Date the child was placed for fostering in FFA or concurrent planning placement"]) ?? decision.FosteringForAdoptionDate;
        return true;
    }

    // List 11: an adopter, matched by the individual adopter identifier.
    private bool Adopter(AnnexAList list, AnnexARow row)
    {
        if (!_adopters.TryGetValue(row.ChildId, out var adopter))
        {
            _db.Adopters.Add(adopter = new Adopter { AdopterId = row.ChildId });
            _adopters[row.ChildId] = adopter;
        }

        adopter.FamilyIdentifier = row.Text(list["Family identifier"]) ?? adopter.FamilyIdentifier;
        if (row.Text(list[AnnexASchema.Gender]) is { } gender)
        {
            adopter.Sex = SexOf(gender);
        }

        if (row.Text(list[AnnexASchema.Ethnicity]) is { } ethnicity)
        {
            adopter.Ethnicity = Ethnicity.CodeFor(ethnicity, adopter.Ethnicity, row.Written(list[AnnexASchema.Ethnicity]));
        }

        if (row.Text(list["Disability"]) is { } disability)
        {
            adopter.HasDisability = BooleanOf(disability);
        }

        if (row.Text(list["Is the (prospective) adopter fostering for adoption?"]) is { } fostering)
        {
            adopter.FosteringForAdoption = fostering == "a) Yes";
        }

        adopter.EnquiryDate = row.Date(list["Date enquiry received"])!.Value;
        adopter.Stage1StartDate = row.Date(list["Date Stage 1 started"]) ?? adopter.Stage1StartDate;
        adopter.Stage1EndDate = row.Date(list["Date Stage 1 ended"]) ?? adopter.Stage1EndDate;
        adopter.Stage2StartDate = row.Date(list["Date Stage 2 started"]) ?? adopter.Stage2StartDate;
        adopter.Stage2EndDate = row.Date(list["Date Stage 2 ended"]) ?? adopter.Stage2EndDate;
        adopter.ApplicationDate = row.Date(list["Date application submitted"]) ?? adopter.ApplicationDate;
        adopter.ApprovalDate = row.Date(list["Date application approved"]) ?? adopter.ApprovalDate;
        adopter.MatchedDate = row.Date(list["Date adopter matched with child(ren)"]) ?? adopter.MatchedDate;
        adopter.PlacedDate = row.Date(list["Date child/children placed with adopter(s)"]) ?? adopter.PlacedDate;
        adopter.ChildrenPlaced = row.Number(list["No. of children placed"]) ?? adopter.ChildrenPlaced;
        adopter.AdoptionOrderDate = row.Date(list["Date of Adoption Order"]) ?? adopter.AdoptionOrderDate;
        adopter.LeftDate = row.Date(list["Date of leaving adoption process"]) ?? adopter.LeftDate;
        adopter.LeftReason = row.Text(list["Reason for leaving adoption process"]) ?? adopter.LeftReason;
        return true;
    }

    /// <summary>Keeps the figure the workbook reports for a column that sums up the months before its date.</summary>
    private void Report(Child child, AnnexAList list, AnnexARow row, DateOnly rowDate, string header)
    {
        var column = list[header];
        if (!row.Values.TryGetValue(column, out var value))
        {
            return;
        }

        var text = value is int n ? n.ToString(System.Globalization.CultureInfo.InvariantCulture) : (string)value;
        var reported = child.AnnexAReportedValues.FirstOrDefault(r => r.AsAt == _asAt && r.List == list.Number && r.RowDate == rowDate && r.Column == header);
        if (reported is null)
        {
            child.AnnexAReportedValues.Add(new AnnexAReportedValue { AsAt = _asAt, List = list.Number, RowDate = rowDate, Column = header, Value = text });
        }
        else
        {
            reported.Value = text;
        }
    }

    /// <summary>Notes the team and worker a row says hold the child's case; the earliest row date of the child's is
    /// when the allocation is taken to have begun.</summary>
    private void NoteAllocation(Child child, AnnexAList list, AnnexARow row, DateOnly date)
    {
        if (row.Text(list[AnnexASchema.AllocatedTeam]) is not { } team)
        {
            return;
        }

        var worker = row.Text(list[AnnexASchema.AllocatedWorker]) is { } name && !name.Equals(AnnexASchema.Unallocated, StringComparison.OrdinalIgnoreCase) ? name : null;
        var from = date > _asAt ? _asAt : date;
        if (_allocations.TryGetValue(child, out var noted))
        {
            from = noted.From < from ? noted.From : from;
            (team, worker) = (noted.Team, noted.Worker);
        }

        _allocations[child] = (team, worker, from);
    }

    /// <summary>Whether the team and worker already hold the child's case on the as-at date (or, for a case closed by
    /// then, were the last to hold it: what the export writes).</summary>
    private bool Holds(Child child, string teamName, string? workerName)
    {
        var current = AnnexAExporter.AllocatedOn(child.Allocations, _asAt);
        return current is not null && Named(_teams.FirstOrDefault(t => t.Id == current.TeamId)?.Name, teamName)
               && (workerName is null ? current.WorkerId is null : Named(_workers.FirstOrDefault(w => w.Id == current.WorkerId)?.Name, workerName));
    }

    /// <summary>Makes the team and worker the child's allocation on the as-at date.</summary>
    private void Allocate(Child child, string teamName, string? workerName, DateOnly from)
    {
        var team = TeamNamed(teamName)!;
        var worker = workerName is null ? null : WorkerNamed(workerName, team);
        if (child.Allocations.Exists(a => a.StartDate >= from))
        {
            from = _asAt; // known only to hold on the as-at date
        }

        foreach (var open in child.Allocations.Where(a => a.StartDate < from && a.IsOpenOn(from)))
        {
            open.EndDate = from.AddDays(-1);
        }

        var same = child.Allocations.FirstOrDefault(a => a.StartDate == from);
        if (same is null)
        {
            child.Allocations.Add(same = new Allocation { StartDate = from, Reason = AllocationReason.Other });
        }

        same.TeamId = team.Id;
        same.WorkerId = worker?.Id;
        same.EndDate = ClosedOn(child) is { } closed && closed >= from ? closed : null;
    }

    /// <summary>When the child's case closed, if it is closed on the as-at date: no CIN episode or period of care open
    /// then, and no care leaver status in the 12 months before; an allocation taken from the workbook ends then, so
    /// that a closed case does not count in a worker's caseload.</summary>
    private DateOnly? ClosedOn(Child child)
    {
        if (child.CinEpisodes.Exists(e => e.IsOpenOn(_asAt))
            || child.LookedAfterEpisodes.Exists(e => e.IsOpenOn(_asAt))
            || child.CareLeaverStatuses.Exists(s => s.Date <= _asAt && s.Date > _asAt.AddMonths(-12)))
        {
            return null;
        }

        return child.CinEpisodes.Select(e => e.ClosureDate).Concat(child.LookedAfterEpisodes.Select(e => e.EndDate)).Where(d => d <= _asAt).Max();
    }

    private static bool Named(string? held, string name) => held is not null && held.Trim().Equals(name.Trim(), StringComparison.OrdinalIgnoreCase);

    private Team? TeamNamed(string name) => _teams.FirstOrDefault(t => Named(t.Name, name));

    /// <summary>The worker of this name (the one in the team, if several share it).</summary>
    private Worker? WorkerNamed(string name, Team team)
    {
        var named = _workers.Where(w => Named(w.Name, name)).ToList();
        return named.Find(w => w.TeamId == team.Id) ?? named.FirstOrDefault();
    }

    /// <summary>Adds the teams and workers the allocations name that Sightline does not hold: a team under
    /// <see cref="ServiceNotRecorded"/>, a worker as a social worker in the team first named with them, with the staff
    /// ID <c>annex-a:NAME</c>. Allocations refer to them by key, so each kind is saved once.</summary>
    private void AddTeamsAndWorkers(IEnumerable<(string Team, string? Worker, DateOnly From)> allocations)
    {
        var wanted = allocations.ToList();
        Service? service = null;
        foreach (var name in wanted.Select(w => w.Team.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).Where(n => TeamNamed(n) is null))
        {
            service ??= _db.Services.FirstOrDefault(s => s.Name == ServiceNotRecorded) ?? _db.Services.Add(new Service { Name = ServiceNotRecorded }).Entity;
            var team = new Team { Name = name };
            service.Teams.Add(team);
            _teams.Add(team);
        }

        _db.SaveChanges();
        foreach (var (teamName, workerName, from) in wanted.Where(w => w.Worker is not null).OrderBy(w => w.From))
        {
            var team = TeamNamed(teamName)!;
            if (WorkerNamed(workerName!, team) is not null)
            {
                continue;
            }

            var staffId = "annex-a:" + workerName!.Trim();
            for (var n = 2; _workers.Exists(w => w.StaffId == staffId); n++)
            {
                staffId = $"annex-a:{workerName.Trim()} ({n})";
            }

            var worker = new Worker { StaffId = staffId, Name = workerName.Trim(), TeamId = team.Id, Role = WorkerRole.SocialWorker, StartDate = from };
            _db.Workers.Add(worker);
            _workers.Add(worker);
        }

        _db.SaveChanges();
    }
}
