using System.Globalization;
using System.Runtime.InteropServices;
using CsvHelper;
using PureHDF;

namespace Seismic.Datasets.SeisBench;

/// <summary>
/// Writes a dataset in SeisBench's format. Traces go to a sample file under a temporary name as they
/// are added (so memory stays flat however many there are); <see cref="Commit"/> writes waveforms.hdf5
/// and metadata.csv under temporary names and then renames both into place, so a failed or interrupted
/// build never leaves a half-written dataset. Disposing without <see cref="Commit"/> deletes the temporaries.
/// </summary>
public sealed class SeisBenchWriter : IDisposable
{
    private readonly string _samplesPath;
    private readonly string _waveformsTempPath;
    private readonly string _metadataTempPath;
    private readonly FileStream _samples;
    private readonly List<Dictionary<string, string>> _rows = [];
    private readonly List<string> _extraColumns = [];
    private readonly HashSet<string> _traceNames = new(StringComparer.Ordinal);
    private bool _committed;
    private bool _disposed;

    /// <summary>Starts a dataset in <paramref name="directory"/> (created when missing).</summary>
    public SeisBenchWriter(string directory, WaveformDataFormat format)
    {
        ArgumentNullException.ThrowIfNull(format);
        if (format.Channels == 0 || format.SamplesPerTrace <= 0 || !(format.SamplingRateHz > 0))
        {
            throw new DatasetException(
                $"dataset format: needs at least one component, samples per trace > 0 and a sampling rate > 0 (got '{format.ComponentOrder}', {format.SamplesPerTrace}, {format.SamplingRateHz} Hz)");
        }
        Directory = Path.GetFullPath(directory);
        Format = format;
        try
        {
            System.IO.Directory.CreateDirectory(Directory);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new DatasetException($"{Directory}: cannot create the dataset folder ({ex.Message})");
        }

        // Names start with a dot and end in .tmp so nobody mistakes them for a finished dataset.
        var token = Guid.NewGuid().ToString("N")[..12];
        _samplesPath = Path.Combine(Directory, $".samples.{token}.tmp");
        _waveformsTempPath = Path.Combine(Directory, $".{SeisBenchLayout.WaveformsFile}.{token}.tmp");
        _metadataTempPath = Path.Combine(Directory, $".{SeisBenchLayout.MetadataFile}.{token}.tmp");
        _samples = new FileStream(_samplesPath, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16);
    }

    public string Directory { get; }

    public WaveformDataFormat Format { get; }

    /// <summary>Traces added so far.</summary>
    public int Count => _rows.Count;

    /// <summary>
    /// Adds one trace. <paramref name="channelsFirst"/> holds [channels, samples] laid end to end,
    /// channels in <see cref="WaveformDataFormat.ComponentOrder"/>.
    /// </summary>
    public void Add(DatasetTrace trace, ReadOnlySpan<float> channelsFirst)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ArgumentNullException.ThrowIfNull(trace);
        if (_committed)
        {
            throw new InvalidOperationException("The dataset is already committed.");
        }
        Validate(trace, channelsFirst);

