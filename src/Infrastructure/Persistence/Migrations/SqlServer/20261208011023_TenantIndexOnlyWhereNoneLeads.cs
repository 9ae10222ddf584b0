using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NovaPulse.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class TenantIndexOnlyWhereNoneLeads : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_webhook_endpoints_CompanyId",
                table: "webhook_endpoints");

            migrationBuilder.DropIndex(
                name: "IX_usage_records_CompanyId",
                table: "usage_records");

            migrationBuilder.DropIndex(
                name: "IX_uploads_CompanyId",
                table: "uploads");

            migrationBuilder.DropIndex(
                name: "IX_tasks_CompanyId",
                table: "tasks");

            migrationBuilder.DropIndex(
                name: "IX_outbox_messages_CompanyId",
                table: "outbox_messages");

            migrationBuilder.DropIndex(
                name: "IX_invoices_CompanyId",
                table: "invoices");

            migrationBuilder.DropIndex(
                name: "IX_integrations_CompanyId",
                table: "integrations");

            migrationBuilder.DropIndex(
                name: "IX_event_stream_leases_CompanyId",
                table: "event_stream_leases");

            migrationBuilder.DropIndex(
                name: "IX_audit_entries_CompanyId",
                table: "audit_entries");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_webhook_endpoints_CompanyId",
                table: "webhook_endpoints",
                column: "CompanyId");

            migrationBuilder.CreateIndex(
                name: "IX_usage_records_CompanyId",
                table: "usage_records",
                column: "CompanyId");

            migrationBuilder.CreateIndex(
                name: "IX_uploads_CompanyId",
                table: "uploads",
                column: "CompanyId");

            migrationBuilder.CreateIndex(
                name: "IX_tasks_CompanyId",
                table: "tasks",
                column: "CompanyId");

            migrationBuilder.CreateIndex(
                name: "IX_outbox_messages_CompanyId",
                table: "outbox_messages",
                column: "CompanyId");

            migrationBuilder.CreateIndex(
                name: "IX_invoices_CompanyId",
                table: "invoices",
                column: "CompanyId");

            migrationBuilder.CreateIndex(
                name: "IX_integrations_CompanyId",
                table: "integrations",
                column: "CompanyId");

            migrationBuilder.CreateIndex(
                name: "IX_event_stream_leases_CompanyId",
                table: "event_stream_leases",
                column: "CompanyId");

            migrationBuilder.CreateIndex(
                name: "IX_audit_entries_CompanyId",
                table: "audit_entries",
                column: "CompanyId");
        }
    }
}
