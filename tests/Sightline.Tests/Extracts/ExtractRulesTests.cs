using Microsoft.EntityFrameworkCore;
using Sightline.Model;
using Sightline.Storage;

namespace Sightline.Tests.Extracts;

/// <summary>The rules particular to one kind or another, as docs/data/extracts.md sets them out.</summary>
public sealed class ExtractRulesTests : IDisposable
{
    private readonly ExtractCouncil _council = new();

    private Loaded Load(string kind, string text) => _council.Load(kind, _council.WriteFile($"{Guid.NewGuid():N}.csv", text));

    private static string Reasons(Loaded loaded) => string.Join(" | ", loaded.Result.Rejected.Select(r => $"{r.Line} {r.Field}: {r.Reason}"));

    [Fact]
    public void ASupervisorMayComeLaterInTheFileOrSuperviseInTurn()
    {
        var loaded = Load("workers", """
            staff_id,name,team,role,start_date,supervisor_staff_id
            S201,Ann,Safeguarding 1,social-worker,2024-01-01,S203
            S202,Bob,Safeguarding 1,team-manager,2024-01-01,S203
            S203,Cath,Safeguarding 1,service-manager,2024-01-01,S202
            """);

        loaded.Result.Rejected.Should().BeEmpty(Reasons(loaded));
        var supervisors = _council.Written("workers").ToDictionary(w => w["staff_id"], w => w["supervisor_staff_id"]);
        supervisors["S201"].Should().Be("S203");
        supervisors["S202"].Should().Be("S203");
        supervisors["S203"].Should().Be("S202");
    }

    [Fact]
    public void AWorkerWhoseSupervisorIsRejectedIsRejectedToo()
    {
        var loaded = Load("workers", """
            staff_id,name,team,role,start_date,supervisor_staff_id
            S201,Ann,Safeguarding 1,social-worker,2024-01-01,S202
            S202,Bob,Safeguarding 1,team-manager,2024-01-01,S999
            S203,Cath,Safeguarding 1,social-worker,2024-01-01,S203
            S204,Dan,Safeguarding 1,social-worker,2024-01-01,S001
            """);

        loaded.Result.Rejected.Select(r => (r.Line, r.Field, r.Value)).Should().Equal(
            (2, "supervisor_staff_id", "S202"), (3, "supervisor_staff_id", "S999"), (4, "supervisor_staff_id", "S203"));
        loaded.Result.Rejected[2].Reason.Should().Contain("own supervisor");
        _council.Written("workers").Select(w => w["staff_id"]).Should().Equal("S001", "S002", "S003", "S204");
    }

    [Fact]
    public void AWorkersDefaultsAreFullTimePermanentAndAnFteIsChecked()
    {
        var loaded = Load("workers", """
            staff_id,name,team,role,start_date,fte,agency
            S201,Ann,Safeguarding 1,Social Worker,2024-01-01,,
            S202,Bob,Safeguarding 1,social_worker,2024-01-01,1.5,N
            S203,Cath,Safeguarding 1,SOCIAL-WORKER,2024-01-01,0.333,Y
            S204,Dan,Safeguarding 1,social-worker,2024-01-01,0.6,yes
            """);

        loaded.Result.Rejected.Select(r => (r.Line, r.Field)).Should().Equal((3, "fte"), (4, "fte"));
        var written = _council.Written("workers").ToDictionary(w => w["staff_id"]);
        (written["S201"]["fte"], written["S201"]["agency"], written["S201"]["role"]).Should().Be(("1.00", "N", "social-worker"));
        (written["S204"]["fte"], written["S204"]["agency"]).Should().Be(("0.60", "Y"));
    }

    [Fact]
    public void DatesMayBeWrittenDayFirstButPlaceholderDatesAreRefused()
    {
        var loaded = Load("visits", """
            child_id,visit_date,visit_type,child_seen
            C001,03/02/2025,cp,Y
            C001,9999-12-31,cp,Y
            C001,1900-01-01,cp,Y
            C001,2025-13-01,cp,Y
            C001,02/14/2025,cp,Y
            """);

        loaded.Result.Rejected.Select(r => r.Line).Should().Equal(3, 4, 5, 6);
        loaded.Result.Rejected[0].Reason.Should().Contain("leave it blank");
        _council.Written("visits").Single()["visit_date"].Should().Be("2025-02-03");
    }

