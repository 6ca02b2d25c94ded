using System.Globalization;

namespace ChatBot.Cli.Benchmarks;

/// <summary>The process's peak resident set (VmHWM in /proc/self/status), resettable between steps on Linux.</summary>
public static class PeakMemory
{
    /// <summary>Resets the peak to the current RSS (writes 5 to /proc/self/clear_refs); false where unsupported.</summary>
    public static bool TryReset()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            return false;
        }
    }

    /// <summary>Peak RSS in MiB since start or the last reset; null off Linux.</summary>
    public static double? PeakMiB()
    {
        try
        {
            foreach (var line in File.ReadLines("/proc/self/status"))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    var kb = long.Parse(line.AsSpan(6).Trim().TrimEnd("kB").Trim(), CultureInfo.InvariantCulture);
                    return kb / 1024.0;
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException)
        {
            return null;
        }

        return null;
    }
}
