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

    public (int ExitCode, string Output, string Error) Run(IDictionary<string, string>? environment, params string[] args) =>
        Run(environment, null, args);

    /// <summary>Runs the executable with <paramref name="input"/> on its standard input.</summary>
    public (int ExitCode, string Output, string Error) RunWithInput(string input, params string[] args) => Run(null, input, args);

    /// <summary>Starts a command that keeps running (a server); the caller disposes the result, which stops it.</summary>
    public RunningSightline Start(params string[] args)
    {
        var process = Process.Start(StartInfo(null, args))!;
        return new RunningSightline(process);
    }

    private (int ExitCode, string Output, string Error) Run(IDictionary<string, string>? environment, string? input, string[] args)
    {
        var start = StartInfo(environment, args);
        start.RedirectStandardInput = input is not null;
        using var process = Process.Start(start)!;
        if (input is not null)
        {
            process.StandardInput.Write(input);
            process.StandardInput.Close();
        }

        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"sightline {string.Join(' ', args)} did not finish in 3 minutes.");
        }

        return (process.ExitCode, output.Result, error.Result);
    }

    private ProcessStartInfo StartInfo(IDictionary<string, string>? environment, string[] args)
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

        return start;
    }

    public void Dispose() => Directory.Delete(Home, recursive: true);
}

/// <summary>A <c>sightline</c> process that keeps running (a server), its output gathered line by line. Disposing it
/// stops the process.</summary>
internal sealed class RunningSightline : IDisposable
{
    private readonly Process _process;
    private readonly System.Text.StringBuilder _output = new();
    private readonly object _gate = new();

    public RunningSightline(Process process)
    {
        _process = process;
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <summary>Everything written so far, standard output and error together.</summary>
    public string Output
    {
        get
        {
            lock (_gate)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>The first line that matches, once it has been written; fails if the process ends or time runs out first.</summary>
    public string WaitForLine(Func<string, bool> match, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (Output.Split('\n').FirstOrDefault(match) is { } line)
            {
                return line;
            }

            if (_process.HasExited)
            {
                throw new InvalidOperationException($"sightline stopped (exit {_process.ExitCode}) before writing the line:\n{Output}");
            }

            Thread.Sleep(100);
        }

        throw new TimeoutException($"sightline did not write the line in {timeout}:\n{Output}");
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(TimeSpan.FromSeconds(30));
        }

        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_gate)
            {
                _output.AppendLine(line);
            }
        }
    }
}
