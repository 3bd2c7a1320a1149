using Seismic.Beams;
using Seismic.Configuration;
using Seismic.Sources;
using Seismic.Waveforms.Selection;

namespace Seismic.Evaluation.Detection;

/// <summary>
/// How clearly a truth event's P stands out on the P beam steered to it: the RMS of the beam (band-passed as the
/// model sees it) over the 5 s after P against the RMS over the 30 s ending 5 s before it. An analyst "sees" a P
/// of SNR 3 at a glance; below 1.5 it is lost in the noise. This is what "clearly visible" means in the scores.
/// </summary>
public sealed class PBeamSnr(SeismicSettings settings, ArrayInventory inventory, IWaveformSource source)
{
    public const double SignalSeconds = 5;
    public const double NoiseSeconds = 30;
    public const double GapBeforePSeconds = 5;

    /// <summary>SNR at or above this is a clear P.</summary>
    public const double Clear = 3.0;

    /// <summary>SNR below this is a P no one would pick.</summary>
    public const double Invisible = 1.5;

    private readonly BeamPipeline _pipeline = new(settings);

    public static string Visibility(double? snr) => snr switch
    {
        null => "unknown",
        >= Clear => "clear",
        >= Invisible => "weak",
        _ => "invisible",
    };

    /// <summary>The event's P-beam SNR, or null when the beam cannot be formed there (no data, a gap).</summary>
    public async Task<double?> Measure(TruthEvent truth, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(truth);
        var startUtc = truth.PUtc.AddSeconds(-(NoiseSeconds + GapBeforePSeconds + 10));
        var endUtc = truth.PUtc.AddSeconds(SignalSeconds + 5);
        var edgeS = settings.Window.EdgeS;
        var selection = new ChannelSelection(settings.Array.Network, settings.Array.StationPattern, "*", settings.Array.ChannelPatternAt(startUtc));
        var read = await source.ReadAsync([selection], startUtc.AddSeconds(-edgeS), endUtc.AddSeconds(edgeS), cancellationToken);
        if (read.IsEmpty || truth.BackAzimuthDeg is not { } backAzimuthDeg)
            return null;
        BeamSet beams;
        try
        {
            var segment = ArraySegmentBuilder.Build(read.MiniSeed, inventory, startUtc, endUtc, edgeS, new BackAzimuthHint([backAzimuthDeg], null, null), []);
            beams = _pipeline.Form(segment);
        }
        catch (SegmentRejectedException)
        {
            return null;
        }

        double Rms(double fromS, double seconds)
        {
            var first = (int)Math.Round((truth.PUtc.AddSeconds(fromS) - beams.StartUtc).TotalSeconds * beams.SampleRateHz);
            var count = (int)Math.Round(seconds * beams.SampleRateHz);
            var samples = beams.PVertical.AsSpan(Math.Max(0, first), Math.Min(count, beams.PVertical.Length - Math.Max(0, first)));
            var sum = 0.0;
            foreach (var x in samples)
                sum += x * x;
            return Math.Sqrt(sum / Math.Max(1, samples.Length));
        }

        var noise = Rms(-(NoiseSeconds + GapBeforePSeconds), NoiseSeconds);
        return noise > 0 ? Rms(0, SignalSeconds) / noise : null;
    }
}
