using Sightline.Calendar;
using Sightline.Model;

namespace Sightline.Cli.Generation;

/// <summary>Makes one child's journey through children's social care: referrals, assessments, strategy
/// discussions and enquiries, conferences, plans with their reviews, visits and actions, step decisions,
/// pre-proceedings, care proceedings and care, with the allocations that hold the case. The rates come
/// from <see cref="Rates"/>; the imperfections the seeds describe are seeded at those rates too.</summary>
internal sealed class Journeys(Random random, Ids ids, Workforce workforce, WorkingDayCalendar calendar, DateOnly start, DateOnly end)
{
    private static readonly (string Code, double Weight)[] Sources =
    [
        ("6", 29), ("2A", 19), ("3A", 3), ("3B", 2), ("3C", 1), ("3D", 2), ("3E", 2), ("3F", 5), ("5A", 4), ("5B", 2),
        ("5C", 2), ("5D", 3), ("1A", 5), ("1B", 1), ("1C", 2), ("1D", 2), ("2B", 2), ("4", 2), ("7", 1), ("8", 4), ("9", 1), ("10", 0.5),
    ];

    private static readonly (string Code, double Weight)[] Needs =
    [
        ("N1", 57), ("N2", 5), ("N3", 3), ("N4", 9), ("N5", 13), ("N6", 2), ("N7", 0.5), ("N8", 5), ("N9", 4), ("N0", 1.5),
    ];

    private static readonly (string Code, double Weight)[] Ethnicities =
    [
        ("WBRI", 66), ("WOTH", 6), ("WIRI", 0.5), ("WROM", 1), ("WIRT", 0.3), ("MWBC", 3), ("MWBA", 1), ("MWAS", 1.5), ("MOTH", 3),
        ("AIND", 1.5), ("APKN", 3), ("ABAN", 1), ("AOTH", 1.5), ("BCRB", 1.5), ("BAFR", 3.5), ("BOTH", 1), ("CHNE", 0.3),
        ("OOTH", 2.5), ("REFU", 0.4), ("NOBT", 1.5),
    ];

    private static readonly (string Code, double Weight)[] Categories = [("NEG", 50), ("EMO", 37), ("PHY", 7), ("SAB", 4), ("MUL", 2)];

    private static readonly string[] Factors =
        ["1B", "2B", "3A", "3B", "4A", "4B", "5B", "6B", "7A", "10A", "11A", "13A", "14A", "15A", "16A", "17A", "18B", "18C", "19B", "19C", "20", "22A", "23A", "24A"];

    private static readonly string[] Disabilities = ["MOB", "HAND", "PC", "INC", "COMM", "LD", "HEAR", "VIS", "BEH", "CON", "AUT", "DDA"];

    private static readonly (string Owner, string Action)[] PartnerActions =
    [
        ("School", "monitor attendance and share any concerns with the social worker the same day"),
        ("Health visitor", "complete the child's developmental review and share the outcome"),
        ("GP", "review the parent's medication and mental health support"),
        ("Police", "share domestic abuse notifications with the social worker within 24 hours"),
        ("Housing", "assess the family's housing need and report on repairs"),
        ("CAMHS", "offer an assessment of the child's emotional health"),
        ("Substance misuse service", "provide the parent with a keyworker and share test results monthly"),
        ("Domestic abuse service", "offer the parent a place on a recovery programme"),
        ("Parent", "attend every appointment with the substance misuse service"),
        ("Parent", "keep the home safe and clean, as agreed with the social worker"),
    ];

    private static readonly string[] WorkerActions =
    [
        "complete direct work with the child on their wishes and feelings",
        "visit unannounced to check home conditions",
        "arrange a family group conference",
        "complete a chronology and share it with the core group",
        "refer the family to the parenting programme",
        "update the safety plan with the family and the wider network",
    ];

    private static readonly string[] StepUpReasons =
    [
        "Risks have increased despite support under the child in need plan; threshold for significant harm is met.",
        "Repeated incidents of domestic abuse with the child present; the plan has not reduced the risk.",
        "Home conditions have deteriorated further and the parent has not engaged with the plan.",
    ];

    private static readonly string[] StepDownReasons =
    [
        "Risks have reduced and been sustained for three months; the family is engaging well.",
        "The conference agreed the child is no longer at risk of significant harm; support continues under a child in need plan.",
        "The family has made and sustained the changes set out in the plan.",
    ];

    private readonly List<Action> _afterAllocation = [];
    private int _childNumber;

    /// <summary>Allocations made so far, for the supervision that follows: who held which child when.</summary>
    public List<Allocation> Allocations { get; } = [];

