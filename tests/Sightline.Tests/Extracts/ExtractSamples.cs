using Sightline.Formats.Csv;

namespace Sightline.Tests.Extracts;

/// <summary>A good file of one kind for <see cref="ExtractCouncil"/> (three rows, every one loads), with the
/// columns its broken variants spoil and one change that updates a record.</summary>
/// <param name="Kind">The extract.</param>
/// <param name="Csv">The file: a header and three rows, no quoting needed.</param>
/// <param name="Count">SQL counting the records of this kind (as "Value").</param>
/// <param name="Before">How many the council holds before anything is loaded.</param>
/// <param name="Date">A date column, if the kind has one.</param>
/// <param name="Code">A code column, if it has one.</param>
/// <param name="Child">A column naming a child, if it has one.</param>
/// <param name="Worker">A column naming a worker, if it has one.</param>
/// <param name="Text">A free-text column, if it has one.</param>
/// <param name="Change">A value that changes the first row's record without changing its key.</param>
public sealed record ExtractSample(string Kind, string Csv, string Count, int Before, string? Date, string? Code, string? Child, string? Worker, string? Text, (string Column, string Value) Change)
{
    private static string Table(string name) => $"SELECT COUNT(*) AS \"Value\" FROM \"{name}\"";

    public static IReadOnlyList<ExtractSample> All { get; } =
    [
        new("teams", """
            team,service
            Assessment 2,Front door
            Children in Care 1,Children in care
            Safeguarding 2,Safeguarding
            """, Table("Teams"), 2, Date: null, Code: null, Child: null, Worker: null, Text: "service", Change: ("service", "Front door and assessment")),
        new("workers", """
            staff_id,name,team,role,fte,agency,qualified_date,asye_start_date,start_date,leaving_date,supervisor_staff_id
            S101,Ann Example,Safeguarding 1,social-worker,1,N,2015-07-01,,2020-09-01,,S103
            S102,Bob Example,Safeguarding 1,senior-practitioner,0.8,Y,2010-07-01,,2021-01-04,2025-03-31,S103
            S103,Cath Example,Safeguarding 1,team-manager,1,N,2005-07-01,,2019-04-01,,S001
            """, Table("Workers"), 3, Date: "start_date", Code: "role", Child: null, Worker: "supervisor_staff_id", Text: "name", Change: ("leaving_date", "2025-06-30")),
        new("absences", """
            staff_id,absence_type,start_date,end_date
            S002,sickness,2025-02-10,2025-02-12
            S002,annual-leave,2025-03-03,2025-03-07
            S003,maternity,2025-01-06,
            """, Table("WorkerAbsences"), 0, Date: "start_date", Code: "absence_type", Child: null, Worker: "staff_id", Text: null, Change: ("end_date", "2025-02-14")),
        new("allocations", """
            child_id,team,staff_id,start_date,end_date,reason
            C001,Safeguarding 1,S002,2025-01-06,2025-02-14,new-case
            C001,Safeguarding 1,S003,2025-02-15,,worker-left
            C002,Assessment 1,,2024-06-03,2025-02-28,new-case
            """, Table("Allocations"), 0, Date: "start_date", Code: "reason", Child: "child_id", Worker: "staff_id", Text: null, Change: ("end_date", "2025-02-21")),
        new("supervision", """
            staff_id,supervisor_staff_id,session_date,session_type,held,reason_not_held,notes,children_discussed
            S002,S001,2025-03-03,formal,Y,,Reflected on risk.,C001;C002
            S003,S001,2025-03-04,formal,N,Supervisor off sick.,,
            S002,S001,2025-03-10,informal,Y,,,C001
            """, Table("SupervisionSessions"), 1, Date: "session_date", Code: "session_type", Child: "children_discussed", Worker: "supervisor_staff_id", Text: "notes", Change: ("children_discussed", "C002;C003")),
        new("supervision-actions", """
            staff_id,session_date,session_type,child_id,action,due_date,completed_date
            S002,2025-02-03,formal,C001,Update the safety plan,2025-02-17,
            S002,2025-02-03,formal,C002,Book a joint visit,2025-02-24,2025-02-20
            S002,2025-02-03,formal,,Review the caseload,2025-03-03,
            """, Table("SupervisionActions"), 0, Date: "due_date", Code: "session_type", Child: "child_id", Worker: "staff_id", Text: "action", Change: ("completed_date", "2025-02-16")),
        new("visits", """
            child_id,visit_date,visit_type,staff_id,child_seen,seen_alone
            C001,2025-02-03,cp,S002,Y,Y
            C001,2025-02-14,cp,S002,Y,N
            C002,2024-09-02,cin,,N,N
            """, Table("Visits"), 0, Date: "visit_date", Code: "visit_type", Child: "child_id", Worker: "staff_id", Text: null, Change: ("staff_id", "S003")),
        new("plan-actions", """
            child_id,plan_type,plan_start_date,action,owner_staff_id,owner_agency,due_date,completed_date
            C001,cp,2025-01-27,Social worker to complete direct work,S002,,2025-03-01,
            C001,cp,2025-01-27,School to monitor attendance,,School,2025-02-28,2025-02-27
            C002,cin,2024-08-01,Health visitor to complete the review,,Health visitor,,
            """, Table("PlanActions"), 0, Date: "due_date", Code: "plan_type", Child: "child_id", Worker: "owner_staff_id", Text: "action", Change: ("completed_date", "2025-02-28")),
        new("contingency-plans", """
            child_id,plan_type,plan_start_date,contingency_plan
            C001,cp,2025-01-27,Y
            C002,cin,2024-08-01,N
            C003,cp,2025-03-20,Y
            """, """SELECT (SELECT COUNT(*) FROM "ChildProtectionPlans" WHERE "HasContingencyPlan" IS NOT NULL) + (SELECT COUNT(*) FROM "CinPlans" WHERE "HasContingencyPlan" IS NOT NULL) AS "Value" """,
            0, Date: "plan_start_date", Code: "plan_type", Child: "child_id", Worker: null, Text: null, Change: ("contingency_plan", "N")),
        new("strategy-discussions", """
            child_id,discussion_date,section47_started,section47_start_date
            C003,2025-03-05,N,
            C001,2025-01-08,Y,2025-01-08
            C002,2024-06-05,N,
            """, Table("StrategyDiscussions"), 0, Date: "discussion_date", Code: null, Child: "child_id", Worker: null, Text: null, Change: ("section47_started", "Y")),
        new("step-decisions", """
            child_id,decision_date,from_level,to_level,decided_by_staff_id,rationale
            C001,2025-01-27,cin,cp,S001,Risks increased and the threshold is met.
            C002,2025-02-28,cin,early-help,S001,
            C003,2025-03-20,cin,cp,,Repeated incidents.
            """, Table("StepDecisions"), 0, Date: "decision_date", Code: "to_level", Child: "child_id", Worker: "decided_by_staff_id", Text: "rationale", Change: ("rationale", "Reviewed with the service manager.")),
        new("pre-proceedings", """
            child_id,legal_gateway_date,legal_gateway_decision,start_date,letter_before_proceedings_date,initial_meeting_date,fgdm_offered,fgdm_held,review_meetings_reported,review_meeting_dates,decision_date,outcome,court_application_date
            C001,2025-03-03,enter-pre-proceedings,2025-03-10,2025-03-10,2025-03-17,Y,N,,2025-04-28;2025-06-09,,,
            C003,2025-04-01,enter-pre-proceedings,2025-04-08,2025-04-08,,N,N,2,,2025-07-01,proceedings-issued,2025-07-08
            C002,,,2024-10-01,,,,,,,2025-01-20,stepped-down,
            """, Table("PreProceedings"), 0, Date: "decision_date", Code: "outcome", Child: "child_id", Worker: null, Text: null, Change: ("review_meeting_dates", "2025-04-28;2025-05-30;2025-06-09")),
        new("care-proceedings", """
            child_id,issue_date,final_order,final_order_date
            C003,2025-07-08,,
            C001,2024-01-10,care-order,2024-07-01
            C002,2023-05-02,withdrawn,2023-06-01
            """, Table("CareProceedings"), 0, Date: "final_order_date", Code: "final_order", Child: "child_id", Worker: null, Text: null, Change: ("final_order_date", "2026-01-05")),
    ];

