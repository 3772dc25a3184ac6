using System.CommandLine;

namespace Sightline.Cli.Commands;

/// <summary><c>sightline import</c>: loads files a council already has into its records.</summary>
internal static class ImportCommand
{
    public static Command Create() => new("import", "Load a council's files into its records: each import is all or nothing, and kept on record with every row it rejected.")
    {
        CsvImportCommand.Create(),
    };
}