    /// <summary>Makes the next child, whose first referral falls on <paramref name="firstReferral"/>.</summary>
    public Child Next(DateOnly firstReferral)
    {
        _childNumber++;
        var child = new Child
        {
            Id = ids.Next<Child>(),
            LAChildId = $"C{_childNumber:D7}",
            Ethnicity = Pick(Ethnicities),
        };
        var unborn = random.NextDouble() < 0.03;
        DateOnly dateOfBirth;
        if (unborn)
        {
            var expected = firstReferral.AddDays(random.Next(30, 150));
            child.ExpectedDateOfBirth = expected;
            dateOfBirth = expected.AddDays(random.Next(-14, 10));
        }
        else
        {
            dateOfBirth = firstReferral.AddDays(-AgeInDays());
        }

        if (dateOfBirth <= end)
        {
            child.DateOfBirth = dateOfBirth;
            child.Sex = random.NextDouble() switch { < 0.515 => Sex.Male, < 0.99 => Sex.Female, < 0.997 => Sex.NotRecorded, _ => Sex.Indeterminate };
        }

        var schoolAge = dateOfBirth.AddYears(5) <= end;
        if (schoolAge && random.NextDouble() < 0.9)
        {
            child.Upn = $"{(char)('A' + random.Next(0, 26))}{random.NextInt64(10_000_000_000, 99_999_999_999)}{random.Next(0, 10)}";
        }
        else
        {
            child.UpnUnknownReason = schoolAge ? "UN5" : "UN1";
        }

        if (random.NextDouble() < 0.11)
        {
            foreach (var code in Disabilities.OrderBy(_ => random.Next()).Take(random.Next(1, 3)))
            {
                child.Disabilities.Add(new ChildDisability { Id = ids.Next<ChildDisability>(), ChildId = child.Id, Code = code });
            }
        }

        if (!unborn && random.NextDouble() < 0.1)
        {
            var helpStart = firstReferral.AddDays(-random.Next(60, 400));
            if (helpStart >= start)
            {
                AddEarlyHelp(child, helpStart, firstReferral.AddDays(-random.Next(1, 30)));
            }
        }

        var eighteenth = dateOfBirth.AddYears(18);
        var referral = firstReferral;
        var previousHadPlan = random.NextDouble() < Rates.PlanBeforeTheseYears ? 1 : 0;
        while (referral <= end && referral < eighteenth)
        {
            var closure = AddEpisode(child, referral, eighteenth, ref previousHadPlan);
            if (closure is null || child.DateOfDeath is not null || random.NextDouble() >= Rates.AnotherReferral)
            {
                break;
            }

            var withinYear = random.NextDouble() < Rates.AnotherReferralWithinYear;
            var earliest = closure.Value.AddDays(7);
            var latestWithinYear = referral.AddDays(364);
            referral = withinYear && earliest < latestWithinYear
                ? earliest.AddDays(random.Next(0, latestWithinYear.DayNumber - earliest.DayNumber + 1))
                : earliest.AddDays(random.Next(60, 1100));
        }

        AddExtraContacts(child);

        // Visits and actions wait for the episode's allocations; any left waiting would be lost with the child.
        if (_afterAllocation.Count > 0)
        {
            throw new InvalidOperationException($"Child {child.LAChildId} has visits or actions that were never recorded.");
        }

        return child;
    }

