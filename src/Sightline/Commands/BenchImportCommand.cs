using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Spectre.Console;
using Sightline.Cli.Generation;
using Sightline.Cli.Importing;
using Sightline.Formats.CinCensus;
using Sightline.Storage;

namespace Sightline.Cli.Commands;

/// <summary><c>sightline bench import</c>: how long a CIN census import takes, and how much memory it needs, for census
/// files of several sizes. Each import runs in a process of its own, so that each size's peak memory is its own
/// (a process's peak working set never goes down).</summary>
internal static class BenchImportCommand
{
    /// <summary>The census year of the files: the last whole year of the synthetic council's default six years.</summary>
    private const int CensusYear = 2026;

    public static Command Create()
    {
        var sizes = new Option<int[]>("--children")
        {
            Description = "The sizes to measure: children in each census file, separated by commas.",
            HelpName = "N,N,…",
            DefaultValueFactory = _ => [1_000, 20_000, 60_000],
            CustomParser = result =>
            {
                var parsed = new List<int>();
                foreach (var part in result.Tokens.SelectMany(t => t.Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
                {
                    if (!int.TryParse(part, NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var n) || n <= 0)
                    {
                        result.AddError($"--children expects positive whole numbers separated by commas, not '{part}'.");
                        return [];
                    }

                    parsed.Add(n);
                }

                return parsed.ToArray();
            },
        };
        var folder = new Option<DirectoryInfo?>("--database-folder")
        {
            Description = "Where to write the census files and the SQLite databases (default: a temporary folder, removed afterwards).",
            HelpName = "DIR",
        };
        var seed = new Option<int>("--seed") { Description = "The synthetic council's seed.", DefaultValueFactory = _ => 1 };
        var measure = new Option<FileInfo?>("--measure") { Hidden = true, Description = "Import this one file into --database and print the figures (used by the benchmark itself)." };
        var database = Terminal.DatabaseOption();
        database.Hidden = true;

        var command = new Command("import", "Generate CIN census files of several sizes, import each end to end into a fresh SQLite database, " +
                                            "import it again (the update path), and print the time and memory each took.")
        {
            sizes, folder, seed, measure, database,
        };
        command.SetAction(parse =>
        {
            if (parse.GetValue(measure) is { } file)
            {
                return MeasureOne(file.FullName, SightlineDatabase.Parse(parse.GetValue(database)));
            }

            return Run(parse.GetValue(sizes)!, parse.GetValue(folder), parse.GetValue(seed));
        });
        return command;
    }

    private static int Run(int[] sizes, DirectoryInfo? given, int seed)
    {
        var folder = given?.FullName ?? Directory.CreateTempSubdirectory("sightline-bench-").FullName;
        Directory.CreateDirectory(folder);
        AnsiConsole.MarkupLine($"Machine: {Markup.Escape(BenchMachine.Describe())}.");
        AnsiConsole.MarkupLine($"Files and databases in {Markup.Escape(folder)}.");
        // A Markdown table: it reads in a terminal at any width, and pastes straight into docs/performance.md.
        var rows = new List<string>
        {
            "| children | file | import s | children/s | process s | peak working set | heap (max seen) | re-import s | re-import peak |",
            "|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
        };
        try
        {
            foreach (var size in sizes)
            {
                var census = Path.Combine(folder, $"cin-{size}.xml");
                AnsiConsole.MarkupLine($"Writing a {CensusYear} census of {size:N0} children…");
                var written = WriteCensus(size, seed, census);
                var db = Path.Combine(folder, $"cin-{size}.db");
                foreach (var leftover in new[] { db, db + "-wal", db + "-shm" })
                {
                    File.Delete(leftover);
                }

                AnsiConsole.MarkupLine($"Importing {written:N0} children into an empty database, then again…");
                var first = Measure(census, db);
                var again = Measure(census, db);
                if (first.Loaded != written || again.Loaded != written || again.NewChildren != 0)
                {
                    throw new InvalidOperationException($"The benchmark expected {written:N0} children loaded each time and none new the second time; " +
                                                        $"got {first.Loaded:N0}, {again.Loaded:N0} and {again.NewChildren:N0}.");
                }

                rows.Add(string.Join(" | ", "", written.ToString("N0", CultureInfo.InvariantCulture), Megabytes(new FileInfo(census).Length),
                    first.Seconds.ToString("N2", CultureInfo.InvariantCulture), (written / first.Seconds).ToString("N0", CultureInfo.InvariantCulture),
                    first.ProcessSeconds.ToString("N2", CultureInfo.InvariantCulture), Megabytes(first.PeakWorkingSet), Megabytes(first.Heap),
                    again.Seconds.ToString("N2", CultureInfo.InvariantCulture), Megabytes(again.PeakWorkingSet), "").Trim());
            }
        }
        finally
        {
            if (given is null)
            {
                Directory.Delete(folder, recursive: true);
            }
        }

        Console.WriteLine();
        rows.ForEach(Console.WriteLine);
        Console.WriteLine();
        Console.WriteLine("import s: from opening the file to committing, in a process of its own. process s: that whole process, start-up and " +
                          "migration included. peak working set: that process's most resident memory. heap (max seen): the managed heap, garbage " +
                          "included, at its largest when sampled. re-import: the same file again, every child already held.");
        return 0;
    }

    /// <summary>Writes a census of exactly <paramref name="size"/> children (fewer only if the council has fewer in the year).</summary>
    private static int WriteCensus(int size, int seed, string path)
    {
        var start = CinCensusWriter.CollectionStart(CensusYear);
        var reference = CinCensusWriter.ReferenceDate(CensusYear);
        // About one generated child in four has an episode open in a given year of the six; five per child needed leaves room.
        var generator = new CouncilGenerator(CouncilSize.Small, seed, children: size * 5);
        var inYear = generator.Children()
            .Where(c => c.CinEpisodes.Any(e => e.ReferralDate <= reference && !(e.ClosureDate < start)))
            .Take(size);
        return CinCensusWriter.Write(inYear, path, CensusYear, CouncilGenerator.CouncilCode).ChildrenWritten;
    }

    private sealed record Figures(double Seconds, double ProcessSeconds, long PeakWorkingSet, long Heap, int Loaded, int NewChildren);

    /// <summary>Runs one import in a new process of this executable and reads its figures.</summary>
    private static Figures Measure(string census, string database)
    {
        var values = BenchProcess.Run("bench", "import", "--measure", census, "--database", database);
        return new Figures(double.Parse(values["seconds"], CultureInfo.InvariantCulture), double.Parse(values["process-seconds"], CultureInfo.InvariantCulture),
            long.Parse(values["peak"], CultureInfo.InvariantCulture), long.Parse(values["heap"], CultureInfo.InvariantCulture),
            int.Parse(values["loaded"], CultureInfo.InvariantCulture), int.Parse(values["new"], CultureInfo.InvariantCulture));
    }

    /// <summary>The measuring process: imports one file and prints its figures on one line.</summary>
    private static int MeasureOne(string census, SightlineDatabase database)
    {
        database.Migrate();
        long heap = 0;
        var timer = Stopwatch.StartNew();
        var result = CinCensusImport.Run(database, census, Environment.UserName, (_, _, _) => heap = Math.Max(heap, GC.GetTotalMemory(false)));
        timer.Stop();
        heap = Math.Max(heap, GC.GetTotalMemory(false));
        using var self = Process.GetCurrentProcess();
        BenchProcess.Report(("seconds", timer.Elapsed.TotalSeconds.ToString("F3", CultureInfo.InvariantCulture)), ("peak", self.PeakWorkingSet64), ("heap", heap),
            ("loaded", result.Record.RecordsLoaded), ("new", result.Counts.New("children")));
        return 0;
    }

    private static string Megabytes(long bytes) => (bytes / 1024.0 / 1024.0).ToString("N1", CultureInfo.InvariantCulture) + " MB";
}
