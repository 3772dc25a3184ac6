using Sightline.Model;
using Sightline.Storage;

namespace Sightline.Cli.Importing;

/// <summary>How many records of each kind an import loaded from the file, and how many of those were new to the database.</summary>
public sealed class CinCensusCounts
{
    /// <summary>The kinds counted, in the order they are reported: the key used in <see cref="ImportRecord.Counts"/>, and a label.</summary>
    public static readonly (string Key, string Label)[] Kinds =
    [
        ("children", "Children"),
        ("episodes", "CIN episodes"),
        ("assessments", "Assessments"),
        ("s47s", "Section 47 enquiries"),
        ("conferences", "Initial conferences"),
        ("cp-plans", "Child protection plans"),
        ("reviews", "CP review conferences"),
        ("cin-plans", "CIN plans"),
        ("pre-proceedings", "Pre-proceedings"),
    ];

    private readonly int[] _loaded = new int[Kinds.Length];
    private readonly int[] _new = new int[Kinds.Length];

    public int Loaded(string key) => _loaded[Index(key)];

    public int New(string key) => _new[Index(key)];

    /// <summary>Counts one child read from the file, with all its records, as loaded.</summary>
    public void CountLoaded(Child child)
    {
        _loaded[0]++;
        foreach (var e in child.CinEpisodes)
        {
            _loaded[1]++;
            _loaded[2] += e.Assessments.Count;
            _loaded[3] += e.Section47Enquiries.Count;
            _loaded[4] += e.InitialConferences.Count;
            _loaded[5] += e.ChildProtectionPlans.Count;
            _loaded[6] += e.ChildProtectionPlans.Sum(p => p.ReviewConferences.Count);
            _loaded[7] += e.CinPlans.Count;
        }

        _loaded[8] += child.PreProceedings.Count;
    }

    /// <summary>Counts one record added to the database.</summary>
    public void CountNew(string key) => _new[Index(key)]++;

    private static int Index(string key) => Array.FindIndex(Kinds, k => k.Key == key) is var i and >= 0 ? i : throw new ArgumentException($"No count named '{key}'.", nameof(key));
}

/// <summary>How a child read from the census becomes records: keys for records new to the database, and the rules that
/// bring records already held up to date. The update rules live here and nowhere else (docs/data/cin-census.md):
/// <list type="bullet">
/// <item>Children are matched by <c>LAchildID</c>; episodes by referral date; assessments, Section 47 enquiries and plans
/// by their start dates within the episode; conferences and review conferences by their dates; pre-proceedings by start date.</item>
/// <item>A value the file gives replaces the stored one. A value it does not give, or gives unreadably (reported), leaves
/// the stored one as it is: a census never erases. A sex "not recorded" (0, U) gives no value.</item>
/// <item>Records the file does not list are kept: an old closed episode drops out of later censuses, and visits,
/// allocations, plan actions and the rest come from other sources.</item>
/// <item>Disabilities and assessment factors are lists the census gives whole: a list the file gives replaces the stored one.</item>
/// </list></summary>
internal sealed class CinCensusRecords(SightlineDbContext db, NewKeys keys, CinCensusCounts counts)
{
    // ---- Records new to the database ----------------------------------------------------------------------------

    /// <summary>Gives a child new to the database, and all its records, keys of their own.</summary>
    public void KeyNewChild(Child child)
    {
        child.Id = keys.Next<Child>();
        counts.CountNew("children");
        foreach (var disability in child.Disabilities)
        {
            disability.Id = keys.Next<ChildDisability>();
            disability.ChildId = child.Id;
        }

        var episodeIds = new Dictionary<int, int>();
        foreach (var episode in child.CinEpisodes)
        {
            var local = episode.Id;
            KeyNewEpisode(episode, child.Id);
            episodeIds[local] = episode.Id;
        }

        foreach (var pre in child.PreProceedings)
        {
            KeyNewPreProceedings(pre, child.Id, episodeIds[pre.CinEpisodeId!.Value]);
        }
    }


    private void KeyNewEpisode(CinEpisode episode, int childId)
    {
        episode.Id = keys.Next<CinEpisode>();
        episode.ChildId = childId;
        counts.CountNew("episodes");
        episode.Assessments.ForEach(a => KeyNewAssessment(a, episode.Id));
        var enquiryIds = new Dictionary<int, int>();
        foreach (var enquiry in episode.Section47Enquiries)
        {
            var local = enquiry.Id;
            KeyNewEnquiry(enquiry, episode.Id);
            enquiryIds[local] = enquiry.Id;
        }

        foreach (var conference in episode.InitialConferences)
        {
            KeyNewConference(conference, episode.Id, conference.Section47EnquiryId is { } local ? enquiryIds[local] : null);
        }

        episode.ChildProtectionPlans.ForEach(p => KeyNewProtectionPlan(p, episode.Id));
        episode.CinPlans.ForEach(p => KeyNewCinPlan(p, episode.Id));
    }

