using System.Text.Json;
using Sightline.Calendar;
using Sightline.Model;
using Sightline.Oversight;
using Sightline.Oversight.Supervision;
using Sightline.Oversight.Workforce;
using Sightline.Storage;

namespace Sightline.Tests.CommandLine;

/// <summary><c>sightline supervision</c> and <c>sightline workforce</c>, run as a user runs them, on councils loaded
/// through the real importers or written to SQLite, with figures worked by hand.</summary>
public sealed class SupervisionCommandTests : IDisposable
{
    private readonly SightlineProcess _sightline = new();

    private string InHome(string name) => Path.Combine(_sightline.Home, name);

    /// <summary>A team whose supervision in March to May 2025 is worked by hand (the same cases as the domain tests,
    /// SupervisionComplianceTests), loaded from CSV extracts with <c>sightline import csv</c>. The records begin on
    /// Monday 3 February 2025 (the manager's informal discussion that day), so the clocks of workers already in post
    /// start then and their first sessions are due on Monday 3 March.
    /// <list type="bullet">
    /// <item>S101: met 3 March; maternity leave 17 March to 14 December moves the next due date to 31 December. 1 due, 1 met.</item>
    /// <item>S102: met 3 March; one day off sick on 12 March moves 31 March to Tuesday 1 April, met; then 29 April and 27 May, met. 4 due, 4 met.</item>
    /// <item>S103: met 3 March; 31 March not held, with a reason; 28 April not held, no reason; 26 May met by 20 May. 4 due: 2 met, 1 missed with reason, 1 missed.</item>
    /// <item>S104: starts Wednesday 16 April; first due Wednesday 14 May, met on 13 May. 1 due, 1 met.</item>
    /// <item>S105: ASYE from Monday 3 March: weekly 10, 17, 24, 31 March, 7 and 14 April; fortnightly 28 April, 12 and 26 May. All met but 24 March. 9 due, 8 met, 1 missed (March 4 due, 3 met).</item>
    /// <item>S106 (Safeguarding 2): on secondment 1 March to 31 August: nothing due.</item>
    /// </list>
    /// Safeguarding 1: 19 due, 16 met, 1 missed with reason, 2 missed: 84.2%.</summary>
    private string LoadedTeam()
    {
        var database = InHome("team.db");
        Import(database, "teams", """
            team,service
            Safeguarding 1,Safeguarding and family support
            Safeguarding 2,Safeguarding and family support
            """);
        Import(database, "workers", """
            staff_id,name,team,role,fte,agency,asye_start_date,start_date,leaving_date,supervisor_staff_id
            H1,Hana Head,Safeguarding 1,head-of-service,,,,2015-01-05,,
            M1,Mo Manager,Safeguarding 1,team-manager,,,,2016-01-04,,H1
            S101,Amy Ashdown,Safeguarding 1,social-worker,,,,2020-06-01,,M1
            S102,Ben Barker,Safeguarding 1,social-worker,,,,2020-06-01,,M1
            S103,Cara Cole,Safeguarding 1,social-worker,,,,2020-06-01,,M1
            S104,Dev Dhillon,Safeguarding 1,social-worker,,,,2025-04-16,,M1
            S105,Eve Evans,Safeguarding 1,social-worker,,,2025-03-03,2025-03-03,,M1
            S106,Fin Ford,Safeguarding 2,senior-practitioner,0.8,Y,,2019-09-02,,M1
            """);
        Import(database, "absences", """
            staff_id,absence_type,start_date,end_date
            S101,maternity,2025-03-17,2025-12-14
            S102,sickness,2025-03-12,2025-03-12
            S106,secondment,2025-03-01,2025-08-31
            """);
        Import(database, "supervision", """
            staff_id,supervisor_staff_id,session_date,session_type,held,reason_not_held
            M1,H1,2025-02-03,informal,,
            S101,M1,2025-03-03,,,
            S102,M1,2025-03-03,,,
            S102,M1,2025-04-01,,,
            S102,M1,2025-04-29,,,
            S102,M1,2025-05-27,,,
            S103,M1,2025-03-03,,,
            S103,M1,2025-03-31,,N,Worker attending court all day.
            S103,M1,2025-04-28,,N,
            S103,M1,2025-05-20,,,
            S104,M1,2025-05-13,,,
            S105,M1,2025-03-10,,,
            S105,M1,2025-03-17,,,
            S105,M1,2025-03-31,,,
            S105,M1,2025-04-07,,,
            S105,M1,2025-04-14,,,
            S105,M1,2025-04-28,,,
            S105,M1,2025-05-12,,,
            S105,M1,2025-05-26,,,
            """);
        return database;
    }

