namespace Seismic.Datasets.Building;

/// <summary>What <see cref="DatasetBuilder"/> reads and writes, as given on the command line.</summary>
public sealed record DatasetBuildOptions
{
    /// <summary>QuakeML catalog of labelled events (event type, origin, ARCES picks).</summary>
    public required string CatalogPath { get; init; }

    /// <summary>StationXML of the array (site positions, sensor orientations).</summary>
    public required string InventoryPath { get; init; }

    /// <summary>Waveform source URI (<c>sds:///path</c>, <c>file:///path/*.mseed</c>, <c>fdsnws://host</c>) or a folder path (the root of an SDS archive).</summary>
    public required string Source { get; init; }

    /// <summary>Folder that receives metadata.csv, waveforms.hdf5 and build-report.txt.</summary>
    public required string OutputDirectory { get; init; }

    /// <summary>First day of the dev split (days before it train); with <see cref="DevUntil"/>, or neither.</summary>
    public DateOnly? TrainUntil { get; init; }

    /// <summary>First day of the test split.</summary>
    public DateOnly? DevUntil { get; init; }

    /// <summary>Noise windows drawn per event window written.</summary>
    public int NoisePerEvent { get; init; } = 1;

    /// <summary>Seed of the noise draws (times and back-azimuths); the same inputs and seed give the same dataset.</summary>
    public required int Seed { get; init; }
}
