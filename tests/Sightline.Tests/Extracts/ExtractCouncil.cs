using Microsoft.EntityFrameworkCore;
using Sightline.Formats.Csv;
using Sightline.Model;
using Sightline.Storage;
using Sightline.Storage.Extracts;

namespace Sightline.Tests.Extracts;

/// <summary>A small hand-made council the extract tests load into: three children with what the CIN census
/// would bring (episodes, a section 47 enquiry, plans), two teams, three workers and one supervision session.
/// Each test gets its own copy of one migrated SQLite file, in its own folder.</summary>
internal sealed class ExtractCouncil : IDisposable
{
    private static readonly Lazy<string> Template = new(MakeTemplate);

    public ExtractCouncil()
    {
        Folder = Directory.CreateTempSubdirectory("sightline-extracts-").FullName;
        var path = Path.Combine(Folder, "council.db");
        File.Copy(Template.Value, path);
        Database = SightlineDatabase.SqliteFile(path);
    }

    public string Folder { get; }

    public SightlineDatabase Database { get; }

    /// <summary>Writes a file into the test's folder.</summary>
    public string WriteFile(string name, string text) => WriteFile(name, System.Text.Encoding.UTF8.GetBytes(text));

    public string WriteFile(string name, byte[] bytes)
    {
        var path = Path.Combine(Folder, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    /// <summary>Loads a file as <c>sightline import csv</c> does: through <see cref="ImportLog.Run"/>.</summary>
    public Loaded Load(string kind, string path) => Load(Database, kind, path);

    public static Loaded Load(SightlineDatabase database, string kind, string path)
    {
        ImportResult? result = null;
        var notes = new List<string>();
        var record = ImportLog.Run(database, $"csv:{kind}", path, "tester", db => result = CsvExtracts.Load(db, kind, path, note: notes.Add));
        return new Loaded(record, result!, notes);
    }

    /// <summary>Every record of a kind the database holds, as its extract writes them: one dictionary per row.</summary>
    public List<Dictionary<string, string>> Written(string kind) => Written(Database, kind, Path.Combine(Folder, $"written-{kind}-{Guid.NewGuid():N}.csv"));

    public static List<Dictionary<string, string>> Written(SightlineDatabase database, string kind, string path)
    {
        CsvExtracts.Write(database, kind, path);
        using var csv = new CsvReader(File.OpenRead(path), Path.GetFileName(path));
        var header = csv.Read()!.Fields;
        var rows = new List<Dictionary<string, string>>();
        while (csv.Read() is { } record)
        {
            rows.Add(header.Zip(record.Fields).ToDictionary(p => p.First, p => p.Second));
        }

        return rows;
    }

    /// <summary>How many rows a table holds.</summary>
    public int Count(string sql)
    {
        using var db = Database.Open();
        return db.Database.SqlQueryRaw<int>(sql).AsEnumerable().Single();
    }

    public void Dispose() => Directory.Delete(Folder, recursive: true);

    private static string MakeTemplate()
    {
        var folder = Directory.CreateTempSubdirectory("sightline-extracts-template-").FullName;
        var path = Path.Combine(folder, "template.db");
        var database = SightlineDatabase.SqliteFile(path);
        database.Migrate();
        using (var db = database.Open())
        {
            var service = new Service { Name = "Safeguarding" };
            var safeguarding = new Team { Name = "Safeguarding 1" };
            var assessment = new Team { Name = "Assessment 1" };
            service.Teams.AddRange([safeguarding, assessment]);
            db.Services.Add(service);
            db.SaveChanges();

            var manager = new Worker { StaffId = "S001", Name = "Team Manager", TeamId = safeguarding.Id, Role = WorkerRole.TeamManager, StartDate = new DateOnly(2018, 1, 1) };
            db.Workers.Add(manager);
            db.SaveChanges();
            db.Workers.AddRange(
                new Worker { StaffId = "S002", Name = "First Worker", TeamId = safeguarding.Id, Role = WorkerRole.SocialWorker, StartDate = new DateOnly(2020, 1, 6), SupervisorId = manager.Id },
                new Worker { StaffId = "S003", Name = "Second Worker", TeamId = safeguarding.Id, Role = WorkerRole.SocialWorker, StartDate = new DateOnly(2021, 4, 1), SupervisorId = manager.Id });
            db.SaveChanges();
            var worker = db.Workers.Single(w => w.StaffId == "S002");
            db.SupervisionSessions.Add(new SupervisionSession { WorkerId = worker.Id, SupervisorId = manager.Id, Date = new DateOnly(2025, 2, 3), Kind = SupervisionKind.Formal });

            var first = new Child { LAChildId = "C001", DateOfBirth = new DateOnly(2015, 5, 1) };
            var firstEpisode = new CinEpisode { ReferralDate = new DateOnly(2025, 1, 6) };
            firstEpisode.Section47Enquiries.Add(new Section47Enquiry { StartDate = new DateOnly(2025, 1, 8) });
            firstEpisode.ChildProtectionPlans.Add(new ChildProtectionPlan { StartDate = new DateOnly(2025, 1, 27), InitialCategory = "NEG", LatestCategory = "NEG" });
            first.CinEpisodes.Add(firstEpisode);

            var second = new Child { LAChildId = "C002", DateOfBirth = new DateOnly(2018, 9, 12) };
            var secondEpisode = new CinEpisode { ReferralDate = new DateOnly(2024, 6, 3), ClosureDate = new DateOnly(2025, 2, 28) };
            secondEpisode.CinPlans.Add(new CinPlan { StartDate = new DateOnly(2024, 8, 1), EndDate = new DateOnly(2025, 2, 28) });
            second.CinEpisodes.Add(secondEpisode);

            var third = new Child { LAChildId = "C003", DateOfBirth = new DateOnly(2010, 2, 20) };
            var thirdEpisode = new CinEpisode { ReferralDate = new DateOnly(2025, 3, 3) };
            thirdEpisode.ChildProtectionPlans.Add(new ChildProtectionPlan { StartDate = new DateOnly(2025, 3, 20), InitialCategory = "EMO", LatestCategory = "EMO" });
            third.CinEpisodes.Add(thirdEpisode);
            db.Children.AddRange(first, second, third);
            db.SaveChanges();

            // One file to copy: no write-ahead log beside it.
            db.Database.ExecuteSqlRaw("PRAGMA journal_mode=DELETE;");
        }

        return path;
    }
}

/// <summary>What loading one file did: the import's record, the importer's result, and its notes.</summary>
internal sealed record Loaded(ImportRecord Record, ImportResult Result, List<string> Notes)
{
    public int Count(string name) => Result.Counts.Single(c => c.Key == name).Value;
}
