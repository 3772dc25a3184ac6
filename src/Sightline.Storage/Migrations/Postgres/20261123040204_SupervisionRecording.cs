using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sightline.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SupervisionRecording : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Attendees",
                table: "SupervisionSessions",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RecordedBy",
                table: "SupervisionSessions",
                type: "character varying(450)",
                maxLength: 450,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Attendees",
                table: "SupervisionSessions");

            migrationBuilder.DropColumn(
                name: "RecordedBy",
                table: "SupervisionSessions");
        }
    }
}
