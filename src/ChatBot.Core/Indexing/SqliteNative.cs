using System.Runtime.InteropServices;

namespace ChatBot.Core.Indexing;

/// <summary>
/// The two SQLite functions <see cref="SqliteStatement.StepInt64s"/> calls per row, declared on the raw statement
/// pointer of the same e_sqlite3 library SQLitePCL loads. SQLitePCL's own declarations take the statement's SafeHandle,
/// which the marshaller adds a reference to and releases on every call; stepping thousands of rowids a question, that
/// cost about as much as SQLite's own work. Callers hold one reference for the whole loop instead.
/// </summary>
internal static class SqliteNative
{
    private const string Library = "e_sqlite3";

    [DllImport(Library, EntryPoint = "sqlite3_step", ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    public static extern int Step(IntPtr statement);

    [DllImport(Library, EntryPoint = "sqlite3_column_int64", ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    public static extern long ColumnInt64(IntPtr statement, int column);
}