    private void KeyNewAssessment(Assessment assessment, int episodeId)
    {
        assessment.Id = keys.Next<Assessment>();
        assessment.CinEpisodeId = episodeId;
        counts.CountNew("assessments");
        assessment.Factors.ForEach(f => KeyNewFactor(f, assessment.Id));
    }

    private void KeyNewFactor(AssessmentFactor factor, int assessmentId)
    {
        factor.Id = keys.Next<AssessmentFactor>();
        factor.AssessmentId = assessmentId;
    }

    private void KeyNewEnquiry(Section47Enquiry enquiry, int episodeId)
    {
        enquiry.Id = keys.Next<Section47Enquiry>();
        enquiry.CinEpisodeId = episodeId;
        counts.CountNew("s47s");
    }

    private void KeyNewConference(InitialConference conference, int episodeId, int? enquiryId)
    {
        conference.Id = keys.Next<InitialConference>();
        conference.CinEpisodeId = episodeId;
        conference.Section47EnquiryId = enquiryId;
        counts.CountNew("conferences");
    }

    private void KeyNewProtectionPlan(ChildProtectionPlan plan, int episodeId)
    {
        plan.Id = keys.Next<ChildProtectionPlan>();
        plan.CinEpisodeId = episodeId;
        counts.CountNew("cp-plans");
        plan.ReviewConferences.ForEach(r => KeyNewReview(r, plan.Id));
    }

    private void KeyNewReview(ReviewConference review, int planId)
    {
        review.Id = keys.Next<ReviewConference>();
        review.ChildProtectionPlanId = planId;
        counts.CountNew("reviews");
    }

    private void KeyNewCinPlan(CinPlan plan, int episodeId)
    {
        plan.Id = keys.Next<CinPlan>();
        plan.CinEpisodeId = episodeId;
        counts.CountNew("cin-plans");
    }

    private void KeyNewPreProceedings(PreProceedings pre, int childId, int episodeId)
    {
        pre.Id = keys.Next<PreProceedings>();
        pre.ChildId = childId;
        pre.CinEpisodeId = episodeId;
        counts.CountNew("pre-proceedings");
    }

    // ---- Records already held -----------------------------------------------------------------------------------

    /// <summary>Brings a child already held, loaded with its census records and tracked, up to date with the child as
    /// the file gives it. New records are keyed and added through the context: found only through a navigation, a
    /// record with its key already set would be taken for one already held.</summary>
    public void Update(Child stored, Child read)
    {
        stored.Upn = read.Upn ?? stored.Upn;
        stored.FormerUpn = read.FormerUpn ?? stored.FormerUpn;
        stored.UpnUnknownReason = read.UpnUnknownReason ?? stored.UpnUnknownReason;
        stored.DateOfBirth = read.DateOfBirth ?? stored.DateOfBirth;
        stored.ExpectedDateOfBirth = read.ExpectedDateOfBirth ?? stored.ExpectedDateOfBirth;
        stored.DateOfDeath = read.DateOfDeath ?? stored.DateOfDeath;
        stored.Ethnicity = read.Ethnicity ?? stored.Ethnicity;
        if (read.Sex != Sex.NotRecorded)
        {
            stored.Sex = read.Sex;
        }

        ReplaceList(stored.Disabilities, read.Disabilities.Select(d => d.Code), d => d.Code,
            code => new ChildDisability { Id = keys.Next<ChildDisability>(), ChildId = stored.Id, Code = code });

        var episodeIds = new Dictionary<int, int>();
        foreach (var episode in read.CinEpisodes)
        {
            var local = episode.Id;
            episodeIds[local] = UpdateEpisode(stored, episode);
        }

        foreach (var pre in read.PreProceedings)
        {
            var episodeId = episodeIds[pre.CinEpisodeId!.Value];
            if (stored.PreProceedings.FirstOrDefault(p => p.StartDate == pre.StartDate) is not { } held)
            {
                KeyNewPreProceedings(pre, stored.Id, episodeId);
                db.Add(pre);
                continue;
            }

            held.CinEpisodeId = episodeId;
            held.LetterBeforeProceedingsDate = pre.LetterBeforeProceedingsDate ?? held.LetterBeforeProceedingsDate;
            held.InitialMeetingDate = pre.InitialMeetingDate ?? held.InitialMeetingDate;
            held.FamilyGroupDecisionMakingOffered = pre.FamilyGroupDecisionMakingOffered ?? held.FamilyGroupDecisionMakingOffered;
            held.FamilyGroupDecisionMakingHeld = pre.FamilyGroupDecisionMakingHeld ?? held.FamilyGroupDecisionMakingHeld;
            held.ReportedReviewMeetingCount = pre.ReportedReviewMeetingCount ?? held.ReportedReviewMeetingCount;
            held.DecisionDate = pre.DecisionDate ?? held.DecisionDate;
            held.Outcome = pre.Outcome ?? held.Outcome;
            held.CourtApplicationDate = pre.CourtApplicationDate ?? held.CourtApplicationDate;
        }
    }

