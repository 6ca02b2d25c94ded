using System.Globalization;

namespace ChatBot.Cli.Benchmarks;

/// <summary>
/// CPU time the calling thread has used (user + system, from /proc/thread-self/stat on Linux). On a shared machine
/// wall time counts the other processes' turns too; a single-threaded step's CPU time does not.
/// </summary>
public static class ThreadCpuTime
{
    // USER_HZ, the unit of utime and stime: 100 on every Linux the bench runs on (sysconf(_SC_CLK_TCK)).
    private const double TicksPerSecond = 100;

    /// <summary>Seconds of CPU the calling thread has used so far; null off Linux. Resolution: 10 ms.</summary>
    public static double? Seconds()
    {
        try
        {
            var stat = File.ReadAllText("/proc/thread-self/stat");

            // Fields after the command name, which is in parentheses and may hold spaces: utime and stime are
            // fields 14 and 15 of the line, so 12 and 13 after the closing parenthesis.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            return ticks / TicksPerSecond;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException or ArgumentOutOfRangeException)
        {
            return null;
        }
    }
}
