using System.Globalization;
using System.Security.Cryptography;
using CsvHelper;
using PureHDF;
using PureHDF.VOL.Native;

namespace Seismic.Datasets.SeisBench;

/// <summary>
/// A dataset in SeisBench's format (metadata.csv + waveforms.hdf5, unchunked, one dataset per trace),
/// as written by <see cref="SeisBenchWriter"/> or by SeisBench's own <c>WaveformDataWriter</c> with
/// bucketing off. Every trace must share the component order and the number of samples, which is what
/// a model's fixed input needs.
/// </summary>
public sealed class SeisBenchDataset : IDisposable
{
    private readonly NativeFile _file;
    private readonly IH5Group _data;
    private readonly string _waveformsPath;
    private readonly string _metadataPath;
    private readonly bool _channelsFirst;
    private readonly Lock _readLock = new();
    private string? _contentSha256;

    private SeisBenchDataset(
        string directory, NativeFile file, IH5Group data, IReadOnlyList<DatasetTrace> traces,
        string componentOrder, double samplingRateHz, int samplesPerTrace, bool channelsFirst)
    {
        Directory = directory;
        _file = file;
        _data = data;
        Traces = traces;
        ComponentOrder = componentOrder;
        SamplingRateHz = samplingRateHz;
        SamplesPerTrace = samplesPerTrace;
        _channelsFirst = channelsFirst;
        _waveformsPath = Path.Combine(directory, SeisBenchLayout.WaveformsFile);
        _metadataPath = Path.Combine(directory, SeisBenchLayout.MetadataFile);
    }

    public string Directory { get; }

    public IReadOnlyList<DatasetTrace> Traces { get; }

    /// <summary>One letter per channel; "ZTR" for beams: P-beam vertical, S-beam transverse, S-beam radial.</summary>
    public string ComponentOrder { get; }

    public double SamplingRateHz { get; }

    public int SamplesPerTrace { get; }

    /// <summary>
    /// SHA-256 (lower-case hex) of metadata.csv's bytes followed by waveforms.hdf5's bytes: the data hash a
    /// model card records. Computed on first use, since it reads both files whole.
    /// </summary>
    public string ContentSha256 => _contentSha256 ??= HashContent();

