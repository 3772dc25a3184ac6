using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Sightline.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class LocalStandards : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "LocalStandardsVersions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CouncilId = table.Column<int>(type: "integer", nullable: false),
                    EffectiveFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    RecordedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LocalStandardsVersions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LocalStandardsVersions_Councils_CouncilId",
                        column: x => x.CouncilId,
                        principalTable: "Councils",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "LocalStandardValues",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    LocalStandardsVersionId = table.Column<int>(type: "integer", nullable: false),
                    Setting = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Value = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LocalStandardValues", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LocalStandardValues_LocalStandardsVersions_LocalStandardsVe~",
                        column: x => x.LocalStandardsVersionId,
                        principalTable: "LocalStandardsVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_LocalStandardValues_LocalStandardsVersionId_Setting",
                table: "LocalStandardValues",
                columns: new[] { "LocalStandardsVersionId", "Setting" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LocalStandardsVersions_CouncilId_EffectiveFrom",
                table: "LocalStandardsVersions",
                columns: new[] { "CouncilId", "EffectiveFrom" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "LocalStandardValues");

            migrationBuilder.DropTable(
                name: "LocalStandardsVersions");
        }
    }
}