        _samples.Write(MemoryMarshal.AsBytes(channelsFirst));
        _traceNames.Add(trace.TraceName);
        _rows.Add(RowOf(trace));
    }

    /// <summary>Writes waveforms.hdf5 and metadata.csv and renames them into place.</summary>
    public void Commit()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_committed)
        {
            return;
        }
        if (_rows.Count == 0)
        {
            throw new DatasetException($"{Directory}: no traces were added, so there is no dataset to write");
        }

        _samples.Flush();
        WriteWaveforms();
        WriteMetadata();

        var waveformsPath = Path.Combine(Directory, SeisBenchLayout.WaveformsFile);
        var metadataPath = Path.Combine(Directory, SeisBenchLayout.MetadataFile);
        File.Move(_waveformsTempPath, waveformsPath, overwrite: true);
        File.Move(_metadataTempPath, metadataPath, overwrite: true);
        _committed = true;
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }
        _disposed = true;
        _samples.Dispose();
        foreach (var path in new[] { _samplesPath, _waveformsTempPath, _metadataTempPath })
        {
            try
            {
                File.Delete(path);
            }
            catch (IOException)
            {
                // A temporary that cannot be deleted is harmless: its name marks it as one.
            }
        }
    }

    private void Validate(DatasetTrace trace, ReadOnlySpan<float> channelsFirst)
    {
        var name = trace.TraceName;
        if (string.IsNullOrWhiteSpace(name) || name.Contains('/') || name.Contains('$'))
        {
            // '/' would make a nested HDF5 group and SeisBench reads '$' as "bucket$location".
            throw new DatasetException($"trace '{name}': a trace name must be non-empty and contain neither '/' nor '$'");
        }
        if (_traceNames.Contains(name))
        {
            throw new DatasetException($"trace '{name}': the name is already used by another trace");
        }
        if (!DatasetSplits.All.Contains(trace.Split))
        {
            throw new DatasetException($"trace '{name}': split '{trace.Split}' is not one of {string.Join(", ", DatasetSplits.All)}");
        }
        if (!DatasetLabels.All.Contains(trace.Label))
        {
            throw new DatasetException($"trace '{name}': label '{trace.Label}' is not one of {string.Join(", ", DatasetLabels.All)}");
        }
        if (Math.Abs(trace.SamplingRateHz - Format.SamplingRateHz) > 1e-6 * Format.SamplingRateHz)
        {
            throw new DatasetException($"trace '{name}': sampling rate {trace.SamplingRateHz} Hz differs from the dataset's {Format.SamplingRateHz} Hz");
        }
        var expected = Format.Channels * Format.SamplesPerTrace;
        if (channelsFirst.Length != expected)
        {
            throw new DatasetException(
                $"trace '{name}': {channelsFirst.Length} samples, expected {Format.Channels} channels x {Format.SamplesPerTrace} samples = {expected}");
        }
        for (var i = 0; i < channelsFirst.Length; i++)
        {
            if (!float.IsFinite(channelsFirst[i]))
            {
                throw new DatasetException(
                    $"trace '{name}': sample {i % Format.SamplesPerTrace} of channel {Format.ComponentOrder[i / Format.SamplesPerTrace]} is not a finite number");
            }
        }
    }

    private Dictionary<string, string> RowOf(DatasetTrace trace)
    {
        var row = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [MetadataColumns.TraceName] = trace.TraceName,
            [MetadataColumns.Split] = trace.Split,
            [MetadataColumns.Label] = trace.Label,
            [MetadataColumns.SourceId] = trace.EventId ?? "",
            [MetadataColumns.SourceOriginTime] = MetadataText.Optional(trace.OriginTimeUtc),
            [MetadataColumns.SourceLatitudeDeg] = MetadataText.Optional(trace.SourceLatitudeDeg),
            [MetadataColumns.SourceLongitudeDeg] = MetadataText.Optional(trace.SourceLongitudeDeg),
            [MetadataColumns.SourceDepthKm] = MetadataText.Optional(trace.SourceDepthKm),
            [MetadataColumns.SourceMagnitude] = MetadataText.Optional(trace.Magnitude),
            [MetadataColumns.PathEpDistanceKm] = MetadataText.Optional(trace.DistanceKm),
            [MetadataColumns.PathBackAzimuthDeg] = MetadataText.Optional(trace.BackAzimuthDeg),
            [MetadataColumns.TraceStartTime] = MetadataText.Time(trace.StartUtc),
            [MetadataColumns.TraceSamplingRateHz] = MetadataText.Number(trace.SamplingRateHz),
            [MetadataColumns.TraceNpts] = MetadataText.Number(Format.SamplesPerTrace),
            [MetadataColumns.TraceComponentOrder] = Format.ComponentOrder,
            [MetadataColumns.TracePArrivalSample] = MetadataText.Optional(trace.PArrivalSample),
            [MetadataColumns.TraceSArrivalSample] = MetadataText.Optional(trace.SArrivalSample),
        };
        foreach (var (column, value) in trace.Columns)
        {
            if (row.ContainsKey(column))
            {
                continue;
            }
            if (!_extraColumns.Contains(column))
            {
                _extraColumns.Add(column);
            }
            row[column] = value;
        }
        return row;
    }

    private void WriteWaveforms()
    {
        var shape = new[] { (ulong)Format.Channels, (ulong)Format.SamplesPerTrace };
        var data = new H5Group();
        var datasets = new List<H5Dataset<float[]>>(_rows.Count);
        foreach (var row in _rows)
        {
            // Declared now, filled below one trace at a time: PureHDF fixes the file's structure first.
            var dataset = new H5Dataset<float[]>(fileDims: shape);
            data[row[MetadataColumns.TraceName]] = dataset;
            datasets.Add(dataset);
        }

        var file = new H5File
        {
            [SeisBenchLayout.DataFormatGroup] = new H5Group
            {
                [SeisBenchLayout.DimensionOrderKey] = SeisBenchLayout.ChannelsThenSamples,
                [SeisBenchLayout.ComponentOrderKey] = Format.ComponentOrder,
                [SeisBenchLayout.SamplingRateKey] = Format.SamplingRateHz,
                [SeisBenchLayout.MeasurementKey] = Format.Measurement,
                [SeisBenchLayout.UnitKey] = Format.Unit,
                [SeisBenchLayout.InstrumentResponseKey] = Format.InstrumentResponse,
            },
            [SeisBenchLayout.DataGroup] = data,
        };

        var buffer = new float[Format.Channels * Format.SamplesPerTrace];
        var bytes = MemoryMarshal.AsBytes(buffer.AsSpan());
        _samples.Position = 0;
        using var writer = file.BeginWrite(_waveformsTempPath);
        foreach (var dataset in datasets)
        {
            _samples.ReadExactly(bytes);
            writer.Write(dataset, buffer);
        }
    }

    private void WriteMetadata()
    {
        var columns = MetadataColumns.Typed.Concat(_extraColumns).ToList();
        using var text = new StreamWriter(_metadataTempPath);
        using var csv = new CsvWriter(text, CultureInfo.InvariantCulture);
        foreach (var column in columns)
        {
            csv.WriteField(column);
        }
        csv.NextRecord();
        foreach (var row in _rows)
        {
            foreach (var column in columns)
            {
                csv.WriteField(row.GetValueOrDefault(column, ""));
            }
            csv.NextRecord();
        }
    }
}
