using System.CommandLine;
using System.Diagnostics;
using System.Globalization;

namespace Sightline.Cli.Commands;

/// <summary><c>sightline bench</c>: benchmarks anyone can run, on synthetic data, printing the figures
/// docs/performance.md records. Each benchmark is a subcommand in its own file.</summary>
internal static class BenchCommand
{
    public static Command Create() => new("bench", "Measure how fast Sightline does its work on this machine, on synthetic councils.")
    {
        BenchImportCommand.Create(),
        BenchEngineCommand.Create(),
        BenchWebCommand.Create(),
    };
}

/// <summary>Runs one measurement in a new process of this executable, so that its peak memory is its own (a process's
/// peak working set never goes down) and nothing is already compiled or cached, and reads the figures it prints.</summary>
internal static class BenchProcess
{
    /// <summary>Marks the line a measuring process prints its figures on.</summary>
    private const string ResultMark = "SIGHTLINE-BENCH ";

    /// <summary>Runs <c>sightline</c> with <paramref name="arguments"/> and returns the figures of its result line, with
    /// <c>process-seconds</c> added: the whole process, start-up included.</summary>
    public static Dictionary<string, string> Run(params string[] arguments) => RunWithOutput(arguments).Figures;

    /// <summary>As <see cref="Run"/>, with whatever else the process printed.</summary>
    public static (Dictionary<string, string> Figures, string Output) RunWithOutput(params string[] arguments)
    {
        var start = Self(arguments);
        var timer = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {start.FileName}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        timer.Stop();
        var line = output.Result.Split('\n').FirstOrDefault(l => l.StartsWith(ResultMark, StringComparison.Ordinal));
        if (process.ExitCode != 0 || line is null)
        {
            throw new InvalidOperationException($"The measuring process failed (exit {process.ExitCode}): {error.Result.Trim()}");
        }

        var figures = line[ResultMark.Length..].Trim().Split(';').Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
        figures["process-seconds"] = timer.Elapsed.TotalSeconds.ToString("F3", CultureInfo.InvariantCulture);
        return (figures, string.Join('\n', output.Result.Split('\n').Where(l => !l.StartsWith(ResultMark, StringComparison.Ordinal))).TrimEnd());
    }

    /// <summary>How to start this executable (or this assembly under dotnet) with the arguments, its output read by
    /// the caller unless <paramref name="redirect"/> is false.</summary>
    public static ProcessStartInfo Self(IEnumerable<string> arguments, bool redirect = true)
    {
        var executable = Environment.ProcessPath ?? throw new InvalidOperationException("The benchmark cannot find its own executable.");
        var start = new ProcessStartInfo(executable) { RedirectStandardOutput = redirect, RedirectStandardError = redirect, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(executable) == "dotnet")
        {
            start.ArgumentList.Add(typeof(BenchProcess).Assembly.Location);
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return start;
    }

    /// <summary>Prints the measuring process's result line: each figure as <c>name=value</c>, separated by semicolons.</summary>
    public static void Report(params (string Name, object Value)[] figures) =>
        Console.WriteLine(ResultMark + string.Join(';', figures.Select(f => f.Name + "=" + Convert.ToString(f.Value, CultureInfo.InvariantCulture))));
}
