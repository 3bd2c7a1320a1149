using System.Globalization;
using Seismic.Configuration;
using Seismic.Signal.Arrays;
using Seismic.TestSupport;

namespace Seismic.TestSupport.Beams;

/// <summary>The shipped settings and the ARCES geometry, read in place (the geometry from the shared data folder beside the repository).</summary>
public static class RepositoryFiles
{
    private static readonly Lazy<IReadOnlyList<ArraySite>> Geometry = new(LoadGeometry);

    public static IReadOnlyList<ArraySite> ArcesSites => Geometry.Value;

    public static string Root => RepositoryPaths.Root;

    /// <summary>config/seismic.yaml with optional dotted-key overrides, e.g. {"filters.demean": "false"}.</summary>
    public static SeismicSettings Settings(IReadOnlyDictionary<string, string>? overrides = null) =>
        SettingsLoader.Load(Path.Combine(Root, "config", "seismic.yaml"), overrides);

    private static IReadOnlyList<ArraySite> LoadGeometry() =>
        File.ReadAllLines(Path.Combine(RepositoryPaths.SharedData, "arces", "arces-geometry.csv"))
            .Skip(1)
            .Where(line => line.Trim().Length > 0)
            .Select(line => line.Split(','))
            .Select(f => new ArraySite(f[0].Trim(), double.Parse(f[1], CultureInfo.InvariantCulture), double.Parse(f[2], CultureInfo.InvariantCulture)))
            .ToList();
}
