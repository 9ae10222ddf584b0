using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NovaPulse.Infrastructure.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class OutboxParkingAndStreamLeases : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ParkedAt",
                table: "outbox_messages",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "event_stream_leases",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CompanyId = table.Column<Guid>(type: "uuid", nullable: false),
                    Principal = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    OpenedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ExpiresAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_event_stream_leases", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_outbox_messages_ParkedAt",
                table: "outbox_messages",
                column: "ParkedAt");

            migrationBuilder.CreateIndex(
                name: "IX_event_stream_leases_CompanyId",
                table: "event_stream_leases",
                column: "CompanyId");

            migrationBuilder.CreateIndex(
                name: "IX_event_stream_leases_CompanyId_ExpiresAt",
                table: "event_stream_leases",
                columns: new[] { "CompanyId", "ExpiresAt" });

            migrationBuilder.CreateIndex(
                name: "IX_event_stream_leases_CompanyId_Principal",
                table: "event_stream_leases",
                columns: new[] { "CompanyId", "Principal" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "event_stream_leases");

            migrationBuilder.DropIndex(
                name: "IX_outbox_messages_ParkedAt",
                table: "outbox_messages");

            migrationBuilder.DropColumn(
                name: "ParkedAt",
                table: "outbox_messages");
        }
    }
}
