using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace NovaPulse.Infrastructure.Persistence;

/// <summary>
/// Queues this host's SQLite writers, asynchronously and in arrival order. SQLite lets one connection write at a time, and
/// Microsoft.Data.Sqlite waits for that lock by sleeping the thread and retrying: 32 connections creating tasks parked as
/// many thread-pool threads, won the lock in no order and saw second-long tails (docs/PERFORMANCE.md, SQLite). A transaction
/// (<c>BEGIN IMMEDIATE</c>, which takes the write lock) or a write outside one first waits here, so SQLite only ever sees
/// one writer from this host; other processes on the file still meet SQLite's own wait. A writer waits here no longer than
/// its connection's <c>Default Timeout</c> (SQLite's own bound), then goes on without the gate and leaves the outcome to SQLite.
/// </summary>
public sealed class SqliteWriteGate : IDbTransactionInterceptor, IDbCommandInterceptor, IDbConnectionInterceptor, IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly ConditionalWeakTable<DbConnection, Hold> _byConnection = new();
    private readonly ConditionalWeakTable<DbTransaction, Hold> _byTransaction = new();

    /// <summary>No writer holds the gate.</summary>
    public bool IsIdle => _gate.CurrentCount == 1;

    public void Dispose() => _gate.Dispose();

    public async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(
        DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
    {
        await EnterAsync(connection, HoldKind.Transaction, cancellationToken);
        return result;
    }

    public InterceptionResult<DbTransaction> TransactionStarting(
        DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result)
    {
        Enter(connection, HoldKind.Transaction);
        return result;
    }

    public ValueTask<DbTransaction> TransactionStartedAsync(
        DbConnection connection, TransactionEndEventData eventData, DbTransaction result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(TransactionStarted(connection, eventData, result));

    public DbTransaction TransactionStarted(DbConnection connection, TransactionEndEventData eventData, DbTransaction result)
    {
        // A finished SqliteTransaction forgets its connection: the end of the transaction finds the hold from the transaction.
        _byTransaction.AddOrUpdate(result, HoldOf(connection));
        return result;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => ExitTransaction(transaction);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default) =>
        ExitTransactionAsync(transaction);

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => ExitTransaction(transaction);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default) =>
        ExitTransactionAsync(transaction);

    public void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => ExitTransaction(transaction);

    public Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default) =>
        ExitTransactionAsync(transaction);

    public async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        await EnterForCommandAsync(command, cancellationToken);
        return result;
    }

    public InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        EnterForCommand(command);
        return result;
    }

    public async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        await EnterForCommandAsync(command, cancellationToken);
        return result;
    }

    public InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        EnterForCommand(command);
        return result;
    }

    public async ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        await EnterForCommandAsync(command, cancellationToken);
        return result;
    }

    public InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        EnterForCommand(command);
        return result;
    }

    public int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        ExitCommand(command);
        return result;
    }

    public ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        ExitCommand(command);
        return ValueTask.FromResult(result);
    }

    public object? ScalarExecuted(DbCommand command, CommandExecutedEventData eventData, object? result)
    {
        ExitCommand(command);
        return result;
    }

    public ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData, object? result, CancellationToken cancellationToken = default)
    {
        ExitCommand(command);
        return ValueTask.FromResult(result);
    }

    // A write that returns rows (INSERT ... RETURNING) holds the lock until its reader is done.
    public InterceptionResult DataReaderClosing(DbCommand command, DataReaderClosingEventData eventData, InterceptionResult result)
    {
        ExitCommand(command);
        return result;
    }

    public ValueTask<InterceptionResult> DataReaderClosingAsync(DbCommand command, DataReaderClosingEventData eventData, InterceptionResult result)
    {
        ExitCommand(command);
        return ValueTask.FromResult(result);
    }

    public InterceptionResult DataReaderDisposing(DbCommand command, DataReaderDisposingEventData eventData, InterceptionResult result)
    {
        ExitCommand(command);
        return result;
    }

    public void CommandFailed(DbCommand command, CommandErrorEventData eventData) => ExitCommand(command);

    public Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        ExitCommand(command);
        return Task.CompletedTask;
    }

    public void CommandCanceled(DbCommand command, CommandEndEventData eventData) => ExitCommand(command);

    public Task CommandCanceledAsync(DbCommand command, CommandEndEventData eventData, CancellationToken cancellationToken = default)
    {
        ExitCommand(command);
        return Task.CompletedTask;
    }

    // A transaction disposed without commit or rollback raises neither: closing or disposing its connection ends the hold.
    public void ConnectionClosed(DbConnection connection, ConnectionEndEventData eventData) => Exit(connection);

    public Task ConnectionClosedAsync(DbConnection connection, ConnectionEndEventData eventData)
    {
        Exit(connection);
        return Task.CompletedTask;
    }

    public void ConnectionDisposed(DbConnection connection, ConnectionEndEventData eventData) => Exit(connection);

    public Task ConnectionDisposedAsync(DbConnection connection, ConnectionEndEventData eventData)
    {
        Exit(connection);
        return Task.CompletedTask;
    }

    /// <summary>Outside a transaction, anything but a query or a pragma may write and so takes the lock on its own.</summary>
    private static bool WritesOnItsOwn(DbCommand command)
    {
        if (command.Transaction is not null)
        {
            return false;
        }

        var text = command.CommandText.AsSpan().TrimStart();
        return !text.StartsWith("SELECT", StringComparison.OrdinalIgnoreCase) && !text.StartsWith("PRAGMA", StringComparison.OrdinalIgnoreCase);
    }

    private Task EnterForCommandAsync(DbCommand command, CancellationToken cancellationToken) =>
        WritesOnItsOwn(command) && command.Connection is { } connection
            ? EnterAsync(connection, HoldKind.Command, cancellationToken)
            : Task.CompletedTask;

    private void EnterForCommand(DbCommand command)
    {
        if (WritesOnItsOwn(command) && command.Connection is { } connection)
        {
            Enter(connection, HoldKind.Command);
        }
    }

    private async Task EnterAsync(DbConnection connection, HoldKind kind, CancellationToken cancellationToken)
    {
        var hold = HoldOf(connection);
        if (hold.Kind != HoldKind.None)
        {
            return;
        }

        hold.Kind = await _gate.WaitAsync(MaxWait(connection), cancellationToken) ? kind : HoldKind.None;
    }

    private void Enter(DbConnection connection, HoldKind kind)
    {
        var hold = HoldOf(connection);
        if (hold.Kind != HoldKind.None)
        {
            return;
        }

        hold.Kind = _gate.Wait(MaxWait(connection)) ? kind : HoldKind.None;
    }

    private static TimeSpan MaxWait(DbConnection connection) =>
        connection is SqliteConnection { DefaultTimeout: > 0 } sqlite ? TimeSpan.FromSeconds(sqlite.DefaultTimeout) : Timeout.InfiniteTimeSpan;

    private void ExitCommand(DbCommand command)
    {
        if (command.Connection is { } connection && _byConnection.TryGetValue(connection, out var hold) && hold.Kind == HoldKind.Command)
        {
            Release(hold);
        }
    }

    private void ExitTransaction(DbTransaction transaction)
    {
        if (_byTransaction.TryGetValue(transaction, out var hold))
        {
            _byTransaction.Remove(transaction);
            Release(hold);
        }
    }

    private Task ExitTransactionAsync(DbTransaction transaction)
    {
        ExitTransaction(transaction);
        return Task.CompletedTask;
    }

    private void Exit(DbConnection connection)
    {
        if (_byConnection.TryGetValue(connection, out var hold))
        {
            Release(hold);
        }
    }

    private void Release(Hold hold)
    {
        if (hold.Kind != HoldKind.None)
        {
            hold.Kind = HoldKind.None;
            _gate.Release();
        }
    }

    private Hold HoldOf(DbConnection connection) => _byConnection.GetValue(connection, static _ => new Hold());

    private enum HoldKind
    {
        None,
        Transaction,
        Command,
    }

    /// <summary>What one connection holds; a connection is used by one flow at a time, so no locking.</summary>
    private sealed class Hold
    {
        public HoldKind Kind { get; set; }
    }
}