    private void Import(string database, string kind, string csv)
    {
        var file = InHome($"{kind}.csv");
        File.WriteAllText(file, csv);
        var (exit, output, error) = _sightline.Run("import", "csv", kind, file, "--database", database);
        exit.Should().Be(0, error);
        output.Should().NotContain("Rejected rows", $"every {kind} row is valid: {output}");
    }

    private static JsonElement Line(JsonDocument json, string level, string name, string? from = null) =>
        json.RootElement.GetProperty("lines").EnumerateArray().Single(l =>
            l.GetProperty("level").GetString() == level && l.GetProperty("name").GetString() == name && (from is null || l.GetProperty("from").GetString() == from));

    private static (int Due, int Met, int MissedWithReason, int Missed) Figures(JsonElement line) =>
        (line.GetProperty("due").GetInt32(), line.GetProperty("met").GetInt32(), line.GetProperty("missedWithReason").GetInt32(), line.GetProperty("missed").GetInt32());

    [Theory]
    [InlineData("supervision", "--monthly")]
    [InlineData("supervision", "--worker")]
    [InlineData("workforce", "--as-at")]
    public void TheCommandsHaveHelp(string command, string mentions)
    {
        var (exit, output, _) = _sightline.Run(command, "--help");
        exit.Should().Be(0);
        output.Should().Contain("Usage:").And.Contain(mentions).And.Contain("--format");
    }

    [Fact]
    public void TheHandWorkedTeamReadsTheSameThroughTheCommandLine()
    {
        var database = LoadedTeam();
        var (exit, output, error) = _sightline.Run("supervision", "--from", "2025-03-01", "--to", "2025-05-31", "--format", "json", "--database", database);
        exit.Should().Be(0, error);
        using var json = JsonDocument.Parse(output);
        Figures(Line(json, "worker", "Amy Ashdown")).Should().Be((1, 1, 0, 0));
        Figures(Line(json, "worker", "Ben Barker")).Should().Be((4, 4, 0, 0));
        Figures(Line(json, "worker", "Cara Cole")).Should().Be((4, 2, 1, 1));
        Figures(Line(json, "worker", "Dev Dhillon")).Should().Be((1, 1, 0, 0));
        Figures(Line(json, "worker", "Eve Evans")).Should().Be((9, 8, 0, 1));
        Figures(Line(json, "worker", "Fin Ford")).Should().Be((0, 0, 0, 0));
        Line(json, "worker", "Fin Ford").GetProperty("compliance").ValueKind.Should().Be(JsonValueKind.Null, "nothing was due");
        var team = Line(json, "team", "Safeguarding 1");
        Figures(team).Should().Be((19, 16, 1, 2));
        team.GetProperty("compliance").GetDouble().Should().BeApproximately(84.21, 0.01);
        Figures(Line(json, "council", "Council")).Should().Be((19, 16, 1, 2));
        json.RootElement.GetProperty("lines").EnumerateArray().Should().NotContain(l => l.GetProperty("name").GetString() == "Mo Manager", "managers are not measured by default");
    }

    [Fact]
    public void MonthByMonthAsCsvAndOneTeamAsATable()
    {
        var database = LoadedTeam();
        var (exit, output, error) = _sightline.Run("supervision", "--from", "2025-03-01", "--to", "2025-05-31", "--monthly", "--worker", "S105", "--format", "csv", "--database", database);
        exit.Should().Be(0, error);
        var rows = output.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        rows[0].Should().StartWith("level,name,staff_id,team,service,from,to,workers,due,met,missed_with_reason,missed,compliance");
        rows.Where(r => r.StartsWith("worker,", StringComparison.Ordinal)).Should().Equal(
            "worker,Eve Evans,S105,Safeguarding 1,Safeguarding and family support,2025-03-01,2025-03-31,1,4,3,0,1,75.0,0,0,0,0,0,0,0,0",
            "worker,Eve Evans,S105,Safeguarding 1,Safeguarding and family support,2025-04-01,2025-04-30,1,3,3,0,0,100.0,0,0,0,0,0,0,0,0",
            "worker,Eve Evans,S105,Safeguarding 1,Safeguarding and family support,2025-05-01,2025-05-31,1,2,2,0,0,100.0,0,0,0,0,0,0,0,0");

        var table = _sightline.Run("supervision", "--from", "2025-03-01", "--to", "2025-05-31", "--team", "safeguarding 1", "--database", database);
        table.ExitCode.Should().Be(0, table.Error);
        table.Output.Should().Contain("(S103)").And.Contain("84.2%").And.NotContain("(S106)");
    }

