using SQLitePCL;

namespace ChatBot.Core.Indexing;

/// <summary>
/// The process-wide SQLite settings, applied once before the first connection opens (SQLite accepts them only then).
/// </summary>
/// <remarks>
/// <para>Multi-thread mode instead of the library's default, serialized: every call into SQLite then skips locking the
/// connection's mutex. ADO.NET connections are not thread-safe anyway, and this code never shares one between threads
/// at once (each reader opens its own; the index writer has its own). At 100k articles the locking was about a tenth of
/// the CPU of an answer (a perf profile of the 150 OR questions: 6.7 % of all samples in pthread_mutex_lock and
/// unlock).</para>
/// <para>Memory statistics off: with them on, every allocation SQLite makes takes a global mutex to count it, and
/// nothing here reads the counts.</para>
/// <para>When a connection has opened before (some code used SQLite first), SQLite refuses both and stays serialized:
/// slower, never wrong.</para>
/// </remarks>
internal static class SqliteRuntime
{
    private static readonly bool Configured = Apply();

    /// <summary>Whether connections run in multi-thread mode (false when a connection opened before this ran).</summary>
    public static bool IsMultiThread => Configured;

    /// <summary>Applies the settings on the first call; later calls do nothing.</summary>
    public static void Configure() => _ = Configured;

    private static bool Apply()
    {
        // The provider must be set before raw calls: the same one Microsoft.Data.Sqlite sets when it first loads.
        Batteries_V2.Init();
        var threading = raw.sqlite3_config(raw.SQLITE_CONFIG_MULTITHREAD);
        raw.sqlite3_config(raw.SQLITE_CONFIG_MEMSTATUS, 0);
        return threading == raw.SQLITE_OK;
    }
}
