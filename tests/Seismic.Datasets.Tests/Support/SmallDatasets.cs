using Seismic.Datasets.SeisBench;

namespace Seismic.Datasets.Tests.Support;

/// <summary>Small SeisBench datasets whose samples encode where they are: trace i, channel c, sample t = i*1000 + c*100 + t*0.5.</summary>
public static class SmallDatasets
{
    public static readonly WaveformDataFormat Format = new("ZTR", SamplingRateHz: 40, SamplesPerTrace: 50);

    public static float SampleValue(int trace, int channel, int sample) => trace * 1000 + channel * 100 + sample * 0.5f;

    public static float[] ChannelsFirst(int trace, WaveformDataFormat format)
    {
        var samples = new float[format.Channels * format.SamplesPerTrace];
        for (var c = 0; c < format.Channels; c++)
        {
            for (var t = 0; t < format.SamplesPerTrace; t++)
            {
                samples[c * format.SamplesPerTrace + t] = SampleValue(trace, c, t);
            }
        }
        return samples;
    }

    public static DatasetTrace Event(int index, string split = DatasetSplits.Train, string label = DatasetLabels.Earthquake) => new()
    {
        TraceName = $"event_{index}",
        Split = split,
        Label = label,
        StartUtc = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddMinutes(index * 10).AddMilliseconds(125),
        SamplingRateHz = Format.SamplingRateHz,
        DistanceKm = 123.5 + index,
        BackAzimuthDeg = 271.25,
        Magnitude = 2.3,
        OriginTimeUtc = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddMinutes(index * 10).AddSeconds(-20),
        SourceLatitudeDeg = 69.9,
        SourceLongitudeDeg = 30.1,
        SourceDepthKm = 10,
        EventId = $"smi:test/event/{index}",
        PArrivalSample = 20,
        SArrivalSample = 35,
        Columns = new Dictionary<string, string>
        {
            [MetadataColumns.SourceMagnitudeType] = "ML",
            [MetadataColumns.StationCode] = "ARCES",
        },
    };

    public static DatasetTrace Noise(int index, string split = DatasetSplits.Train) => new()
    {
        TraceName = $"noise_{index}",
        Split = split,
        Label = DatasetLabels.Noise,
        StartUtc = new DateTime(2020, 2, 1, 0, 0, 0, DateTimeKind.Utc).AddMinutes(index * 10),
        SamplingRateHz = Format.SamplingRateHz,
        BackAzimuthDeg = 12.5,
    };

    /// <summary>Writes event_0..event_{events-1} then noise_0..noise_{noise-1} and commits.</summary>
    public static void Write(string folder, int events = 2, int noise = 1)
    {
        using var writer = new SeisBenchWriter(folder, Format);
        for (var i = 0; i < events; i++)
        {
            writer.Add(Event(i), ChannelsFirst(i, Format));
        }
        for (var i = 0; i < noise; i++)
        {
            writer.Add(Noise(i), ChannelsFirst(events + i, Format));
        }
        writer.Commit();
    }
}
