using System.Diagnostics;

namespace Sightline.Tests.CommandLine;

/// <summary>Runs the real <c>sightline</c> executable as a user would, with its own home and data folders so
/// that nothing touches the machine's own Sightline database.</summary>
internal sealed class SightlineProcess : IDisposable
{
    public SightlineProcess()
    {
        Home = Directory.CreateTempSubdirectory("sightline-cli-").FullName;
    }

    /// <summary>The process's home folder; the default database lives below it.</summary>
    public string Home { get; }

    public (int ExitCode, string Output, string Error) Run(params string[] args) => Run(null, args);

    public (int ExitCode, string Output, string Error) Run(IDictionary<string, string>? environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "sightline.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["HOME"] = Home;
        start.Environment["XDG_DATA_HOME"] = Path.Combine(Home, ".local", "share");
        start.Environment.Remove("SIGHTLINE_DATABASE");
        start.Environment.Remove("SIGHTLINE_BANK_HOLIDAYS");
        start.Environment["COLUMNS"] = "200";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"sightline {string.Join(' ', args)} did not finish in 3 minutes.");
        }

        return (process.ExitCode, output.Result, error.Result);
    }

    public void Dispose() => Directory.Delete(Home, recursive: true);
}