    [Fact]
    public void AnUnknownTeamOrWorkerIsRefusedByName()
    {
        var database = LoadedTeam();
        var team = _sightline.Run("supervision", "--from", "2025-03-01", "--to", "2025-05-31", "--team", "Nowhere", "--database", database);
        team.ExitCode.Should().Be(1);
        team.Error.Should().Contain("There is no team 'Nowhere'").And.Contain("Safeguarding 2");
        var worker = _sightline.Run("supervision", "--from", "2025-03-01", "--to", "2025-05-31", "--worker", "S999", "--database", database);
        worker.ExitCode.Should().Be(1);
        worker.Error.Should().Contain("S999");
        var backwards = _sightline.Run("supervision", "--from", "2025-05-31", "--to", "2025-03-01", "--database", database);
        backwards.ExitCode.Should().Be(1);
        backwards.Error.Should().Contain("--to must not be before --from");
    }

    [Fact]
    public void WorkerAlertsComeThroughTheAlertsCommand()
    {
        var database = LoadedTeam();
        // As at Friday 6 June 2025: S102's next session was due 24 June (27 May + 28), S103's 17 June; S105's 9 June.
        // Fin Ford (S106) is away. Eve Evans missed 24 March without a reason, within 3 months.
        var (exit, output, error) = _sightline.Run("alerts", "--as-at", "2025-06-06", "--kind", "supervision-missed-no-reason", "--format", "json", "--database", database);
        exit.Should().Be(0, error);
        using var json = JsonDocument.Parse(output);
        var alerts = json.RootElement.GetProperty("alerts").EnumerateArray().ToList();
        alerts.Select(a => (a.GetProperty("staffId").GetString(), a.GetProperty("due").GetString())).Should().BeEquivalentTo([("S105", "2025-03-24"), ("S103", "2025-04-28")]);
        alerts.Should().OnlyContain(a => a.GetProperty("subject").GetString() == "worker" && a.GetProperty("team").GetString() == "Safeguarding 1");
    }

    [Fact]
    public void WithoutSupervisionLoadedTheCommandSaysSo()
    {
        var database = InHome("empty.db");
        _sightline.Run("migrate", "--database", database).ExitCode.Should().Be(0);
        var (exit, output, error) = _sightline.Run("supervision", "--from", "2025-03-01", "--to", "2025-05-31", "--database", database);
        exit.Should().Be(0, error);
        error.Should().Contain("No supervision data has been loaded");
        output.Should().Contain("none due");
    }

