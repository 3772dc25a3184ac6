using System.CommandLine;

namespace Sightline.Cli.Commands;

/// <summary><c>sightline import</c>: the files a council already has, into its records.</summary>
internal static class ImportCommand
{
    public static Command Create() => new("import", "Import the files a council already has into its records.")
    {
        AnnexAImportCommand.Create(),
    };
}
