using System.CommandLine;
using System.Data.Common;
using System.Globalization;
using Spectre.Console;
using Sightline.Storage;

namespace Sightline.Cli.Commands;

/// <summary>What every command shares: the <c>--database</c> option, date parsing, progress bars, and
/// turning failures into a clear message and a non-zero exit.</summary>
internal static class Terminal
{
    /// <summary>The exit code for a failure the user can act on (bad input, a database already in use).</summary>
    public const int Failed = 1;

    public static Option<string?> DatabaseOption() => new("--database")
    {
        Description = $"A SQLite file path, or a PostgreSQL connection string (Host=…;Database=…) or postgres:// address. " +
                      $"Defaults to ${SightlineDatabase.EnvironmentVariable}, then {SightlineDatabase.DefaultPath}.",
        HelpName = "PATH|CONNECTION-STRING",
    };

    /// <summary>The council's records in memory, from the database named by <c>--database</c> (or the default),
    /// its schema brought up to date first as every command that touches data does.</summary>
    public static Oversight.CouncilSnapshot LoadSnapshot(string? database)
    {
        var target = SightlineDatabase.Parse(database);
        target.Migrate();
        return SnapshotLoader.Load(target);
    }

    public static Option<DateOnly?> DateOption(string name, string description) => new(name)
    {
        Description = description,
        HelpName = "YYYY-MM-DD",
        CustomParser = result =>
        {
            var text = result.Tokens.Single().Value;
            if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return date;
            }

            result.AddError($"{name} expects a date written YYYY-MM-DD, not '{text}'.");
            return null;
        },
    };

    public static int Run(RootCommand root, string[] args)
    {
        // Written to a file or a pipe, tables take the width COLUMNS gives, as a terminal's would, rather than 80.
        if (Console.IsOutputRedirected && int.TryParse(Environment.GetEnvironmentVariable("COLUMNS"), out var columns) && columns is >= 40 and <= 1000)
        {
            AnsiConsole.Profile.Width = columns;
        }

        var parsed = root.Parse(args);
        try
        {
            return parsed.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (Exception error) when (error is FileRefusedException or InvalidOperationException or ArgumentException or IOException or DbException or UnauthorizedAccessException or FormatException)
        {
            // Plain text on standard error, unwrapped, so that scripts and logs get the whole message.
            // Messages are Sightline's own and name no child.
            Console.Error.WriteLine($"Error: {error.Message}");
            Detail(error);
            return Failed;
        }
        catch (Exception error)
        {
            Console.Error.WriteLine($"Error: Sightline stopped unexpectedly ({error.GetType().Name}). " +
                                    "Run again with SIGHTLINE_DEBUG=1 to see the technical detail.");
            Detail(error);
            return Failed;
        }
    }

    private static void Detail(Exception error)
    {
        if (Environment.GetEnvironmentVariable("SIGHTLINE_DEBUG") == "1")
        {
            Console.Error.WriteLine(error);
        }
    }

    /// <summary>Runs a long job with a progress bar per stage; the job reports (stage, done, total).</summary>
    public static T WithProgress<T>(Func<Action<string, int, int>, T> job) =>
        AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(context =>
            {
                var tasks = new Dictionary<string, ProgressTask>(StringComparer.Ordinal);
                return job((stage, done, total) =>
                {
                    if (!tasks.TryGetValue(stage, out var task))
                    {
                        task = tasks[stage] = context.AddTask(stage, maxValue: Math.Max(1, total));
                    }

                    task.MaxValue = Math.Max(1, total);
                    task.Value = done;
                });
            });
}
