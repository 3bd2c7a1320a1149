using Seismic.Signal.Arrays;

namespace Seismic.Beams;

/// <summary>An arrival in a segment: its onset on the array's summed P-band energy, and its direction by f-k.</summary>
/// <param name="OnsetUtc">Where the STA/LTA ratio of the summed energy first rose above the trigger ratio.</param>
/// <param name="BackAzimuthDeg">f-k back-azimuth of the window starting just before the onset, degrees.</param>
/// <param name="ApparentVelocityKmPerS">f-k apparent velocity, km/s.</param>
/// <param name="RelativePower">f-k relative power (semblance), 0-1.</param>
/// <param name="StaLtaRatio">Peak STA/LTA ratio while triggered.</param>
public sealed record Arrival(DateTime OnsetUtc, double BackAzimuthDeg, double ApparentVelocityKmPerS, double RelativePower, double StaLtaRatio);

/// <summary>
/// Finds arrivals as an array analyst's detector does: an STA/LTA trigger on the energy of the band-passed
/// vertical channels summed over the sites (incoherent, so it does not depend on where the beams point),
/// then f-k on the window at each onset for the arrival's own direction. Regional settings: a 1 s STA
/// against a 30 s LTA that ends where the STA starts, trigger at 4, re-arm below 1.5.
/// </summary>
public static class ArrivalFinder
{
    public const double ShortTermSeconds = 1.0;
    public const double LongTermSeconds = 30.0;
    public const double TriggerRatio = 4.0;
    public const double RearmRatio = 1.5;

    /// <summary>The f-k window starts this long before the onset, so the first P cycles are inside it.</summary>
    public const double FkLeadSeconds = 0.5;

    /// <summary>At most this many arrivals per segment (the strongest), which bounds the f-k work: a busy 20 minutes holds a few events with P and S each.</summary>
    public const int MaximumArrivals = 16;

    /// <summary>Arrivals with an onset in [startUtc, endUtc], strongest (highest STA/LTA) first.</summary>
    /// <param name="geometry">The array's sites.</param>
    /// <param name="filtered">Vertical channels band-passed to the P band (<see cref="BackAzimuthChoice.BandLimited(IReadOnlyList{ArrayChannel}, double, double)"/>).</param>
    /// <param name="startUtc">First onset time of interest (the segment's start).</param>
    /// <param name="endUtc">Last onset time of interest (the segment's end).</param>
    /// <param name="lowHz">Lower edge of the band the channels were filtered to, for f-k.</param>
    /// <param name="highHz">Upper edge of that band.</param>
    /// <param name="minimumSites">Fewest sites an f-k window needs.</param>
    public static IReadOnlyList<Arrival> Find(
        IReadOnlyList<ArraySite> geometry, IReadOnlyList<ArrayChannel> filtered, DateTime startUtc, DateTime endUtc,
        double lowHz, double highHz, int minimumSites)
    {
        ArgumentNullException.ThrowIfNull(filtered);
        if (filtered.Count == 0)
        {
            return [];
        }

        var rateHz = filtered[0].Trace.SampleRateHz;
        var energyStartUtc = filtered.Min(c => c.Trace.StartUtc);
        var energy = SummedEnergy(filtered, energyStartUtc, rateHz);
        var arrivals = new List<Arrival>();
        foreach (var (onsetSample, peakRatio) in Triggers(energy, rateHz).OrderByDescending(t => t.PeakRatio))
        {
            var onsetUtc = energyStartUtc.AddTicks((long)Math.Round(onsetSample / rateHz * TimeSpan.TicksPerSecond));
            if (onsetUtc < startUtc || onsetUtc > endUtc)
            {
                continue;
            }

            var fk = BackAzimuthChoice.FkAt(geometry, filtered, onsetUtc.AddSeconds(-FkLeadSeconds), lowHz, highHz, minimumSites);
            if (fk is not null)
            {
                arrivals.Add(new Arrival(onsetUtc, fk.BackAzimuthDeg, fk.ApparentVelocityKmPerS, fk.RelativePower, peakRatio));
            }

            if (arrivals.Count == MaximumArrivals)
            {
                break;
            }
        }

        return arrivals;
    }

    /// <summary>Sum over the sites of the squared samples, on one time base from <paramref name="startUtc"/>; NaN samples add nothing.</summary>
    private static double[] SummedEnergy(IReadOnlyList<ArrayChannel> channels, DateTime startUtc, double rateHz)
    {
        var length = channels.Max(c => (int)Math.Round((c.Trace.StartUtc - startUtc).TotalSeconds * rateHz) + c.Trace.Samples.Length);
        var energy = new double[length];
        foreach (var channel in channels)
        {
            var offset = (int)Math.Round((channel.Trace.StartUtc - startUtc).TotalSeconds * rateHz);
            var samples = channel.Trace.Samples;
            for (var i = 0; i < samples.Length; i++)
            {
                var x = samples[i];
                if (!double.IsNaN(x))
                {
                    energy[offset + i] += x * x;
                }
            }
        }

        return energy;
    }

    /// <summary>
    /// Onsets (sample where STA/LTA first reaches <see cref="TriggerRatio"/>) and the peak ratio of each trigger.
    /// No trigger is declared before a full LTA of data has been seen.
    /// </summary>
    internal static IEnumerable<(int OnsetSample, double PeakRatio)> Triggers(double[] energy, double rateHz)
    {
        var shortLength = Math.Max(1, (int)Math.Round(ShortTermSeconds * rateHz));
        var longLength = Math.Max(1, (int)Math.Round(LongTermSeconds * rateHz));
        var prefix = new double[energy.Length + 1];
        for (var i = 0; i < energy.Length; i++)
        {
            prefix[i + 1] = prefix[i] + energy[i];
        }

        int? onset = null;
        var peak = 0.0;
        for (var end = longLength + shortLength; end <= energy.Length; end++)
        {
            // STA over [end - short, end), LTA over the long window just before it.
            var sta = (prefix[end] - prefix[end - shortLength]) / shortLength;
            var lta = (prefix[end - shortLength] - prefix[end - shortLength - longLength]) / longLength;
            var ratio = lta > 0 ? sta / lta : 0;
            if (onset is null && ratio >= TriggerRatio)
            {
                onset = end - shortLength;
                peak = ratio;
            }
            else if (onset is { } triggered)
            {
                peak = Math.Max(peak, ratio);
                if (ratio < RearmRatio)
                {
                    yield return (triggered, peak);
                    onset = null;
                }
            }
        }

        if (onset is { } open)
        {
            yield return (open, peak);
        }
    }
}
