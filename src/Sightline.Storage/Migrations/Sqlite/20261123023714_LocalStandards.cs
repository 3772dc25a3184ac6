using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sightline.Storage.Migrations.Sqlite
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CouncilId = table.Column<int>(type: "INTEGER", nullable: false),
                    EffectiveFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    RecordedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    LocalStandardsVersionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Setting = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Value = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LocalStandardValues", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LocalStandardValues_LocalStandardsVersions_LocalStandardsVersionId",
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
