using System.Security.Cryptography;
using Seismic.Waveforms.MiniSeed;

namespace Seismic.Sources.Tests.Support;

/// <summary>The records of a read, decoded, so tests can say which ones came back.</summary>
public static class Records
{
    /// <summary>The records of concatenated miniSEED; fails the test when any byte is not part of a record.</summary>
    public static IReadOnlyList<MiniSeedRecord> Of(byte[] miniSeed)
    {
        var result = MiniSeedReader.Read(miniSeed);
        Assert.Empty(result.Problems);
        return result.Records;
    }

    public static IReadOnlyList<MiniSeedRecord> Of(WaveformRead read) => Of(read.MiniSeed);

    /// <summary>One line per record (channel, start, SHA-256 of its bytes), sorted: equal lists mean the same records, in any order.</summary>
    public static IReadOnlyList<string> Fingerprints(byte[] miniSeed) => Fingerprints(Of(miniSeed));

    public static IReadOnlyList<string> Fingerprints(IEnumerable<MiniSeedRecord> records) =>
        records.Select(r => $"{r.SourceId} {r.StartTime} {Convert.ToHexString(SHA256.HashData(r.RawBytes.Span))}")
            .Order(StringComparer.Ordinal)
            .ToList();
}
