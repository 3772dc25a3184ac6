using System.CommandLine;

namespace Sightline.Cli.Commands;

/// <summary><c>sightline import</c>: the group of commands that load a council's own files. Each kind of file is a
/// subcommand in its own file; add one line here for each.</summary>
internal static class ImportCommand
{
    public static Command Create() => new("import", "Load a council's own files into its records: each file all or nothing, kept on record with every record it rejected.")
    {
        ImportCinCommand.Create(),
        AnnexAImportCommand.Create(),
        CsvImportCommand.Create(),
    };
}
