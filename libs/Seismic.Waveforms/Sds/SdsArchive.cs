using System.Globalization;
using Seismic.Waveforms.MiniSeed;
using Seismic.Waveforms.Time;
using Seismic.Waveforms.Traces;

namespace Seismic.Waveforms.Sds;

/// <summary>
/// A SeisComP Data Structure archive: one miniSEED file per channel and UTC day at
/// YEAR/NET/STA/CHAN.TYPE/NET.STA.LOC.CHAN.TYPE.YEAR.DOY (TYPE is D for waveform data).
/// </summary>
public sealed class SdsArchive(string rootPath)
{
    private const string DataType = "D";

    public string RootPath { get; } = rootPath;

    public string DayFilePath(SourceId id, int year, int dayOfYear)
    {
        var y = year.ToString("D4", CultureInfo.InvariantCulture);
        var channelFolder = $"{id.Channel}.{DataType}";
        var file = $"{id.Network}.{id.Station}.{id.Location}.{id.Channel}.{DataType}.{y}.{dayOfYear.ToString("D3", CultureInfo.InvariantCulture)}";
        return Path.Combine(RootPath, y, id.Network, id.Station, channelFolder, file);
    }

    /// <summary>
    /// Reads [<paramref name="from"/>, <paramref name="to"/>) of one channel across day files. The day before is
    /// read too, because a record that starts before midnight lives in the previous day's file.
    /// </summary>
    public TraceAssembly Read(SourceId id, NanoTime from, NanoTime to, TraceAssemblyOptions? options = null)
    {
        var records = new List<MiniSeedRecord>();
        var problems = new List<ReadProblem>();
        for (var day = from.StartOfDay.AddDays(-1); day < to; day = day.AddDays(1))
        {
            var path = DayFilePath(id, day.Year, day.DayOfYear);
            if (!File.Exists(path))
                continue;
            var result = MiniSeedReader.ReadFile(path);
            problems.AddRange(result.Problems.Select(p => p with { Reason = $"{Path.GetFileName(path)}: {p.Reason}" }));
            records.AddRange(result.Records.Where(r => r.SourceId == id && r.EndTime >= from && r.StartTime < to));
        }
        return TraceAssembler.Assemble(records, options, problems).Cut(from, to);
    }

    /// <summary>Appends a segment to the archive, split at UTC midnight so each day file holds only its day.</summary>
    public void Write(TraceSegment segment, MiniSeed2WriteOptions? options = null)
    {
        WriteDays(segment, (stream, part) => MiniSeed2Writer.Write(stream, part, options));
    }

    /// <summary>As <see cref="Write(TraceSegment, MiniSeed2WriteOptions?)"/>, in miniSEED 3.</summary>
    public void Write(TraceSegment segment, MiniSeed3WriteOptions options)
    {
        WriteDays(segment, (stream, part) => MiniSeed3Writer.Write(stream, part, options));
    }

    private void WriteDays(TraceSegment segment, Action<Stream, TraceSegment> write)
    {
        var day = segment.StartTime.StartOfDay;
        while (true)
        {
            var nextDay = day.AddDays(1);
            var part = segment.Cut(day, nextDay);
            if (part is not null)
            {
                var path = DayFilePath(segment.SourceId, day.Year, day.DayOfYear);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                using var stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read);
                write(stream, part);
            }
            if (nextDay > segment.EndTime)
                break;
            day = nextDay;
        }
    }
}
