using System.Buffers.Binary;
using System.Diagnostics;
using Seismic.Waveforms.MiniSeed;
using Seismic.Waveforms.Tests.Support;

namespace Seismic.Waveforms.Tests.MiniSeed;

/// <summary>
/// Fuzzing: valid files mutated (bit flips, truncation, absurd lengths and counts, inserted garbage). The reader
/// must never throw, hang or allocate out of proportion to the input, and must say where and what went wrong.
/// </summary>
public class ReaderRobustnessTests
{
    private const int MutationsPerFile = 400;

    public static TheoryData<string> SeedFiles => new(
        "libmseed-test/v3.4.0/data/testdata-3channel-signal.mseed3",
        "libmseed-test/v3.4.0/data/testdata-3channel-signal.mseed2",
        "libmseed-test/v3.4.0/data/testdata-oneseries-mixedlengths-mixedorder.mseed3",
        "libmseed-test/v3.4.0/data/testdata-oneseries-mixedlengths-mixedorder.mseed2",
        "libmseed-test/v3.4.0/data/testdata-no-blockette1000-steim1.mseed2",
        "libmseed-test/v3.4.0/data/reference-testdata-float64.mseed3",
        "libmseed-test/v3.4.0/data/reference-testdata-text.mseed3",
        "obspy/mseed/bizarre/endiantest.le-header.be-data.mseed",
        "obspy/mseed/encoding/int32_Steim1_littleEndian.mseed",
        "obspy/mseed/SRO_encoding.mseed");

