namespace Seismic.Benchmarks;

/// <summary>Finds the repository and the shared test data beside it (&lt;repo&gt;/../shared/data), as the tests do.</summary>
internal static class BenchmarkPaths
{
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static string SharedData => Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "data"));

    /// <summary>The built `seismic` command (Release), or null after saying on stderr how to build it.</summary>
    public static string? BuiltCli()
    {
        var cli = Path.Combine(RepositoryRoot, "cli", "Seismic.Cli", "bin", "Release", "net10.0", "seismic.dll");
        if (File.Exists(cli))
            return cli;
        Console.Error.WriteLine($"{cli} is not built; run ./build.sh build first.");
        return null;
    }

    private static string FindRepositoryRoot()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Seismic.sln")))
                    return dir.FullName;
            }
        }
        throw new DirectoryNotFoundException("Seismic.sln not found above the benchmark or the current directory.");
    }
}
