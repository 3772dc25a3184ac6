using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Spectre.Console;
using Sightline.Cli.Generation;
using Sightline.Storage;
using Sightline.Web;
using Sightline.Web.Access;

namespace Sightline.Cli.Commands;

/// <summary><c>sightline bench web</c>: how fast the web application answers My work, a child's record and the
/// dashboard for many users at once. It makes the large synthetic council's database (once, in a folder outside the
/// source tree), adds a team manager's and a service manager's account to it, starts the server in a process of its
/// own on 127.0.0.1, signs in through the sign-in form, and runs wrk against each page (a warm-up first, then the
/// measurement), printing a Markdown table.</summary>
internal static partial class BenchWebCommand
{
    private const string TeamManagerName = "bench-team-manager";
    private const string ServiceManagerName = "bench-service-manager";

    public static Command Create()
    {
        var folder = new Option<DirectoryInfo?>("--folder")
        {
            Description = "Where the benchmark keeps the council's database, wrk's scripts and the server's log (default: bench in Sightline's data folder).",
            HelpName = "DIR",
        };
        var size = new Option<CouncilSize>("--size") { Description = "The synthetic council's size.", DefaultValueFactory = _ => CouncilSize.Large };
        var seed = new Option<int>("--seed") { Description = "The synthetic council's seed.", DefaultValueFactory = _ => 1 };
        var duration = new Option<int>("--duration") { Description = "Seconds of measurement per page.", DefaultValueFactory = _ => 20 };
        var warmUp = new Option<int>("--warm-up") { Description = "Seconds of warm-up per page before it is measured (not counted).", DefaultValueFactory = _ => 5 };
        var connections = new Option<int>("--connections") { Description = "Concurrent users (wrk's connections).", DefaultValueFactory = _ => 16 };
        var threads = new Option<int>("--threads") { Description = "wrk's threads.", DefaultValueFactory = _ => 2 };
        var runs = new Option<int>("--runs") { Description = "How many times to measure every page, one after another.", DefaultValueFactory = _ => 1 };
        var children = new Option<int>("--children") { Description = "How many different children the service manager's child pages go through.", DefaultValueFactory = _ => 2_000 };
        var command = new Command("web", "Start the web application over the large synthetic council and measure My work, a child's record and the dashboard " +
                                         "with wrk (16 concurrent users by default), printing the latency percentiles as a Markdown table.")
        {
            folder, size, seed, duration, warmUp, connections, threads, runs, children,
        };
        command.SetAction(parse => Run(new Settings(
            parse.GetValue(folder)?.FullName ?? Path.Combine(ServeCommand.DataFolder, "bench"),
            parse.GetValue(size), parse.GetValue(seed), parse.GetValue(duration), parse.GetValue(warmUp),
            parse.GetValue(connections), parse.GetValue(threads), parse.GetValue(runs), parse.GetValue(children))));
        return command;
    }

    private sealed record Settings(string Folder, CouncilSize Size, int Seed, int Duration, int WarmUp, int Connections, int Threads, int Runs, int Children);

