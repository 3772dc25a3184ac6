using Microsoft.EntityFrameworkCore;
using Spectre.Console;
using Sightline.Model;
using Sightline.Storage;

namespace Sightline.Cli.Commands;

/// <summary>What a council's database holds, in counts a manager recognises.</summary>
internal static class CouncilSummary
{
    /// <summary>The last day anything is recorded (the latest referral or visit): what the summary, and the
    /// demonstration's pages, judge as at. Today when nothing is recorded.</summary>
    public static DateOnly LastRecordedDate(SightlineDbContext db)
    {
        var lastReferral = db.CinEpisodes.Max(e => (DateOnly?)e.ReferralDate);
        return new[] { lastReferral, db.Visits.Max(v => (DateOnly?)v.Date) }.Max() ?? DateOnly.FromDateTime(DateTime.Today);
    }

    public static void Show(SightlineDbContext db)
    {
        var council = db.Councils.AsNoTracking().FirstOrDefault();
        var asAt = LastRecordedDate(db);

        AnsiConsole.Write(new Rule(Markup.Escape(council?.Name ?? "Council")).LeftJustified());
        if (council is not null)
        {
            AnsiConsole.MarkupLine($"Children aged 0–17 in the area: {council.ChildPopulation:N0}");
        }

        var records = new Table().AddColumn("Records").AddColumn(new TableColumn("Count").RightAligned());
        void Row(string name, int count) => records.AddRow(name, count.ToString("N0"));
        Row("Children", db.Children.Count());
        Row("Contacts", db.Contacts.Count());
        Row("Referrals (CIN episodes)", db.CinEpisodes.Count());
        Row("Assessments", db.Assessments.Count());
        Row("Section 47 enquiries", db.Section47Enquiries.Count());
        Row("Initial conferences", db.InitialConferences.Count());
        Row("Child protection plans", db.ChildProtectionPlans.Count());
        Row("Child in need plans", db.CinPlans.Count());
        Row("Visits", db.Visits.Count());
        Row("Plan actions", db.PlanActions.Count());
        Row("PLO pre-proceedings", db.PreProceedings.Count());
        Row("Care proceedings", db.CareProceedings.Count());
        Row("Looked after episodes", db.LookedAfterEpisodes.Count());
        Row("Teams", db.Teams.Count());
        Row("Workers", db.Workers.Count());
        Row("Allocations", db.Allocations.Count());
        Row("Supervision sessions", db.SupervisionSessions.Count());

        var now = new Table().AddColumn($"As at {asAt:d MMMM yyyy}").AddColumn(new TableColumn("Children").RightAligned());
        void Now(string name, int count) => now.AddRow(name, count.ToString("N0"));
        Now("Open CIN episodes", db.CinEpisodes.Count(e => e.ReferralDate <= asAt && (e.ClosureDate == null || e.ClosureDate >= asAt)));
        Now("On a child protection plan", db.ChildProtectionPlans.Count(p => p.StartDate <= asAt && (p.EndDate == null || p.EndDate >= asAt)));
        Now("On a child in need plan", db.CinPlans.Count(p => p.StartDate <= asAt && (p.EndDate == null || p.EndDate >= asAt)));
        Now("In PLO pre-proceedings", db.PreProceedings.AsEnumerable().Count(p => p.AwaitsDecisionOn(asAt)));
        Now("Looked after", db.LookedAfterEpisodes.Count(e => e.StartDate <= asAt && (e.EndDate == null || e.EndDate > asAt)));
        Now("Case-holding workers in post", db.Workers.Count(w => (w.Role == WorkerRole.SocialWorker || w.Role == WorkerRole.SeniorPractitioner) && w.StartDate <= asAt && (w.LeavingDate == null || w.LeavingDate >= asAt)));

        AnsiConsole.Write(new Columns(records, now));
    }
}
