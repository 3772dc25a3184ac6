using Microsoft.EntityFrameworkCore;
using Sightline.Model;

namespace Sightline.Storage.Extracts;

/// <summary><c>visits</c>: statutory visits to children on CIN and CP plans, and visits to looked after children.</summary>
internal sealed class VisitsExtract : ExtractKind<Visit>
{
    public override string Name => "visits";

    public override IReadOnlyList<Column> Columns { get; } =
    [
        new("child_id", ColumnType.ChildId, Required: true),
        new("visit_date", ColumnType.Date, Required: true),
        Column.Code("visit_type", required: true, ExtractCodes.Visit),
        new("staff_id", ColumnType.StaffId, Required: false),
        new("child_seen", ColumnType.YesNo, Required: true),
        new("seen_alone", ColumnType.YesNo, Required: false),
    ];

    protected override string RecordIdColumn => "child_id";

    protected override string KeyDescription => "child_id and visit_date";

    protected override IEnumerable<Visit> Stored(SightlineDbContext db) => db.Visits.AsNoTracking();

    protected override object Key(Visit visit) => (visit.ChildId, visit.Date);

    protected override Visit? Read(Row row)
    {
        var child = row.Child("child_id");
        var date = row.Date("visit_date");
        var kind = row.Code("visit_type", ExtractCodes.Visit);
        var worker = row.Worker("staff_id");
        var seen = row.YesNo("child_seen");
        var alone = row.YesNo("seen_alone") ?? false;
        if (alone && seen == false)
        {
            row.Fail("seen_alone", "seen_alone is Y but child_seen is N: a child who was not seen was not seen alone.");
        }

        return child is null || date is null || kind is null || seen is null
            ? null
            : new Visit { ChildId = child.Value, Date = date.Value, Kind = kind.Value, WorkerId = worker, ChildSeen = seen.Value, SeenAlone = alone };
    }

    protected override IEnumerable<string?> Write(Visit visit) =>
    [
        Refs.ChildIds[visit.ChildId],
        Format(visit.Date),
        ExtractCodes.Visit.Write(visit.Kind),
        visit.WorkerId is { } worker ? Refs.StaffIds[worker] : null,
        Format(visit.ChildSeen),
        Format(visit.SeenAlone),
    ];
}

/// <summary><c>plan-actions</c>: the actions in CP and CIN plans; each names its plan by the child, the type
/// of plan and the plan's start date (which the CIN census carries).</summary>
internal sealed class PlanActionsExtract : ExtractKind<PlanAction>
{
    public override string Name => "plan-actions";

    public override IReadOnlyList<Column> Columns { get; } =
    [
        new("child_id", ColumnType.ChildId, Required: true),
        Column.Code("plan_type", required: true, ExtractCodes.Plan),
        new("plan_start_date", ColumnType.Date, Required: true),
        new("action", ColumnType.Text, Required: true),
        new("owner_staff_id", ColumnType.StaffId, Required: false),
        new("owner_agency", ColumnType.Text, Required: false),
        new("due_date", ColumnType.Date, Required: false),
        new("completed_date", ColumnType.Date, Required: false),
    ];

    protected override string RecordIdColumn => "child_id";

    protected override string KeyDescription => "plan and action";

    protected override IEnumerable<PlanAction> Stored(SightlineDbContext db) => db.PlanActions.AsNoTracking();

    protected override object Key(PlanAction action) => (action.ChildProtectionPlanId, action.CinPlanId, action.Description);

