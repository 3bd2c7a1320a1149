using System.Text;
using Seismic.SeedLink.Protocol;

namespace Seismic.SeedLink.Tests.Protocol;

public sealed class PacketCodecTests
{
    private static byte[] Record(byte fill) => Enumerable.Repeat(fill, PacketCodec.Version3RecordBytes).ToArray();

    [Fact]
    public async Task Should_round_trip_a_protocol_3_data_packet_with_its_hex_sequence_number()
    {
        var bytes = PacketCodec.EncodeVersion3(0x00A1F3, Record(7));
        Assert.Equal("SL00A1F3", Encoding.ASCII.GetString(bytes, 0, 8));

        var packet = await PacketCodec.ReadAsync(new MemoryStream(bytes));

        Assert.NotNull(packet);
        Assert.Equal(0x00A1F3UL, packet.Sequence);
        Assert.True(packet.IsMiniSeedData);
        Assert.Equal(Record(7), packet.Payload.ToArray());
    }

    [Fact]
    public async Task Should_read_protocol_3_info_packets_and_whether_more_follow()
    {
        var stream = new MemoryStream([.. PacketCodec.EncodeVersion3Info(Record(1), moreFollows: true), .. PacketCodec.EncodeVersion3Info(Record(2), moreFollows: false)]);

        var first = await PacketCodec.ReadAsync(stream);
        var last = await PacketCodec.ReadAsync(stream);

        Assert.True(first!.IsInfo && first.MoreInfoFollows);
        Assert.True(last!.IsInfo && !last.MoreInfoFollows);
        Assert.Equal(SeedLinkPacket.NoSequence, last.Sequence);
    }

    [Fact]
    public async Task Should_round_trip_a_protocol_4_packet_with_a_64_bit_sequence_and_station_id()
    {
        var payload = Encoding.ASCII.GetBytes("MS3 record bytes");
        var bytes = PacketCodec.EncodeVersion4('3', 'D', (1UL << 63) + 12345, "NO_ARA0", payload);
        Assert.Equal(PacketCodec.Version4FixedHeaderBytes + 7 + payload.Length, bytes.Length);

        var packet = await PacketCodec.ReadAsync(new MemoryStream(bytes));

        Assert.Equal(new SeedLinkPacket('3', 'D', (1UL << 63) + 12345, "NO_ARA0", payload).Sequence, packet!.Sequence);
        Assert.Equal("NO_ARA0", packet.StationId);
        Assert.Equal(payload, packet.Payload.ToArray());
        Assert.True(packet.IsMiniSeedData);
    }

    [Fact]
    public async Task Should_return_null_at_END_and_at_a_clean_close()
    {
        Assert.Null(await PacketCodec.ReadAsync(new MemoryStream("END"u8.ToArray())));
        Assert.Null(await PacketCodec.ReadAsync(new MemoryStream([])));
    }

    [Fact]
    public async Task Should_name_what_arrived_when_the_header_is_not_seedlink()
    {
        var error = await Assert.ThrowsAsync<SeedLinkProtocolException>(() => PacketCodec.ReadAsync(new MemoryStream("ERROR\r\n and more"u8.ToArray())));
        Assert.Contains("ERROR", error.Message);
    }

    [Fact]
    public async Task Should_refuse_a_packet_cut_short()
    {
        var bytes = PacketCodec.EncodeVersion4('2', 'D', 5, "NO_ARA0", Record(3));
        await Assert.ThrowsAsync<SeedLinkProtocolException>(() => PacketCodec.ReadAsync(new MemoryStream(bytes[..^10])));
    }
}

public sealed class CommandLineReaderTests
{
    [Fact]
    public async Task Should_end_lines_at_CR_LF_or_CRLF_and_answer_a_lone_CR_at_once()
    {
        var reader = new CommandLineReader(new MemoryStream("HELLO\r\nSTATION NO_ARA0\rSELECT BHZ\nDATA\r"u8.ToArray()));

        Assert.Equal("HELLO", await reader.ReadLineAsync(CancellationToken.None));
        Assert.Equal("STATION NO_ARA0", await reader.ReadLineAsync(CancellationToken.None));
        Assert.Equal("SELECT BHZ", await reader.ReadLineAsync(CancellationToken.None));
        Assert.Equal("DATA", await reader.ReadLineAsync(CancellationToken.None));
        Assert.Null(await reader.ReadLineAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Should_not_wait_for_the_byte_after_a_final_CR()
    {
        var pipe = new System.IO.Pipes.AnonymousPipeServerStream(System.IO.Pipes.PipeDirection.Out);
        var client = new System.IO.Pipes.AnonymousPipeClientStream(System.IO.Pipes.PipeDirection.In, pipe.ClientSafePipeHandle);
        var reader = new CommandLineReader(client);
        await pipe.WriteAsync("END\r"u8.ToArray());
        await pipe.FlushAsync();

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        Assert.Equal("END", await reader.ReadLineAsync(timeout.Token));
    }
}
