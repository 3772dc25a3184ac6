using System.CommandLine;

namespace Sightline.Cli.Commands;

/// <summary><c>sightline bench</c>: benchmarks anyone can run, on synthetic data, printing the figures
/// docs/performance.md records. Each benchmark is a subcommand in its own file.</summary>
internal static class BenchCommand
{
    public static Command Create() => new("bench", "Measure how fast Sightline does its work on this machine, on synthetic councils.")
    {
        BenchImportCommand.Create(),
        BenchWebCommand.Create(),
    };
}
