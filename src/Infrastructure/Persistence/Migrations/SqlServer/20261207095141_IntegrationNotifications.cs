using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NovaPulse.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class IntegrationNotifications : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_webhook_deliveries_Status_NextAttemptAt",
                table: "webhook_deliveries");

            migrationBuilder.DropIndex(
                name: "IX_outbox_messages_ProcessedAt_OccurredAt",
                table: "outbox_messages");

            migrationBuilder.CreateTable(
                name: "integration_notifications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CompanyId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    IntegrationId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    EventId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    EventType = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Recipient = table.Column<string>(type: "nvarchar(320)", maxLength: 320, nullable: true),
                    Subject = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false),
                    Body = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    Status = table.Column<int>(type: "int", nullable: false),
                    Attempts = table.Column<int>(type: "int", nullable: false),
                    NextAttemptAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    LockedUntil = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    LastError = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    CompletedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_integration_notifications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_integration_notifications_integrations_IntegrationId",
                        column: x => x.IntegrationId,
                        principalTable: "integrations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_webhook_deliveries_Status_CompanyId_NextAttemptAt",
                table: "webhook_deliveries",
                columns: new[] { "Status", "CompanyId", "NextAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_outbox_messages_ProcessedAt_CompanyId_OccurredAt",
                table: "outbox_messages",
                columns: new[] { "ProcessedAt", "CompanyId", "OccurredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_integration_notifications_CompanyId",
                table: "integration_notifications",
                column: "CompanyId");

            migrationBuilder.CreateIndex(
                name: "IX_integration_notifications_IntegrationId",
                table: "integration_notifications",
                column: "IntegrationId");

            migrationBuilder.CreateIndex(
                name: "IX_integration_notifications_Status_CompanyId_NextAttemptAt",
                table: "integration_notifications",
                columns: new[] { "Status", "CompanyId", "NextAttemptAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "integration_notifications");

            migrationBuilder.DropIndex(
                name: "IX_webhook_deliveries_Status_CompanyId_NextAttemptAt",
                table: "webhook_deliveries");

            migrationBuilder.DropIndex(
                name: "IX_outbox_messages_ProcessedAt_CompanyId_OccurredAt",
                table: "outbox_messages");

            migrationBuilder.CreateIndex(
                name: "IX_webhook_deliveries_Status_NextAttemptAt",
                table: "webhook_deliveries",
                columns: new[] { "Status", "NextAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_outbox_messages_ProcessedAt_OccurredAt",
                table: "outbox_messages",
                columns: new[] { "ProcessedAt", "OccurredAt" });
        }
    }
}
