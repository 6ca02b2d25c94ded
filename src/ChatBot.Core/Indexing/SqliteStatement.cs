using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace ChatBot.Core.Indexing;

/// <summary>
/// A prepared statement on a connection's native handle, bound and stepped directly. The bulk inserts of a build run
/// millions of times; <see cref="SqliteCommand"/> costs a reader and several allocations per execution, this costs the
/// binding calls only; retrieval's per-question lookups likewise skip a command and a reader each. Used inside the
/// connection's open transaction.
/// </summary>
internal sealed class SqliteStatement : IDisposable
{
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _statement;

    public SqliteStatement(SqliteConnection connection, string sql)
    {
        ArgumentNullException.ThrowIfNull(connection);
        _db = connection.Handle ?? throw new InvalidOperationException("the connection is not open");
        Check(raw.sqlite3_prepare_v2(_db, sql, out _statement));
    }

    public void Bind(int index, long value) => Check(raw.sqlite3_bind_int64(_statement, index, value));

    public void Bind(int index, byte[]? value) =>
        Check(value is null ? raw.sqlite3_bind_null(_statement, index) : raw.sqlite3_bind_blob(_statement, index, value));

    public void Bind(int index, string? value) =>
        Check(value is null ? raw.sqlite3_bind_null(_statement, index) : raw.sqlite3_bind_text(_statement, index, value));

    /// <summary>Binds text already encoded as UTF-8 (SQLite's own encoding), so the writer thread converts nothing.</summary>
    public void BindText(int index, ReadOnlySpan<byte> utf8) => Check(raw.sqlite3_bind_text(_statement, index, utf8));

    /// <summary>Runs the statement to completion and resets it for the next bindings.</summary>
    public void Execute()
    {
        var rc = raw.sqlite3_step(_statement);
        raw.sqlite3_reset(_statement);
        if (rc is not raw.SQLITE_DONE and not raw.SQLITE_ROW)
        {
            Check(rc);
        }
    }

    /// <summary>Steps once: true when a row is ready (read it with <see cref="Int64"/>), false when done.</summary>
    public bool Step()
    {
        var rc = raw.sqlite3_step(_statement);
        if (rc == raw.SQLITE_ROW)
        {
            return true;
        }

        raw.sqlite3_reset(_statement);
        Check(rc);
        return false;
    }

    /// <summary>
    /// Steps rows, writing column 0 of each as an integer into <paramref name="into"/>, until it is full or the rows run
    /// out; returns how many were written. Fewer than its length means done (the statement is then reset), as
    /// <see cref="Step"/> returning false.
    /// </summary>
    public int StepInt64s(Span<long> into)
    {
        // One reference to the statement's handle for the whole batch, and the native calls on the raw pointer
        // (SqliteNative): saves the SafeHandle reference taken and released on each step and each column read.
        var added = false;
        _statement.DangerousAddRef(ref added);
        try
        {
            var handle = _statement.DangerousGetHandle();
            for (var n = 0; n < into.Length; n++)
            {
                var rc = SqliteNative.Step(handle);
                if (rc != raw.SQLITE_ROW)
                {
                    raw.sqlite3_reset(_statement);
                    Check(rc);
                    return n;
                }

                into[n] = SqliteNative.ColumnInt64(handle, 0);
            }

            return into.Length;
        }
        finally
        {
            if (added)
            {
                _statement.DangerousRelease();
            }
        }
    }

    /// <summary>Column <paramref name="column"/> (0-based) of the current row as an integer.</summary>
    public long Int64(int column) => raw.sqlite3_column_int64(_statement, column);

    /// <summary>Whether column <paramref name="column"/> (0-based) of the current row is NULL.</summary>
    public bool IsNull(int column) => raw.sqlite3_column_type(_statement, column) == raw.SQLITE_NULL;

    /// <summary>Whether column <paramref name="column"/> (0-based) of the current row holds text (not a number, blob or NULL).</summary>
    public bool IsText(int column) => raw.sqlite3_column_type(_statement, column) == raw.SQLITE_TEXT;

    /// <summary>Column <paramref name="column"/> (0-based) of the current row as text; null when it is NULL.</summary>
    public string? Text(int column) => IsNull(column) ? null : raw.sqlite3_column_text(_statement, column).utf8_to_string();

    /// <summary>
    /// Column <paramref name="column"/> (0-based) of the current row as bytes, read in place: valid only until the
    /// statement steps again or is reset, so nothing is copied for a blob used at once (empty when NULL).
    /// </summary>
    public ReadOnlySpan<byte> Blob(int column) => raw.sqlite3_column_blob(_statement, column);

    /// <summary>Makes the statement ready to be bound and stepped again after a row was read.</summary>
    public void Reset() => raw.sqlite3_reset(_statement);

    public void Dispose() => _statement.Dispose();

    private void Check(int rc)
    {
        if (rc is not raw.SQLITE_OK and not raw.SQLITE_DONE and not raw.SQLITE_ROW)
        {
            throw new SqliteException($"SQLite error {rc}: {raw.sqlite3_errmsg(_db).utf8_to_string()}", rc);
        }
    }
}