    /// <summary>One child in need episode from referral to closure; returns the closure date, or null while open.</summary>
    private DateOnly? AddEpisode(Child child, DateOnly referral, DateOnly eighteenth, ref int previousPlans)
    {
        var episode = new CinEpisode
        {
            Id = ids.Next<CinEpisode>(),
            ChildId = child.Id,
            ReferralDate = referral,
            ReferralSource = Pick(Sources) is var source && source == "5D" && CinCodes.CensusYearOf(referral) < 2023 ? "5B" : source,
            PrimaryNeed = child.Disabilities.Count > 0 && random.NextDouble() < 0.5 ? "N2" : Pick(Needs),
        };
        child.CinEpisodes.Add(episode);
        child.Contacts.Add(new Contact { Id = ids.Next<Contact>(), ChildId = child.Id, Date = referral.AddDays(-random.Next(0, 3)), Source = episode.ReferralSource, LedToReferral = true });
        var periods = new List<(TeamKind Kind, DateOnly From)>();

        if (random.NextDouble() < Rates.ReferralNfa)
        {
            episode.ReferralNfa = true;
            return Close(episode, calendar.AddWorkingDays(referral, random.Next(0, 2)), "RC8", child, periods);
        }

        periods.Add((episode.PrimaryNeed == "N2" ? TeamKind.DisabledChildren : TeamKind.FrontDoor, referral));
        var assessment = new Assessment
        {
            Id = ids.Next<Assessment>(),
            CinEpisodeId = episode.Id,
            StartDate = calendar.AddWorkingDays(referral, random.Next(0, 3)),
            ChildSeen = child.IsBornBy(referral) ? random.NextDouble() < 0.97 : false,
        };
        episode.Assessments.Add(assessment);
        var authorised = calendar.AddWorkingDays(referral, AssessmentWorkingDays());
        if (authorised < assessment.StartDate)
        {
            authorised = assessment.StartDate;
        }

        var stepsIntoPlans = authorised;
        if (random.NextDouble() < Rates.Section47)
        {
            var strategy = calendar.AddWorkingDays(referral, random.Next(0, 6));
            var discussion = new StrategyDiscussion { Id = ids.Next<StrategyDiscussion>(), CinEpisodeId = episode.Id, Date = strategy, Section47Started = true };
            if (strategy <= end)
            {
                episode.StrategyDiscussions.Add(discussion);
                var enquiry = new Section47Enquiry
                {
                    Id = ids.Next<Section47Enquiry>(),
                    CinEpisodeId = episode.Id,
                    StrategyDiscussionId = discussion.Id,
                    StartDate = strategy,
                    IcpcTargetDate = calendar.Deadline(strategy, 15),
                };
                episode.Section47Enquiries.Add(enquiry);
                if (random.NextDouble() < Rates.ConferenceNeeded)
                {
                    var conferenceDay = random.NextDouble() < Rates.ConferenceOnTime ? random.Next(11, 16) : random.Next(16, 35);
                    var conference = calendar.AddWorkingDays(strategy, conferenceDay);
                    enquiry.EndDate = calendar.AddWorkingDays(strategy, Math.Min(conferenceDay, 10));
                    if (conference <= end)
                    {
                        // A child protection plan is for a child: a conference on or after the 18th birthday makes none.
                        var makesPlan = random.NextDouble() < Rates.ConferenceMakesPlan && conference < eighteenth;
                        episode.InitialConferences.Add(new InitialConference { Id = ids.Next<InitialConference>(), CinEpisodeId = episode.Id, Section47EnquiryId = enquiry.Id, Date = conference, ResultedInPlan = makesPlan });
                        if (makesPlan)
                        {
                            if (authorised > conference)
                            {
                                authorised = conference;
                            }

                            assessment.AuthorisationDate = authorised <= end ? authorised : null;
                            assessment.NeedsServices = true;
                            AddFactors(assessment, authorised);
                            return ChildProtection(child, episode, conference, eighteenth, periods, ref previousPlans);
                        }
                    }
                }
                else
                {
                    enquiry.IcpcNotRequired = true;
                    enquiry.EndDate = calendar.AddWorkingDays(strategy, random.Next(5, 15));
                    if (enquiry.EndDate > end)
                    {
                        enquiry.EndDate = null;
                    }
                }
            }
        }

        if (authorised > end)
        {
            return Open(child, periods); // the assessment is still open
        }

        assessment.AuthorisationDate = authorised;
        AddFactors(assessment, authorised);
        assessment.NeedsServices = random.NextDouble() < 0.62;
        if (assessment.NeedsServices == true && random.NextDouble() < Rates.Accommodated / 0.62)
        {
            var accommodated = authorised.AddDays(random.Next(0, 30));
            if (accommodated <= end && accommodated < eighteenth)
            {
                LookedAfter(child, accommodated, "V2", eighteenth, null, periods);
                return child.LookedAfterEpisodes[^1].EndDate is { } left
                    ? Close(episode, left, "RC7", child, periods)
                    : Open(child, periods);
            }
        }

        if (assessment.NeedsServices == true && random.NextDouble() < Rates.CinPlan / 0.62)
        {
            return ChildInNeed(child, episode, stepsIntoPlans.AddDays(random.Next(0, 10)), eighteenth, periods);
        }

        if (assessment.NeedsServices == false && CinCodes.CensusYearOf(authorised) >= 2023 && random.NextDouble() < 0.3)
        {
            var closed = Close(episode, LastEvent(episode, authorised).AddDays(random.Next(0, 6)), "RC9", child, periods);
            if (closed is { } date)
            {
                AddStep(child, date, ServiceLevel.ChildInNeed, ServiceLevel.EarlyHelp, "Needs can be met by early help; the family agreed to a family support worker.", periods);
                AddEarlyHelp(child, date.AddDays(random.Next(0, 10)), null);
            }

            return closed;
        }

        return Close(episode, LastEvent(episode, authorised).AddDays(random.Next(0, 6)), assessment.NeedsServices == true ? "RC7" : "RC8", child, periods);
    }

    private DateOnly? ChildInNeed(Child child, CinEpisode episode, DateOnly planStart, DateOnly eighteenth, List<(TeamKind Kind, DateOnly From)> periods)
    {
        if (planStart > end)
        {
            return Open(child, periods);
        }

        // Support that would begin at 18 is for adult services: the episode closes instead of a plan starting.
        if (planStart >= eighteenth)
        {
            return Close(episode, planStart, "RC6", child, periods);
        }

        if (episode.PrimaryNeed != "N2")
        {
            periods.Add((TeamKind.Safeguarding, planStart));
        }

        // A long tail of plans that run on without review or escalation: the drift the seeds describe.
        var months = random.NextDouble() < 0.08 ? random.Next(12, 30) : random.Next(2, 12);
        var planEnd = BeforeEighteen(planStart.AddMonths(months).AddDays(random.Next(0, 28)), eighteenth);

        var plan = new CinPlan
        {
            Id = ids.Next<CinPlan>(),
            CinEpisodeId = episode.Id,
            StartDate = planStart,
            EndDate = planEnd <= end ? planEnd : null,
            HasContingencyPlan = random.NextDouble() < Rates.PlanWithContingency,
        };
        episode.CinPlans.Add(plan);
        var last = Min(planEnd, end);
        for (var review = NextReview(planStart, 3); review <= last; review = NextReview(review, 3))
        {
            plan.Reviews.Add(new CinPlanReview { Id = ids.Next<CinPlanReview>(), CinPlanId = plan.Id, Date = review });
        }

        Visits(child, VisitKind.ChildInNeed, planStart, last, 20);
        Actions(child, planStart, last, cinPlan: plan);
        return plan.EndDate is { } ended
            ? Close(episode, ended.AddDays(random.Next(0, 15)), planEnd.AddDays(1) >= eighteenth ? "RC6" : "RC7", child, periods)
            : Open(child, periods);
    }

