using System.Globalization;
using System.Text;
using Seismic.Waveforms.Time;

namespace Seismic.Waveforms.Tests.Support;

/// <summary>One segment of a libmseed 3.4.0 reference decode (`*.samples.txt`), samples kept as printed.</summary>
public sealed record ReferenceSegment(string Sid, int Index, NanoTime Start, double RateHz, int SampleCount, char SampleType, IReadOnlyList<string> Samples, byte[] Text);

/// <summary>One line of `summary-libmseed-3.4.0.txt`.</summary>
public sealed record SummarySegment(string Sid, NanoTime Start, NanoTime End, int SampleCount, double RateHz);

public static class ReferenceDecode
{
    public static string SamplesPath(string file)
    {
        var (folder, name) = SharedData.Locate(file);
        return SharedData.PathOf($"{folder}/decoded-libmseed-3.4.0/{name.Replace('/', '_')}.samples.txt");
    }

    /// <summary>Parses a samples file. Text payloads are printed raw followed by a newline, so they are read as bytes.</summary>
    public static List<ReferenceSegment> ReadSamples(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var segments = new List<ReferenceSegment>();
        var position = 0;
        while (position < bytes.Length)
        {
            var lineEnd = Array.IndexOf(bytes, (byte)'\n', position);
            var header = Encoding.UTF8.GetString(bytes, position, (lineEnd < 0 ? bytes.Length : lineEnd) - position);
            position = lineEnd < 0 ? bytes.Length : lineEnd + 1;
            if (!header.StartsWith("# sid=", StringComparison.Ordinal))
                throw new FormatException($"{path}: expected a segment header, got '{header}'");
            var fields = header[2..].Split(' ').Select(f => f.Split('=', 2)).ToDictionary(f => f[0], f => f.Length > 1 ? f[1] : "");
            var count = int.Parse(fields["nsamples"], CultureInfo.InvariantCulture);
            var type = fields["sampletype"] is { Length: > 0 } t && t[0] != '\0' ? t[0] : ' ';
            var samples = new List<string>();
            var text = Array.Empty<byte>();
            if (type == 't')
            {
                text = bytes.AsSpan(position, count).ToArray();
                position += count + 1;
            }
            else
            {
                for (var i = 0; i < count; i++)
                {
                    var end = Array.IndexOf(bytes, (byte)'\n', position);
                    samples.Add(Encoding.ASCII.GetString(bytes, position, end - position));
                    position = end + 1;
                }
            }
            segments.Add(new ReferenceSegment(fields["sid"], int.Parse(fields["segment"], CultureInfo.InvariantCulture), NanoTime.Parse(fields["start"]),
                double.Parse(fields["samprate"], CultureInfo.InvariantCulture), count, type, samples, text));
        }
        return segments;
    }

    /// <summary>The summary block of a file: null segments when libmseed rejected it ("error ...").</summary>
    public static (bool Rejected, List<SummarySegment> Segments, string Header) ReadSummary(string file)
    {
        var (folder, name) = SharedData.Locate(file);
        var lines = File.ReadAllLines(SharedData.PathOf($"{folder}/summary-libmseed-3.4.0.txt"), Encoding.Latin1);
        var at = Array.IndexOf(lines, $"== {name}");
        if (at < 0)
            throw new InvalidOperationException($"{file} has no block in the summary");
        var segments = new List<SummarySegment>();
        var header = "";
        for (var i = at + 1; i < lines.Length && !lines[i].StartsWith("== ", StringComparison.Ordinal); i++)
        {
            var line = lines[i];
            if (line.StartsWith("error", StringComparison.Ordinal))
                return (true, segments, line);
            if (line.StartsWith('#'))
            {
                header = line;
                continue;
            }
            var parts = line.Split(' ');
            var fields = parts.Skip(4).Select(p => p.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1]);
            segments.Add(new SummarySegment(parts[0], NanoTime.Parse(parts[2]), NanoTime.Parse(parts[3]),
                int.Parse(fields["n"], CultureInfo.InvariantCulture), double.Parse(fields["sps"], CultureInfo.InvariantCulture)));
        }
        return (false, segments, header);
    }
}
