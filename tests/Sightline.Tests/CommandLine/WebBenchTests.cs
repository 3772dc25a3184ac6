using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Sightline.Cli.Commands;

namespace Sightline.Tests.CommandLine;

/// <summary>What <c>sightline bench web</c> does besides timing: the wrk script it writes (run by the real wrk against
/// a small server here), reading wrk's figures, and refusing a run in which any answer was not a success.</summary>
public sealed class WebBenchTests : IDisposable
{
    private static readonly BenchPage Page = new("Child", "team manager", "bench-team-manager", ["/children/1", "/children/2"]);

    private readonly string _folder = Directory.CreateTempSubdirectory("sightline-web-bench-").FullName;

    /// <summary>wrk's own report, then the line the script's done() prints, as wrk 4.1 writes them.</summary>
    private const string WrkOutput = """
        Running 20s test @ http://127.0.0.1:40123
          2 threads and 16 connections
          Thread Stats   Avg      Stdev     Max   +/- Stdev
            Latency    12.31ms    5.02ms  98.20ms   80.11%
            Req/Sec   650.12     80.03     0.90k    70.00%
          25981 requests in 20.01s, 1.80GB read
        Requests/sec:   1298.40
        Transfer/sec:     92.11MB
        SIGHTLINE-WRK requests=25981 seconds=20.010 median=11.402 p95=21.877 p99=33.010 max=98.204 not2xx=0 errors=0
        """;

    [Fact]
    public void The_figures_are_read_from_the_scripts_line_among_wrks_report()
    {
        var figures = WebBench.Parse(WrkOutput);

        figures.Should().Be(new WrkFigures(25_981, 20.010, 11.402, 21.877, 33.010, 98.204, 0, 0));
        figures.RequestsPerSecond.Should().BeApproximately(1_298.4, 0.1);
        WebBench.MeetsTarget(figures).Should().BeTrue();
        WebBench.MeetsTarget(figures with { P95Ms = 100 }).Should().BeFalse("the 95th percentile must be under 100 ms, not at it");
        WebBench.MeetsTarget(figures with { MedianMs = 50.5 }).Should().BeFalse();
    }

    [Fact]
    public void Output_without_the_figures_line_or_with_a_figure_missing_is_refused()
    {
        var act = () => WebBench.Parse("Running 20s test @ http://127.0.0.1:40123\n  25981 requests in 20.01s\n");
        act.Should().Throw<FormatException>().WithMessage("*no figures*");

        var missing = () => WebBench.Parse("SIGHTLINE-WRK requests=10 seconds=1.000 median=1.0 p99=2.0 max=3.0 not2xx=0 errors=0");
        missing.Should().Throw<FormatException>().WithMessage("*'p95'*");
    }

    [Fact]
    public void A_run_with_any_answer_not_2xx_or_any_failed_connection_is_refused()
    {
        var clean = WebBench.Parse(WrkOutput);
        WebBench.Check(Page, clean);

        var redirected = () => WebBench.Check(Page, clean with { NotSuccess = 1 });
        redirected.Should().Throw<InvalidOperationException>().WithMessage("*1 of 25,981 answers were not 2xx*");
        var broken = () => WebBench.Check(Page, clean with { SocketErrors = 3 });
        broken.Should().Throw<InvalidOperationException>().WithMessage("*3 connections failed*");
        var nothing = () => WebBench.Check(Page, clean with { Requests = 0 });
        nothing.Should().Throw<InvalidOperationException>().WithMessage("*no request*");
        WebBench.Check(Page, clean with { Requests = 0 }, warmUp: true);
    }