    private DateOnly? ChildProtection(Child child, CinEpisode episode, DateOnly conference, DateOnly eighteenth, List<(TeamKind Kind, DateOnly From)> periods, ref int previousPlans)
    {
        periods.Add((episode.PrimaryNeed == "N2" ? TeamKind.DisabledChildren : TeamKind.Safeguarding, calendar.AddWorkingDays(conference, 1)));
        AddStep(child, conference, ServiceLevel.ChildInNeed, ServiceLevel.ChildProtection, StepUpReasons[random.Next(StepUpReasons.Length)], periods);
        var category = Pick(Categories);
        var planEnd = BeforeEighteen(conference.AddDays(PlanDays()), eighteenth);

        var plan = new ChildProtectionPlan
        {
            Id = ids.Next<ChildProtectionPlan>(),
            CinEpisodeId = episode.Id,
            StartDate = conference,
            InitialCategory = category,
            LatestCategory = random.NextDouble() < 0.85 ? category : Pick(Categories),
            NumberOfPreviousPlans = previousPlans,
            HasContingencyPlan = random.NextDouble() < Rates.PlanWithContingency,
        };
        previousPlans++;
        episode.ChildProtectionPlans.Add(plan);

        // Pre-proceedings, and perhaps care proceedings and care, for plans where risk does not reduce.
        DateOnly? careStart = null;
        if (random.NextDouble() < Rates.PreProceedings)
        {
            var gateway = conference.AddDays(random.Next(60, 300));
            if (gateway < planEnd && gateway <= end)
            {
                careStart = PreProceedings(child, episode, gateway, ref planEnd, periods);
            }
        }

        if (careStart is null && random.NextDouble() < 0.03)
        {
            // Accommodated with the parents' agreement (section 20) during the plan.
            var accommodated = conference.AddDays(random.Next(20, 200));
            if (accommodated < planEnd && accommodated <= end)
            {
                planEnd = accommodated;
                careStart = accommodated;
                LookedAfter(child, accommodated, "V2", eighteenth, null, periods);
            }
        }

        plan.EndDate = planEnd <= end ? planEnd : null;
        var last = Min(planEnd, end);
        var review = conference.AddMonths(3).AddDays(ReviewSlip());
        while (review <= last)
        {
            plan.ReviewConferences.Add(new ReviewConference { Id = ids.Next<ReviewConference>(), ChildProtectionPlanId = plan.Id, Date = review });
            review = review.AddMonths(6).AddDays(ReviewSlip());
        }

        var coreGroup = calendar.AddWorkingDays(conference, random.Next(5, 13));
        while (coreGroup <= last)
        {
            plan.CoreGroupMeetings.Add(new CoreGroupMeeting { Id = ids.Next<CoreGroupMeeting>(), ChildProtectionPlanId = plan.Id, Date = coreGroup });
            coreGroup = coreGroup.AddDays(random.Next(28, 50));
        }

        var eighteenMonths = conference.AddMonths(18);
        if (eighteenMonths <= last && random.NextDouble() < 0.55)
        {
            plan.SeniorReviews.Add(new SeniorReview { Id = ids.Next<SeniorReview>(), ChildProtectionPlanId = plan.Id, Date = eighteenMonths.AddDays(random.Next(-20, 30)), Outcome = "Threshold remains met; plan to be reviewed at the next conference with a view to pre-proceedings." });
        }

        Visits(child, VisitKind.ChildProtection, conference, last, 10);
        Actions(child, conference, last, cpPlan: plan);
        if (plan.EndDate is null)
        {
            return Open(child, periods);
        }

        if (careStart is not null)
        {
            return child.LookedAfterEpisodes.LastOrDefault()?.EndDate is { } left && left <= end
                ? Close(episode, left, ClosureAfterCare(child), child, periods)
                : Open(child, periods);
        }

        if (planEnd.AddDays(1) < eighteenth && random.NextDouble() < 0.55)
        {
            var stepDown = planEnd.AddDays(1);
            AddStep(child, stepDown, ServiceLevel.ChildProtection, ServiceLevel.ChildInNeed, StepDownReasons[random.Next(StepDownReasons.Length)], periods);
            return ChildInNeed(child, episode, stepDown, eighteenth, periods);
        }

        return Close(episode, planEnd.AddDays(random.Next(0, 20)), "RC7", child, periods);
    }

