using System.Globalization;
using System.Text;
using Seismic.Waveforms.Time;

namespace Seismic.Waveforms.Tests.Support;

/// <summary>One record of `record-headers-mseedview-3.4.0.txt` (libmseed's `mseedview -p`).</summary>
public sealed record DumpedRecord(string Sid, int PublicationVersion, int RecordLength, int FormatVersion, NanoTime Start,
    int SampleCount, double RateHz, uint Crc, int ExtraLength, int PayloadLength, int Encoding);

public static class HeaderDump
{
    /// <summary>Records per file name, and whether libmseed printed an error while dumping that file.</summary>
    public static Dictionary<string, (List<DumpedRecord> Records, bool HadErrors)> Read(string referenceFolder)
    {
        var result = new Dictionary<string, (List<DumpedRecord>, bool)>();
        var lines = File.ReadAllLines(SharedData.PathOf($"{referenceFolder}/record-headers-mseedview-3.4.0.txt"), Encoding.Latin1);
        string? file = null;
        List<DumpedRecord> records = [];
        var errors = false;
        Dictionary<string, string> fields = [];
        string[]? head = null;

        void FlushRecord()
        {
            if (head is null)
                return;
            var headParts = head[1].Trim().Split(' ');
            records.Add(new DumpedRecord(head[0], int.Parse(headParts[1], CultureInfo.InvariantCulture),
                int.Parse(head[2].Trim().Split(' ')[0], CultureInfo.InvariantCulture),
                int.Parse(head[2].Trim().TrimEnd(')').Split(' ')[^1], CultureInfo.InvariantCulture),
                NanoTime.Parse(fields["start time"].Split(' ')[0]),
                int.Parse(fields["number of samples"], CultureInfo.InvariantCulture),
                double.Parse(fields["sample rate (Hz)"], CultureInfo.InvariantCulture),
                Convert.ToUInt32(fields["CRC"][2..], 16),
                int.Parse(fields["extra header length"].Split(' ')[0], CultureInfo.InvariantCulture),
                int.Parse(fields["data payload length"].Split(' ')[0], CultureInfo.InvariantCulture),
                int.Parse(fields["payload encoding"].Split("(val: ")[1].TrimEnd(')'), CultureInfo.InvariantCulture)));
            head = null;
            fields = [];
        }

        void FlushFile()
        {
            FlushRecord();
            if (file is not null)
                result[file] = (records, errors);
            records = [];
            errors = false;
        }

        foreach (var line in lines)
        {
            if (line.StartsWith("===== ", StringComparison.Ordinal))
            {
                FlushFile();
                file = line[6..];
            }
            else if (line.StartsWith("FDSN:", StringComparison.Ordinal) && line.Contains("(format:", StringComparison.Ordinal))
            {
                FlushRecord();
                head = line.Split(',');
            }
            else if (line.Contains("Error", StringComparison.Ordinal) || line.Contains("Warning", StringComparison.Ordinal))
                errors = true;
            else if (line.Contains(':') && head is not null)
            {
                var parts = line.Split(':', 2);
                fields[parts[0].Trim()] = parts[1].Trim();
            }
        }
        FlushFile();
        return result;
    }
}