    protected override PlanAction? Read(Row row)
    {
        var child = row.Child("child_id");
        var type = row.Code("plan_type", ExtractCodes.Plan);
        var start = row.Date("plan_start_date");
        var description = row.Name("action");
        var owner = row.Worker("owner_staff_id");
        var agency = row.Name("owner_agency");
        var due = row.Date("due_date");
        var completed = row.Date("completed_date");
        if (owner is not null && agency is not null)
        {
            row.Fail("owner_agency", "Give owner_staff_id or owner_agency, not both: an action has one owner.");
        }

        if (child is null || type is null || start is null || description is null || PlanNamed(row, type.Value, child.Value, start.Value) is not { } plan)
        {
            return null;
        }

        return new PlanAction
        {
            ChildId = child.Value,
            ChildProtectionPlanId = type == PlanType.ChildProtection ? plan : null,
            CinPlanId = type == PlanType.ChildInNeed ? plan : null,
            Description = description,
            OwnerWorkerId = owner,
            OwnerAgency = agency,
            DueDate = due,
            CompletedDate = completed,
        };
    }

    protected override IEnumerable<string?> Write(PlanAction action)
    {
        var type = action.ChildProtectionPlanId is null ? PlanType.ChildInNeed : PlanType.ChildProtection;
        var (child, start) = Refs.PlanOf(type, action.ChildProtectionPlanId ?? action.CinPlanId!.Value);
        return
        [
            Refs.ChildIds[child],
            ExtractCodes.Plan.Write(type),
            Format(start),
            action.Description,
            action.OwnerWorkerId is { } owner ? Refs.StaffIds[owner] : null,
            action.OwnerAgency,
            Format(action.DueDate),
            Format(action.CompletedDate),
        ];
    }

    /// <summary>The plan a row names, or null (with the row rejected) when the database has no such plan.</summary>
    internal static int? PlanNamed(Row row, References references, PlanType type, int child, DateOnly start)
    {
        var plan = references.Plan(type, child, start);
        var what = type == PlanType.ChildProtection ? "child protection plan" : "child in need plan";
        if (plan is null)
        {
            row.Fail("plan_start_date", $"No {what} starting on this date is in the database for this child: load the CIN census that holds the plan first.");
        }
        else if (plan == References.Ambiguous)
        {
            row.Fail("plan_start_date", $"The child has more than one {what} starting on this date: it does not say which.");
            return null;
        }

        return plan;
    }

    private int? PlanNamed(Row row, PlanType type, int child, DateOnly start) => PlanNamed(row, Refs, type, child, start);
}

/// <summary>Whether a CP or CIN plan sets out a contingency plan: a flag on a plan the census supplies.</summary>
internal sealed class PlanContingency
{
    /// <summary>The plan's key (in its own table).</summary>
    public int Id { get; set; }

    public PlanType Type { get; set; }
    public int ChildId { get; set; }
    public DateOnly StartDate { get; set; }
    public bool? HasContingencyPlan { get; set; }
}

/// <summary><c>contingency-plans</c>: sets <c>HasContingencyPlan</c> on plans already held; it adds no plans.</summary>
internal sealed class ContingencyPlansExtract : ExtractKind<PlanContingency>
{
    public override string Name => "contingency-plans";

    public override IReadOnlyList<Column> Columns { get; } =
    [
        new("child_id", ColumnType.ChildId, Required: true),
        Column.Code("plan_type", required: true, ExtractCodes.Plan),
        new("plan_start_date", ColumnType.Date, Required: true),
        new("contingency_plan", ColumnType.YesNo, Required: true),
    ];

    protected override string RecordIdColumn => "child_id";

    protected override string KeyDescription => "child_id, plan_type and plan_start_date";

    protected override IEnumerable<PlanContingency> Stored(SightlineDbContext db)
    {
        var cp = db.ChildProtectionPlans.AsNoTracking()
            .Select(p => new { p.Id, p.CinEpisodeId, p.StartDate, p.HasContingencyPlan }).ToList()
            .Select(p => new PlanContingency { Id = p.Id, Type = PlanType.ChildProtection, ChildId = Refs.EpisodeChild[p.CinEpisodeId], StartDate = p.StartDate, HasContingencyPlan = p.HasContingencyPlan });
        var cin = db.CinPlans.AsNoTracking()
            .Select(p => new { p.Id, p.CinEpisodeId, p.StartDate, p.HasContingencyPlan }).ToList()
            .Select(p => new PlanContingency { Id = p.Id, Type = PlanType.ChildInNeed, ChildId = Refs.EpisodeChild[p.CinEpisodeId], StartDate = p.StartDate, HasContingencyPlan = p.HasContingencyPlan });
        return cp.Concat(cin);
    }