    [Fact]
    public void ARowWithTheWrongNumberOfValuesOrTextAfterAQuoteIsRejected()
    {
        var loaded = Load("visits", "child_id,visit_date,visit_type,child_seen\r\nC001,2025-02-03,cp\r\nC001,2025-02-04,cp,Y,extra\r\n\"C001\"x,2025-02-05,cp,Y\r\nC001,2025-02-06,cp,Y\r\n");

        loaded.Result.Rejected.Select(r => r.Line).Should().Equal(2, 3, 4);
        loaded.Result.Rejected[0].Reason.Should().Be("The row has 3 values but the header has 4 columns.");
        loaded.Result.Rejected[2].Reason.Should().Contain("quoted value is followed by other text");
        _council.Count("SELECT COUNT(*) AS \"Value\" FROM \"Visits\"").Should().Be(1);
    }

    [Fact]
    public void LineNumbersCountTheLinesInsideQuotedValues()
    {
        var loaded = Load("step-decisions", "child_id,decision_date,from_level,to_level,rationale\r\nC001,2025-01-27,cin,cp,\"Three\r\nline\r\nrationale\"\r\nC002,2025-02-28,cin,cin,Same level\r\n");

        var problem = loaded.Result.Rejected.Should().ContainSingle().Subject;
        (problem.Line, problem.RecordId, problem.Field).Should().Be((5, "C002", "to_level"));
        _council.Written("step-decisions").Single()["rationale"].Should().Be("Three\r\nline\r\nrationale");
    }

    [Fact]
    public void AFileSeparatedBySemicolonsIsRefusedSayingSo()
    {
        var load = () => Load("visits", "child_id;visit_date;visit_type;child_seen\nC001;2025-02-03;cp;Y\n");
        load.Should().Throw<FileRefusedException>().WithMessage("*semicolons*");
    }

    [Fact]
    public void AHeaderNamingAColumnTwiceIsRefused()
    {
        var load = () => Load("visits", "child_id,visit_date,visit_type,child_seen,Child_Id\nC001,2025-02-03,cp,Y,C002\n");
        load.Should().Throw<FileRefusedException>().WithMessage("*child_id more than once*");
    }

    [Fact]
    public void HeadersAndCodesAreReadInAnyCase()
    {
        var loaded = Load("visits", "Child_ID,Visit_Date,Visit_Type,Child_Seen,Seen_Alone\nC001,2025-02-03,Child Protection,yes,No\nC002,2024-09-02,CIN,1,0\n");

        loaded.Result.Rejected.Should().BeEmpty(Reasons(loaded));
        _council.Written("visits").Select(v => (v["visit_type"], v["child_seen"], v["seen_alone"])).Should().Equal(("cp", "Y", "N"), ("cin", "Y", "N"));
    }

    [Fact]
    public void AChildNotSeenCannotHaveBeenSeenAlone()
    {
        var loaded = Load("visits", "child_id,visit_date,visit_type,child_seen,seen_alone\nC001,2025-02-03,cp,N,Y\n");
        loaded.Result.Rejected.Should().ContainSingle().Which.Field.Should().Be("seen_alone");
    }

    [Fact]
    public void ASessionHeldHasNoReasonForNotBeingHeld()
    {
        var loaded = Load("supervision", "staff_id,supervisor_staff_id,session_date,held,reason_not_held\nS002,S001,2025-03-03,Y,Sick\nS003,S001,2025-03-03,N,Sick\nS003,S001,2025-04-01,N,\n");

        loaded.Result.Rejected.Should().ContainSingle().Which.Line.Should().Be(2);
        _council.Written("supervision").Where(s => s["held"] == "N").Select(s => s["reason_not_held"]).Should().BeEquivalentTo("Sick", "");
    }

    [Fact]
    public void ASupervisionActionNeedsItsSessionLoadedFirst()
    {
        var loaded = Load("supervision-actions", "staff_id,session_date,action\nS002,2025-02-04,Book a visit\nS002,2025-02-03,Book a visit\n");

        var problem = loaded.Result.Rejected.Should().ContainSingle().Subject;
        (problem.Line, problem.Field).Should().Be((2, "session_date"));
        problem.Reason.Should().Contain("load the supervision extract first");
    }