    /// <summary>PLO pre-proceedings from the legal gateway meeting; returns the day the child became looked
    /// after if proceedings followed, and ends the child protection plan then.</summary>
    private DateOnly? PreProceedings(Child child, CinEpisode episode, DateOnly gateway, ref DateOnly planEnd, List<(TeamKind Kind, DateOnly From)> periods)
    {
        var letter = gateway.AddDays(random.Next(5, 15));
        var startDate = letter;
        var weeks = random.NextDouble() < Rates.PreProceedingsWithin16Weeks ? random.Next(6, 17) : random.Next(17, 40);
        var decision = startDate.AddDays(weeks * 7 - random.Next(0, 7));
        var pre = new PreProceedings
        {
            Id = ids.Next<PreProceedings>(),
            ChildId = child.Id,
            CinEpisodeId = episode.Id,
            LegalGatewayDate = gateway,
            LegalGatewayDecision = LegalGatewayDecision.EnterPreProceedings,
            StartDate = startDate,
            LetterBeforeProceedingsDate = letter,
            InitialMeetingDate = letter.AddDays(random.Next(5, 12)) is var meeting && meeting <= end ? meeting : null,
            FamilyGroupDecisionMakingOffered = random.NextDouble() < 0.8,
        };
        pre.FamilyGroupDecisionMakingHeld = pre.FamilyGroupDecisionMakingOffered == true && random.NextDouble() < 0.6;
        child.PreProceedings.Add(pre);
        AddStep(child, gateway, ServiceLevel.ChildProtection, ServiceLevel.PreProceedings, "Legal gateway meeting: threshold for proceedings is met; pre-proceedings to give the family a last chance to make changes.", periods);

        // Some pre-proceedings are never reviewed: the Sefton seed's finding.
        if (random.NextDouble() > 0.2 && pre.InitialMeetingDate is { } initial)
        {
            for (var review = initial.AddDays(random.Next(35, 50)); review < decision && review <= end; review = review.AddDays(random.Next(35, 56)))
            {
                pre.Reviews.Add(new PreProceedingsReview { Id = ids.Next<PreProceedingsReview>(), PreProceedingsId = pre.Id, Date = review });
            }
        }

        if (decision > end)
        {
            return null;
        }

        pre.DecisionDate = decision;
        var roll = random.NextDouble();
        if (roll < 0.55)
        {
            pre.Outcome = PreProceedingsOutcome.SteppedDown;
            AddStep(child, decision, ServiceLevel.PreProceedings, ServiceLevel.ChildProtection, "The family has made enough progress to step down from pre-proceedings; the plan continues.", periods);
            return null;
        }

        if (roll > 0.95)
        {
            pre.Outcome = PreProceedingsOutcome.Other;
            return null;
        }

        pre.Outcome = PreProceedingsOutcome.ProceedingsIssued;
        var issue = decision.AddDays(random.Next(0, 21));
        pre.CourtApplicationDate = issue <= end ? issue : null;
        if (issue > end)
        {
            return null;
        }

        AddStep(child, issue, ServiceLevel.PreProceedings, ServiceLevel.CareProceedings, "Insufficient change within the child's timescales; the council has applied for a care order.", periods);
        var proceedings = new CareProceedings { Id = ids.Next<CareProceedings>(), ChildId = child.Id, IssueDate = issue };
        child.CareProceedings.Add(proceedings);
        var finalOrder = issue.AddDays(7 * random.Next(18, 60));
        var order = Pick([(CourtOrder.CareOrder, 45.0), (CourtOrder.SpecialGuardianshipOrder, 20), (CourtOrder.SupervisionOrder, 14), (CourtOrder.PlacementOrder, 12), (CourtOrder.ChildArrangementsOrder, 7), (CourtOrder.NoOrder, 2)]);
        if (finalOrder <= end)
        {
            proceedings.FinalOrderDate = finalOrder;
            proceedings.FinalOrder = order;
        }

        var removed = random.NextDouble() < 0.75;
        if (!removed)
        {
            return null;
        }

        planEnd = issue;
        var eighteenth = child.DateOfBirth?.AddYears(18) ?? end.AddYears(18);
        LookedAfter(child, issue, "C1", eighteenth, (finalOrder, order), periods);
        return issue;
    }

