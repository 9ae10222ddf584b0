using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NovaPulse.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class TaskListOrderIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The new index first: the list keeps an index to read while the old one goes.
            migrationBuilder.CreateIndex(
                name: "IX_tasks_CompanyId_CreatedAt_Id",
                table: "tasks",
                columns: new[] { "CompanyId", "CreatedAt", "Id" });

            migrationBuilder.DropIndex(
                name: "IX_tasks_CompanyId_CreatedAt",
                table: "tasks");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_tasks_CompanyId_CreatedAt_Id",
                table: "tasks");

            migrationBuilder.CreateIndex(
                name: "IX_tasks_CompanyId_CreatedAt",
                table: "tasks",
                columns: new[] { "CompanyId", "CreatedAt" });
        }
    }
}
