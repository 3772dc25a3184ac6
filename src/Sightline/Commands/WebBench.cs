using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Sightline.Cli.Commands;

/// <summary>One page measured by <c>sightline bench web</c>: what it is called in the table, the account that asks for
/// it, and the addresses (paths) wrk asks for in turn.</summary>
/// <param name="Name">The page's name in the table ("My work", "Child", "Dashboard").</param>
/// <param name="Account">The role of the account signed in, as the table says it.</param>
/// <param name="UserName">The account's user name.</param>
/// <param name="Paths">The paths asked for, each connection going through them in turn from its own starting point.</param>
internal sealed record BenchPage(string Name, string Account, string UserName, IReadOnlyList<string> Paths);

/// <summary>What wrk measured for one page, read from the line the benchmark's script prints when wrk is done.</summary>
/// <param name="Requests">Responses completed.</param>
/// <param name="Seconds">How long wrk ran.</param>
/// <param name="MedianMs">The 50th percentile of latency, in milliseconds.</param>
/// <param name="P95Ms">The 95th percentile.</param>
/// <param name="P99Ms">The 99th percentile.</param>
/// <param name="MaxMs">The slowest response.</param>
/// <param name="NotSuccess">Responses whose status was not 2xx (a redirect to the sign-in page included).</param>
/// <param name="SocketErrors">Connections that failed to connect, read, write, or timed out.</param>
internal sealed record WrkFigures(long Requests, double Seconds, double MedianMs, double P95Ms, double P99Ms, double MaxMs, long NotSuccess, long SocketErrors)
{
    public double RequestsPerSecond => Seconds > 0 ? Requests / Seconds : 0;
}

/// <summary>The parts of <c>sightline bench web</c> that are not timing: the Lua script wrk runs, reading what it
/// printed, refusing a run in which any answer was not a success, and the Markdown table.</summary>
internal static partial class WebBench
{
    /// <summary>Marks the line the script prints its figures on.</summary>
    public const string ResultMark = "SIGHTLINE-WRK ";

    /// <summary>A wrk script that asks for the paths listed one a line in <paramref name="pathsFile"/>, each thread
    /// starting at its own place in the list and going round it; counts every answer that is not 2xx (wrk itself
    /// counts redirects as success, and a lost session is a redirect to the sign-in page); and, when done, prints
    /// one line of figures marked <see cref="ResultMark"/> with latencies in milliseconds.</summary>
    /// <param name="pathsFile">The file of paths (absolute, so wrk can be run from anywhere).</param>
    /// <param name="cookie">The Cookie header sent with every request (the signed-in session).</param>
    public static string LuaScript(string pathsFile, string cookie)
    {
        var script = new StringBuilder();
        script.Append("-- Written by `sightline bench web`: asks for each path in turn and counts every answer that is not 2xx.\n");
        script.Append(CultureInfo.InvariantCulture, $"wrk.headers[\"Cookie\"] = {LuaString(cookie)}\n");
        script.Append(CultureInfo.InvariantCulture, $"local paths = {{}}\nfor line in io.lines({LuaString(pathsFile)}) do\n");
        script.Append("  if #line > 0 then paths[#paths + 1] = line end\nend\n");
        script.Append("""
            local threads = {}

            function setup(thread)
              thread:set("offset", #threads * 7919)
              table.insert(threads, thread)
            end

            function init(args)
              counter = offset or 0
              failures = 0
            end

            function request()
              counter = counter + 1
              return wrk.format("GET", paths[(counter % #paths) + 1])
            end

            function response(status, headers, body)
              if status < 200 or status > 299 then
                failures = failures + 1
              end
            end

            function done(summary, latency, requests)
              local failed = 0
              for _, thread in ipairs(threads) do
                failed = failed + thread:get("failures")
              end
              local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
              io.write(string.format("SIGHTLINE-WRK requests=%d seconds=%.3f median=%.3f p95=%.3f p99=%.3f max=%.3f not2xx=%d errors=%d\n",
                summary.requests, summary.duration / 1e6, latency:percentile(50) / 1e3, latency:percentile(95) / 1e3,
                latency:percentile(99) / 1e3, latency.max / 1e3, failed, errors))
            end

            """);
        return script.ToString();
    }