    [Fact]
    public void ACompletionMarkedInTheApplicationStandsUntilTheExtractGivesAnother()
    {
        const string open = "staff_id,session_date,action,due_date,completed_date\nS002,2025-02-03,Ring the school,2025-02-10,\n";
        Load("supervision-actions", open).Count("added").Should().Be(1);
        var recordedAt = new DateTime(2025, 2, 12, 9, 30, 0, DateTimeKind.Utc);
        using (var db = _council.Database.Open())
        {
            db.SupervisionActions.Where(a => a.Description == "Ring the school").ExecuteUpdate(u => u
                .SetProperty(a => a.CompletedDate, new DateOnly(2025, 2, 11)).SetProperty(a => a.CompletedBy, "account-1").SetProperty(a => a.CompletedRecordedAt, recordedAt));
        }

        // The council's system does not know yet: the same file, or one with the same date, changes nothing.
        var again = Load("supervision-actions", open);
        (again.Count("updated"), again.Count("unchanged")).Should().Be((0, 1));
        var same = Load("supervision-actions", open.Replace("2025-02-10,\n", "2025-02-10,2025-02-11\n", StringComparison.Ordinal));
        (same.Count("updated"), same.Count("unchanged")).Should().Be((0, 1));
        using (var db = _council.Database.Open())
        {
            db.SupervisionActions.AsNoTracking().Single(a => a.Description == "Ring the school").Should().Match<SupervisionAction>(a =>
                a.CompletedDate == new DateOnly(2025, 2, 11) && a.CompletedBy == "account-1" && a.CompletedRecordedAt == recordedAt);
        }

        // Another date in the extract replaces it, and the completion is then the extract's.
        var other = Load("supervision-actions", open.Replace("2025-02-10,\n", "2025-02-10,2025-02-14\n", StringComparison.Ordinal));
        other.Count("updated").Should().Be(1);
        using (var db = _council.Database.Open())
        {
            db.SupervisionActions.AsNoTracking().Single(a => a.Description == "Ring the school").Should().Match<SupervisionAction>(a =>
                a.CompletedDate == new DateOnly(2025, 2, 14) && a.CompletedBy == null && a.CompletedRecordedAt == null);
        }
    }

    [Fact]
    public void APlanActionNamesAPlanTheCensusBroughtAndOneOwner()
    {
        var loaded = Load("plan-actions", """
            child_id,plan_type,plan_start_date,action,owner_staff_id,owner_agency
            C001,cin,2025-01-27,Visit weekly,S002,
            C001,cp,2025-01-28,Visit weekly,S002,
            C001,cp,2025-01-27,Visit weekly,S002,School
            C001,cp,2025-01-27,Visit weekly,,
            """);

        loaded.Result.Rejected.Select(r => (r.Line, r.Field)).Should().Equal((2, "plan_start_date"), (3, "plan_start_date"), (4, "owner_agency"));
        loaded.Result.Rejected[0].Reason.Should().Be("No child in need plan starting on this date is in the database for this child: load the CIN census that holds the plan first.");
    }

    [Fact]
    public void AContingencyFlagIsSetOnThePlanItself()
    {
        var loaded = Load("contingency-plans", "child_id,plan_type,plan_start_date,contingency_plan\nC001,cp,2025-01-27,N\nC002,cin,2024-08-01,Y\nC002,cp,2024-08-01,Y\n");

        loaded.Result.Rejected.Should().ContainSingle().Which.Line.Should().Be(4);
        using var db = _council.Database.Open();
        db.ChildProtectionPlans.Single(p => p.StartDate == new DateOnly(2025, 1, 27)).HasContingencyPlan.Should().BeFalse();
        db.ChildProtectionPlans.Single(p => p.StartDate == new DateOnly(2025, 3, 20)).HasContingencyPlan.Should().BeNull("a plan the file does not name keeps what it had");
        db.CinPlans.Single().HasContingencyPlan.Should().BeTrue();
    }

    [Fact]
    public void AStrategyDiscussionLinksTheEnquiryItStartedAndBelongsToTheEpisodeThen()
    {
        var loaded = Load("strategy-discussions", """
            child_id,discussion_date,section47_started,section47_start_date
            C001,2025-01-08,Y,2025-01-08
            C001,2025-01-20,Y,2025-01-21
            C003,2025-03-01,N,
            C002,2025-03-04,N,
            C002,2025-03-05,N,2025-03-05
            """);

        loaded.Result.Rejected.Select(r => (r.Line, r.Field)).Should().Equal((3, "section47_start_date"), (4, "discussion_date"), (6, "section47_start_date"));
        using var db = _council.Database.Open();
        var discussion = db.StrategyDiscussions.AsNoTracking().Single(d => d.Date == new DateOnly(2025, 1, 8));
        db.Section47Enquiries.Single().StrategyDiscussionId.Should().Be(discussion.Id);
        var closed = db.StrategyDiscussions.AsNoTracking().Single(d => d.Date == new DateOnly(2025, 3, 4));
        db.CinEpisodes.Single(e => e.Id == closed.CinEpisodeId).ReferralDate.Should().Be(new DateOnly(2024, 6, 3), "a discussion recorded after the case closed still belongs to it");
    }

