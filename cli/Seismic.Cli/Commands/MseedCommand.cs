using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Seismic.Waveforms.Encodings;
using Seismic.Waveforms.MiniSeed;
using Seismic.Waveforms.Traces;

namespace Seismic.Cli.Commands;

/// <summary>`seismic mseed FILE`: show what a miniSEED 2/3 file holds (records, segments, gaps, problems, samples).</summary>
internal static class MseedCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "miniSEED 2 or 3 file" };
        var samples = new Option<bool>("--samples") { Description = "Also print the samples of every segment" };
        var json = new Option<bool>("--json") { Description = "Print one JSON object per segment (JSON Lines) instead of text" };
        var command = new Command("mseed", "Inspect a miniSEED file: records, continuous segments, gaps and overlaps, problems")
        {
            file, samples, json,
        };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(file)!;
            if (!path.Exists)
            {
                Console.Error.WriteLine($"{path.FullName}: no such file.");
                return 2;
            }
            var bytes = File.ReadAllBytes(path.FullName);
            var read = MiniSeedReader.Read(bytes);
            var assembly = TraceAssembler.Assemble(read.Records, earlierProblems: read.Problems);
            if (parse.GetValue(json))
                WriteJson(assembly, parse.GetValue(samples));
            else
                WriteText(path, bytes.Length, read, assembly, parse.GetValue(samples));
            return assembly.Problems.Any(p => p.Severity == ProblemSeverity.Error) ? 1 : 0;
        });
        return command;
    }

    private static void WriteText(FileInfo path, int length, MiniSeedReadResult read, TraceAssembly assembly, bool withSamples)
    {
        var output = Console.Out;
        output.WriteLine($"{path.FullName}: {length} bytes, {read.Records.Count} records, {assembly.Segments.Count} segments");
        output.WriteLine();
        output.WriteLine("Records (offset, source, format, length, start, samples, rate, encoding, CRC):");
        foreach (var r in read.Records)
        {
            var crc = r.Crc is { } value ? $" 0x{value:X8}" : "";
            output.WriteLine(FormattableString.Invariant(
                $"  {r.OffsetBytes,10} {r.SourceId} v{r.FormatVersion} {r.RecordLengthBytes,5} B {r.StartTime} {r.SampleCount,6} {r.SampleRateHz,10:G10} Hz {DataEncodingFacts.Describe(r.Encoding)}{crc}"));
        }
        output.WriteLine();
        output.WriteLine("Segments (source, first sample, last sample, rate, samples, type):");
        foreach (var s in assembly.Segments)
            output.WriteLine(FormattableString.Invariant($"  {s.SourceId} {s.StartTime} {s.EndTime} {s.SampleRateHz:G10} Hz {s.SampleCount} {s.SampleType}"));
        if (assembly.Discontinuities.Count > 0)
        {
            output.WriteLine();
            output.WriteLine("Gaps and overlaps (source, kind, last sample before, first sample after, seconds between, missing samples):");
            foreach (var d in assembly.Discontinuities)
                output.WriteLine(FormattableString.Invariant($"  {d.SourceId} {d.Kind} {d.LastSampleBefore} {d.FirstSampleAfter} {d.SpanSeconds:G10} {d.MissingSamples}"));
        }
        if (assembly.Problems.Count > 0)
        {
            output.WriteLine();
            output.WriteLine("Problems:");
            foreach (var p in assembly.Problems)
                output.WriteLine($"  {p}");
        }
        if (!withSamples)
            return;
        foreach (var s in assembly.Segments)
        {
            output.WriteLine();
            output.WriteLine($"# {s.SourceId} {s.StartTime} {s.SampleRateHz.ToString(CultureInfo.InvariantCulture)} Hz {s.SampleCount} samples");
            if (s.SampleType == SampleType.Text)
                output.WriteLine(Encoding.UTF8.GetString(s.TextBytes.Span));
            else
                WriteSampleLines(output, s);
        }
    }

    private static void WriteSampleLines(TextWriter output, TraceSegment s)
    {
        switch (s.SampleType)
        {
            case SampleType.Int32:
                foreach (var v in s.Int32Samples.ToArray())
                    output.WriteLine(v.ToString(CultureInfo.InvariantCulture));
                break;
            case SampleType.Float32:
                foreach (var v in s.Float32Samples.ToArray())
                    output.WriteLine(v.ToString("R", CultureInfo.InvariantCulture));
                break;
            case SampleType.Float64:
                foreach (var v in s.Float64Samples.ToArray())
                    output.WriteLine(v.ToString("R", CultureInfo.InvariantCulture));
                break;
        }
    }

    private static void WriteJson(TraceAssembly assembly, bool withSamples)
    {
        using var stdout = Console.OpenStandardOutput();
        foreach (var s in assembly.Segments)
        {
            using (var writer = new Utf8JsonWriter(stdout))
            {
                writer.WriteStartObject();
                writer.WriteString("sid", s.SourceId.Fdsn);
                writer.WriteString("seedCode", s.SourceId.SeedCode);
                writer.WriteString("start", s.StartTime.ToString());
                writer.WriteString("end", s.EndTime.ToString());
                writer.WriteNumber("sampleRateHz", s.SampleRateHz);
                writer.WriteNumber("sampleCount", s.SampleCount);
                writer.WriteString("sampleType", s.SampleType.ToString());
                if (withSamples)
                    WriteJsonSamples(writer, s);
                writer.WriteEndObject();
            }
            stdout.WriteByte((byte)'\n');
        }
        foreach (var p in assembly.Problems)
            Console.Error.WriteLine(JsonSerializer.Serialize(new { problem = p.Reason, offsetBytes = p.OffsetBytes, severity = p.Severity.ToString(), sid = p.SourceId?.Fdsn }));
    }

    private static void WriteJsonSamples(Utf8JsonWriter writer, TraceSegment s)
    {
        if (s.SampleType == SampleType.Text)
        {
            writer.WriteString("samples", Encoding.UTF8.GetString(s.TextBytes.Span));
            return;
        }
        writer.WriteStartArray("samples");
        switch (s.SampleType)
        {
            case SampleType.Int32:
                foreach (var v in s.Int32Samples.Span)
                    writer.WriteNumberValue(v);
                break;
            case SampleType.Float32:
                foreach (var v in s.Float32Samples.Span)
                    writer.WriteNumberValue(v);
                break;
            case SampleType.Float64:
                foreach (var v in s.Float64Samples.Span)
                    writer.WriteNumberValue(v);
                break;
        }
        writer.WriteEndArray();
    }
}