    // Plans whose council data does not say are not written: a blank would not be a statement.
    protected override bool Exported(PlanContingency plan) => plan.HasContingencyPlan is not null;

    protected override object Key(PlanContingency plan) => (plan.Type, plan.Id);

    protected override PlanContingency? Read(Row row)
    {
        var child = row.Child("child_id");
        var type = row.Code("plan_type", ExtractCodes.Plan);
        var start = row.Date("plan_start_date");
        var flag = row.YesNo("contingency_plan");
        if (child is null || type is null || start is null || flag is null || PlanActionsExtract.PlanNamed(row, Refs, type.Value, child.Value, start.Value) is not { } plan)
        {
            return null;
        }

        return new PlanContingency { Id = plan, Type = type.Value, ChildId = child.Value, StartDate = start.Value, HasContingencyPlan = flag };
    }

    protected override int NewId(ImportContext context) =>
        throw new InvalidOperationException("A contingency flag is only ever set on a plan already held.");

    protected override bool Differs(PlanContingency stored, PlanContingency read, SightlineDbContext db) =>
        stored.HasContingencyPlan != read.HasContingencyPlan;

    protected override void Insert(PlanContingency record, ImportContext context) =>
        throw new InvalidOperationException("A contingency flag is only ever set on a plan already held.");

    protected override void Update(PlanContingency stored, PlanContingency read, ImportContext context)
    {
        if (read.Type == PlanType.ChildProtection)
        {
            context.Db.ChildProtectionPlans.Where(p => p.Id == read.Id).ExecuteUpdate(s => s.SetProperty(p => p.HasContingencyPlan, read.HasContingencyPlan));
        }
        else
        {
            context.Db.CinPlans.Where(p => p.Id == read.Id).ExecuteUpdate(s => s.SetProperty(p => p.HasContingencyPlan, read.HasContingencyPlan));
        }
    }

    protected override IEnumerable<string?> Write(PlanContingency plan) =>
        [Refs.ChildIds[plan.ChildId], ExtractCodes.Plan.Write(plan.Type), Format(plan.StartDate), Format(plan.HasContingencyPlan)];
}

/// <summary><c>strategy-discussions</c>: strategy discussions and meetings, each in the child's CIN episode, and
/// the section 47 enquiry each started (linked by the enquiry's start date, which the census carries).</summary>
internal sealed class StrategyDiscussionsExtract : ExtractKind<StrategyDiscussion>
{
    private readonly Dictionary<StrategyDiscussion, int> _enquiry = new(ReferenceEqualityComparer.Instance);

    public override string Name => "strategy-discussions";

    public override IReadOnlyList<Column> Columns { get; } =
    [
        new("child_id", ColumnType.ChildId, Required: true),
        new("discussion_date", ColumnType.Date, Required: true),
        new("section47_started", ColumnType.YesNo, Required: true),
        new("section47_start_date", ColumnType.Date, Required: false),
    ];

    protected override string RecordIdColumn => "child_id";

    protected override string KeyDescription => "child_id and discussion_date";

    protected override IEnumerable<StrategyDiscussion> Stored(SightlineDbContext db) => db.StrategyDiscussions.AsNoTracking();

    protected override object Key(StrategyDiscussion discussion) => (Refs.EpisodeChild[discussion.CinEpisodeId], discussion.Date);