    private static int Run(Settings settings)
    {
        if (settings.Duration < 1 || settings.WarmUp < 0 || settings.Connections < 1 || settings.Threads < 1 || settings.Runs < 1 || settings.Children < 1)
        {
            throw new ArgumentException("--duration, --connections, --threads, --runs and --children must be at least 1, and --warm-up at least 0.");
        }

        Directory.CreateDirectory(settings.Folder);
        var wrk = EnsureWrk();
        if (typeof(BenchWebCommand).Assembly.GetCustomAttribute<DebuggableAttribute>()?.IsJITOptimizerDisabled == true)
        {
            AnsiConsole.MarkupLine("[yellow]This is a Debug build: the figures will not be the product's. Run with -c Release.[/]");
        }

        var today = CouncilGenerator.DefaultEnd;
        var file = Path.Combine(settings.Folder, $"{settings.Size.ToString().ToLowerInvariant()}-seed-{settings.Seed}.db");
        if (!File.Exists(file))
        {
            AnsiConsole.MarkupLine($"Generating the {settings.Size.ToString().ToLowerInvariant()} council (seed {settings.Seed}) into {Markup.Escape(file)}…");
            RunSelf(["generate", "--size", settings.Size.ToString().ToLowerInvariant(), "--seed", settings.Seed.ToString(CultureInfo.InvariantCulture), "--database", file]);
        }

        var database = SightlineDatabase.SqliteFile(file);
        database.Migrate();
        var (team, teamChildren, councilChildren) = Choose(database, today, settings.Children);
        var passwords = new Dictionary<string, string>
        {
            [TeamManagerName] = Account(database, TeamManagerName, Roles.TeamManager, team),
            [ServiceManagerName] = Account(database, ServiceManagerName, Roles.ServiceManager, null),
        };
        var pages = new List<BenchPage>
        {
            new("My work", "team manager", TeamManagerName, ["/my-work"]),
            new("My work", "service manager", ServiceManagerName, ["/my-work"]),
            new("Child", "team manager", TeamManagerName, teamChildren.Select(c => $"/children/{c}").ToList()),
            new("Child", "service manager", ServiceManagerName, councilChildren.Select(c => $"/children/{c}").ToList()),
            new("Dashboard", "team manager", TeamManagerName, ["/dashboard"]),
            new("Dashboard", "service manager", ServiceManagerName, ["/dashboard"]),
        };

        using var counts = database.Open();
        var childCount = counts.Children.Count();
        AnsiConsole.MarkupLine($"Machine: {Markup.Escape(BenchMachine.Describe())}.");
        AnsiConsole.MarkupLine($"Council: {childCount:N0} children, as at {today:d MMMM yyyy}; the team manager manages \"{Markup.Escape(team)}\" " +
                               $"({teamChildren.Count:N0} children allocated today).");

        var port = FreePort();
        var log = Path.Combine(settings.Folder, "server.log");
        using var server = StartServer(file, port, today, log);
        var rows = new List<string>(WebBench.TableHeader);
        try
        {
            var address = new Uri($"http://127.0.0.1:{port}");
            for (var run = 1; run <= settings.Runs; run++)
            {
                foreach (var page in pages)
                {
                    var cookie = SignIn(address, page.UserName, passwords[page.UserName]);
                    var script = WriteScript(settings.Folder, page, cookie);
                    Prime(address, page, cookie);
                    if (settings.WarmUp > 0)
                    {
                        AnsiConsole.MarkupLine($"Warming up {Markup.Escape(page.Name)} ({Markup.Escape(page.Account)}) for {settings.WarmUp} s…");
                        WebBench.Check(page, RunWrk(wrk, address, script, settings, settings.WarmUp), warmUp: true);
                    }

                    var before = BenchMachine.LoadAverage();
                    AnsiConsole.MarkupLine($"Measuring {Markup.Escape(page.Name)} ({Markup.Escape(page.Account)}) for {settings.Duration} s (run {run} of {settings.Runs})…");
                    var figures = RunWrk(wrk, address, script, settings, settings.Duration);
                    var after = BenchMachine.LoadAverage();
                    WebBench.Check(page, figures);
                    rows.Add(WebBench.Row(page, figures, before, after));
                    Console.WriteLine(rows[^1]);
                }
            }
        }
        finally
        {
            if (!server.HasExited)
            {
                server.Kill(entireProcessTree: true);
            }

            server.WaitForExit();
        }

        Console.WriteLine();
        Console.WriteLine($"{settings.Connections} connections on {settings.Threads} threads, {settings.Duration} s per page after {settings.WarmUp} s of warm-up, " +
                          $"against 127.0.0.1; {childCount:N0} children as at {today:yyyy-MM-dd}.");
        Console.WriteLine();
        rows.ForEach(Console.WriteLine);
        Console.WriteLine();
        Console.WriteLine("Latencies are wrk's, from sending a request to reading its whole answer. addresses: the different addresses asked for in turn " +
                          "(the child page goes through that many children the account may see). load: the machine's load average over 1, 5 and 15 minutes.");
        return 0;
    }

