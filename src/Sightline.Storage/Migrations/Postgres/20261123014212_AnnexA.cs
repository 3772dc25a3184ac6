using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Sightline.Storage.Migrations.Postgres
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
                type: "boolean",
                nullable: true,
                oldClrType: typeof(bool),
                oldType: "boolean");

            migrationBuilder.AlterColumn<string>(
                name: "PlacementType",
                table: "LookedAfterEpisodes",
                type: "text",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "text");

            migrationBuilder.AlterColumn<string>(
                name: "LegalStatus",
                table: "LookedAfterEpisodes",
                type: "text",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "text");

            migrationBuilder.AddColumn<string>(
                name: "PermanencePlan",
                table: "LookedAfterEpisodes",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PlacementLocalAuthority",
                table: "LookedAfterEpisodes",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PlacementLocation",
                table: "LookedAfterEpisodes",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PlacementPostcode",
                table: "LookedAfterEpisodes",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PlacementProvider",
                table: "LookedAfterEpisodes",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PlacementUrn",
                table: "LookedAfterEpisodes",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "HasDisability",
                table: "Children",
                type: "boolean",
                nullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "InTouch",
                table: "CareLeaverStatuses",
                type: "text",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "text");

            migrationBuilder.AddColumn<string>(
                name: "Eligibility",
                table: "CareLeaverStatuses",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "LatestContactDate",
                table: "CareLeaverStatuses",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "LatestPathwayPlanReviewDate",
                table: "CareLeaverStatuses",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PersonalAdviser",
                table: "CareLeaverStatuses",
                type: "text",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Adopters",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AdopterId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    FamilyIdentifier = table.Column<string>(type: "text", nullable: true),
                    Sex = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Ethnicity = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: true),
                    HasDisability = table.Column<bool>(type: "boolean", nullable: true),
                    FosteringForAdoption = table.Column<bool>(type: "boolean", nullable: false),
                    EnquiryDate = table.Column<DateOnly>(type: "date", nullable: false),
                    Stage1StartDate = table.Column<DateOnly>(type: "date", nullable: true),
                    Stage1EndDate = table.Column<DateOnly>(type: "date", nullable: true),
                    Stage2StartDate = table.Column<DateOnly>(type: "date", nullable: true),
                    Stage2EndDate = table.Column<DateOnly>(type: "date", nullable: true),
                    ApplicationDate = table.Column<DateOnly>(type: "date", nullable: true),
                    ApprovalDate = table.Column<DateOnly>(type: "date", nullable: true),
                    MatchedDate = table.Column<DateOnly>(type: "date", nullable: true),
                    PlacedDate = table.Column<DateOnly>(type: "date", nullable: true),
                    ChildrenPlaced = table.Column<int>(type: "integer", nullable: true),
                    AdoptionOrderDate = table.Column<DateOnly>(type: "date", nullable: true),
                    LeftDate = table.Column<DateOnly>(type: "date", nullable: true),
                    LeftReason = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Adopters", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AdoptionDecisions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ChildId = table.Column<int>(type: "integer", nullable: false),
                    FamilyIdentifier = table.Column<string>(type: "text", nullable: true),
                    EnteredCareDate = table.Column<DateOnly>(type: "date", nullable: true),
                    DecisionDate = table.Column<DateOnly>(type: "date", nullable: false),
                    PlacementOrderDate = table.Column<DateOnly>(type: "date", nullable: true),
                    MatchedDate = table.Column<DateOnly>(type: "date", nullable: true),
                    PlacedDate = table.Column<DateOnly>(type: "date", nullable: true),
                    AdoptionOrderDate = table.Column<DateOnly>(type: "date", nullable: true),
                    ReversalDate = table.Column<DateOnly>(type: "date", nullable: true),
                    ReversalReason = table.Column<string>(type: "text", nullable: true),
                    FosteringForAdoptionDate = table.Column<DateOnly>(type: "date", nullable: true)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ChildId = table.Column<int>(type: "integer", nullable: false),
                    AsAt = table.Column<DateOnly>(type: "date", nullable: false),
                    List = table.Column<int>(type: "integer", nullable: false),
                    RowDate = table.Column<DateOnly>(type: "date", nullable: false),
                    Column = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Value = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ChildId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    StartDate = table.Column<DateOnly>(type: "date", nullable: false),
                    EndDate = table.Column<DateOnly>(type: "date", nullable: true)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ChildId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ChildId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    StartDate = table.Column<DateOnly>(type: "date", nullable: false),
                    EndDate = table.Column<DateOnly>(type: "date", nullable: true),
                    ReturnInterviewOffered = table.Column<bool>(type: "boolean", nullable: true),
                    ReturnInterviewAccepted = table.Column<bool>(type: "boolean", nullable: true)
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
                type: "boolean",
                nullable: false,
                defaultValue: false,
                oldClrType: typeof(bool),
                oldType: "boolean",
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "PlacementType",
                table: "LookedAfterEpisodes",
                type: "text",
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "text",
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "LegalStatus",
                table: "LookedAfterEpisodes",
                type: "text",
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "text",
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "InTouch",
                table: "CareLeaverStatuses",
                type: "text",
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "text",
                oldNullable: true);
        }
    }
}
