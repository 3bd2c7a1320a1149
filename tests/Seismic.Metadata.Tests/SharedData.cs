namespace Seismic.Metadata.Tests;

/// <summary>
/// The read-only reference data shared by all engineers, at &lt;repo root&gt;/../shared/data. Tests read
/// it in place; it is never copied into the repository. A missing folder fails the test loudly.
/// </summary>
internal static class SharedData
{
    private static readonly Lazy<string> Root = new(FindDataRoot);

    public static string PathOf(params string[] parts) => Path.Combine([Root.Value, .. parts]);

    public static string StationXml(string file) => PathOf("obspy", "stationxml", file);

    public static string QuakeMl(string file) => PathOf("obspy", "quakeml", file);

    public static string Yellowknife(string file) => PathOf("obspy-examples", "array-yellowknife-2012-08-14", file);

    public static string Agfa(string file) => PathOf("obspy-examples", "array-agfa-2008-02-17", file);

    private static string FindDataRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Seismic.sln")))
            {
                var data = Path.GetFullPath(Path.Combine(folder.FullName, "..", "shared", "data"));
                return Directory.Exists(data)
                    ? data
                    : throw new DirectoryNotFoundException($"Shared test data not found at {data}.");
            }
        }

        throw new InvalidOperationException($"No Seismic.sln above {AppContext.BaseDirectory}.");
    }
}
