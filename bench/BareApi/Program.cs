using System.Text.Json;
using Npgsql;

// The bare ASP.NET Core app of bench/api-throughput.sh, started with --urls:
//   GET /page    the API's captured first page of tasks (PAGE_FILE), as bytes: the framework's ceiling on this box.
//   GET /floor   the same first page read with raw Npgsql (FLOOR_DB, FLOOR_COMPANY) and serialised with System.Text.Json:
//                the floor of a list that has to run its query, with no auth, no EF Core and no middleware.
//   POST /floor  a task created the way the API's create writes it, with raw Npgsql in one transaction: the task row, its
//                audit entry and outbox row, and the company's conditional counter increment last (its row lock held
//                until the commit); the floor of a create on one company. POST /floor?spread=true takes the companies of
//                FLOOR_COMPANIES (a file of ids) in turn: the floor of creates spread over them.
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
var app = builder.Build();

var page = await File.ReadAllBytesAsync(Environment.GetEnvironmentVariable("PAGE_FILE") ?? throw new InvalidOperationException("PAGE_FILE is not set"));
app.MapGet("/page", () => Results.Bytes(page, "application/json; charset=utf-8"));

if (Environment.GetEnvironmentVariable("FLOOR_DB") is { Length: > 0 } connectionString)
{
    var dataSource = NpgsqlDataSource.Create(connectionString);
    var companyId = Guid.Parse(Environment.GetEnvironmentVariable("FLOOR_COMPANY") ?? throw new InvalidOperationException("FLOOR_COMPANY is not set"));
    var companies = Environment.GetEnvironmentVariable("FLOOR_COMPANIES") is { Length: > 0 } file
        ? (await File.ReadAllLinesAsync(file)).Where(l => l.Length > 0).Select(Guid.Parse).ToArray()
        : [];
    companies = [companyId, .. companies.Where(c => c != companyId)];
    var turn = 0;
    var web = new JsonSerializerOptions(JsonSerializerDefaults.Web);
    app.MapGet("/floor", async (CancellationToken cancellationToken) =>
    {
        await using var command = dataSource.CreateCommand(
            """
            SELECT "Id", "Title", "Description", "Status", "Priority", "AssigneeId", "DueDate", "Tags", "CreatedBy", "CreatedAt", "UpdatedAt", "CompletedAt", "Version"
            FROM tasks WHERE "CompanyId" = $1 ORDER BY "CreatedAt" DESC, "Id" DESC LIMIT 51
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = companyId });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var items = new List<FloorTask>(51);
        while (await reader.ReadAsync(cancellationToken))
        {
            items.Add(new FloorTask(
                reader.GetGuid(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2), reader.GetInt32(3), reader.GetInt32(4),
                reader.IsDBNull(5) ? null : reader.GetGuid(5), reader.IsDBNull(6) ? null : reader.GetFieldValue<DateTimeOffset>(6),
                reader.GetFieldValue<string[]>(7), reader.IsDBNull(8) ? null : reader.GetGuid(8), reader.GetFieldValue<DateTimeOffset>(9),
                reader.GetFieldValue<DateTimeOffset>(10), reader.IsDBNull(11) ? null : reader.GetFieldValue<DateTimeOffset>(11), reader.GetInt32(12)));
        }

        var hasMore = items.Count > 50;
        return Results.Json(new { items = items.Take(50), nextCursor = hasMore ? items[49].Id.ToString() : null, hasMore }, web);
    });
    app.MapPost("/floor", async (bool? spread, CancellationToken cancellationToken) =>
    {
        var company = spread == true ? companies[(int)((uint)Interlocked.Increment(ref turn) % companies.Length)] : companies[0];
        var id = Guid.CreateVersion7();
        var now = DateTimeOffset.UtcNow;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var batch = new NpgsqlBatch(connection, transaction))
        {
            batch.BatchCommands.Add(Command(
                """
                INSERT INTO tasks ("Id", "CompanyId", "Title", "Description", "Status", "Priority", "Tags", "CreatedAt", "UpdatedAt", "Version")
                VALUES ($1, $2, 'Floor task', 'Created by the floor of the api-throughput benchmark.', 0, 2, ARRAY['bench','load'], $3, $3, 1)
                """, id, company, now));
            batch.BatchCommands.Add(Command(
                """
                INSERT INTO audit_entries ("Id", "CompanyId", "ActorType", "Action", "EntityType", "EntityId", "Changes", "OccurredAt")
                VALUES ($1, $2, 'user', 'created', 'task', $3, '{"title":{"old":null,"new":"Floor task"}}', $4)
                """, Guid.CreateVersion7(), company, id.ToString(), now));
            // Marked processed: the floor measures the transaction, not the API's workers.
            batch.BatchCommands.Add(Command(
                """
                INSERT INTO outbox_messages ("Id", "CompanyId", "Type", "Payload", "OccurredAt", "ProcessedAt", "Attempts")
                VALUES ($1, $2, 'task.created', '{"title":"Floor task"}', $3, $3, 0)
                """, Guid.CreateVersion7(), company, now));
            await batch.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var counter = new NpgsqlCommand("""UPDATE companies SET "TaskCount" = "TaskCount" + 1 WHERE "Id" = $1 AND "TaskCount" < 100000""", connection, transaction))
        {
            counter.Parameters.Add(new NpgsqlParameter { Value = company });
            if (await counter.ExecuteNonQueryAsync(cancellationToken) == 0)
            {
                return Results.StatusCode(StatusCodes.Status402PaymentRequired);
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return Results.Json(new { id }, web, statusCode: StatusCodes.Status201Created);
    });
}

await app.RunAsync();

static NpgsqlBatchCommand Command(string sql, params object[] values)
{
    var command = new NpgsqlBatchCommand(sql);
    foreach (var value in values)
    {
        command.Parameters.Add(new NpgsqlParameter { Value = value });
    }

    return command;
}

internal sealed record FloorTask(
    Guid Id, string Title, string? Description, int Status, int Priority, Guid? AssigneeId, DateTimeOffset? DueDate, string[] Tags,
    Guid? CreatedBy, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, DateTimeOffset? CompletedAt, int Version);
