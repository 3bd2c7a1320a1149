namespace Seismic.Signal.Hygiene;

/// <summary>
/// One channel's samples in memory. Missing samples (gaps, masked values) are NaN.
/// </summary>
/// <param name="ChannelId">SEED id, e.g. "NO.ARA0..BHZ".</param>
/// <param name="StartUtc">Time of the first sample.</param>
/// <param name="SampleRateHz">Samples per second.</param>
/// <param name="Samples">The samples; NaN where missing.</param>
public sealed record SignalTrace(string ChannelId, DateTime StartUtc, double SampleRateHz, double[] Samples)
{
    public double DurationSeconds => Samples.Length / SampleRateHz;

    /// <summary>Time just after the last sample (start + n / rate).</summary>
    public DateTime EndUtc => StartUtc.AddTicks((long)Math.Round(DurationSeconds * TimeSpan.TicksPerSecond));

    public int MissingSampleCount
    {
        get
        {
            var count = 0;
            foreach (var x in Samples)
            {
                if (double.IsNaN(x))
                {
                    count++;
                }
            }

            return count;
        }
    }
}
