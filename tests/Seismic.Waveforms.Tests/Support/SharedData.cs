using Seismic.TestSupport;

namespace Seismic.Waveforms.Tests.Support;

/// <summary>
/// Locates the third-party test data in place: CI clones the repository with shared/ beside it, so the data are
/// at &lt;repo root&gt;/../shared/data. They are never copied into the repository.
/// </summary>
public static class SharedData
{
    public static string Root => RepositoryPaths.SharedData;

    public static string PathOf(string relative) => Path.Combine(Root, relative.Replace('/', Path.DirectorySeparatorChar));

    /// <summary>The reference collections: folder of miniSEED files, and the folder holding their libmseed decodes.</summary>
    public static IEnumerable<(string DataFolder, string ReferenceFolder)> Collections =>
    [
        ("libmseed-test/v2.19.8/data", "libmseed-test/v2.19.8"),
        ("libmseed-test/v3.4.0/data", "libmseed-test/v3.4.0"),
        ("obspy/mseed", "obspy/mseed"),
    ];

    /// <summary>Every miniSEED file of the reference collections, as paths relative to the data root.</summary>
    public static IEnumerable<string> MiniSeedFiles()
    {
        foreach (var (dataFolder, _) in Collections)
        {
            var full = PathOf(dataFolder);
            foreach (var file in Directory.EnumerateFiles(full, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                var relative = Path.GetRelativePath(full, file).Replace(Path.DirectorySeparatorChar, '/');
                if (relative.StartsWith("decoded-", StringComparison.Ordinal) || relative.EndsWith(".txt", StringComparison.Ordinal)
                    || relative.EndsWith(".json", StringComparison.Ordinal) || relative.EndsWith(".md", StringComparison.Ordinal))
                    continue;
                yield return $"{dataFolder}/{relative}";
            }
        }
    }

    /// <summary>Splits a data-root-relative file path into its collection and its name within the collection.</summary>
    public static (string ReferenceFolder, string NameInCollection) Locate(string file)
    {
        foreach (var (dataFolder, referenceFolder) in Collections)
        {
            if (file.StartsWith(dataFolder + "/", StringComparison.Ordinal))
                return (referenceFolder, file[(dataFolder.Length + 1)..]);
        }
        throw new ArgumentException($"{file} is in no reference collection");
    }
}
