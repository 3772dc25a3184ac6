using System.CommandLine;
using Spectre.Console;
using Sightline.Storage;

namespace Sightline.Cli.Commands;

/// <summary><c>sightline migrate</c>: creates the database or brings its schema up to date.</summary>
internal static class MigrateCommand
{
    public static Command Create()
    {
        var database = Terminal.DatabaseOption();
        var command = new Command("migrate", "Create the database, or bring its schema up to date.") { database };
        command.SetAction(parse =>
        {
            var target = SightlineDatabase.Parse(parse.GetValue(database));
            target.Migrate();
            AnsiConsole.MarkupLine($"The {Markup.Escape(target.Describe())} is up to date.");
            return 0;
        });
        return command;
    }
}