    public static ExtractSample Of(string kind) => All.Single(s => s.Kind == kind);

    public static IEnumerable<object[]> Kinds() => All.Select(s => new object[] { s.Kind });

    public static IEnumerable<object[]> KindsWith(Func<ExtractSample, string?> column) => All.Where(s => column(s) is not null).Select(s => new object[] { s.Kind });

    /// <summary>Every required column of every kind.</summary>
    public static IEnumerable<object[]> RequiredColumns() =>
        Sightline.Storage.Extracts.CsvExtracts.All.SelectMany(k => k.Columns.Where(c => c.Required).Select(c => new object[] { k.Name, c.Name }));

    public string[] Header => Lines[0].Split(',');

    public int Rows => Lines.Length - 1;

    private string[] Lines => Csv.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The file with one value replaced (row 1 is the first after the header), quoted as it must be.</summary>
    public string With(int row, string column, string value) => Edit(rows => rows[row][Array.IndexOf(Header, column)] = value);

    /// <summary>The file without one column.</summary>
    public string Without(string column) => Edit(rows =>
    {
        var at = Array.IndexOf(rows[0], column);
        for (var i = 0; i < rows.Count; i++)
        {
            rows[i] = rows[i].Where((_, j) => j != at).ToArray();
        }
    });

    /// <summary>The file with one more column, the same value on every row.</summary>
    public string WithColumn(string column, string value) => Edit(rows =>
    {
        rows[0] = [.. rows[0], column];
        for (var i = 1; i < rows.Count; i++)
        {
            rows[i] = [.. rows[i], value];
        }
    });

    /// <summary>The file with its first row repeated at the end.</summary>
    public string WithFirstRowRepeated() => Edit(rows => rows.Add(rows[1]));

    private string Edit(Action<List<string[]>> edit)
    {
        var rows = Lines.Select(l => l.Split(',')).ToList();
        edit(rows);
        return string.Join("\r\n", rows.Select(r => string.Join(',', r.Select(CsvWriter.Quote)))) + "\r\n";
    }
}
