using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sightline.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Children",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    LAChildId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Upn = table.Column<string>(type: "TEXT", maxLength: 13, nullable: true),
                    FormerUpn = table.Column<string>(type: "TEXT", maxLength: 13, nullable: true),
                    UpnUnknownReason = table.Column<string>(type: "TEXT", maxLength: 4, nullable: true),
                    DateOfBirth = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ExpectedDateOfBirth = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Sex = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Ethnicity = table.Column<string>(type: "TEXT", maxLength: 4, nullable: true),
                    DateOfDeath = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    IsUnaccompaniedAsylumSeeker = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Children", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Councils",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Code = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    ChildPopulation = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Councils", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Services",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Services", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CareLeaverStatuses",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ChildId = table.Column<int>(type: "INTEGER", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    InTouch = table.Column<string>(type: "TEXT", nullable: false),
                    Activity = table.Column<string>(type: "TEXT", nullable: true),
                    Accommodation = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CareLeaverStatuses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CareLeaverStatuses_Children_ChildId",
                        column: x => x.ChildId,
                        principalTable: "Children",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CareProceedings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ChildId = table.Column<int>(type: "INTEGER", nullable: false),
                    IssueDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    FinalOrder = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    FinalOrderDate = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CareProceedings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CareProceedings_Children_ChildId",
                        column: x => x.ChildId,
                        principalTable: "Children",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ChildDisabilities",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ChildId = table.Column<int>(type: "INTEGER", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChildDisabilities", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ChildDisabilities_Children_ChildId",
                        column: x => x.ChildId,
                        principalTable: "Children",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CinEpisodes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ChildId = table.Column<int>(type: "INTEGER", nullable: false),
                    ReferralDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ReferralSource = table.Column<string>(type: "TEXT", nullable: true),
                    PrimaryNeed = table.Column<string>(type: "TEXT", nullable: true),
                    ReferralNfa = table.Column<bool>(type: "INTEGER", nullable: false),
                    ClosureDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ReasonForClosure = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CinEpisodes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CinEpisodes_Children_ChildId",
                        column: x => x.ChildId,
                        principalTable: "Children",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Contacts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ChildId = table.Column<int>(type: "INTEGER", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Source = table.Column<string>(type: "TEXT", nullable: true),
                    LedToReferral = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Contacts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Contacts_Children_ChildId",
                        column: x => x.ChildId,
                        principalTable: "Children",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "EarlyHelpEpisodes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ChildId = table.Column<int>(type: "INTEGER", nullable: false),
                    AssessmentStartDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    AssessmentCompletionDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Organisation = table.Column<string>(type: "TEXT", nullable: true),
                    EndDate = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EarlyHelpEpisodes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EarlyHelpEpisodes_Children_ChildId",
                        column: x => x.ChildId,
                        principalTable: "Children",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "LookedAfterEpisodes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ChildId = table.Column<int>(type: "INTEGER", nullable: false),
                    StartDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ReasonForNewEpisode = table.Column<string>(type: "TEXT", nullable: true),
                    LegalStatus = table.Column<string>(type: "TEXT", nullable: false),
                    CategoryOfNeed = table.Column<string>(type: "TEXT", nullable: true),
                    PlacementType = table.Column<string>(type: "TEXT", nullable: false),
                    EndDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ReasonEnded = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LookedAfterEpisodes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LookedAfterEpisodes_Children_ChildId",
                        column: x => x.ChildId,
                        principalTable: "Children",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "LookedAfterReviews",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ChildId = table.Column<int>(type: "INTEGER", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LookedAfterReviews", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LookedAfterReviews_Children_ChildId",
                        column: x => x.ChildId,
                        principalTable: "Children",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PreProceedings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ChildId = table.Column<int>(type: "INTEGER", nullable: false),
                    CinEpisodeId = table.Column<int>(type: "INTEGER", nullable: true),
                    LegalGatewayDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    LegalGatewayDecision = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    StartDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    LetterBeforeProceedingsDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    InitialMeetingDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    FamilyGroupDecisionMakingOffered = table.Column<bool>(type: "INTEGER", nullable: true),
                    FamilyGroupDecisionMakingHeld = table.Column<bool>(type: "INTEGER", nullable: true),
                    ReportedReviewMeetingCount = table.Column<int>(type: "INTEGER", nullable: true),
                    DecisionDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    CourtApplicationDate = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PreProceedings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PreProceedings_Children_ChildId",
                        column: x => x.ChildId,
                        principalTable: "Children",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Teams",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ServiceId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Teams", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Teams_Services_ServiceId",
                        column: x => x.ServiceId,
                        principalTable: "Services",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Assessments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CinEpisodeId = table.Column<int>(type: "INTEGER", nullable: false),
                    StartDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    InternalReviewDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    AuthorisationDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ChildSeen = table.Column<bool>(type: "INTEGER", nullable: true),
                    NeedsServices = table.Column<bool>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Assessments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Assessments_CinEpisodes_CinEpisodeId",
                        column: x => x.CinEpisodeId,
                        principalTable: "CinEpisodes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ChildProtectionPlans",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CinEpisodeId = table.Column<int>(type: "INTEGER", nullable: false),
                    StartDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    InitialCategory = table.Column<string>(type: "TEXT", nullable: false),
                    LatestCategory = table.Column<string>(type: "TEXT", nullable: false),
                    NumberOfPreviousPlans = table.Column<int>(type: "INTEGER", nullable: false),
                    HasContingencyPlan = table.Column<bool>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChildProtectionPlans", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ChildProtectionPlans_CinEpisodes_CinEpisodeId",
                        column: x => x.CinEpisodeId,
                        principalTable: "CinEpisodes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CinPlans",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CinEpisodeId = table.Column<int>(type: "INTEGER", nullable: false),
                    StartDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    HasContingencyPlan = table.Column<bool>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CinPlans", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CinPlans_CinEpisodes_CinEpisodeId",
                        column: x => x.CinEpisodeId,
                        principalTable: "CinEpisodes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "StrategyDiscussions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CinEpisodeId = table.Column<int>(type: "INTEGER", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Section47Started = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StrategyDiscussions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StrategyDiscussions_CinEpisodes_CinEpisodeId",
                        column: x => x.CinEpisodeId,
                        principalTable: "CinEpisodes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PreProceedingsReviews",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PreProceedingsId = table.Column<int>(type: "INTEGER", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PreProceedingsReviews", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PreProceedingsReviews_PreProceedings_PreProceedingsId",
                        column: x => x.PreProceedingsId,
                        principalTable: "PreProceedings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Workers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    StaffId = table.Column<string>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    TeamId = table.Column<int>(type: "INTEGER", nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Fte = table.Column<decimal>(type: "TEXT", precision: 3, scale: 2, nullable: false),
                    Employment = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    QualifiedDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    AsyeStartDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    StartDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    LeavingDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    SupervisorId = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Workers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Workers_Teams_TeamId",
                        column: x => x.TeamId,
                        principalTable: "Teams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Workers_Workers_SupervisorId",
                        column: x => x.SupervisorId,
                        principalTable: "Workers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AssessmentFactors",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AssessmentId = table.Column<int>(type: "INTEGER", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssessmentFactors", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AssessmentFactors_Assessments_AssessmentId",
                        column: x => x.AssessmentId,
                        principalTable: "Assessments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CoreGroupMeetings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ChildProtectionPlanId = table.Column<int>(type: "INTEGER", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CoreGroupMeetings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CoreGroupMeetings_ChildProtectionPlans_ChildProtectionPlanId",
                        column: x => x.ChildProtectionPlanId,
                        principalTable: "ChildProtectionPlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ReviewConferences",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ChildProtectionPlanId = table.Column<int>(type: "INTEGER", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReviewConferences", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReviewConferences_ChildProtectionPlans_ChildProtectionPlanId",
                        column: x => x.ChildProtectionPlanId,
                        principalTable: "ChildProtectionPlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CinPlanReviews",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CinPlanId = table.Column<int>(type: "INTEGER", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CinPlanReviews", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CinPlanReviews_CinPlans_CinPlanId",
                        column: x => x.CinPlanId,
                        principalTable: "CinPlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Section47Enquiries",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CinEpisodeId = table.Column<int>(type: "INTEGER", nullable: false),
                    StrategyDiscussionId = table.Column<int>(type: "INTEGER", nullable: true),
                    StartDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    IcpcTargetDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    IcpcNotRequired = table.Column<bool>(type: "INTEGER", nullable: false),
                    EndDate = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Section47Enquiries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Section47Enquiries_CinEpisodes_CinEpisodeId",
                        column: x => x.CinEpisodeId,
                        principalTable: "CinEpisodes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Section47Enquiries_StrategyDiscussions_StrategyDiscussionId",
                        column: x => x.StrategyDiscussionId,
                        principalTable: "StrategyDiscussions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Allocations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ChildId = table.Column<int>(type: "INTEGER", nullable: false),
                    TeamId = table.Column<int>(type: "INTEGER", nullable: false),
                    WorkerId = table.Column<int>(type: "INTEGER", nullable: true),
                    StartDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Allocations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Allocations_Children_ChildId",
                        column: x => x.ChildId,
                        principalTable: "Children",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Allocations_Teams_TeamId",
                        column: x => x.TeamId,
                        principalTable: "Teams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Allocations_Workers_WorkerId",
                        column: x => x.WorkerId,
                        principalTable: "Workers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PlanActions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ChildId = table.Column<int>(type: "INTEGER", nullable: false),
                    ChildProtectionPlanId = table.Column<int>(type: "INTEGER", nullable: true),
                    CinPlanId = table.Column<int>(type: "INTEGER", nullable: true),
                    Description = table.Column<string>(type: "TEXT", nullable: false),
                    OwnerWorkerId = table.Column<int>(type: "INTEGER", nullable: true),
                    OwnerAgency = table.Column<string>(type: "TEXT", nullable: true),
                    DueDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CompletedDate = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlanActions", x => x.Id);
                    table.CheckConstraint("CK_PlanActions_OnePlan", "(\"ChildProtectionPlanId\" IS NULL) <> (\"CinPlanId\" IS NULL)");
                    table.ForeignKey(
                        name: "FK_PlanActions_ChildProtectionPlans_ChildProtectionPlanId",
                        column: x => x.ChildProtectionPlanId,
                        principalTable: "ChildProtectionPlans",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_PlanActions_Children_ChildId",
                        column: x => x.ChildId,
                        principalTable: "Children",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PlanActions_CinPlans_CinPlanId",
                        column: x => x.CinPlanId,
                        principalTable: "CinPlans",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_PlanActions_Workers_OwnerWorkerId",
                        column: x => x.OwnerWorkerId,
                        principalTable: "Workers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SeniorReviews",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ChildProtectionPlanId = table.Column<int>(type: "INTEGER", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ReviewedByWorkerId = table.Column<int>(type: "INTEGER", nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SeniorReviews", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SeniorReviews_ChildProtectionPlans_ChildProtectionPlanId",
                        column: x => x.ChildProtectionPlanId,
                        principalTable: "ChildProtectionPlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_SeniorReviews_Workers_ReviewedByWorkerId",
                        column: x => x.ReviewedByWorkerId,
                        principalTable: "Workers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "StepDecisions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ChildId = table.Column<int>(type: "INTEGER", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    FromLevel = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ToLevel = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    DecidedByWorkerId = table.Column<int>(type: "INTEGER", nullable: true),
                    Rationale = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StepDecisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StepDecisions_Children_ChildId",
                        column: x => x.ChildId,
                        principalTable: "Children",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_StepDecisions_Workers_DecidedByWorkerId",
                        column: x => x.DecidedByWorkerId,
                        principalTable: "Workers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SupervisionSessions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    WorkerId = table.Column<int>(type: "INTEGER", nullable: false),
                    SupervisorId = table.Column<int>(type: "INTEGER", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Held = table.Column<bool>(type: "INTEGER", nullable: false),
                    ReasonNotHeld = table.Column<string>(type: "TEXT", nullable: true),
                    Notes = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SupervisionSessions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SupervisionSessions_Workers_SupervisorId",
                        column: x => x.SupervisorId,
                        principalTable: "Workers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SupervisionSessions_Workers_WorkerId",
                        column: x => x.WorkerId,
                        principalTable: "Workers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Visits",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ChildId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    WorkerId = table.Column<int>(type: "INTEGER", nullable: true),
                    ChildSeen = table.Column<bool>(type: "INTEGER", nullable: false),
                    SeenAlone = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Visits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Visits_Children_ChildId",
                        column: x => x.ChildId,
                        principalTable: "Children",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Visits_Workers_WorkerId",
                        column: x => x.WorkerId,
                        principalTable: "Workers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "WorkerAbsences",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    WorkerId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    From = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    To = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkerAbsences", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WorkerAbsences_Workers_WorkerId",
                        column: x => x.WorkerId,
                        principalTable: "Workers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "InitialConferences",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CinEpisodeId = table.Column<int>(type: "INTEGER", nullable: false),
                    Section47EnquiryId = table.Column<int>(type: "INTEGER", nullable: true),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ResultedInPlan = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InitialConferences", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InitialConferences_CinEpisodes_CinEpisodeId",
                        column: x => x.CinEpisodeId,
                        principalTable: "CinEpisodes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_InitialConferences_Section47Enquiries_Section47EnquiryId",
                        column: x => x.Section47EnquiryId,
                        principalTable: "Section47Enquiries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SupervisionActions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SupervisionSessionId = table.Column<int>(type: "INTEGER", nullable: false),
                    ChildId = table.Column<int>(type: "INTEGER", nullable: true),
                    Description = table.Column<string>(type: "TEXT", nullable: false),
                    DueDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CompletedDate = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SupervisionActions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SupervisionActions_Children_ChildId",
                        column: x => x.ChildId,
                        principalTable: "Children",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SupervisionActions_SupervisionSessions_SupervisionSessionId",
                        column: x => x.SupervisionSessionId,
                        principalTable: "SupervisionSessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SupervisionChildrenDiscussed",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SupervisionSessionId = table.Column<int>(type: "INTEGER", nullable: false),
                    ChildId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SupervisionChildrenDiscussed", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SupervisionChildrenDiscussed_Children_ChildId",
                        column: x => x.ChildId,
                        principalTable: "Children",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SupervisionChildrenDiscussed_SupervisionSessions_SupervisionSessionId",
                        column: x => x.SupervisionSessionId,
                        principalTable: "SupervisionSessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Allocations_ChildId_StartDate",
                table: "Allocations",
                columns: new[] { "ChildId", "StartDate" });

            migrationBuilder.CreateIndex(
                name: "IX_Allocations_TeamId",
                table: "Allocations",
                column: "TeamId");

            migrationBuilder.CreateIndex(
                name: "IX_Allocations_WorkerId",
                table: "Allocations",
                column: "WorkerId");

            migrationBuilder.CreateIndex(
                name: "IX_AssessmentFactors_AssessmentId",
                table: "AssessmentFactors",
                column: "AssessmentId");

            migrationBuilder.CreateIndex(
                name: "IX_Assessments_CinEpisodeId",
                table: "Assessments",
                column: "CinEpisodeId");

            migrationBuilder.CreateIndex(
                name: "IX_CareLeaverStatuses_ChildId",
                table: "CareLeaverStatuses",
                column: "ChildId");

            migrationBuilder.CreateIndex(
                name: "IX_CareProceedings_ChildId",
                table: "CareProceedings",
                column: "ChildId");

            migrationBuilder.CreateIndex(
                name: "IX_ChildDisabilities_ChildId",
                table: "ChildDisabilities",
                column: "ChildId");

            migrationBuilder.CreateIndex(
                name: "IX_ChildProtectionPlans_CinEpisodeId",
                table: "ChildProtectionPlans",
                column: "CinEpisodeId");

            migrationBuilder.CreateIndex(
                name: "IX_Children_LAChildId",
                table: "Children",
                column: "LAChildId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CinEpisodes_ChildId_ReferralDate",
                table: "CinEpisodes",
                columns: new[] { "ChildId", "ReferralDate" });

            migrationBuilder.CreateIndex(
                name: "IX_CinPlanReviews_CinPlanId",
                table: "CinPlanReviews",
                column: "CinPlanId");

            migrationBuilder.CreateIndex(
                name: "IX_CinPlans_CinEpisodeId",
                table: "CinPlans",
                column: "CinEpisodeId");

            migrationBuilder.CreateIndex(
                name: "IX_Contacts_ChildId",
                table: "Contacts",
                column: "ChildId");

            migrationBuilder.CreateIndex(
                name: "IX_CoreGroupMeetings_ChildProtectionPlanId",
                table: "CoreGroupMeetings",
                column: "ChildProtectionPlanId");

            migrationBuilder.CreateIndex(
                name: "IX_EarlyHelpEpisodes_ChildId",
                table: "EarlyHelpEpisodes",
                column: "ChildId");

            migrationBuilder.CreateIndex(
                name: "IX_InitialConferences_CinEpisodeId",
                table: "InitialConferences",
                column: "CinEpisodeId");

            migrationBuilder.CreateIndex(
                name: "IX_InitialConferences_Section47EnquiryId",
                table: "InitialConferences",
                column: "Section47EnquiryId");

            migrationBuilder.CreateIndex(
                name: "IX_LookedAfterEpisodes_ChildId",
                table: "LookedAfterEpisodes",
                column: "ChildId");

            migrationBuilder.CreateIndex(
                name: "IX_LookedAfterReviews_ChildId",
                table: "LookedAfterReviews",
                column: "ChildId");

            migrationBuilder.CreateIndex(
                name: "IX_PlanActions_ChildId",
                table: "PlanActions",
                column: "ChildId");

            migrationBuilder.CreateIndex(
                name: "IX_PlanActions_ChildProtectionPlanId",
                table: "PlanActions",
                column: "ChildProtectionPlanId");

            migrationBuilder.CreateIndex(
                name: "IX_PlanActions_CinPlanId",
                table: "PlanActions",
                column: "CinPlanId");

            migrationBuilder.CreateIndex(
                name: "IX_PlanActions_OwnerWorkerId",
                table: "PlanActions",
                column: "OwnerWorkerId");

            migrationBuilder.CreateIndex(
                name: "IX_PreProceedings_ChildId",
                table: "PreProceedings",
                column: "ChildId");

            migrationBuilder.CreateIndex(
                name: "IX_PreProceedingsReviews_PreProceedingsId",
                table: "PreProceedingsReviews",
                column: "PreProceedingsId");

            migrationBuilder.CreateIndex(
                name: "IX_ReviewConferences_ChildProtectionPlanId",
                table: "ReviewConferences",
                column: "ChildProtectionPlanId");

            migrationBuilder.CreateIndex(
                name: "IX_Section47Enquiries_CinEpisodeId",
                table: "Section47Enquiries",
                column: "CinEpisodeId");

            migrationBuilder.CreateIndex(
                name: "IX_Section47Enquiries_StrategyDiscussionId",
                table: "Section47Enquiries",
                column: "StrategyDiscussionId");

            migrationBuilder.CreateIndex(
                name: "IX_SeniorReviews_ChildProtectionPlanId",
                table: "SeniorReviews",
                column: "ChildProtectionPlanId");

            migrationBuilder.CreateIndex(
                name: "IX_SeniorReviews_ReviewedByWorkerId",
                table: "SeniorReviews",
                column: "ReviewedByWorkerId");

            migrationBuilder.CreateIndex(
                name: "IX_StepDecisions_ChildId",
                table: "StepDecisions",
                column: "ChildId");

            migrationBuilder.CreateIndex(
                name: "IX_StepDecisions_DecidedByWorkerId",
                table: "StepDecisions",
                column: "DecidedByWorkerId");

            migrationBuilder.CreateIndex(
                name: "IX_StrategyDiscussions_CinEpisodeId",
                table: "StrategyDiscussions",
                column: "CinEpisodeId");

            migrationBuilder.CreateIndex(
                name: "IX_SupervisionActions_ChildId",
                table: "SupervisionActions",
                column: "ChildId");

            migrationBuilder.CreateIndex(
                name: "IX_SupervisionActions_SupervisionSessionId",
                table: "SupervisionActions",
                column: "SupervisionSessionId");

            migrationBuilder.CreateIndex(
                name: "IX_SupervisionChildrenDiscussed_ChildId",
                table: "SupervisionChildrenDiscussed",
                column: "ChildId");

            migrationBuilder.CreateIndex(
                name: "IX_SupervisionChildrenDiscussed_SupervisionSessionId",
                table: "SupervisionChildrenDiscussed",
                column: "SupervisionSessionId");

            migrationBuilder.CreateIndex(
                name: "IX_SupervisionSessions_SupervisorId",
                table: "SupervisionSessions",
                column: "SupervisorId");

            migrationBuilder.CreateIndex(
                name: "IX_SupervisionSessions_WorkerId_Date",
                table: "SupervisionSessions",
                columns: new[] { "WorkerId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_Teams_ServiceId",
                table: "Teams",
                column: "ServiceId");

            migrationBuilder.CreateIndex(
                name: "IX_Visits_ChildId_Date",
                table: "Visits",
                columns: new[] { "ChildId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_Visits_WorkerId",
                table: "Visits",
                column: "WorkerId");

            migrationBuilder.CreateIndex(
                name: "IX_WorkerAbsences_WorkerId",
                table: "WorkerAbsences",
                column: "WorkerId");

            migrationBuilder.CreateIndex(
                name: "IX_Workers_StaffId",
                table: "Workers",
                column: "StaffId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Workers_SupervisorId",
                table: "Workers",
                column: "SupervisorId");

            migrationBuilder.CreateIndex(
                name: "IX_Workers_TeamId",
                table: "Workers",
                column: "TeamId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Allocations");

            migrationBuilder.DropTable(
                name: "AssessmentFactors");

            migrationBuilder.DropTable(
                name: "CareLeaverStatuses");

            migrationBuilder.DropTable(
                name: "CareProceedings");

            migrationBuilder.DropTable(
                name: "ChildDisabilities");

            migrationBuilder.DropTable(
                name: "CinPlanReviews");

            migrationBuilder.DropTable(
                name: "Contacts");

            migrationBuilder.DropTable(
                name: "CoreGroupMeetings");

            migrationBuilder.DropTable(
                name: "Councils");

            migrationBuilder.DropTable(
                name: "EarlyHelpEpisodes");

            migrationBuilder.DropTable(
                name: "InitialConferences");

            migrationBuilder.DropTable(
                name: "LookedAfterEpisodes");

            migrationBuilder.DropTable(
                name: "LookedAfterReviews");

            migrationBuilder.DropTable(
                name: "PlanActions");

            migrationBuilder.DropTable(
                name: "PreProceedingsReviews");

            migrationBuilder.DropTable(
                name: "ReviewConferences");

            migrationBuilder.DropTable(
                name: "SeniorReviews");

            migrationBuilder.DropTable(
                name: "StepDecisions");

            migrationBuilder.DropTable(
                name: "SupervisionActions");

            migrationBuilder.DropTable(
                name: "SupervisionChildrenDiscussed");

            migrationBuilder.DropTable(
                name: "Visits");

            migrationBuilder.DropTable(
                name: "WorkerAbsences");

            migrationBuilder.DropTable(
                name: "Assessments");

            migrationBuilder.DropTable(
                name: "Section47Enquiries");

            migrationBuilder.DropTable(
                name: "CinPlans");

            migrationBuilder.DropTable(
                name: "PreProceedings");

            migrationBuilder.DropTable(
                name: "ChildProtectionPlans");

            migrationBuilder.DropTable(
                name: "SupervisionSessions");

            migrationBuilder.DropTable(
                name: "StrategyDiscussions");

            migrationBuilder.DropTable(
                name: "Workers");

            migrationBuilder.DropTable(
                name: "CinEpisodes");

            migrationBuilder.DropTable(
                name: "Teams");

            migrationBuilder.DropTable(
                name: "Children");

            migrationBuilder.DropTable(
                name: "Services");
        }
    }
}