    /// <summary>Opens the dataset in <paramref name="directory"/>; every problem is a <see cref="DatasetException"/>.</summary>
    public static SeisBenchDataset Open(string directory)
    {
        var fullPath = Path.GetFullPath(directory);
        if (!System.IO.Directory.Exists(fullPath))
        {
            throw new DatasetException($"{fullPath}: the dataset folder does not exist");
        }
        var metadataPath = Path.Combine(fullPath, SeisBenchLayout.MetadataFile);
        var waveformsPath = Path.Combine(fullPath, SeisBenchLayout.WaveformsFile);
        foreach (var path in new[] { metadataPath, waveformsPath })
        {
            if (!File.Exists(path))
            {
                throw new DatasetException($"{path}: missing (a SeisBench dataset needs {SeisBenchLayout.MetadataFile} and {SeisBenchLayout.WaveformsFile})");
            }
        }

        var rows = ReadMetadata(metadataPath);
        NativeFile file;
        try
        {
            file = H5File.OpenRead(waveformsPath);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            throw new DatasetException($"{waveformsPath}: not a readable HDF5 file ({ex.Message})");
        }

        try
        {
            return FromFile(fullPath, metadataPath, waveformsPath, file, rows);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The trace as [samples, channels] laid end to end (channels last), in <see cref="ComponentOrder"/>:
    /// the layout of one item of the model's [N, T, C] input.
    /// </summary>
    public float[] ReadChannelsLast(DatasetTrace trace)
    {
        ArgumentNullException.ThrowIfNull(trace);
        var channels = ComponentOrder.Length;
        float[] stored;
        lock (_readLock)
        {
            var dataset = OpenTraceDataset(trace.TraceName);
            var dims = dataset.Space.Dimensions;
            var expected = _channelsFirst
                ? new[] { (ulong)channels, (ulong)SamplesPerTrace }
                : new[] { (ulong)SamplesPerTrace, (ulong)channels };
            if (!dims.SequenceEqual(expected))
            {
                throw new DatasetException(
                    $"{_waveformsPath}: trace '{trace.TraceName}' has shape [{string.Join(", ", dims)}], expected [{string.Join(", ", expected)}]");
            }
            RequireFloat32(dataset, trace.TraceName);
            stored = dataset.Read<float[]>();
        }

        if (!_channelsFirst)
        {
            return stored;
        }
        var channelsLast = new float[stored.Length];
        for (var c = 0; c < channels; c++)
        {
            var row = c * SamplesPerTrace;
            for (var t = 0; t < SamplesPerTrace; t++)
            {
                channelsLast[t * channels + c] = stored[row + t];
            }
        }
        return channelsLast;
    }

    public void Dispose() => _file.Dispose();

    private static SeisBenchDataset FromFile(
        string directory, string metadataPath, string waveformsPath, NativeFile file, List<Dictionary<string, string>> rows)
    {
        var format = ReadDataFormat(file, waveformsPath);
        if (!file.LinkExists(SeisBenchLayout.DataGroup))
        {
            throw new DatasetException($"{waveformsPath}: no group '{SeisBenchLayout.DataGroup}' (where SeisBench keeps the traces)");
        }
        var data = file.Group(SeisBenchLayout.DataGroup);

        var dimensionOrder = format.GetValueOrDefault(SeisBenchLayout.DimensionOrderKey, SeisBenchLayout.ChannelsThenSamples);
        if (dimensionOrder is not ("CW" or "WC"))
        {
            throw new DatasetException($"{waveformsPath}: dimension_order '{dimensionOrder}' is not supported (only CW and WC)");
        }

        var componentOrder = format.GetValueOrDefault(SeisBenchLayout.ComponentOrderKey)
            ?? rows.FirstOrDefault()?.GetValueOrDefault(MetadataColumns.TraceComponentOrder)
            ?? throw new DatasetException($"{waveformsPath}: no component_order in data_format and no trace_component_order column in {metadataPath}");
        double? formatRateHz = format.TryGetValue(SeisBenchLayout.SamplingRateKey, out var rateText)
            && MetadataText.TryParseNumber(rateText, out var rate) ? rate : null;

        var traces = new List<DatasetTrace>(rows.Count);
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < rows.Count; i++)
        {
            // Line numbers as an editor shows them: the header is line 1.
            var trace = ParseTrace(rows[i], metadataPath, line: i + 2, formatRateHz);
            if (!names.Add(trace.TraceName))
            {
                throw new DatasetException($"{metadataPath}:{i + 2}: trace_name '{trace.TraceName}' appears twice");
            }
            if (rows[i].TryGetValue(MetadataColumns.TraceComponentOrder, out var order) && order.Length > 0 && order != componentOrder)
            {
                throw new DatasetException($"{metadataPath}:{i + 2}: trace_component_order '{order}' differs from the dataset's '{componentOrder}'");
            }
            if (!data.LinkExists(trace.TraceName))
            {
                throw new DatasetException($"{waveformsPath}: no dataset 'data/{trace.TraceName}' for the trace named on line {i + 2} of {metadataPath}");
            }
            traces.Add(trace);
        }

        var samplesPerTrace = 0;
        if (traces.Count > 0)
        {
            var dims = data.Dataset(traces[0].TraceName).Space.Dimensions;
            if (dims.Length != 2)
            {
                throw new DatasetException($"{waveformsPath}: trace '{traces[0].TraceName}' has {dims.Length} dimensions, expected 2 ({dimensionOrder})");
            }
            var channelDim = dimensionOrder == "CW" ? dims[0] : dims[1];
            if (channelDim != (ulong)componentOrder.Length)
            {
                throw new DatasetException(
                    $"{waveformsPath}: trace '{traces[0].TraceName}' has {channelDim} channels, component_order '{componentOrder}' names {componentOrder.Length}");
            }
            samplesPerTrace = (int)(dimensionOrder == "CW" ? dims[1] : dims[0]);
        }

        var samplingRateHz = formatRateHz ?? traces.FirstOrDefault()?.SamplingRateHz
            ?? throw new DatasetException($"{waveformsPath}: no sampling_rate in data_format and no traces to take it from");
        return new SeisBenchDataset(directory, file, data, traces, componentOrder, samplingRateHz, samplesPerTrace, dimensionOrder == "CW");
    }

    private static Dictionary<string, string> ReadDataFormat(NativeFile file, string waveformsPath)
    {
        var format = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!file.LinkExists(SeisBenchLayout.DataFormatGroup))
        {
            return format;
        }
        var group = file.Group(SeisBenchLayout.DataFormatGroup);
        foreach (var child in group.Children())
        {
            if (child is not IH5Dataset dataset)
            {
                continue;
            }
            try
            {
                format[child.Name] = dataset.Type.Class switch
                {
                    H5DataTypeClass.FloatingPoint => dataset.Read<double>().ToString("R", CultureInfo.InvariantCulture),
                    H5DataTypeClass.FixedPoint => dataset.Read<long>().ToString(CultureInfo.InvariantCulture),
                    _ => dataset.Read<string>(),
                };
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                throw new DatasetException($"{waveformsPath}: data_format/{child.Name} cannot be read as a scalar ({ex.Message})");
            }
        }
        return format;
    }

