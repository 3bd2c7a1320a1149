using Seismic.Sources.Indexing;
using Seismic.Sources.Tests.Support;
using Seismic.TestSupport;
using Seismic.Waveforms.MiniSeed;

namespace Seismic.Sources.Tests.Indexing;

/// <summary>
/// The index reads a file in chunks; with a chunk of 10,000 bytes, records of 512 and 4096 bytes and of
/// miniSEED 3's variable lengths fall across chunk boundaries everywhere, as they would at 8 MB in a day file.
/// </summary>
public sealed class MiniSeedFileIndexTests
{
    private const int SmallChunkBytes = 10_000;

    private static readonly string[] Inputs =
    [
        Path.Combine(RepositoryPaths.SharedData, "obspy", "mseed", "gaps.mseed"),
        Path.Combine(RepositoryPaths.SharedData, "libmseed-test", "v3.4.0", "data", "reference-testdata-defaults.mseed3"),
        Path.Combine(RepositoryPaths.SharedData, "obspy", "mseed", "test.mseed"),
        Path.Combine(RepositoryPaths.SharedData, "libmseed-test", "v3.4.0", "data", "reference-testdata-float64.mseed3"),
        Path.Combine(RepositoryPaths.SharedData, "obspy", "mseed", "SRO_encoding.mseed"),
    ];

    [Fact]
    public void Should_index_a_file_of_many_chunks_exactly_as_a_whole_read_finds_its_records()
    {
        using var folder = new TempFolder();
        var path = folder.Combine("mixed.mseed");
        File.WriteAllBytes(path, Inputs.SelectMany(File.ReadAllBytes).ToArray());
        Assert.True(new FileInfo(path).Length > 8 * SmallChunkBytes);

        var index = MiniSeedFileIndex.Build(path, SmallChunkBytes);

        var whole = MiniSeedReader.ReadFile(path);
        Assert.Empty(whole.Problems);
        Assert.Equal(Locations(whole.Records), index.Records);
        Assert.Empty(index.Problems);
        Assert.Equal(index.Records, MiniSeedFileIndex.Build(path).Records);
    }

    /// <remarks>
    /// The file is gaps.mseed (512-byte records), test.mseed, gaps.mseed again. The first chunk ends in record 19,
    /// so the second starts at byte 9728: garbage there of 9728 bytes leaves that chunk nothing but garbage and a
    /// cut record; 12,288 bytes at 10,240 run past a whole chunk; 1000 bytes at 5120 cut a record's header.
    /// </remarks>
    [Theory]
    [InlineData(9728, 9728, 19456)]
    [InlineData(10_240, 12_288, 22_528)]
    [InlineData(5120, 1000, 6144)]
    public void Should_report_corrupt_bytes_with_their_offset_and_still_index_the_records_after_them(int damageStart, int damageLength, int nextRecordOffset)
    {
        using var folder = new TempFolder();
        var path = folder.Combine("damaged.mseed");
        var bytes = File.ReadAllBytes(Inputs[0]).Concat(File.ReadAllBytes(Inputs[2])).Concat(File.ReadAllBytes(Inputs[0])).ToArray();
        Array.Fill(bytes, (byte)0xA5, damageStart, damageLength);
        File.WriteAllBytes(path, bytes);

        var index = MiniSeedFileIndex.Build(path, SmallChunkBytes);

        Assert.NotEmpty(index.Problems);
        Assert.StartsWith($"damaged.mseed: byte {damageStart}:", index.Problems[0], StringComparison.Ordinal);
        Assert.All(index.Problems, problem => Assert.InRange(OffsetOf(problem), damageStart, damageStart + damageLength - 1));
        Assert.Equal(Locations(MiniSeedReader.ReadFile(path).Records), index.Records);
        Assert.Contains(index.Records, r => r.OffsetBytes == nextRecordOffset);
        Assert.Equal(bytes.Length - (nextRecordOffset - damageStart) - damageStart % 512, index.Records.Sum(r => (long)r.LengthBytes));
    }

    [Fact]
    public void Should_skip_a_miniseed3_record_whose_checksum_fails_and_index_the_next_one()
    {
        using var folder = new TempFolder();
        var path = folder.Combine("crc.mseed");
        var bytes = Inputs.SelectMany(File.ReadAllBytes).ToArray();
        var records = MiniSeedReader.Read(bytes).Records;
        var victim = records.First(r => r.FormatVersion == 3 && r.OffsetBytes > 2 * SmallChunkBytes);
        var next = records[records.ToList().IndexOf(victim) + 1];
        bytes[victim.OffsetBytes + victim.RecordLengthBytes - 1] ^= 0xFF;
        File.WriteAllBytes(path, bytes);

        var index = MiniSeedFileIndex.Build(path, SmallChunkBytes);

        var problem = Assert.Single(index.Problems);
        Assert.StartsWith($"crc.mseed: byte {victim.OffsetBytes}:", problem, StringComparison.Ordinal);
        Assert.DoesNotContain(index.Records, r => r.OffsetBytes == victim.OffsetBytes);
        Assert.Contains(index.Records, r => r.OffsetBytes == next.OffsetBytes);
        Assert.Equal(records.Count - 1, index.Records.Count);
    }

    private static long OffsetOf(string problem)
    {
        var field = problem.Split(": ")[1];
        return long.Parse(field["byte ".Length..], System.Globalization.CultureInfo.InvariantCulture);
    }

    private static List<RecordLocation> Locations(IEnumerable<MiniSeedRecord> records) =>
        records.Select(r => new RecordLocation(r.SourceId, r.StartTime, r.EndTime, r.OffsetBytes, r.RecordLengthBytes)).ToList();
}
