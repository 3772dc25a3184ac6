using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Sightline.Model;

namespace Sightline.Storage;

/// <summary>The council's records. Each database provider has its own subclass so that each keeps its own
/// migrations (<see cref="SqliteSightlineContext"/>, <see cref="PostgresSightlineContext"/>). The accounts of the
/// people who sign in (ASP.NET Core Identity's tables) and the access log live here too.</summary>
public abstract class SightlineDbContext(DbContextOptions options) : IdentityDbContext<SightlineUser>(options)
{
    public DbSet<Council> Councils => Set<Council>();
    public DbSet<Child> Children => Set<Child>();
    public DbSet<ChildDisability> ChildDisabilities => Set<ChildDisability>();
    public DbSet<Contact> Contacts => Set<Contact>();
    public DbSet<EarlyHelpEpisode> EarlyHelpEpisodes => Set<EarlyHelpEpisode>();
    public DbSet<CinEpisode> CinEpisodes => Set<CinEpisode>();
    public DbSet<Assessment> Assessments => Set<Assessment>();
    public DbSet<AssessmentFactor> AssessmentFactors => Set<AssessmentFactor>();
    public DbSet<StrategyDiscussion> StrategyDiscussions => Set<StrategyDiscussion>();
    public DbSet<Section47Enquiry> Section47Enquiries => Set<Section47Enquiry>();
    public DbSet<InitialConference> InitialConferences => Set<InitialConference>();
    public DbSet<ChildProtectionPlan> ChildProtectionPlans => Set<ChildProtectionPlan>();
    public DbSet<ReviewConference> ReviewConferences => Set<ReviewConference>();
    public DbSet<CoreGroupMeeting> CoreGroupMeetings => Set<CoreGroupMeeting>();
    public DbSet<SeniorReview> SeniorReviews => Set<SeniorReview>();
    public DbSet<CinPlan> CinPlans => Set<CinPlan>();
    public DbSet<CinPlanReview> CinPlanReviews => Set<CinPlanReview>();
    public DbSet<PlanAction> PlanActions => Set<PlanAction>();
    public DbSet<Visit> Visits => Set<Visit>();
    public DbSet<StepDecision> StepDecisions => Set<StepDecision>();
    public DbSet<PreProceedings> PreProceedings => Set<PreProceedings>();
    public DbSet<PreProceedingsReview> PreProceedingsReviews => Set<PreProceedingsReview>();
    public DbSet<CareProceedings> CareProceedings => Set<CareProceedings>();
    public DbSet<LookedAfterEpisode> LookedAfterEpisodes => Set<LookedAfterEpisode>();
    public DbSet<LookedAfterReview> LookedAfterReviews => Set<LookedAfterReview>();
    public DbSet<CareLeaverStatus> CareLeaverStatuses => Set<CareLeaverStatus>();
    public DbSet<EmergencyProtection> EmergencyProtections => Set<EmergencyProtection>();
    public DbSet<MissingEpisode> MissingEpisodes => Set<MissingEpisode>();
    public DbSet<LookedAfterCheck> LookedAfterChecks => Set<LookedAfterCheck>();
    public DbSet<AdoptionDecision> AdoptionDecisions => Set<AdoptionDecision>();
    public DbSet<Adopter> Adopters => Set<Adopter>();
    public DbSet<AnnexAReportedValue> AnnexAReportedValues => Set<AnnexAReportedValue>();
    public DbSet<Service> Services => Set<Service>();
    public DbSet<Team> Teams => Set<Team>();
    public DbSet<Worker> Workers => Set<Worker>();
    public DbSet<WorkerAbsence> WorkerAbsences => Set<WorkerAbsence>();
    public DbSet<Allocation> Allocations => Set<Allocation>();
    public DbSet<SupervisionSession> SupervisionSessions => Set<SupervisionSession>();
    public DbSet<SupervisionChildDiscussed> SupervisionChildrenDiscussed => Set<SupervisionChildDiscussed>();
    public DbSet<SupervisionAction> SupervisionActions => Set<SupervisionAction>();
    public DbSet<ImportRecord> ImportRecords => Set<ImportRecord>();
    public DbSet<ImportRejection> ImportRejections => Set<ImportRejection>();
    public DbSet<LocalStandardsVersion> LocalStandardsVersions => Set<LocalStandardsVersion>();
    public DbSet<LocalStandardValue> LocalStandardValues => Set<LocalStandardValue>();
    public DbSet<UserTeam> UserTeams => Set<UserTeam>();
    public DbSet<AccessLogEntry> AccessLog => Set<AccessLogEntry>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<AccessAction>().HaveConversion<string>().HaveMaxLength(32);
        // Codes stored as their names read the same in SQLite and PostgreSQL and survive reordering.
        foreach (var enumType in typeof(Child).Assembly.GetTypes().Where(t => t.IsEnum && t.Namespace == typeof(Child).Namespace))
        {
            configurationBuilder.Properties(enumType).HaveConversion<string>().HaveMaxLength(32);
        }
    }

    protected override void OnModelCreating(ModelBuilder model)
    {
        base.OnModelCreating(model);
        model.Entity<SightlineUser>().Property(u => u.WorkerStaffId).HasMaxLength(64);
        model.Entity<UserTeam>(team =>
        {
            team.HasIndex(t => new { t.UserId, t.TeamId }).IsUnique();
            team.HasOne<SightlineUser>().WithMany(u => u.Teams).HasForeignKey(t => t.UserId);
            team.HasOne<Team>().WithMany().HasForeignKey(t => t.TeamId).OnDelete(DeleteBehavior.Restrict);
        });
        model.Entity<AccessLogEntry>(entry =>
        {
            entry.ToTable("AccessLog");
            entry.HasIndex(e => e.At);
            entry.HasIndex(e => e.ChildId);
            entry.HasIndex(e => e.UserId);
            entry.Property(e => e.UserId).HasMaxLength(450);
            entry.Property(e => e.UserName).HasMaxLength(256);
            entry.Property(e => e.Record).HasMaxLength(200);
            entry.Property(e => e.Detail).HasMaxLength(1000);
        });

        model.Entity<Council>().Property(c => c.Code).HasMaxLength(3);

        model.Entity<Child>(child =>
        {
            child.HasIndex(c => c.LAChildId).IsUnique();
            child.Property(c => c.LAChildId).HasMaxLength(64);
            child.Property(c => c.Upn).HasMaxLength(13);
            child.Property(c => c.FormerUpn).HasMaxLength(13);
            child.Property(c => c.UpnUnknownReason).HasMaxLength(4);
            child.Property(c => c.Ethnicity).HasMaxLength(4);
        });

        model.Entity<CinEpisode>().HasIndex(e => new { e.ChildId, e.ReferralDate });
        model.Entity<Section47Enquiry>().HasOne<StrategyDiscussion>().WithMany()
            .HasForeignKey(s => s.StrategyDiscussionId).OnDelete(DeleteBehavior.Restrict);
        model.Entity<InitialConference>().HasOne<Section47Enquiry>().WithMany()
            .HasForeignKey(c => c.Section47EnquiryId).OnDelete(DeleteBehavior.Restrict);

        model.Entity<PlanAction>(action =>
        {
            action.HasOne<Child>().WithMany().HasForeignKey(a => a.ChildId);
            action.HasOne<Worker>().WithMany().HasForeignKey(a => a.OwnerWorkerId).OnDelete(DeleteBehavior.Restrict);
            action.ToTable(t => t.HasCheckConstraint("CK_PlanActions_OnePlan",
                "(\"ChildProtectionPlanId\" IS NULL) <> (\"CinPlanId\" IS NULL)"));
        });

        model.Entity<Visit>(visit =>
        {
            visit.HasIndex(v => new { v.ChildId, v.Date });
            visit.HasOne<Worker>().WithMany().HasForeignKey(v => v.WorkerId).OnDelete(DeleteBehavior.Restrict);
        });
        model.Entity<StepDecision>().HasOne<Worker>().WithMany()
            .HasForeignKey(d => d.DecidedByWorkerId).OnDelete(DeleteBehavior.Restrict);
        model.Entity<SeniorReview>().HasOne<Worker>().WithMany()
            .HasForeignKey(r => r.ReviewedByWorkerId).OnDelete(DeleteBehavior.Restrict);

        model.Entity<Team>().HasOne<Service>().WithMany(s => s.Teams).HasForeignKey(t => t.ServiceId);
        model.Entity<Worker>(worker =>
        {
            worker.HasIndex(w => w.StaffId).IsUnique();
            worker.Property(w => w.Fte).HasPrecision(3, 2);
            worker.HasOne<Team>().WithMany(t => t.Workers).HasForeignKey(w => w.TeamId).OnDelete(DeleteBehavior.Restrict);
            worker.HasOne<Worker>().WithMany().HasForeignKey(w => w.SupervisorId).OnDelete(DeleteBehavior.Restrict);
        });

        model.Entity<Allocation>(allocation =>
        {
            allocation.HasIndex(a => new { a.ChildId, a.StartDate });
            allocation.HasOne<Team>().WithMany().HasForeignKey(a => a.TeamId).OnDelete(DeleteBehavior.Restrict);
            allocation.HasOne<Worker>().WithMany().HasForeignKey(a => a.WorkerId).OnDelete(DeleteBehavior.Restrict);
        });

        model.Entity<SupervisionSession>(session =>
        {
            session.HasIndex(s => new { s.WorkerId, s.Date });
            session.Property(s => s.RecordedBy).HasMaxLength(450);
            session.Property(s => s.Attendees).HasMaxLength(SupervisionSession.AttendeesMaxLength);
            session.HasOne<Worker>().WithMany().HasForeignKey(s => s.WorkerId).OnDelete(DeleteBehavior.Restrict);
            session.HasOne<Worker>().WithMany().HasForeignKey(s => s.SupervisorId).OnDelete(DeleteBehavior.Restrict);
        });
        model.Entity<SupervisionChildDiscussed>().HasOne<Child>().WithMany()
            .HasForeignKey(d => d.ChildId).OnDelete(DeleteBehavior.Restrict);
        model.Entity<SupervisionAction>().HasOne<Child>().WithMany()
            .HasForeignKey(a => a.ChildId).OnDelete(DeleteBehavior.Restrict);
        model.Entity<SupervisionAction>().Property(a => a.CompletedBy).HasMaxLength(450);

        model.Entity<LookedAfterCheck>().HasIndex(c => new { c.ChildId, c.Kind, c.Date });
        model.Entity<Adopter>(adopter =>
        {
            adopter.HasIndex(a => a.AdopterId).IsUnique();
            adopter.Property(a => a.AdopterId).HasMaxLength(64);
            adopter.Property(a => a.Ethnicity).HasMaxLength(4);
        });
        model.Entity<AnnexAReportedValue>(reported =>
        {
            // One figure per child, date, list, row and column: importing the same workbook again replaces it.
            reported.HasIndex(r => new { r.ChildId, r.AsAt, r.List, r.RowDate, r.Column }).IsUnique();
            reported.Property(r => r.Column).HasMaxLength(200);
            reported.Property(r => r.Value).HasMaxLength(200);
        });

        model.Entity<ImportRecord>(import =>
        {
            import.HasIndex(i => new { i.Kind, i.Sha256 });
            import.Property(i => i.Kind).HasMaxLength(40);
            import.Property(i => i.Sha256).HasMaxLength(64);
        });
        model.Entity<ImportRejection>().Property(r => r.Value).HasMaxLength(200);

        model.Entity<LocalStandardsVersion>(version =>
        {
            // One version a council takes effect on any date: recording the same date again replaces it.
            version.HasIndex(v => new { v.CouncilId, v.EffectiveFrom }).IsUnique();
            version.HasOne<Council>().WithMany().HasForeignKey(v => v.CouncilId);
            version.Property(v => v.RecordedBy).HasMaxLength(LocalStandardsStore.MaxRecordedByLength);
        });
        model.Entity<LocalStandardValue>(value =>
        {
            value.HasIndex(v => new { v.LocalStandardsVersionId, v.Setting }).IsUnique();
            value.Property(v => v.Setting).HasMaxLength(64);
        });

        foreach (var code in new[] { typeof(ChildDisability), typeof(AssessmentFactor) })
        {
            model.Entity(code).Property(nameof(ChildDisability.Code)).HasMaxLength(8);
        }
    }
}

/// <summary>The embedded default: one SQLite file.</summary>
public sealed class SqliteSightlineContext(DbContextOptions<SqliteSightlineContext> options) : SightlineDbContext(options);

/// <summary>The server option: PostgreSQL.</summary>
public sealed class PostgresSightlineContext(DbContextOptions<PostgresSightlineContext> options) : SightlineDbContext(options);