    private void LookedAfter(Child child, DateOnly from, string legalStatus, DateOnly eighteenth, (DateOnly Date, CourtOrder Order)? court, List<(TeamKind Kind, DateOnly From)> periods)
    {
        periods.Add((TeamKind.ChildrenInCare, from));
        AddStep(child, from, legalStatus == "V2" ? ServiceLevel.ChildProtection : ServiceLevel.CareProceedings, ServiceLevel.LookedAfter, "The child cannot safely remain at home; accommodated while the plan for permanence is made.", periods);

        // How care ends: with the court's order, by returning home, or at 18.
        var leaves = court switch
        {
            { Order: CourtOrder.CareOrder } => eighteenth,
            { Order: CourtOrder.PlacementOrder } x => x.Date.AddDays(random.Next(120, 420)),
            { } x => x.Date,
            null => from.AddDays(random.Next(30, 1100)),
        };
        if (leaves > eighteenth)
        {
            leaves = eighteenth;
        }

        var reason = court switch
        {
            { Order: CourtOrder.PlacementOrder } => "E11",
            { Order: CourtOrder.SpecialGuardianshipOrder } => "E43",
            { Order: CourtOrder.ChildArrangementsOrder } => "E41",
            { Order: CourtOrder.CareOrder } => "E46",
            _ => "E13",
        };
        var episodeStart = from;
        var status = legalStatus;
        var rne = "S";
        while (episodeStart <= end && episodeStart < leaves)
        {
            var next = episodeStart.AddDays(random.Next(120, 900));
            if (court is { Order: CourtOrder.CareOrder } c && status == "C1" && c.Date > episodeStart && c.Date < next)
            {
                next = c.Date;
            }

            var finished = next >= leaves;
            var episodeEnd = finished ? leaves : next;
            var placement = Pick([("U4", 40.0), ("U6", 20), ("U1", 8), ("U3", 8), ("K2", 12), ("P1", 6), ("R1", 3), ("H5", 3)]);
            child.LookedAfterEpisodes.Add(new LookedAfterEpisode
            {
                Id = ids.Next<LookedAfterEpisode>(),
                ChildId = child.Id,
                StartDate = episodeStart,
                ReasonForNewEpisode = rne,
                LegalStatus = status,
                CategoryOfNeed = "N1",
                PlacementType = placement,
                EndDate = episodeEnd <= end ? episodeEnd : null,
                ReasonEnded = episodeEnd > end ? null : finished ? reason : "X1",
            });
            if (court is { Order: CourtOrder.CareOrder } o && next == o.Date)
            {
                status = "C2";
                rne = "L";
            }
            else
            {
                rne = "P";
            }

            episodeStart = episodeEnd;
        }

        var last = Min(leaves, end);
        var review = calendar.AddWorkingDays(from, random.NextDouble() < 0.9 ? random.Next(10, 21) : random.Next(21, 40));
        var n = 0;
        while (review <= last)
        {
            child.LookedAfterReviews.Add(new LookedAfterReview { Id = ids.Next<LookedAfterReview>(), ChildId = child.Id, Date = review });
            review = (n++ == 0 ? review.AddMonths(3) : review.AddMonths(6)).AddDays(ReviewSlip());
        }

        Visits(child, VisitKind.LookedAfter, from, last, 30);
        if (leaves == eighteenth && leaves <= end)
        {
            for (var birthday = eighteenth; birthday <= end && birthday < eighteenth.AddYears(4); birthday = birthday.AddYears(1))
            {
                child.CareLeaverStatuses.Add(new CareLeaverStatus
                {
                    Id = ids.Next<CareLeaverStatus>(),
                    ChildId = child.Id,
                    Date = birthday,
                    InTouch = random.NextDouble() < 0.9 ? "YES" : "NO",
                    Activity = Pick<string>([("F1", 30.0), ("P1", 10), ("F2", 15), ("G4", 20), ("G6", 10), ("F4", 15)]),
                    Accommodation = Pick<string>([("B1", 30.0), ("K1", 20), ("S1", 20), ("T1", 10), ("U2", 5), ("Z1", 15)]),
                });
            }
        }
    }

    private string ClosureAfterCare(Child child) => child.LookedAfterEpisodes.LastOrDefault()?.ReasonEnded switch
    {
        "E11" => "RC1",
        "E43" => "RC4",
        "E41" => "RC3",
        _ => "RC7",
    };

    private DateOnly? Close(CinEpisode episode, DateOnly closure, string reason, Child child, List<(TeamKind Kind, DateOnly From)> periods)
    {
        if (closure > end)
        {
            return Open(child, periods);
        }

        if (random.NextDouble() < 0.0005 && child.DateOfBirth is { } born && born <= closure)
        {
            child.DateOfDeath = closure;
            reason = "RC2";
        }

        episode.ClosureDate = closure;
        episode.ReasonForClosure = reason == "RC9" && CinCodes.CensusYearOf(closure) < 2023 ? "RC8" : reason;
        Allocate(child, periods, closure);
        return closure;
    }

    private DateOnly? Open(Child child, List<(TeamKind Kind, DateOnly From)> periods)
    {
        Allocate(child, periods, null);
        return null;
    }

    /// <summary>Turns the periods a case spends with each kind of team into allocations to workers: a new
    /// worker when the team changes, when a worker leaves, and now and then to balance caseloads. A few cases
    /// wait unallocated first. Then records what needs the allocated worker (visits, actions).</summary>
    private void Allocate(Child child, List<(TeamKind Kind, DateOnly From)> periods, DateOnly? closure)
    {
        AllocateWorkers(child, periods, closure);
        foreach (var fillIn in _afterAllocation)
        {
            fillIn();
        }

        _afterAllocation.Clear();
    }

    private void AllocateWorkers(Child child, List<(TeamKind Kind, DateOnly From)> periods, DateOnly? closure)
    {
        var ordered = periods.Where(p => p.From <= end && (closure is null || p.From <= closure)).OrderBy(p => p.From).ToList();
        for (var i = 0; i < ordered.Count; i++)
        {
            var (kind, from) = ordered[i];
            var to = i + 1 < ordered.Count ? ordered[i + 1].From.AddDays(-1) : closure;
            if (to is { } t && t < from)
            {
                continue;
            }

            var team = workforce.TeamFor(kind, child.Id);
            var reason = i == 0 ? AllocationReason.NewCase : AllocationReason.TeamTransfer;
            var at = from;
            if (random.NextDouble() < 0.03)
            {
                var waitEnd = Min(from.AddDays(random.Next(1, 25)), to ?? end);
                AddAllocation(child, team.Team.Id, null, from, waitEnd < (to ?? end) ? waitEnd : to, reason);
                at = waitEnd.AddDays(1);
                reason = AllocationReason.Other;
            }

            int? previous = null;
            while (at <= end && (to is null || at <= to))
            {
                var worker = workforce.PickWorker(team, at, previous);
                var stop = to;
                if (worker?.LeavingDate is { } leaves && (stop is null || leaves < stop))
                {
                    stop = leaves;
                }

                if (random.NextDouble() < 0.12)
                {
                    var balanced = at.AddDays(random.Next(60, 365));
                    if (stop is null || balanced < stop)
                    {
                        stop = balanced;
                    }
                }

                AddAllocation(child, team.Team.Id, worker?.Id, at, stop > end ? null : stop, reason);
                if (stop is null || stop >= end || stop == to)
                {
                    break;
                }

                reason = worker?.LeavingDate == stop ? AllocationReason.WorkerLeft : AllocationReason.CaseloadBalancing;
                previous = worker?.Id;
                at = stop.Value.AddDays(1);
            }
        }
    }

