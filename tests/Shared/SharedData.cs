namespace Sightline.Testing;

/// <summary>The shared reference folder that sits beside the repository (<c>../shared</c>). Tests use its data
/// as their oracle; when it is missing they fail with a message saying where they looked, never skip.</summary>
internal static class SharedData
{
    /// <summary>The repository root: the folder holding <c>Sightline.slnx</c>.</summary>
    public static string RepositoryRoot { get; } = FindRoot();

    /// <summary>A file or folder under <c>../shared</c>; throws when it does not exist.</summary>
    public static string Path(params string[] parts)
    {
        var path = System.IO.Path.GetFullPath(System.IO.Path.Combine([RepositoryRoot, "..", "shared", .. parts]));
        if (!File.Exists(path) && !Directory.Exists(path))
        {
            throw new InvalidOperationException(
                $"{path} was not found. The shared reference folder must sit beside the repository, at " +
                $"{System.IO.Path.GetFullPath(System.IO.Path.Combine(RepositoryRoot, "..", "shared"))}; these tests read it and cannot run without it.");
        }

        return path;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Sightline.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No folder holding Sightline.slnx above {AppContext.BaseDirectory}.");
    }
}
