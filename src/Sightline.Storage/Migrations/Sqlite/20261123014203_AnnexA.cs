using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sightline.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AnnexA : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<bool>(
                name: "SeenAlone",
                table: "Visits",
                type: "INTEGER",
                nullable: true,
                oldClrType: typeof(bool),
                oldType: "INTEGER");

            migrationBuilder.AlterColumn<string>(
                name: "PlacementType",
                table: "LookedAfterEpisodes",
                type: "TEXT",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<string>(
                name: "LegalStatus",
                table: "LookedAfterEpisodes",
                type: "TEXT",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "TEXT");

            migrationBuilder.AddColumn<string>(
                name: "PermanencePlan",
                table: "LookedAfterEpisodes",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PlacementLocalAuthority",
                table: "LookedAfterEpisodes",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PlacementLocation",
                table: "LookedAfterEpisodes",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PlacementPostcode",
                table: "LookedAfterEpisodes",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PlacementProvider",
                table: "LookedAfterEpisodes",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PlacementUrn",
                table: "LookedAfterEpisodes",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "HasDisability",
                table: "Children",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "InTouch",
                table: "CareLeaverStatuses",
                type: "TEXT",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "TEXT");

            migrationBuilder.AddColumn<string>(
                name: "Eligibility",
                table: "CareLeaverStatuses",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "LatestContactDate",
                table: "CareLeaverStatuses",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "LatestPathwayPlanReviewDate",
                table: "CareLeaverStatuses",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PersonalAdviser",
                table: "CareLeaverStatuses",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Adopters",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AdopterId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    FamilyIdentifier = table.Column<string>(type: "TEXT", nullable: true),
                    Sex = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Ethnicity = table.Column<string>(type: "TEXT", maxLength: 4, nullable: true),
                    HasDisability = table.Column<bool>(type: "INTEGER", nullable: true),
                    FosteringForAdoption = table.Column<bool>(type: "INTEGER", nullable: false),
                    EnquiryDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Stage1StartDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Stage1EndDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Stage2StartDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Stage2EndDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ApplicationDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ApprovalDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    MatchedDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    PlacedDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ChildrenPlaced = table.Column<int>(type: "INTEGER", nullable: true),
                    AdoptionOrderDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    LeftDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    LeftReason = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Adopters", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AdoptionDecisions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ChildId = table.Column<int>(type: "INTEGER", nullable: false),
                    FamilyIdentifier = table.Column<string>(type: "TEXT", nullable: true),
                    EnteredCareDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DecisionDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PlacementOrderDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    MatchedDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    PlacedDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    AdoptionOrderDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ReversalDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ReversalReason = table.Column<string>(type: "TEXT", nullable: true),
                    FosteringForAdoptionDate = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AdoptionDecisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AdoptionDecisions_Children_ChildId",
                        column: x => x.ChildId,
                        principalTable: "Children",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AnnexAReportedValues",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ChildId = table.Column<int>(type: "INTEGER", nullable: false),
                    AsAt = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    List = table.Column<int>(type: "INTEGER", nullable: false),
                    RowDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Column = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Value = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AnnexAReportedValues", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AnnexAReportedValues_Children_ChildId",
                        column: x => x.ChildId,
                        principalTable: "Children",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "EmergencyProtections",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ChildId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    StartDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndDate = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EmergencyProtections", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EmergencyProtections_Children_ChildId",
                        column: x => x.ChildId,
                        principalTable: "Children",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "LookedAfterChecks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ChildId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LookedAfterChecks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LookedAfterChecks_Children_ChildId",
                        column: x => x.ChildId,
                        principalTable: "Children",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MissingEpisodes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ChildId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    StartDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ReturnInterviewOffered = table.Column<bool>(type: "INTEGER", nullable: true),
                    ReturnInterviewAccepted = table.Column<bool>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MissingEpisodes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MissingEpisodes_Children_ChildId",
                        column: x => x.ChildId,
                        principalTable: "Children",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Adopters_AdopterId",
                table: "Adopters",
                column: "AdopterId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AdoptionDecisions_ChildId",
                table: "AdoptionDecisions",
                column: "ChildId");

            migrationBuilder.CreateIndex(
                name: "IX_AnnexAReportedValues_ChildId_AsAt_List_RowDate_Column",
                table: "AnnexAReportedValues",
                columns: new[] { "ChildId", "AsAt", "List", "RowDate", "Column" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EmergencyProtections_ChildId",
                table: "EmergencyProtections",
                column: "ChildId");

            migrationBuilder.CreateIndex(
                name: "IX_LookedAfterChecks_ChildId_Kind_Date",
                table: "LookedAfterChecks",
                columns: new[] { "ChildId", "Kind", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_MissingEpisodes_ChildId",
                table: "MissingEpisodes",
                column: "ChildId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Adopters");

            migrationBuilder.DropTable(
                name: "AdoptionDecisions");

            migrationBuilder.DropTable(
                name: "AnnexAReportedValues");

            migrationBuilder.DropTable(
                name: "EmergencyProtections");

            migrationBuilder.DropTable(
                name: "LookedAfterChecks");

            migrationBuilder.DropTable(
                name: "MissingEpisodes");

            migrationBuilder.DropColumn(
                name: "PermanencePlan",
                table: "LookedAfterEpisodes");

            migrationBuilder.DropColumn(
                name: "PlacementLocalAuthority",
                table: "LookedAfterEpisodes");

            migrationBuilder.DropColumn(
                name: "PlacementLocation",
                table: "LookedAfterEpisodes");

            migrationBuilder.DropColumn(
                name: "PlacementPostcode",
                table: "LookedAfterEpisodes");

            migrationBuilder.DropColumn(
                name: "PlacementProvider",
                table: "LookedAfterEpisodes");

            migrationBuilder.DropColumn(
                name: "PlacementUrn",
                table: "LookedAfterEpisodes");

            migrationBuilder.DropColumn(
                name: "HasDisability",
                table: "Children");

            migrationBuilder.DropColumn(
                name: "Eligibility",
                table: "CareLeaverStatuses");

            migrationBuilder.DropColumn(
                name: "LatestContactDate",
                table: "CareLeaverStatuses");

            migrationBuilder.DropColumn(
                name: "LatestPathwayPlanReviewDate",
                table: "CareLeaverStatuses");

            migrationBuilder.DropColumn(
                name: "PersonalAdviser",
                table: "CareLeaverStatuses");

            migrationBuilder.AlterColumn<bool>(
                name: "SeenAlone",
                table: "Visits",
                type: "INTEGER",
                nullable: false,
                defaultValue: false,
                oldClrType: typeof(bool),
                oldType: "INTEGER",
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "PlacementType",
                table: "LookedAfterEpisodes",
                type: "TEXT",
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "LegalStatus",
                table: "LookedAfterEpisodes",
                type: "TEXT",
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "InTouch",
                table: "CareLeaverStatuses",
                type: "TEXT",
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldNullable: true);
        }
    }
}
