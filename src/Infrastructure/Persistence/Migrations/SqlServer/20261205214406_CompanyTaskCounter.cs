using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NovaPulse.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class CompanyTaskCounter : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "TaskCount",
                table: "companies",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            // Existing companies start from the tasks they already have.
            migrationBuilder.Sql("""
                UPDATE [companies] SET [TaskCount] = (SELECT COUNT_BIG(*) FROM [tasks] WHERE [tasks].[CompanyId] = [companies].[Id]);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "TaskCount",
                table: "companies");
        }
    }
}
