using Seismic.TestSupport;

namespace Seismic.Metadata.Tests;

/// <summary>
/// The read-only reference data shared by all engineers, at &lt;repo root&gt;/../shared/data. Tests read
/// it in place; it is never copied into the repository. A missing folder fails the test loudly.
/// </summary>
internal static class SharedData
{
    public static string PathOf(params string[] parts) => Path.Combine([RepositoryPaths.SharedData, .. parts]);

    public static string StationXml(string file) => PathOf("obspy", "stationxml", file);

    public static string QuakeMl(string file) => PathOf("obspy", "quakeml", file);

    public static string Yellowknife(string file) => PathOf("obspy-examples", "array-yellowknife-2012-08-14", file);

    public static string Agfa(string file) => PathOf("obspy-examples", "array-agfa-2008-02-17", file);
}
