using System.Runtime.CompilerServices;
using ChatBot.Core.Indexing;

namespace ChatBot.Core.Tests;

internal static class SqliteSetup
{
    // In the bot the first connection opens through an index, after SQLite's process-wide settings; here some tests open
    // their own connection first, so the settings are applied when this assembly loads, as the bot's are.
    [ModuleInitializer]
    internal static void Configure() => SqliteRuntime.Configure();
}
