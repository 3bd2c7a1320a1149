using Seismic.TestSupport;

namespace Seismic.Integration.Tests;

/// <summary>Where the repository and the programs built from it are, seen from this test assembly.</summary>
internal static class RepositoryLayout
{
    public static string Root => RepositoryPaths.Root;

    /// <summary>Debug or Release: the configuration this test assembly was built in, so the programs match it.</summary>
    private static string BuildConfiguration { get; } =
        new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;

    private static string TargetFramework { get; } =
        new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Name;

    public static string ConfigFile => RepositoryPaths.SettingsFile;

    /// <summary>The built dll of a worker (folder under services/) or of the CLI ("cli").</summary>
    public static string ProgramDll(string program) => program == "cli"
        ? Path.Combine(Root, "cli", "Seismic.Cli", "bin", BuildConfiguration, TargetFramework, "seismic.dll")
        : Path.Combine(Root, "services", program, "bin", BuildConfiguration, TargetFramework, $"Seismic.{Capitalize(program)}.dll");

    private static string Capitalize(string name) => char.ToUpperInvariant(name[0]) + name[1..];
}