    /// <summary>Reads the figures from wrk's output.</summary>
    /// <exception cref="FormatException">When the output has no figures line, or one that cannot be read.</exception>
    public static WrkFigures Parse(string output)
    {
        var line = output.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith(ResultMark, StringComparison.Ordinal))
                   ?? throw new FormatException("wrk printed no figures: was the benchmark's script run?");
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match match in Pair().Matches(line[ResultMark.Length..]))
        {
            values[match.Groups[1].Value] = match.Groups[2].Value;
        }

        double Number(string name) => values.TryGetValue(name, out var text) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new FormatException($"wrk's figures have no readable '{name}': {line}");
        return new WrkFigures((long)Number("requests"), Number("seconds"), Number("median"), Number("p95"), Number("p99"), Number("max"),
            (long)Number("not2xx"), (long)Number("errors"));
    }

    /// <summary>Refuses figures in which any answer was not a success or any connection failed: such a run measured
    /// something other than the page (a refusal, an error page, the sign-in page).</summary>
    /// <exception cref="InvalidOperationException">With what went wrong.</exception>
    /// <param name="page">The page measured.</param>
    /// <param name="figures">What wrk measured.</param>
    /// <param name="warmUp">True for a warm-up, which may complete no request at all (a page slow at first).</param>
    public static void Check(BenchPage page, WrkFigures figures, bool warmUp = false)
    {
        if (figures.Requests == 0 && !warmUp)
        {
            throw new InvalidOperationException($"{page.Name} ({page.Account}): wrk completed no request.");
        }

        if (figures.NotSuccess > 0 || figures.SocketErrors > 0)
        {
            throw new InvalidOperationException($"{page.Name} ({page.Account}): {figures.NotSuccess:N0} of {figures.Requests:N0} answers were not 2xx " +
                                                $"and {figures.SocketErrors:N0} connections failed. The figures would not be the page's; see the server's log.");
        }
    }

    /// <summary>The header of the Markdown table.</summary>
    public static IReadOnlyList<string> TableHeader { get; } =
    [
        "| page | account | addresses | requests | requests/s | median ms | p95 ms | p99 ms | max ms | non-2xx | load before | load after |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---|",
    ];

    /// <summary>One row of the Markdown table.</summary>
    public static string Row(BenchPage page, WrkFigures figures, string loadBefore, string loadAfter) => string.Join(" | ",
        "", page.Name, page.Account, page.Paths.Count.ToString("N0", CultureInfo.InvariantCulture), figures.Requests.ToString("N0", CultureInfo.InvariantCulture),
        figures.RequestsPerSecond.ToString("N0", CultureInfo.InvariantCulture), Ms(figures.MedianMs), Ms(figures.P95Ms), Ms(figures.P99Ms), Ms(figures.MaxMs),
        figures.NotSuccess.ToString(CultureInfo.InvariantCulture), loadBefore, loadAfter, "").Trim();

    /// <summary>Whether the figures meet the targets: a median under 50 ms and a 95th percentile under 100 ms.</summary>
    public static bool MeetsTarget(WrkFigures figures) => figures.MedianMs < 50 && figures.P95Ms < 100;

    private static string Ms(double value) => value.ToString(value < 10 ? "N2" : "N1", CultureInfo.InvariantCulture);

    /// <summary>A Lua string literal: quoted, with backslashes, quotes and control characters escaped.</summary>
    private static string LuaString(string text)
    {
        var literal = new StringBuilder("\"");
        foreach (var c in text)
        {
            literal.Append(c switch
            {
                '\\' => "\\\\",
                '"' => "\\\"",
                < ' ' => $"\\{(int)c:D3}",
                _ => c.ToString(),
            });
        }

        return literal.Append('"').ToString();
    }

    [GeneratedRegex(@"([a-z0-9]+)=(\S+)")]
    private static partial Regex Pair();
}