    [Fact]
    public void AStrategyDiscussionNoLongerNamingAnEnquiryUnlinksIt()
    {
        Load("strategy-discussions", "child_id,discussion_date,section47_started,section47_start_date\nC001,2025-01-07,Y,2025-01-08\n");
        var moved = Load("strategy-discussions", "child_id,discussion_date,section47_started,section47_start_date\nC001,2025-01-07,Y,\nC001,2025-01-08,Y,2025-01-08\n");

        moved.Result.Rejected.Should().BeEmpty(Reasons(moved));
        _council.Written("strategy-discussions").Select(d => (d["discussion_date"], d["section47_start_date"]))
            .Should().Equal(("2025-01-07", ""), ("2025-01-08", "2025-01-08"));
    }

    [Fact]
    public void PreProceedingsBelongToTheEpisodeThenAndTheirReviewDatesAreReplacedAsAList()
    {
        Load("pre-proceedings", "child_id,start_date,review_meeting_dates,decision_date,outcome\nC001,2025-03-10,2025-04-28; 2025-06-09 ;2025-04-28,,\nC001,2025-02-01,,2025-01-01,\nC002,2024-10-01,,,stepped-down\n")
            .Result.Rejected.Select(r => (r.Line, r.Field)).Should().Equal((3, "decision_date"), (4, "outcome"));
        _council.Count("SELECT COUNT(*) AS \"Value\" FROM \"PreProceedingsReviews\"").Should().Be(2);

        var changed = Load("pre-proceedings", "child_id,start_date,review_meeting_dates\nC001,2025-03-10,2025-06-09;2025-07-21;2025-08-30\n");

        changed.Count("updated").Should().Be(1);
        using var db = _council.Database.Open();
        var pre = db.PreProceedings.Include(p => p.Reviews).AsNoTracking().Single();
        pre.Reviews.Select(r => r.Date).Order().Should().Equal(new DateOnly(2025, 6, 9), new DateOnly(2025, 7, 21), new DateOnly(2025, 8, 30));
        db.CinEpisodes.Single(e => e.Id == pre.CinEpisodeId).ReferralDate.Should().Be(new DateOnly(2025, 1, 6));
    }

    [Fact]
    public void AnAllocationWithoutAReasonIsOtherAndOneWithoutAWorkerIsUnallocated()
    {
        var loaded = Load("allocations", "child_id,team,start_date\nC003,assessment 1,2025-03-03\n");

        loaded.Result.Rejected.Should().BeEmpty(Reasons(loaded));
        var allocation = _council.Written("allocations").Single();
        (allocation["team"], allocation["staff_id"], allocation["reason"]).Should().Be(("Assessment 1", "", "other"));
    }

    [Fact]
    public void AStepDecisionMovesBetweenLevels()
    {
        var loaded = Load("step-decisions", "child_id,decision_date,from_level,to_level\nC001,2025-01-27,cp,cp\nC001,2025-01-27,cp,cin\nC001,2025-01-27,cin,cp\n");
        loaded.Result.Rejected.Should().ContainSingle().Which.Line.Should().Be(2);
        _council.Count("SELECT COUNT(*) AS \"Value\" FROM \"StepDecisions\"").Should().Be(2, "two decisions on one day are told apart by their levels");
    }

    [Fact]
    public void ARejectedRowIsKeptOnTheImportsRecordWithItsValue()
    {
        Load("visits", "child_id,visit_date,visit_type,child_seen\nC001,not a date,cp,Y\n");

        using var db = _council.Database.Open();
        var record = db.ImportRecords.Include(r => r.Rejections).Single();
        (record.Outcome, record.RecordsRead, record.RecordsLoaded, record.RecordsRejected).Should().Be((ImportOutcome.LoadedWithRejections, 1, 0, 1));
        var rejection = record.Rejections.Single();
        (rejection.Line, rejection.RecordId, rejection.Field, rejection.Value).Should().Be((2, "C001", "visit_date", "not a date"));
        record.Counts.Should().Be("added=0;updated=0;unchanged=0");
    }

    public void Dispose() => _council.Dispose();
}
