namespace Seismic.Datasets.SeisBench;

/// <summary>
/// SeisBench's on-disk layout of an unchunked dataset: metadata.csv (one row per trace) beside
/// waveforms.hdf5, which holds group <c>data_format</c> (one scalar dataset per key) and group
/// <c>data</c> (one float32 dataset per trace, named by <c>trace_name</c>, shaped as
/// <c>dimension_order</c> says).
/// </summary>
public static class SeisBenchLayout
{
    public const string MetadataFile = "metadata.csv";
    public const string WaveformsFile = "waveforms.hdf5";
    public const string DataGroup = "data";
    public const string DataFormatGroup = "data_format";

    public const string DimensionOrderKey = "dimension_order";
    public const string ComponentOrderKey = "component_order";
    public const string SamplingRateKey = "sampling_rate";
    public const string MeasurementKey = "measurement";
    public const string UnitKey = "unit";
    public const string InstrumentResponseKey = "instrument_response";

    /// <summary>Channels first, then samples: [C, W], SeisBench's default.</summary>
    public const string ChannelsThenSamples = "CW";
}

/// <summary>
/// What every trace of a dataset shares, written to the <c>data_format</c> group.
/// </summary>
/// <param name="ComponentOrder">One letter per channel, e.g. "ZTR" (P-beam vertical, S-beam transverse, S-beam radial).</param>
/// <param name="SamplingRateHz">Common sampling rate.</param>
/// <param name="SamplesPerTrace">Samples of every channel of every trace.</param>
/// <param name="Measurement">What the samples measure ("velocity" for broadband beams).</param>
/// <param name="Unit">Unit of the samples ("counts": the beams are not corrected for the instrument).</param>
/// <param name="InstrumentResponse">"not restituted" when the response was not removed.</param>
public sealed record WaveformDataFormat(
    string ComponentOrder,
    double SamplingRateHz,
    int SamplesPerTrace,
    string Measurement = "velocity",
    string Unit = "counts",
    string InstrumentResponse = "not restituted")
{
    public int Channels => ComponentOrder.Length;
}