    private static List<Dictionary<string, string>> ReadMetadata(string metadataPath)
    {
        var rows = new List<Dictionary<string, string>>();
        try
        {
            using var text = new StreamReader(metadataPath);
            using var csv = new CsvReader(text, CultureInfo.InvariantCulture);
            if (!csv.Read() || !csv.ReadHeader() || csv.HeaderRecord is not { } header)
            {
                throw new DatasetException($"{metadataPath}: empty (a header line with at least '{MetadataColumns.TraceName}' is needed)");
            }
            if (!header.Contains(MetadataColumns.TraceName))
            {
                throw new DatasetException($"{metadataPath}:1: no '{MetadataColumns.TraceName}' column (columns: {string.Join(", ", header)})");
            }
            while (csv.Read())
            {
                var row = new Dictionary<string, string>(header.Length, StringComparer.Ordinal);
                for (var i = 0; i < header.Length; i++)
                {
                    row[header[i]] = csv.GetField(i) ?? "";
                }
                rows.Add(row);
            }
        }
        catch (CsvHelperException ex)
        {
            throw new DatasetException($"{metadataPath}: not a readable CSV file ({ex.Message})");
        }
        return rows;
    }

    private static DatasetTrace ParseTrace(Dictionary<string, string> row, string metadataPath, int line, double? formatRateHz)
    {
        string Required(string column)
        {
            var value = row.GetValueOrDefault(column, "");
            return value.Length > 0 ? value : throw new DatasetException($"{metadataPath}:{line}: column '{column}' is missing or empty");
        }

        double? Number(string column)
        {
            var value = row.GetValueOrDefault(column, "");
            if (value.Length == 0 || value.Equals("nan", StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }
            return MetadataText.TryParseNumber(value, out var number)
                ? number
                : throw new DatasetException($"{metadataPath}:{line}: column '{column}' is not a number: '{value}'");
        }

        int? Sample(string column)
        {
            var value = row.GetValueOrDefault(column, "");
            if (value.Length == 0 || value.Equals("nan", StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }
            return MetadataText.TryParseSample(value, out var sample)
                ? sample
                : throw new DatasetException($"{metadataPath}:{line}: column '{column}' is not a sample index: '{value}'");
        }

        DateTime? Time(string column)
        {
            var value = row.GetValueOrDefault(column, "");
            if (value.Length == 0)
            {
                return null;
            }
            return MetadataText.TryParseTime(value, out var time)
                ? time
                : throw new DatasetException($"{metadataPath}:{line}: column '{column}' is not a time: '{value}'");
        }

        var split = Required(MetadataColumns.Split);
        if (!DatasetSplits.All.Contains(split))
        {
            throw new DatasetException($"{metadataPath}:{line}: split '{split}' is not one of {string.Join(", ", DatasetSplits.All)}");
        }
        var label = Required(MetadataColumns.Label);
        if (!DatasetLabels.All.Contains(label))
        {
            throw new DatasetException($"{metadataPath}:{line}: label '{label}' is not one of {string.Join(", ", DatasetLabels.All)}");
        }
        var samplingRateHz = Number(MetadataColumns.TraceSamplingRateHz) ?? formatRateHz
            ?? throw new DatasetException($"{metadataPath}:{line}: no '{MetadataColumns.TraceSamplingRateHz}' and no sampling_rate in data_format");

        return new DatasetTrace
        {
            TraceName = Required(MetadataColumns.TraceName),
            Split = split,
            Label = label,
            StartUtc = Time(MetadataColumns.TraceStartTime)
                ?? throw new DatasetException($"{metadataPath}:{line}: column '{MetadataColumns.TraceStartTime}' is missing or empty"),
            SamplingRateHz = samplingRateHz,
            DistanceKm = Number(MetadataColumns.PathEpDistanceKm),
            BackAzimuthDeg = Number(MetadataColumns.PathBackAzimuthDeg),
            Magnitude = Number(MetadataColumns.SourceMagnitude),
            OriginTimeUtc = Time(MetadataColumns.SourceOriginTime),
            SourceLatitudeDeg = Number(MetadataColumns.SourceLatitudeDeg),
            SourceLongitudeDeg = Number(MetadataColumns.SourceLongitudeDeg),
            SourceDepthKm = Number(MetadataColumns.SourceDepthKm),
            EventId = row.GetValueOrDefault(MetadataColumns.SourceId) is { Length: > 0 } id ? id : null,
            PArrivalSample = Sample(MetadataColumns.TracePArrivalSample),
            SArrivalSample = Sample(MetadataColumns.TraceSArrivalSample),
            Columns = row,
        };
    }

    private IH5Dataset OpenTraceDataset(string traceName)
    {
        if (!_data.LinkExists(traceName))
        {
            throw new DatasetException($"{_waveformsPath}: no dataset 'data/{traceName}'");
        }
        return _data.Dataset(traceName);
    }

    private void RequireFloat32(IH5Dataset dataset, string traceName)
    {
        if (dataset.Type.Class != H5DataTypeClass.FloatingPoint || dataset.Type.Size != sizeof(float))
        {
            throw new DatasetException(
                $"{_waveformsPath}: trace '{traceName}' is stored as {dataset.Type.Class} of {dataset.Type.Size} bytes, expected float32");
        }
    }

    private string HashContent()
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[1 << 20];
        foreach (var path in new[] { _metadataPath, _waveformsPath })
        {
            using var stream = File.OpenRead(path);
            int read;
            while ((read = stream.Read(buffer)) > 0)
            {
                hash.AppendData(buffer, 0, read);
            }
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
