using Seismic.Datasets.SeisBench;

namespace Seismic.TestSupport;

/// <summary>
/// Small SeisBench-format datasets a network can learn in seconds: noise; "earthquakes" with a strong wave on
/// the transverse S beam; "explosions" with it on the P beam. Windows at 40 Hz, components ZTR.
/// </summary>
public static class TinyDatasets
{
    /// <summary>Writes <paramref name="perClass"/> windows of each label into each of train, dev and test.</summary>
    public static string Write(string directory, int perClass, int samples, int seed = 1)
    {
        using var writer = new SeisBenchWriter(directory, new WaveformDataFormat("ZTR", 40, samples));
        var random = new Random(seed);
        var start = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var index = 0;
        foreach (var split in DatasetSplits.All)
        {
            foreach (var label in new[] { DatasetLabels.Noise, DatasetLabels.Earthquake, DatasetLabels.Explosion })
            {
                for (var n = 0; n < perClass; n++, index++)
                {
                    var values = new float[3 * samples];
                    var channel = label == DatasetLabels.Explosion ? 0 : 1;
                    for (var c = 0; c < 3; c++)
                    {
                        for (var t = 0; t < samples; t++)
                        {
                            var wave = label != DatasetLabels.Noise && c == channel && t > samples / 3 && t < 2 * samples / 3 ? 6 * MathF.Sin(t * 0.6f) : 0;
                            values[c * samples + t] = (float)(random.NextDouble() * 2 - 1) + wave;
                        }
                    }
                    writer.Add(new DatasetTrace
                    {
                        TraceName = $"trace_{index:D5}",
                        Split = split,
                        Label = label,
                        StartUtc = start.AddMinutes(index),
                        SamplingRateHz = 40,
                    }, values);
                }
            }
        }
        writer.Commit();
        return directory;
    }
}
