namespace Seismic.Datasets.SeisBench;

/// <summary>One row of metadata.csv: a labelled window and where it came from.</summary>
public sealed record DatasetTrace
{
    /// <summary>Name of the trace's dataset in waveforms.hdf5 (group <c>data</c>); no '/' or '$'.</summary>
    public required string TraceName { get; init; }

    /// <summary>"train", "dev" or "test" (<see cref="DatasetSplits"/>).</summary>
    public required string Split { get; init; }

    /// <summary>"earthquake", "explosion", "induced" or "noise" (<see cref="DatasetLabels"/>).</summary>
    public required string Label { get; init; }

    /// <summary>Time of the first sample.</summary>
    public required DateTime StartUtc { get; init; }

    public required double SamplingRateHz { get; init; }

    /// <summary>Epicentral distance from the array's reference point.</summary>
    public double? DistanceKm { get; init; }

    /// <summary>The back-azimuth the beams were steered to, degrees clockwise from north.</summary>
    public double? BackAzimuthDeg { get; init; }

    public double? Magnitude { get; init; }
    public DateTime? OriginTimeUtc { get; init; }
    public double? SourceLatitudeDeg { get; init; }
    public double? SourceLongitudeDeg { get; init; }
    public double? SourceDepthKm { get; init; }

    /// <summary>The catalog's event id (QuakeML publicID); none for noise.</summary>
    public string? EventId { get; init; }

    /// <summary>Sample index of the P arrival in the window; none for noise.</summary>
    public int? PArrivalSample { get; init; }

    /// <summary>Sample index of the S arrival in the window; none for noise.</summary>
    public int? SArrivalSample { get; init; }

    /// <summary>
    /// Every metadata.csv column as text, as read. When writing, columns here that the typed properties
    /// do not cover (<c>source_magnitude_type</c>, <c>station_code</c>...) are written as well.
    /// </summary>
    public IReadOnlyDictionary<string, string> Columns { get; init; } = new Dictionary<string, string>();
}