    /// <summary>The team whose manager is measured (the one with the most children allocated today: the busiest
    /// manager's list), the children allocated to it today, and a spread of the council's children allocated today
    /// (every n-th) for the service manager. Children with more than one allocation open today are left out, so that
    /// each is certainly the team's under the web application's rule for overlaps.</summary>
    private static (string Team, List<int> TeamChildren, List<int> CouncilChildren) Choose(SightlineDatabase database, DateOnly today, int wanted)
    {
        using var db = database.Open();
        var open = db.Allocations.AsNoTracking()
            .Where(a => a.StartDate <= today && (a.EndDate == null || a.EndDate >= today))
            .Select(a => new { a.ChildId, a.TeamId })
            .ToList()
            .GroupBy(a => a.ChildId)
            .Where(g => g.Count() == 1)
            .Select(g => g.First())
            .OrderBy(a => a.ChildId)
            .ToList();
        if (open.Count == 0)
        {
            throw new InvalidOperationException($"No child is allocated on {today:yyyy-MM-dd} in the benchmark's council.");
        }

        var busiest = open.GroupBy(a => a.TeamId).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).First();
        var team = db.Teams.AsNoTracking().Single(t => t.Id == busiest.Key).Name;
        var step = Math.Max(1, open.Count / wanted);
        var spread = open.Where((_, i) => i % step == 0).Take(wanted).Select(a => a.ChildId).ToList();
        return (team, busiest.Select(a => a.ChildId).ToList(), spread);
    }

    /// <summary>Adds the account, or gives it a new password when it is there from an earlier run; returns the password.</summary>
    private static string Account(SightlineDatabase database, string userName, string role, string? team)
    {
        using var accounts = new Accounts(database);
        return accounts.ExistsAsync(userName).GetAwaiter().GetResult()
            ? accounts.ResetAsync(userName, null).GetAwaiter().GetResult()
            : accounts.AddAsync(userName, role, null, team is null ? [] : [team], null, null).GetAwaiter().GetResult();
    }

    /// <summary>Signs in through the sign-in form, as a browser does (the anti-forgery token and its cookie), and
    /// returns the Cookie header that carries the session.</summary>
    private static string SignIn(Uri address, string userName, string password)
    {
        var cookies = new CookieContainer();
        using var client = new HttpClient(new HttpClientHandler { CookieContainer = cookies, UseCookies = true, AllowAutoRedirect = false }) { BaseAddress = address };
        var form = client.GetStringAsync("/sign-in").GetAwaiter().GetResult();
        var token = TokenPattern().Match(form) is { Success: true } match
            ? WebUtility.HtmlDecode(match.Groups[1].Value)
            : throw new InvalidOperationException("The sign-in page has no anti-forgery token.");
        using var response = client.PostAsync("/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["userName"] = userName,
            ["password"] = password,
            ["__RequestVerificationToken"] = token,
        })).GetAwaiter().GetResult();
        if (response.StatusCode != HttpStatusCode.Redirect || cookies.GetCookies(address)["sightline.session"] is null)
        {
            throw new InvalidOperationException($"{userName} could not sign in ({(int)response.StatusCode}).");
        }

        return cookies.GetCookieHeader(address);
    }

    /// <summary>Asks for the page's first address once and waits for it, however long it takes (the first request for a
    /// date judges the whole council), so that wrk's warm-up sees the page as it is once running.</summary>
    private static void Prime(Uri address, BenchPage page, string cookie)
    {
        using var client = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = address, Timeout = TimeSpan.FromMinutes(5) };
        using var request = new HttpRequestMessage(HttpMethod.Get, page.Paths[0]);
        request.Headers.Add("Cookie", cookie);
        using var response = client.Send(request);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{page.Name} ({page.Account}): {page.Paths[0]} answered {(int)response.StatusCode}, not 2xx.");
        }
    }

    private static string WriteScript(string folder, BenchPage page, string cookie)
    {
        var stem = Path.Combine(folder, $"{page.Name}-{page.Account}".ToLowerInvariant().Replace(' ', '-'));
        File.WriteAllLines(stem + ".paths", page.Paths);
        File.WriteAllText(stem + ".lua", WebBench.LuaScript(stem + ".paths", cookie));
        return stem + ".lua";
    }

    private static WrkFigures RunWrk(string wrk, Uri address, string script, Settings settings, int seconds)
    {
        var start = new ProcessStartInfo(wrk) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[]
                 {
                     "-t", settings.Threads.ToString(CultureInfo.InvariantCulture), "-c", settings.Connections.ToString(CultureInfo.InvariantCulture),
                     "-d", $"{seconds}s", "--timeout", "30s", "-s", script, address.ToString().TrimEnd('/'),
                 })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start wrk.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"wrk failed (exit {process.ExitCode}): {error.Result.Trim()} {output.Result.Trim()}");
        }

        return WebBench.Parse(output.Result);
    }

    /// <summary>Starts <c>sightline serve</c> in a process of its own, its output going to <paramref name="log"/>, and
    /// waits until it listens (after loading the council).</summary>
    private static Process StartServer(string file, int port, DateOnly today, string log)
    {
        AnsiConsole.MarkupLine($"Starting the server on 127.0.0.1:{port} (its log: {Markup.Escape(log)})…");
        var process = StartSelf(["serve", "--database", file, "--urls", $"http://127.0.0.1:{port}", "--today", today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)]);
        var listening = new TaskCompletionSource();
        var writer = new StreamWriter(log) { AutoFlush = true };
        var gate = new Lock();
        void Line(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (gate)
            {
                writer.WriteLine(line);
            }

            if (line.Contains("Sightline is running at", StringComparison.Ordinal))
            {
                listening.TrySetResult();
            }
        }

        process.OutputDataReceived += (_, e) => Line(e.Data);
        process.ErrorDataReceived += (_, e) => Line(e.Data);
        process.Exited += (_, _) => listening.TrySetException(new InvalidOperationException($"The server stopped before it listened: see {log}."));
        process.EnableRaisingEvents = true;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var timer = Stopwatch.StartNew();
        if (!listening.Task.Wait(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"The server did not start listening within 5 minutes: see {log}.");
        }

        AnsiConsole.MarkupLine($"The server loaded the council and listens ({timer.Elapsed.TotalSeconds:N1} s).");
        return process;
    }

    /// <summary>wrk's path, installed from Debian with apt-get when it is not there.</summary>
    private static string EnsureWrk()
    {
        if (FindOnPath("wrk") is { } found)
        {
            return found;
        }

        AnsiConsole.MarkupLine("Installing wrk from Debian (apt-get install wrk)…");
        var root = Environment.UserName == "root";
        foreach (var arguments in new[] { new[] { "apt-get", "install", "-y", "-qq", "wrk" }, ["apt-get", "update", "-qq"], ["apt-get", "install", "-y", "-qq", "wrk"] })
        {
            var start = new ProcessStartInfo(root ? arguments[0] : "sudo") { UseShellExecute = false };
            start.Environment["DEBIAN_FRONTEND"] = "noninteractive";
            foreach (var argument in root ? arguments[1..] : arguments)
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not run apt-get.");
            process.WaitForExit();
            if (process.ExitCode == 0 && arguments[1] == "install" && FindOnPath("wrk") is { } installed)
            {
                return installed;
            }
        }

        throw new InvalidOperationException("wrk is not installed and apt-get could not install it: install the Debian package wrk.");
    }

    private static string? FindOnPath(string name) => (Environment.GetEnvironmentVariable("PATH") ?? "")
        .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
        .Select(folder => Path.Combine(folder, name))
        .FirstOrDefault(File.Exists);

    private static void RunSelf(IEnumerable<string> arguments)
    {
        using var process = StartSelf(arguments, redirect: false);
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"sightline {string.Join(' ', arguments)} failed (exit {process.ExitCode}).");
        }
    }

    /// <summary>Starts this executable (or this assembly under dotnet) with the arguments.</summary>
    private static Process StartSelf(IEnumerable<string> arguments, bool redirect = true)
    {
        var start = BenchProcess.Self(arguments, redirect);
        return Process.Start(start) ?? throw new InvalidOperationException($"Could not start {start.FileName}.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The machine's memory, from /proc/meminfo.</summary>
    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