    protected override StrategyDiscussion? Read(Row row)
    {
        var child = row.Child("child_id");
        var date = row.Date("discussion_date");
        var started = row.YesNo("section47_started");
        var enquiryStart = row.Date("section47_start_date");
        if (enquiryStart is not null && started == false)
        {
            row.Fail("section47_start_date", "section47_start_date is given but section47_started is N.");
        }

        if (child is null || date is null || started is null)
        {
            return null;
        }

        if (Refs.EpisodeOn(child.Value, date.Value) is not { } episode)
        {
            row.Fail("discussion_date", "The child has no CIN episode referred on or before this date: load the CIN census that holds the referral first.");
            return null;
        }

        var discussion = new StrategyDiscussion { CinEpisodeId = episode, Date = date.Value, Section47Started = started.Value };
        if (enquiryStart is { } given)
        {
            if (Refs.Enquiry(episode, given) is { } enquiry)
            {
                _enquiry[discussion] = enquiry;
            }
            else
            {
                row.Fail("section47_start_date", "No section 47 enquiry starting on this date is in the database for this child's episode: load the CIN census first.");
            }
        }
        else if (started == true && Refs.Enquiry(episode, date.Value) is { } sameDay)
        {
            // Most enquiries start the day the discussion decides on them.
            _enquiry[discussion] = sameDay;
        }

        return discussion;
    }

    /// <summary>Points each enquiry at the discussion that started it (the census does not say), and unlinks
    /// any enquiry a discussion in the file no longer names.</summary>
    protected override void AfterSave(IReadOnlyList<StrategyDiscussion> records, ImportContext context)
    {
        var linkTo = new Dictionary<int, int>();
        foreach (var discussion in records)
        {
            if (_enquiry.TryGetValue(discussion, out var enquiry))
            {
                linkTo[enquiry] = discussion.Id;
            }
        }

        var discussions = records.Select(d => d.Id).ToList();
        var enquiries = linkTo.Keys.ToList();
        var affected = context.Db.Section47Enquiries
            .Where(e => enquiries.Contains(e.Id) || (e.StrategyDiscussionId != null && discussions.Contains(e.StrategyDiscussionId.Value)))
            .ToList();
        foreach (var enquiry in affected)
        {
            int? link = linkTo.TryGetValue(enquiry.Id, out var discussion) ? discussion : null;
            if (link is null && !discussions.Contains(enquiry.StrategyDiscussionId!.Value))
            {
                continue;
            }

            enquiry.StrategyDiscussionId = link;
        }
    }

    protected override IEnumerable<string?> Write(StrategyDiscussion discussion) =>
    [
        Refs.ChildIds[Refs.EpisodeChild[discussion.CinEpisodeId]],
        Format(discussion.Date),
        Format(discussion.Section47Started),
        Format(Refs.EnquiryStartedBy(discussion.Id)),
    ];
}

/// <summary><c>step-decisions</c>: decisions to step a case up or down between levels, with their rationale.</summary>
internal sealed class StepDecisionsExtract : ExtractKind<StepDecision>
{
    public override string Name => "step-decisions";

    public override IReadOnlyList<Column> Columns { get; } =
    [
        new("child_id", ColumnType.ChildId, Required: true),
        new("decision_date", ColumnType.Date, Required: true),
        Column.Code("from_level", required: true, ExtractCodes.Level),
        Column.Code("to_level", required: true, ExtractCodes.Level),
        new("decided_by_staff_id", ColumnType.StaffId, Required: false),
        new("rationale", ColumnType.Text, Required: false),
    ];

    protected override string RecordIdColumn => "child_id";

    protected override string KeyDescription => "child_id, decision_date, from_level and to_level";

    protected override IEnumerable<StepDecision> Stored(SightlineDbContext db) => db.StepDecisions.AsNoTracking();

    protected override object Key(StepDecision decision) => (decision.ChildId, decision.Date, decision.FromLevel, decision.ToLevel);

    protected override StepDecision? Read(Row row)
    {
        var child = row.Child("child_id");
        var date = row.Date("decision_date");
        var from = row.Code("from_level", ExtractCodes.Level);
        var to = row.Code("to_level", ExtractCodes.Level);
        var worker = row.Worker("decided_by_staff_id");
        var rationale = row.Text("rationale");
        if (from is not null && from == to)
        {
            row.Fail("to_level", "to_level is the same as from_level: a step decision moves a case between levels.");
        }

        return child is null || date is null || from is null || to is null
            ? null
            : new StepDecision { ChildId = child.Value, Date = date.Value, FromLevel = from.Value, ToLevel = to.Value, DecidedByWorkerId = worker, Rationale = rationale };
    }