    [Theory]
    [MemberData(nameof(SeedFiles))]
    public void Should_survive_mutated_records_without_crashing_hanging_or_unbounded_allocation(string file)
    {
        var original = File.ReadAllBytes(SharedData.PathOf(file));
        var random = new Random(file.Length * 7919);
        for (var i = 0; i < MutationsPerFile; i++)
        {
            var (mutated, how) = Mutate(original, random);
            var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
            var clock = Stopwatch.StartNew();

            var assembly = MiniSeedFile.ReadTraces(mutated);

            clock.Stop();
            var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"mutation {i} ({how}) took {clock.Elapsed}");
            Assert.True(allocated < 64L * mutated.Length + (1 << 20), $"mutation {i} ({how}) allocated {allocated} bytes for {mutated.Length} input bytes");
            Assert.All(assembly.Problems, p =>
            {
                Assert.InRange(p.OffsetBytes, 0, mutated.Length);
                Assert.False(string.IsNullOrWhiteSpace(p.Reason));
            });
        }
    }

    [Fact]
    public void Should_report_a_miniseed3_crc_failure_and_read_the_records_after_it()
    {
        var bytes = File.ReadAllBytes(SharedData.PathOf("libmseed-test/v3.4.0/data/testdata-3channel-signal.mseed3"));
        var records = MiniSeedReader.Read(bytes).Records;
        var victim = records[50];
        bytes[victim.OffsetBytes + victim.RecordLengthBytes - 1] ^= 0x40;

        var result = MiniSeedReader.Read(bytes);

        var problem = Assert.Single(result.Problems);
        Assert.Equal(victim.OffsetBytes, problem.OffsetBytes);
        Assert.Contains("CRC-32C mismatch", problem.Reason, StringComparison.Ordinal);
        Assert.Equal(records.Count - 1, result.Records.Count);
        Assert.Throws<MiniSeedFormatException>(() => MiniSeedReader.Read(bytes, new MiniSeedReadOptions { Strict = true }));
    }

    [Fact]
    public void Should_skip_an_unrecognisable_miniseed2_record_and_resume_at_the_next_header()
    {
        var bytes = File.ReadAllBytes(SharedData.PathOf("libmseed-test/v3.4.0/data/testdata-3channel-signal.mseed2"));
        bytes[10 * 512 + 6] = (byte)'X';

        var result = MiniSeedReader.Read(bytes);

        var problem = Assert.Single(result.Problems);
        Assert.Equal(10 * 512, problem.OffsetBytes);
        Assert.Contains("skipped 512 bytes", problem.Reason, StringComparison.Ordinal);
        Assert.Equal(bytes.Length / 512 - 1, result.Records.Count);
    }

    [Fact]
    public void Should_report_a_steim_integration_constant_mismatch_with_the_record_offset()
    {
        var bytes = File.ReadAllBytes(SharedData.PathOf("libmseed-test/v3.4.0/data/testdata-3channel-signal.mseed2"));
        // Record 3's payload starts at byte 64; its third word is the reverse integration constant Xn.
        var xn = 3 * 512 + 64 + 8;
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(xn), BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(xn)) + 1);

        var assembly = MiniSeedFile.ReadTraces(bytes);

        var problem = Assert.Single(assembly.Problems);
        Assert.Equal(ProblemSeverity.Warning, problem.Severity);
        Assert.Equal(3 * 512, problem.OffsetBytes);
        Assert.Contains("reverse integration constant", problem.Reason, StringComparison.Ordinal);
        Assert.Equal(3, assembly.Segments.Count);
    }

    [Fact]
    public void Should_drop_a_record_whose_frames_cannot_hold_its_samples_and_split_the_segment()
    {
        var bytes = File.ReadAllBytes(SharedData.PathOf("libmseed-test/v3.4.0/data/testdata-3channel-signal.mseed2"));
        var channel = MiniSeedReader.Read(bytes).Records.Select((r, i) => (r, i)).Where(x => x.r.SourceId.Channel == "LHZ").ToList();
        var victim = channel[5].r;
        // Zero every nibble word: the frames then hold no differences at all.
        for (var frame = 0; frame < 7; frame++)
            BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan((int)victim.OffsetBytes + 64 + frame * 64), 0);

        var assembly = MiniSeedFile.ReadTraces(bytes);

        var problem = Assert.Single(assembly.Problems);
        Assert.Equal(ProblemSeverity.Error, problem.Severity);
        Assert.Equal(victim.OffsetBytes, problem.OffsetBytes);
        Assert.Equal(2, assembly.Segments.Count(s => s.SourceId.Channel == "LHZ"));
        Assert.Equal(4200 - victim.SampleCount, assembly.Segments.Where(s => s.SourceId.Channel == "LHZ").Sum(s => s.SampleCount));
    }

    [Fact]
    public void Should_reject_an_unsupported_encoding_by_number()
    {
        var bytes = File.ReadAllBytes(SharedData.PathOf("libmseed-test/v3.4.0/data/reference-testdata-int32.mseed2"));
        bytes[52] = 19; // blockette 1000 encoding field: Steim-3

        var assembly = MiniSeedFile.ReadTraces(bytes);

        Assert.Contains(assembly.Problems, p => p.Reason.Contains("unsupported encoding 19", StringComparison.Ordinal) && p.OffsetBytes == 0);
    }

    private static (byte[] Bytes, string How) Mutate(byte[] original, Random random)
    {
        var bytes = (byte[])original.Clone();
        var records = MiniSeedReader.Read(original).Records;
        var record = records.Count > 0 ? records[random.Next(records.Count)] : null;
        var at = (int)(record?.OffsetBytes ?? 0);
        string how;
        switch (random.Next(6))
        {
            case 0:
                var flips = random.Next(1, 9);
                for (var i = 0; i < flips; i++)
                    bytes[random.Next(bytes.Length)] ^= (byte)(1 << random.Next(8));
                how = $"{flips} bit flips";
                break;
            case 1:
                var length = random.Next(bytes.Length);
                bytes = bytes[..length];
                how = $"truncated to {length}";
                break;
            case 2:
                // Header fields that size things: counts, lengths, offsets (v2 and v3 positions alike).
                int[] fields = [24, 26, 30, 33, 34, 36, 38, 39, 44, 46, 48, 50, 52, 54, 56, 58];
                var field = at + fields[random.Next(fields.Length)];
                if (field + 4 <= bytes.Length)
                    BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(field), random.Next(3) switch { 0 => uint.MaxValue, 1 => 0, _ => (uint)random.Next() });
                how = $"absurd value at {field}";
                break;
            case 3:
                var garbage = new byte[random.Next(1, 300)];
                random.NextBytes(garbage);
                var insertAt = random.Next(bytes.Length);
                bytes = [.. bytes[..insertAt], .. garbage, .. bytes[insertAt..]];
                how = $"{garbage.Length} garbage bytes at {insertAt}";
                break;
            case 4:
                for (var i = 0; i < 16; i++)
                    bytes[Math.Min(bytes.Length - 1, at + random.Next(64))] = (byte)random.Next(256);
                how = $"header scrambled at {at}";
                break;
            default:
                var payloadAt = at + random.Next(40, Math.Max(41, record?.RecordLengthBytes ?? 41));
                for (var i = 0; i < 8 && payloadAt + i < bytes.Length; i++)
                    bytes[payloadAt + i] = (byte)random.Next(256);
                how = $"payload scrambled at {payloadAt}";
                break;
        }
        // Re-seal miniSEED 3 records half of the time, so mutations get past the CRC into the parser.
        if (random.Next(2) == 0 && record is { FormatVersion: 3 } && at + record.RecordLengthBytes <= bytes.Length)
        {
            var span = bytes.AsSpan(at, record.RecordLengthBytes);
            BinaryPrimitives.WriteUInt32LittleEndian(span[28..], Crc32C.OfMiniSeed3Record(span));
            how += ", CRC re-sealed";
        }
        return (bytes, how);
    }
}
