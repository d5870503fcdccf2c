using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Styrkort.Web.AppStore.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AlertLanguagesAndPeriods : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Language",
                table: "AlertSubscriptions",
                type: "text",
                nullable: false,
                defaultValue: "sv");

            migrationBuilder.AddColumn<string>(
                name: "Periods",
                table: "AlertSubscriptions",
                type: "text",
                nullable: false,
                defaultValue: "quarter");

            migrationBuilder.AddColumn<string>(
                name: "MessageEn",
                table: "Alerts",
                type: "text",
                nullable: false,
                defaultValue: "");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Language",
                table: "AlertSubscriptions");

            migrationBuilder.DropColumn(
                name: "Periods",
                table: "AlertSubscriptions");

            migrationBuilder.DropColumn(
                name: "MessageEn",
                table: "Alerts");
        }
    }
}
