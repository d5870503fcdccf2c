using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Styrkort.Web.AppStore.Migrations.Postgres
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
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "CheckInVersions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CheckInId = table.Column<int>(type: "integer", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Analysis = table.Column<string>(type: "text", nullable: false),
                    Actions = table.Column<string>(type: "text", nullable: false),
                    SavedBy = table.Column<string>(type: "text", nullable: false),
                    SavedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
                "COALESCE((SELECT json_agg(json_build_object('What', a.\"What\", 'Who', a.\"Who\", 'Due', a.\"Due\", 'State', a.\"State\") ORDER BY a.\"Id\")::text " +
                " FROM \"CheckInActions\" AS a WHERE a.\"CheckInId\" = c.\"Id\"), '[]'), " +
                "c.\"UpdatedBy\", c.\"UpdatedAtUtc\" FROM \"CheckIns\" AS c;");
            // A version is history: the database itself refuses to change or remove one.
            migrationBuilder.Sql("CREATE FUNCTION checkin_versions_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'check-in versions are append-only'; END $$;");
            migrationBuilder.Sql("CREATE TRIGGER \"CheckInVersions_append_only\" BEFORE UPDATE OR DELETE ON \"CheckInVersions\" FOR EACH ROW EXECUTE FUNCTION checkin_versions_append_only();");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS \"CheckInVersions_append_only\" ON \"CheckInVersions\"; DROP FUNCTION IF EXISTS checkin_versions_append_only();");
            migrationBuilder.DropTable(
                name: "CheckInVersions");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "CheckIns");
        }
    }
}
