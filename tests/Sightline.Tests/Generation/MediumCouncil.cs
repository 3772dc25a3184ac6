using Microsoft.EntityFrameworkCore;
using Sightline.Cli.Generation;
using Sightline.Model;
using Sightline.Oversight;
using Sightline.Storage;

namespace Sightline.Tests.Generation;

/// <summary>The demonstration-sized council (medium, seed 1), generated once for the calibration tests and read
/// back whole from SQLite: as tables, and as the snapshot the oversight engine runs over.</summary>
public sealed class MediumCouncil : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("sightline-medium-").FullName;

    public MediumCouncil()
    {
        var database = SightlineDatabase.SqliteFile(Path.Combine(_folder, "medium.db"));
        var generator = new CouncilGenerator(CouncilSize.Medium, seed: 1);
        End = generator.End;
        generator.WriteTo(database);
        using var db = database.Open();
        Council = db.Councils.Single();
        Episodes = db.CinEpisodes.AsNoTracking().ToList();
        Assessments = db.Assessments.AsNoTracking().ToList();
        Enquiries = db.Section47Enquiries.AsNoTracking().ToList();
        Conferences = db.InitialConferences.AsNoTracking().ToList();
        Plans = db.ChildProtectionPlans.AsNoTracking().Include(p => p.SeniorReviews).ToList();
        CinPlans = db.CinPlans.AsNoTracking().ToList();
        Visits = db.Visits.AsNoTracking().ToList();
        Actions = db.PlanActions.AsNoTracking().ToList();
        PreProceedings = db.PreProceedings.AsNoTracking().Include(p => p.Reviews).ToList();
        LookedAfter = db.LookedAfterEpisodes.AsNoTracking().ToList();
        Workers = db.Workers.AsNoTracking().ToList();
        Allocations = db.Allocations.AsNoTracking().ToList();
        Supervision = db.SupervisionSessions.AsNoTracking().ToList();
        Decisions = db.StepDecisions.AsNoTracking().ToList();
        Children = db.Children.Count();
        Snapshot = SnapshotLoader.Load(database);
    }

    public DateOnly End { get; }
    public Council Council { get; }
    public int Children { get; }
    public List<CinEpisode> Episodes { get; }
    public List<Assessment> Assessments { get; }
    public List<Section47Enquiry> Enquiries { get; }
    public List<InitialConference> Conferences { get; }
    public List<ChildProtectionPlan> Plans { get; }
    public List<CinPlan> CinPlans { get; }
    public List<Visit> Visits { get; }
    public List<PlanAction> Actions { get; }
    public List<PreProceedings> PreProceedings { get; }
    public List<LookedAfterEpisode> LookedAfter { get; }
    public List<Worker> Workers { get; }
    public List<Allocation> Allocations { get; }
    public List<SupervisionSession> Supervision { get; }
    public List<StepDecision> Decisions { get; }

    /// <summary>The whole council as <see cref="SnapshotLoader"/> reads it for the alerts and indicators.</summary>
    public CouncilSnapshot Snapshot { get; }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}

/// <summary>The calibration tests share one generated council.</summary>
[CollectionDefinition(Name)]
public sealed class MediumCouncilCollection : ICollectionFixture<MediumCouncil>
{
    public const string Name = "medium council";
}