    private void AddAllocation(Child child, int teamId, int? workerId, DateOnly from, DateOnly? to, AllocationReason reason)
    {
        var allocation = new Allocation { Id = ids.Next<Allocation>(), ChildId = child.Id, TeamId = teamId, WorkerId = workerId, StartDate = from, EndDate = to, Reason = reason };
        child.Allocations.Add(allocation);
        Allocations.Add(allocation);
    }

    private int? AllocatedWorker(Child child, DateOnly date)
    {
        for (var i = child.Allocations.Count - 1; i >= 0; i--)
        {
            if (child.Allocations[i].IsOpenOn(date))
            {
                return child.Allocations[i].WorkerId;
            }
        }

        return null;
    }

    /// <summary>Statutory visits every so many working days, with occasional long gaps (overdue visits).</summary>
    private void Visits(Child child, VisitKind kind, DateOnly from, DateOnly to, int everyWorkingDays) =>
        _afterAllocation.Add(() => VisitsNow(child, kind, from, to, everyWorkingDays));

    private void VisitsNow(Child child, VisitKind kind, DateOnly from, DateOnly to, int everyWorkingDays)
    {
        var visit = calendar.AddWorkingDays(from, random.Next(1, Math.Min(6, everyWorkingDays)));
        while (visit <= to)
        {
            var born = child.IsBornBy(visit);
            var old = born && child.DateOfBirth!.Value.AddYears(4) <= visit;
            child.Visits.Add(new Visit
            {
                Id = ids.Next<Visit>(),
                ChildId = child.Id,
                Kind = kind,
                Date = visit,
                WorkerId = AllocatedWorker(child, visit),
                ChildSeen = born && random.NextDouble() < 0.95,
                SeenAlone = old && random.NextDouble() < 0.7,
            });

            // A child not seen was not seen alone either.
            child.Visits[^1].SeenAlone &= child.Visits[^1].ChildSeen;
            var gap = random.NextDouble() < Rates.VisitGap
                ? random.Next(everyWorkingDays + 1, everyWorkingDays * 5 / 2)
                : random.Next(Math.Max(1, everyWorkingDays - 5), everyWorkingDays + 1);
            visit = calendar.AddWorkingDays(visit, gap);
        }
    }

    private void Actions(Child child, DateOnly from, DateOnly to, ChildProtectionPlan? cpPlan = null, CinPlan? cinPlan = null) =>
        _afterAllocation.Add(() => ActionsNow(child, from, to, cpPlan, cinPlan));

    private void ActionsNow(Child child, DateOnly from, DateOnly to, ChildProtectionPlan? cpPlan, CinPlan? cinPlan)
    {
        var count = random.Next(cpPlan is null ? 2 : 3, cpPlan is null ? 6 : 8);
        for (var i = 0; i < count; i++)
        {
            var byWorker = random.NextDouble() < 0.35;
            var (owner, what) = byWorker ? ("Social worker", WorkerActions[random.Next(WorkerActions.Length)]) : PartnerActions[random.Next(PartnerActions.Length)];
            var due = from.AddDays(random.Next(14, 90));
            var action = new PlanAction
            {
                Id = ids.Next<PlanAction>(),
                ChildId = child.Id,
                ChildProtectionPlanId = cpPlan?.Id,
                CinPlanId = cinPlan?.Id,
                Description = $"{owner} to {what}.",
                OwnerWorkerId = byWorker ? AllocatedWorker(child, from) : null,
                OwnerAgency = byWorker ? null : owner,
                DueDate = random.NextDouble() < Rates.ActionWithoutDueDate ? null : due,
            };
            var roll = random.NextDouble();
            var completed = roll < 0.7 ? due.AddDays(-random.Next(0, 14)) : roll < 0.85 ? due.AddDays(random.Next(1, 60)) : (DateOnly?)null;
            action.CompletedDate = completed is { } done && done <= to && done >= from ? done : null;
            var actions = cpPlan?.Actions ?? cinPlan!.Actions;

            // An action's words identify it within its plan (the plan actions extract's key): no repeats.
            if (!actions.Exists(a => a.Description == action.Description))
            {
                actions.Add(action);
            }
        }
    }