    protected override IEnumerable<string?> Write(StepDecision decision) =>
    [
        Refs.ChildIds[decision.ChildId],
        Format(decision.Date),
        ExtractCodes.Level.Write(decision.FromLevel),
        ExtractCodes.Level.Write(decision.ToLevel),
        decision.DecidedByWorkerId is { } worker ? Refs.StaffIds[worker] : null,
        decision.Rationale,
    ];
}

/// <summary><c>pre-proceedings</c>: PLO pre-proceedings, with the dates of their review meetings listed in one column.</summary>
internal sealed class PreProceedingsExtract : ExtractKind<PreProceedings>
{
    public override string Name => "pre-proceedings";

    public override IReadOnlyList<Column> Columns { get; } =
    [
        new("child_id", ColumnType.ChildId, Required: true),
        new("legal_gateway_date", ColumnType.Date, Required: false),
        Column.Code("legal_gateway_decision", required: false, ExtractCodes.LegalGateway),
        new("start_date", ColumnType.Date, Required: true),
        new("letter_before_proceedings_date", ColumnType.Date, Required: false),
        new("initial_meeting_date", ColumnType.Date, Required: false),
        new("fgdm_offered", ColumnType.YesNo, Required: false),
        new("fgdm_held", ColumnType.YesNo, Required: false),
        new("review_meetings_reported", ColumnType.Count, Required: false),
        new("review_meeting_dates", ColumnType.Dates, Required: false),
        new("decision_date", ColumnType.Date, Required: false),
        Column.Code("outcome", required: false, ExtractCodes.PreProceedingsOutcome),
        new("court_application_date", ColumnType.Date, Required: false),
    ];

    protected override string RecordIdColumn => "child_id";

    protected override string KeyDescription => "child_id and start_date";

    protected override IEnumerable<PreProceedings> Stored(SightlineDbContext db) => db.PreProceedings.AsNoTracking().Include(p => p.Reviews);

    protected override object Key(PreProceedings pre) => (pre.ChildId, pre.StartDate);

    protected override PreProceedings? Read(Row row)
    {
        var child = row.Child("child_id");
        var gateway = row.Date("legal_gateway_date");
        var gatewayDecision = row.Code("legal_gateway_decision", ExtractCodes.LegalGateway);
        var start = row.Date("start_date");
        var letter = row.Date("letter_before_proceedings_date");
        var initial = row.Date("initial_meeting_date");
        var offered = row.YesNo("fgdm_offered");
        var held = row.YesNo("fgdm_held");
        var reported = row.Count("review_meetings_reported");
        var reviews = row.Dates("review_meeting_dates");
        var decision = row.Date("decision_date");
        var outcome = row.Code("outcome", ExtractCodes.PreProceedingsOutcome);
        var court = row.Date("court_application_date");
        if (decision < start)
        {
            row.Fail("decision_date", "decision_date is before start_date.");
        }

        if (outcome is not null && decision is null)
        {
            row.Fail("outcome", "outcome is given without decision_date: an outcome is the decision's.");
        }

        return child is null || start is null
            ? null
            : new PreProceedings
            {
                ChildId = child.Value,
                CinEpisodeId = Refs.EpisodeOn(child.Value, start.Value),
                LegalGatewayDate = gateway,
                LegalGatewayDecision = gatewayDecision,
                StartDate = start.Value,
                LetterBeforeProceedingsDate = letter,
                InitialMeetingDate = initial,
                FamilyGroupDecisionMakingOffered = offered,
                FamilyGroupDecisionMakingHeld = held,
                ReportedReviewMeetingCount = reported,
                DecisionDate = decision,
                Outcome = outcome,
                CourtApplicationDate = court,
                Reviews = reviews.Select(d => new PreProceedingsReview { Date = d }).ToList(),
            };
    }