    [Fact]
    public void A_row_of_the_table_has_every_column_of_the_header()
    {
        var row = WebBench.Row(Page, WebBench.Parse(WrkOutput), "1.52 / 2.10 / 3.00", "1.60 / 2.11 / 3.00");

        row.Should().Be("| Child | team manager | 2 | 25,981 | 1,298 | 11.4 | 21.9 | 33.0 | 98.2 | 0 | 1.52 / 2.10 / 3.00 | 1.60 / 2.11 / 3.00 |");
        row.Count(c => c == '|').Should().Be(WebBench.TableHeader[0].Count(c => c == '|'));
        BenchMachine.LoadAverage("0.52 1.10 2.30 1/300 4242\n").Should().Be("0.52 / 1.10 / 2.30");
        BenchMachine.LoadAverage("").Should().Be("unknown");
    }

    [Fact]
    public void The_script_escapes_the_cookie_and_the_path_of_the_list_as_Lua_strings()
    {
        var script = WebBench.LuaScript("/tmp/a \"b\"\\c.paths", "sightline.session=x\"y");

        script.Should().Contain("io.lines(\"/tmp/a \\\"b\\\"\\\\c.paths\")");
        script.Should().Contain("wrk.headers[\"Cookie\"] = \"sightline.session=x\\\"y\"");
    }

    /// <summary>The real wrk runs the script for a second against a server that answers 200 for two addresses and
    /// redirects the third (as a lost session is redirected to the sign-in page): every address is asked for, with the
    /// session's cookie, and the redirects are counted as not 2xx, which wrk alone would count as successes.</summary>
    [Fact]
    public async Task Wrk_running_the_script_asks_for_every_address_with_the_cookie_and_counts_redirects_as_failures()
    {
        var wrk = new[] { "/usr/bin/wrk", "/usr/local/bin/wrk" }.FirstOrDefault(File.Exists);
        wrk.Should().NotBeNull("the benchmark's tests run the real wrk: install the Debian package wrk (scripts/test does)");

        var port = FreePort();
        using var listener = new HttpListener();
        listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        listener.Start();
        var seen = new ConcurrentDictionary<string, int>();
        var cookies = new ConcurrentBag<string?>();
        var serving = Task.Run(() =>
        {
            // The listener is stopped once wrk has finished, perhaps while its last request is being answered.
            try
            {
                while (listener.IsListening)
                {
                    var context = listener.GetContext();
                    var path = context.Request.Url!.AbsolutePath;
                    seen.AddOrUpdate(path, 1, (_, n) => n + 1);
                    cookies.Add(context.Request.Headers["Cookie"]);
                    context.Response.StatusCode = path == "/moved" ? 302 : 200;
                    context.Response.Close();
                }
            }
            catch (Exception stopped) when (stopped is HttpListenerException or ObjectDisposedException)
            {
            }
        });

        var paths = Path.Combine(_folder, "pages.paths");
        File.WriteAllLines(paths, ["/ok/1", "/ok/2", "/moved"]);
        var script = Path.Combine(_folder, "pages.lua");
        File.WriteAllText(script, WebBench.LuaScript(paths, "sightline.session=abc"));
        var start = new ProcessStartInfo(wrk!) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "-t", "1", "-c", "1", "-d", "3s", "-s", script, $"http://127.0.0.1:{port}" })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        listener.Stop();
        await serving.WaitAsync(TimeSpan.FromSeconds(10));

        process.ExitCode.Should().Be(0, await process.StandardError.ReadToEndAsync());
        var figures = WebBench.Parse(output);
        // Three seconds so that a busy machine still answers more than once round the list.
        figures.Requests.Should().BeGreaterThan(3, "the listener answers in well under a second each");
        seen.Keys.Should().BeEquivalentTo("/ok/1", "/ok/2", "/moved");
        cookies.Should().OnlyContain(c => c == "sightline.session=abc");
        // One connection goes round the list in order, so every third answer is the redirect.
        figures.NotSuccess.Should().BeInRange(figures.Requests / 3 - 1, figures.Requests / 3 + 1);
        figures.MedianMs.Should().BeGreaterThan(0).And.BeLessThanOrEqualTo(figures.P95Ms);
        var act = () => WebBench.Check(Page, figures);
        act.Should().Throw<InvalidOperationException>().WithMessage("*were not 2xx*");
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }
}