    /// <returns>The key of the episode held.</returns>
    private int UpdateEpisode(Child stored, CinEpisode read)
    {
        if (stored.CinEpisodes.FirstOrDefault(e => e.ReferralDate == read.ReferralDate) is not { } held)
        {
            KeyNewEpisode(read, stored.Id);
            db.Add(read);
            return read.Id;
        }

        held.ReferralSource = read.ReferralSource ?? held.ReferralSource;
        held.PrimaryNeed = read.PrimaryNeed ?? held.PrimaryNeed;
        held.ReferralNfa = read.ReferralNfa;
        held.ClosureDate = read.ClosureDate ?? held.ClosureDate;
        held.ReasonForClosure = read.ReasonForClosure ?? held.ReasonForClosure;

        foreach (var assessment in read.Assessments)
        {
            if (held.Assessments.FirstOrDefault(a => a.StartDate == assessment.StartDate) is not { } a)
            {
                KeyNewAssessment(assessment, held.Id);
                db.Add(assessment);
                continue;
            }

            a.InternalReviewDate = assessment.InternalReviewDate ?? a.InternalReviewDate;
            a.AuthorisationDate = assessment.AuthorisationDate ?? a.AuthorisationDate;
            ReplaceList(a.Factors, assessment.Factors.Select(f => f.Code), f => f.Code,
                code => new AssessmentFactor { Id = keys.Next<AssessmentFactor>(), AssessmentId = a.Id, Code = code });
        }

        var enquiryIds = new Dictionary<int, int>();
        foreach (var enquiry in read.Section47Enquiries)
        {
            var local = enquiry.Id;
            if (held.Section47Enquiries.FirstOrDefault(s => s.StartDate == enquiry.StartDate) is not { } s)
            {
                KeyNewEnquiry(enquiry, held.Id);
                db.Add(enquiry);
                enquiryIds[local] = enquiry.Id;
                continue;
            }

            s.IcpcTargetDate = enquiry.IcpcTargetDate ?? s.IcpcTargetDate;
            s.IcpcNotRequired = enquiry.IcpcNotRequired;
            enquiryIds[local] = s.Id;
        }

        foreach (var conference in read.InitialConferences)
        {
            var enquiryId = conference.Section47EnquiryId is { } local ? enquiryIds[local] : (int?)null;
            if (held.InitialConferences.FirstOrDefault(c => c.Date == conference.Date) is not { } c)
            {
                KeyNewConference(conference, held.Id, enquiryId);
                db.Add(conference);
                continue;
            }

            // The census links a conference to its enquiry and says a plan followed; it never says a conference did not
            // follow an enquiry, nor that no plan followed, so neither is undone.
            c.Section47EnquiryId ??= enquiryId;
            c.ResultedInPlan |= conference.ResultedInPlan;
        }

        foreach (var plan in read.ChildProtectionPlans)
        {
            if (held.ChildProtectionPlans.FirstOrDefault(p => p.StartDate == plan.StartDate) is not { } p)
            {
                KeyNewProtectionPlan(plan, held.Id);
                db.Add(plan);
                continue;
            }

            p.EndDate = plan.EndDate ?? p.EndDate;
            p.InitialCategory = plan.InitialCategory;
            p.LatestCategory = plan.LatestCategory;
            p.NumberOfPreviousPlans = plan.NumberOfPreviousPlans;
            foreach (var review in plan.ReviewConferences.Where(r => p.ReviewConferences.All(h => h.Date != r.Date)))
            {
                KeyNewReview(review, p.Id);
                db.Add(review);
            }
        }

        foreach (var plan in read.CinPlans)
        {
            if (held.CinPlans.FirstOrDefault(p => p.StartDate == plan.StartDate) is not { } p)
            {
                KeyNewCinPlan(plan, held.Id);
                db.Add(plan);
                continue;
            }

            p.EndDate = plan.EndDate ?? p.EndDate;
        }

        return held.Id;
    }

    /// <summary>Makes a held list of codes the one the file gives, when it gives one: the census lists a child's
    /// disabilities, and an assessment's factors, whole.</summary>
    private void ReplaceList<T>(List<T> held, IEnumerable<string> given, Func<T, string> code, Func<string, T> make) where T : class
    {
        var codes = given.ToList();
        if (codes.Count == 0)
        {
            return;
        }

        foreach (var gone in held.Where(h => !codes.Contains(code(h))).ToList())
        {
            held.Remove(gone);
            db.Remove(gone);
        }

        foreach (var added in codes.Where(c => held.All(h => code(h) != c)).ToList())
        {
            db.Add(make(added));
        }
    }
}
