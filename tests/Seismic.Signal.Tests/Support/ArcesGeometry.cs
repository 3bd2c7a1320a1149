using System.Globalization;
using Seismic.Signal.Arrays;
using Seismic.TestSupport;

namespace Seismic.Signal.Tests.Support;

/// <summary>The ARCES site offsets, read in place from the shared data folder beside the repository.</summary>
internal static class ArcesGeometry
{
    private static readonly Lazy<IReadOnlyList<ArraySite>> Sites = new(Load);

    public static IReadOnlyList<ArraySite> All => Sites.Value;

    private static IReadOnlyList<ArraySite> Load()
    {
        var path = Path.Combine(RepositoryPaths.SharedData, "arces", "arces-geometry.csv");
        return File.ReadAllLines(path)
            .Skip(1)
            .Where(line => line.Trim().Length > 0)
            .Select(line => line.Split(','))
            .Select(f => new ArraySite(f[0].Trim(), double.Parse(f[1], CultureInfo.InvariantCulture), double.Parse(f[2], CultureInfo.InvariantCulture)))
            .ToList();
    }
}
