using System.Globalization;

namespace Sightline.Cli.Commands;

/// <summary>What every benchmark prints about the machine it ran on: its processors, memory, runtime and system, and
/// how busy its cores were (the load average), read the same way for each.</summary>
internal static class BenchMachine
{
    /// <summary>"2 logical processors, 23.5 GiB memory, .NET 10.0.12, Debian GNU/Linux 12 (bookworm)".</summary>
    public static string Describe() =>
        $"{Environment.ProcessorCount} logical processors, {PhysicalMemory() / 1024.0 / 1024 / 1024:N1} GiB memory, .NET {Environment.Version}, " +
        System.Runtime.InteropServices.RuntimeInformation.OSDescription;

    /// <summary>The load averages over 1, 5 and 15 minutes now, as "1.2 / 3.4 / 5.6"; "unknown" where the system does
    /// not say (no <c>/proc/loadavg</c>).</summary>
    public static string LoadAverage() => LoadAverage(Read("/proc/loadavg") ?? "");

    /// <summary>The load averages over 1, 5 and 15 minutes from <c>/proc/loadavg</c>'s text, as "1.2 / 3.4 / 5.6".</summary>
    public static string LoadAverage(string procLoadAvg) =>
        procLoadAvg.Split(' ', StringSplitOptions.RemoveEmptyEntries) is [var one, var five, var fifteen, ..] ? $"{one} / {five} / {fifteen}" : "unknown";

    /// <summary>The machine's memory, from /proc/meminfo where there is one (the runtime's figure is lowered by a heap
    /// limit or a container's).</summary>
    private static long PhysicalMemory()
    {
        var total = Read("/proc/meminfo")?.Split('\n').FirstOrDefault(l => l.StartsWith("MemTotal:", StringComparison.Ordinal));
        return total?.Split(' ', StringSplitOptions.RemoveEmptyEntries) is [_, var kilobytes, "kB"]
            ? long.Parse(kilobytes, CultureInfo.InvariantCulture) * 1024
            : GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
    }

    /// <summary>A system file's text, or null where there is none or it cannot be read (not Linux).</summary>
    private static string? Read(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