    private void AddStep(Child child, DateOnly date, ServiceLevel from, ServiceLevel to, string rationale, List<(TeamKind Kind, DateOnly From)> periods)
    {
        if (date > end)
        {
            return;
        }

        var kind = periods.Count > 0 ? periods[^1].Kind : TeamKind.FrontDoor;
        child.StepDecisions.Add(new StepDecision
        {
            Id = ids.Next<StepDecision>(),
            ChildId = child.Id,
            Date = date,
            FromLevel = from,
            ToLevel = to,
            DecidedByWorkerId = workforce.ManagerOn(workforce.TeamFor(kind, child.Id), date).Id,
            // Decisions recorded without their reasons: the Walsall and St Helens seeds' concern.
            Rationale = random.NextDouble() < 0.06 ? null : rationale,
        });
    }

    private void AddEarlyHelp(Child child, DateOnly from, DateOnly? to)
    {
        if (from > end)
        {
            return;
        }

        var completed = from.AddDays(random.Next(10, 40));
        var ends = to ?? from.AddDays(random.Next(90, 270));
        child.EarlyHelpEpisodes.Add(new EarlyHelpEpisode
        {
            Id = ids.Next<EarlyHelpEpisode>(),
            ChildId = child.Id,
            AssessmentStartDate = from,
            AssessmentCompletionDate = completed <= end ? completed : null,
            Organisation = Pick<string>([("Early help hub", 50.0), ("School", 25), ("Health visiting", 15), ("Voluntary sector", 10)]),
            EndDate = ends <= end ? ends : null,
        });
    }

    private void AddExtraContacts(Child child)
    {
        var first = child.CinEpisodes[0].ReferralDate;
        var extra = random.Next(0, 4);
        for (var i = 0; i < extra; i++)
        {
            var date = first.AddDays(random.Next(-365, 730));
            if (date >= start && date <= end && (child.DateOfBirth is null || date >= child.DateOfBirth) && (child.DateOfDeath is null || date <= child.DateOfDeath))
            {
                child.Contacts.Add(new Contact { Id = ids.Next<Contact>(), ChildId = child.Id, Date = date, Source = Pick(Sources) is var s && s == "5D" && CinCodes.CensusYearOf(date) < 2023 ? "5B" : s, LedToReferral = false });
            }
        }
    }

    private void AddFactors(Assessment assessment, DateOnly authorised)
    {
        var year = CinCodes.CensusYearOf(authorised);
        foreach (var code in Factors.OrderBy(_ => random.Next()).Take(random.Next(1, 4)))
        {
            var valid = CinCodes.AssessmentFactor.Find(code)!.ValidIn(year) ? code : code[..2] + "A";
            if (assessment.Factors.TrueForAll(f => f.Code != valid) && CinCodes.AssessmentFactor.Find(valid)?.ValidIn(year) == true)
            {
                assessment.Factors.Add(new AssessmentFactor { Id = ids.Next<AssessmentFactor>(), AssessmentId = assessment.Id, Code = valid });
            }
        }
    }


    private int AgeInDays()
    {
        var years = random.NextDouble() switch { < 0.09 => 0, < 0.31 => random.Next(1, 5), < 0.59 => random.Next(5, 10), < 0.91 => random.Next(10, 16), _ => random.Next(16, 18) };
        return years * 365 + random.Next(0, 365);
    }

    private int AssessmentWorkingDays()
    {
        var roll = random.NextDouble();
        foreach (var (from, to, cumulative) in Rates.AssessmentWorkingDays)
        {
            if (roll < cumulative)
            {
                return random.Next(from, to + 1);
            }
        }

        return 90;
    }

    private int PlanDays()
    {
        var roll = random.NextDouble();
        foreach (var (from, to, cumulative) in Rates.PlanMonths)
        {
            if (roll < cumulative)
            {
                return random.Next(from * 30, to * 30 + 1);
            }
        }

        return 36 * 30;
    }

    /// <summary>Most reviews are on time; some slip by days or weeks.</summary>
    private int ReviewSlip() => random.NextDouble() < 0.88 ? -random.Next(0, 14) : random.Next(1, 45);

    private DateOnly NextReview(DateOnly from, int months) => from.AddMonths(months).AddDays(ReviewSlip());

    private T Pick<T>((T Value, double Weight)[] options)
    {
        var total = 0.0;
        foreach (var option in options)
        {
            total += option.Weight;
        }

        var roll = random.NextDouble() * total;
        foreach (var (value, weight) in options)
        {
            roll -= weight;
            if (roll < 0)
            {
                return value;
            }
        }

        return options[^1].Value;
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    /// <summary>The last thing that happened in an episode closing after its assessment: an episode closes after its
    /// enquiries and conferences, not only after the assessment, which may be authorised first.</summary>
    private static DateOnly LastEvent(CinEpisode episode, DateOnly authorised)
    {
        var last = authorised;
        foreach (var date in episode.Section47Enquiries.Select(s => s.EndDate ?? s.StartDate).Concat(episode.InitialConferences.Select(c => c.Date)))
        {
            last = date > last ? date : last;
        }

        return last;
    }

    /// <summary>Children's plans end by the day before the child turns 18.</summary>
    private static DateOnly BeforeEighteen(DateOnly date, DateOnly eighteenth) => date < eighteenth ? date : eighteenth.AddDays(-1);
}
