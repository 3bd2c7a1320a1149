namespace Seismic.TestSupport;

/// <summary>The repository and the shared data beside it, found from the test assembly's folder.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string SettingsFile => Path.Combine(Root, "config", "seismic.yaml");

    /// <summary>../shared/data: third-party data that tests read in place (CI clones the repository beside it).</summary>
    public static string SharedData { get; } = FindSharedData();

    private static string FindSharedData()
    {
        var data = Path.GetFullPath(Path.Combine(Root, "..", "shared", "data"));
        return Directory.Exists(data) ? data : throw new DirectoryNotFoundException($"Shared test data not found at {data} (expected beside the repository).");
    }

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Seismic.sln")))
                return folder.FullName;
        }
        throw new InvalidOperationException($"No Seismic.sln above {AppContext.BaseDirectory}");
    }
}