    /// <summary>A team worked by hand, written straight to SQLite: A, full time, 21 children (over the ceiling of
    /// 20); B, 0.5 FTE from an agency, 9 children (18 per FTE: at the warning point); C, full time, left on 30 June
    /// 2025. As at 30 September 2025: 30 children, 1.5 FTE, 20.0 per FTE; agency 33.3% of FTE; turnover 1 FTE of
    /// 1.5, 66.7%.</summary>
    [Fact]
    public void WorkforceFiguresAreTheHandWorkedOnes()
    {
        var database = InHome("workforce.db");
        var target = SightlineDatabase.SqliteFile(database);
        target.Migrate();
        using (var db = target.Open())
        {
            var service = new Service { Name = "Safeguarding and family support" };
            var team = new Team { Name = "Safeguarding 1" };
            service.Teams.Add(team);
            db.Services.Add(service);
            db.SaveChanges();
            Worker Add(string id, decimal fte, Employment employment, DateOnly? left = null)
            {
                var worker = new Worker { StaffId = id, Name = $"Worker {id}", TeamId = team.Id, Role = WorkerRole.SocialWorker, Fte = fte, Employment = employment, StartDate = new DateOnly(2020, 6, 1), LeavingDate = left };
                db.Workers.Add(worker);
                return worker;
            }

            var a = Add("A", 1m, Employment.Permanent);
            var b = Add("B", 0.5m, Employment.Agency);
            Add("C", 1m, Employment.Permanent, new DateOnly(2025, 6, 30));
            db.SaveChanges();
            for (var i = 0; i < 30; i++)
            {
                var child = new Child { LAChildId = $"C{i:D4}" };
                child.CinEpisodes.Add(new CinEpisode { ReferralDate = new DateOnly(2025, 1, 6) });
                child.Allocations.Add(new Allocation { TeamId = team.Id, WorkerId = i < 21 ? a.Id : b.Id, StartDate = new DateOnly(2025, 1, 6) });
                db.Children.Add(child);
            }

            db.SaveChanges();
        }

        var (exit, output, error) = _sightline.Run("workforce", "--as-at", "2025-09-30", "--format", "json", "--database", database);
        exit.Should().Be(0, error);
        using var json = JsonDocument.Parse(output);
        var line = json.RootElement.GetProperty("lines").EnumerateArray().Single(l => l.GetProperty("level").GetString() == "team");
        (line.GetProperty("workers").GetInt32(), line.GetProperty("fte").GetDecimal(), line.GetProperty("children").GetInt32(), line.GetProperty("overCeiling").GetInt32(), line.GetProperty("atWarning").GetInt32())
            .Should().Be((2, 1.5m, 30, 1, 1));
        line.GetProperty("perFte").GetDouble().Should().Be(20.0);
        line.GetProperty("agencyShare").GetDouble().Should().BeApproximately(33.33, 0.01);
        line.GetProperty("turnover").GetDouble().Should().BeApproximately(66.67, 0.01);
        var workers = json.RootElement.GetProperty("lines").EnumerateArray().Where(l => l.GetProperty("level").GetString() == "worker")
            .ToDictionary(l => l.GetProperty("staffId").GetString()!, l => l.GetProperty("status").GetString());
        workers.Should().BeEquivalentTo(new Dictionary<string, string?> { ["A"] = "over-ceiling", ["B"] = "at-warning" });
        json.RootElement.GetProperty("vacancies").GetString().Should().Contain("establishment");

        var table = _sightline.Run("workforce", "--as-at", "2025-09-30", "--database", database);
        table.ExitCode.Should().Be(0, table.Error);
        table.Output.Should().Contain("(1.5 FTE)").And.Contain("20.0 per FTE").And.Contain("(A)");
    }

    [Fact]
    public void OnAGeneratedCouncilTheCommandsGiveWhatTheEngineComputes()
    {
        var database = InHome("council.db");
        _sightline.Run("generate", "--children", "600", "--seed", "3", "--database", database).ExitCode.Should().Be(0);
        var snapshot = SnapshotLoader.Load(SightlineDatabase.SqliteFile(database));
        var period = new Period(new DateOnly(2025, 11, 1), new DateOnly(2026, 10, 31));
        var expected = SupervisionCompliance.Over(snapshot, period, WorkingDayCalendar.England).Single(l => l.Level == OrganisationLevel.Council);
        expected.Sessions.Due.Should().BePositive();
        expected.Sessions.MissedWithReason.Should().BePositive("the generator misses some sessions with a reason");

        var (exit, output, error) = _sightline.Run("supervision", "--from", "2025-11-01", "--to", "2026-10-31", "--format", "json", "--database", database);
        exit.Should().Be(0, error);
        using var json = JsonDocument.Parse(output);
        var council = json.RootElement.GetProperty("lines").EnumerateArray().Single(l => l.GetProperty("level").GetString() == "council");
        Figures(council).Should().Be((expected.Sessions.Due, expected.Sessions.Met, expected.Sessions.MissedWithReason, expected.Sessions.Missed));
        council.GetProperty("cases").GetProperty("allocated").GetInt32().Should().Be(expected.Cases.Children);

        var workforce = WorkforceMeasures.Compute(snapshot, new AsAt(period.To, WorkingDayCalendar.England, LocalStandards.Defaults));
        var run = _sightline.Run("workforce", "--as-at", "2026-10-31", "--format", "json", "--database", database);
        run.ExitCode.Should().Be(0, run.Error);
        using var lines = JsonDocument.Parse(run.Output);
        var councilLine = lines.RootElement.GetProperty("lines")[0];
        councilLine.GetProperty("level").GetString().Should().Be("council");
        (councilLine.GetProperty("children").GetInt32(), councilLine.GetProperty("overCeiling").GetInt32(), councilLine.GetProperty("agencyFte").GetDecimal())
            .Should().Be((workforce.Council.Children, workforce.Council.OverCeiling, workforce.Council.AgencyFte));
        workforce.Council.Children.Should().Be(Caseloads.On(snapshot, period.To).Where(p => snapshot.Workers.Single(w => w.Id == p.Key) is { HoldsCases: true } w && w.IsInPostOn(period.To)).Sum(p => p.Value));
    }

    public void Dispose() => _sightline.Dispose();
}
