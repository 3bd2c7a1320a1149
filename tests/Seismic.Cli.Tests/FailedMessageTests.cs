using System.Text;
using Seismic.Cli.ErrorQueues;

namespace Seismic.Cli.Tests;

public sealed class FailedMessageTests
{
    private const string Envelope = """
        {
          "messageId": "0a3c0000-1111-2222-3333-444455556666",
          "messageType": ["urn:message:Seismic.Contracts.Ingest:WaveformSegmentIngested"],
          "message": { "backfillId": "b-1", "segmentId": "ARCES_20231030T120000.000Z_20231030T120500.000Z", "arrayCode": "ARCES" }
        }
        """;

    private static readonly Dictionary<string, string> Fault = new(StringComparer.OrdinalIgnoreCase)
    {
        ["MT-Fault-ExceptionType"] = "System.IO.InvalidDataException",
        ["MT-Fault-Message"] = "record 3 is not miniSEED",
        ["MT-Fault-Timestamp"] = "2023-10-30T12:06:01.5Z",
    };

    [Fact]
    public void Should_read_type_id_subject_time_and_reason_from_the_envelope_and_fault_headers()
    {
        var message = FailedMessage.Read(Encoding.UTF8.GetBytes(Envelope), propertyMessageId: null, Fault);

        Assert.Equal("WaveformSegmentIngested", message.MessageType);
        Assert.Equal("0a3c0000-1111-2222-3333-444455556666", message.MessageId);
        Assert.Equal("segmentId=ARCES_20231030T120000.000Z_20231030T120500.000Z", message.Subject);
        Assert.Equal(new DateTimeOffset(2023, 10, 30, 12, 6, 1, 500, TimeSpan.Zero), message.FailedAt);
        Assert.Equal("System.IO.InvalidDataException", message.ExceptionType);
        Assert.Equal("record 3 is not miniSEED", message.ExceptionMessage);
    }

    [Fact]
    public void Should_still_say_why_a_body_that_is_not_json_failed()
    {
        var message = FailedMessage.Read("\u0001\u0002"u8, propertyMessageId: "amqp-id", Fault);

        Assert.Null(message.MessageType);
        Assert.Equal("amqp-id", message.MessageId);
        Assert.Null(message.Subject);
        Assert.Equal("System.IO.InvalidDataException: record 3 is not miniSEED", ErrorQueueReport.Describe(message).Split(Environment.NewLine)[1].Trim());
    }

    [Fact]
    public void Should_describe_a_message_on_two_lines_what_then_why()
    {
        var lines = ErrorQueueReport.Describe(FailedMessage.Read(Encoding.UTF8.GetBytes(Envelope), null, Fault)).Split(Environment.NewLine);

        Assert.Equal("WaveformSegmentIngested  id 0a3c0000-1111-2222-3333-444455556666  segmentId=ARCES_20231030T120000.000Z_20231030T120500.000Z  failed 2023-10-30T12:06:01Z", lines[0]);
        Assert.Equal("    System.IO.InvalidDataException: record 3 is not miniSEED", lines[1]);
    }
}
