namespace Seismic.Benchmarks.MiniSeed;

/// <summary>The shared miniSEED 2 files the decode benchmarks use (v2 so that Debian's libmseed 2.19 reads them too).</summary>
internal static class MseedBenchmarkFiles
{
    public static IReadOnlyList<(string Encoding, string RelativePath)> All { get; } =
    [
        ("Steim-1", "obspy-examples/array-yellowknife-2012-08-14/array_yellowknife_2012-08-14.mseed"),
        ("Steim-1", "obspy-examples/dprk-mdj/IC.MDJ.2013.043.mseed"),
        ("Steim-2", "obspy-examples/dprk-mdj/IC.MDJ.2017.246.mseed"),
        ("Steim-2", "obspy-examples/array-agfa-2008-02-17/agfa.mseed"),
        ("Steim-2", "libmseed-test/v3.4.0/data/testdata-3channel-signal.mseed2"),
        ("int32", "libmseed-test/v2.19.8/data/Int32-oneseries-mixedlengths-mixedorder.mseed"),
        ("int32", "libmseed-test/v3.4.0/data/reference-testdata-int32.mseed2"),
    ];

    public static string FullPath(string relative) => Path.Combine(BenchmarkPaths.SharedData, relative);
}