    protected override bool Differs(PreProceedings stored, PreProceedings read, SightlineDbContext db) =>
        base.Differs(stored, read, db) || !SameReviews(stored, read);

    protected override void Insert(PreProceedings record, ImportContext context)
    {
        base.Insert(record, context);
        AddReviews(record, context);
    }

    /// <summary>The row's list of review meetings replaces the record's.</summary>
    protected override void Update(PreProceedings stored, PreProceedings read, ImportContext context)
    {
        if (!SameReviews(stored, read))
        {
            context.Db.PreProceedingsReviews.Where(r => r.PreProceedingsId == read.Id).ExecuteDelete();
            AddReviews(read, context);
        }

        read.Reviews.Clear();
        base.Update(stored, read, context);
    }

    protected override IEnumerable<string?> Write(PreProceedings pre) =>
    [
        Refs.ChildIds[pre.ChildId],
        Format(pre.LegalGatewayDate),
        ExtractCodes.LegalGateway.Write(pre.LegalGatewayDecision),
        Format(pre.StartDate),
        Format(pre.LetterBeforeProceedingsDate),
        Format(pre.InitialMeetingDate),
        Format(pre.FamilyGroupDecisionMakingOffered),
        Format(pre.FamilyGroupDecisionMakingHeld),
        Format(pre.ReportedReviewMeetingCount),
        string.Join(';', pre.Reviews.Select(r => r.Date).Order().Select(d => Format(d))),
        Format(pre.DecisionDate),
        ExtractCodes.PreProceedingsOutcome.Write(pre.Outcome),
        Format(pre.CourtApplicationDate),
    ];

    private static bool SameReviews(PreProceedings a, PreProceedings b) =>
        a.Reviews.Select(r => r.Date).ToHashSet().SetEquals(b.Reviews.Select(r => r.Date));

    /// <summary>Queues the reviews with fresh keys, and empties the list so that nothing else adds them.</summary>
    private static void AddReviews(PreProceedings pre, ImportContext context)
    {
        foreach (var review in pre.Reviews)
        {
            review.Id = context.Ids.Next<PreProceedingsReview>();
            review.PreProceedingsId = pre.Id;
            context.Loader.Add(review);
        }

        pre.Reviews.Clear();
    }
}

/// <summary><c>care-proceedings</c>: applications to court for a care or supervision order, and how they ended.</summary>
internal sealed class CareProceedingsExtract : ExtractKind<CareProceedings>
{
    public override string Name => "care-proceedings";

    public override IReadOnlyList<Column> Columns { get; } =
    [
        new("child_id", ColumnType.ChildId, Required: true),
        new("issue_date", ColumnType.Date, Required: true),
        Column.Code("final_order", required: false, ExtractCodes.CourtOrder),
        new("final_order_date", ColumnType.Date, Required: false),
    ];

    protected override string RecordIdColumn => "child_id";

    protected override string KeyDescription => "child_id and issue_date";

    protected override IEnumerable<CareProceedings> Stored(SightlineDbContext db) => db.CareProceedings.AsNoTracking();

    protected override object Key(CareProceedings proceedings) => (proceedings.ChildId, proceedings.IssueDate);

    protected override CareProceedings? Read(Row row)
    {
        var child = row.Child("child_id");
        var issued = row.Date("issue_date");
        var order = row.Code("final_order", ExtractCodes.CourtOrder);
        var ordered = row.Date("final_order_date");
        if (ordered < issued)
        {
            row.Fail("final_order_date", "final_order_date is before issue_date.");
        }

        return child is null || issued is null
            ? null
            : new CareProceedings { ChildId = child.Value, IssueDate = issued.Value, FinalOrder = order, FinalOrderDate = ordered };
    }

    protected override IEnumerable<string?> Write(CareProceedings proceedings) =>
    [
        Refs.ChildIds[proceedings.ChildId],
        Format(proceedings.IssueDate),
        ExtractCodes.CourtOrder.Write(proceedings.FinalOrder),
        Format(proceedings.FinalOrderDate),
    ];
}
