using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Styrkort.Web.AppStore.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CheckInVersions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "CheckIns",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "CheckInVersions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CheckInId = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Analysis = table.Column<string>(type: "TEXT", nullable: false),
                    Actions = table.Column<string>(type: "TEXT", nullable: false),
                    SavedBy = table.Column<string>(type: "TEXT", nullable: false),
                    SavedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CheckInVersions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CheckInVersions_CheckIns_CheckInId",
                        column: x => x.CheckInId,
                        principalTable: "CheckIns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CheckInVersions_CheckInId_Number",
                table: "CheckInVersions",
                columns: new[] { "CheckInId", "Number" },
                unique: true);

            // Every check-in saved before versions existed becomes its version 1, as it was last saved.
            migrationBuilder.Sql("UPDATE \"CheckIns\" SET \"Version\" = 1;");
            migrationBuilder.Sql(
                "INSERT INTO \"CheckInVersions\" (\"CheckInId\", \"Number\", \"Analysis\", \"Actions\", \"SavedBy\", \"SavedAtUtc\") " +
                "SELECT c.\"Id\", 1, c.\"Analysis\", " +
                "(SELECT json_group_array(json_object('What', a.\"What\", 'Who', a.\"Who\", 'Due', a.\"Due\", 'State', a.\"State\")) " +
                " FROM (SELECT * FROM \"CheckInActions\" WHERE \"CheckInId\" = c.\"Id\" ORDER BY \"Id\") AS a), " +
                "c.\"UpdatedBy\", c.\"UpdatedAtUtc\" FROM \"CheckIns\" AS c;");
            // A version is history: the database itself refuses to change or remove one.
            migrationBuilder.Sql("CREATE TRIGGER \"CheckInVersions_no_update\" BEFORE UPDATE ON \"CheckInVersions\" BEGIN SELECT RAISE(ABORT, 'check-in versions are append-only'); END;");
            migrationBuilder.Sql("CREATE TRIGGER \"CheckInVersions_no_delete\" BEFORE DELETE ON \"CheckInVersions\" BEGIN SELECT RAISE(ABORT, 'check-in versions are append-only'); END;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS \"CheckInVersions_no_update\"; DROP TRIGGER IF EXISTS \"CheckInVersions_no_delete\";");
            migrationBuilder.DropTable(
                name: "CheckInVersions");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "CheckIns");
        }
    }
}
