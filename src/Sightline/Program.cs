using System.CommandLine;
using Sightline.Cli.Commands;

namespace Sightline.Cli;

/// <summary>The <c>sightline</c> executable: every command of the product.</summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        var root = new RootCommand("Sightline: line of sight from the board room to every child in children's social care.")
        {
            GenerateCommand.Create(),
            DemoCommand.Create(),
            ServeCommand.Create(),
            UsersCommand.Create(),
            MigrateCommand.Create(),
            ImportCommand.Create(),
            ExportCommand.Create(),
            AlertsCommand.Create(),
            IndicatorsCommand.Create(),
            SupervisionCommand.Create(),
            WorkforceCommand.Create(),
            StandardsCommand.Create(),
            RulesCommand.Create(),
            BenchCommand.Create(),
        };
        return Terminal.Run(root, args);
    }
}
