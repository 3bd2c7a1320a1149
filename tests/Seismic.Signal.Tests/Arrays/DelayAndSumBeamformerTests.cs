using Seismic.Signal.Arrays;
using Seismic.Signal.Hygiene;
using Seismic.Signal.Tests.Support;
using Xunit.Abstractions;

namespace Seismic.Signal.Tests.Arrays;

public class DelayAndSumBeamformerTests(ITestOutputHelper output)
{
    private const double Rate = 40.0;
    private const double Duration = 30.0;
    private const double ArrivalSeconds = 12.013; // between samples, so alignment errors cannot hide behind symmetry
    private const double PeakHz = 4.0;

    private static double Wavelet(double t) => SyntheticArray.Ricker(t, ArrivalSeconds, PeakHz);

    [Theory]
    [InlineData(37.0, 6.45)]
    [InlineData(250.0, 3.70)]
    [InlineData(123.4, 8.0)]
    public void Beam_of_a_plane_wave_lines_up_with_the_wavelet_to_a_small_fraction_of_a_sample(double baz, double velocity)
    {
        var channels = SyntheticArray.PlaneWave(ArcesGeometry.All, baz, velocity, Rate, Duration, Wavelet);

        var beam = new DelayAndSumBeamformer(ArcesGeometry.All).Form(channels, baz, velocity);

        // The same peak estimator on the wavelet sampled at the reference cancels the estimator's own bias.
        var (peakIndex, peakValue) = ParabolicPeak(beam.Samples);
        var (referenceIndex, _) = ParabolicPeak(Enumerable.Range(0, beam.Samples.Length).Select(k => Wavelet(k / Rate)).ToArray());
        var lagSamples = peakIndex - referenceIndex;
        var misfit = Enumerable.Range(0, beam.Samples.Length)
            .Where(k => beam.SiteCounts[k] == 26)
            .Max(k => Math.Abs(beam.Samples[k] - Wavelet(k / Rate)));
        output.WriteLine($"baz {baz} v {velocity}: peak lag {lagSamples:F4} samples, peak {peakValue:F4}, max misfit {misfit:E2} of a unit wavelet");
        Assert.True(Math.Abs(lagSamples) < 0.05, $"lag {lagSamples} samples");
        Assert.True(misfit < 0.005, $"misfit {misfit}");
        Assert.Equal(26, beam.Sites.Count);
        Assert.DoesNotContain(beam.Issues, i => i.Kind != ArrayIssueKind.MissingSite);
    }

    [Fact]
    public void Beam_steered_the_wrong_way_loses_the_wavelet()
    {
        var channels = SyntheticArray.PlaneWave(ArcesGeometry.All, 37.0, 3.7, Rate, Duration, Wavelet);

        var beam = new DelayAndSumBeamformer(ArcesGeometry.All).Form(channels, 217.0, 3.7);

        var peak = beam.Samples.Where(v => !double.IsNaN(v)).Max();
        output.WriteLine($"mis-steered beam peak {peak:F3} (aligned: 1)");
        Assert.True(peak < 0.6, $"peak {peak}");
    }

    [Fact]
    public void Snr_gain_with_independent_noise_is_close_to_root_n()
    {
        var sites = ArcesGeometry.All;
        const double baz = 37.0;
        const double velocity = 6.45;
        var signal = SyntheticArray.PlaneWave(sites, baz, velocity, Rate, 120.0, t => SyntheticArray.Ricker(t, 60.0, PeakHz));
        var noise = SyntheticArray.Noise(sites, Rate, 120.0, seed: 7);
        var beamformer = new DelayAndSumBeamformer(sites);

        // Beamforming is linear, so the beams of the signal and of the noise are the parts of the beam of the sum.
        var signalBeam = beamformer.Form(signal, baz, velocity).Samples;
        var noiseBeam = beamformer.Form(noise, baz, velocity).Samples;
        var sumBeam = beamformer.Form(SyntheticArray.Add(signal, noise), baz, velocity).Samples;

        var inner = new Range(40, (int)(118 * Rate));
        var beamSnr = Peak(signalBeam) / SyntheticArray.Rms(noiseBeam.AsSpan()[inner]);
        var siteSnr = signal.Zip(noise, (s, n) => Peak(s.Trace.Samples) / SyntheticArray.Rms(n.Trace.Samples.AsSpan()[inner])).Average();
        var gain = beamSnr / siteSnr;
        var linearity = Enumerable.Range(inner.Start.Value, inner.End.Value - inner.Start.Value).Max(k => Math.Abs(sumBeam[k] - signalBeam[k] - noiseBeam[k]));
        output.WriteLine($"SNR gain {gain:F3}, sqrt(26) = {Math.Sqrt(26):F3}, ratio {gain / Math.Sqrt(26):F3}; linearity residual {linearity:E1}");
        Assert.InRange(gain / Math.Sqrt(sites.Count), 0.85, 1.15);
        Assert.True(linearity < 1e-9);
    }

    [Fact]
    public void Missing_sites_are_reported_and_the_beam_uses_the_rest()
    {
        var channels = SyntheticArray.PlaneWave(ArcesGeometry.All, 37.0, 6.45, Rate, Duration, Wavelet)
            .Where(c => c.Site is not ("ARD3" or "ARC5" or "ARA2"))
            .ToList();

        var beam = new DelayAndSumBeamformer(ArcesGeometry.All).Form(channels, 37.0, 6.45);

        var missing = beam.Issues.Where(i => i.Kind == ArrayIssueKind.MissingSite).Select(i => i.Site).Order().ToArray();
        Assert.Equal(["ARA2", "ARC5", "ARD3"], missing);
        Assert.Equal(23, beam.SiteCounts.Max());
        AssertWaveletAt(beam, (int)(ArrivalSeconds * Rate));
    }

    [Fact]
    public void A_nan_run_at_one_site_is_left_out_of_the_mean_and_reported()
    {
        var channels = SyntheticArray.PlaneWave(ArcesGeometry.All, 37.0, 6.45, Rate, Duration, Wavelet);
        var gappy = channels.Single(c => c.Site == "ARB2").Trace.Samples;
        Array.Fill(gappy, double.NaN, (int)(11.0 * Rate), (int)(2.0 * Rate)); // 2 s gap across the arrival

        var beam = new DelayAndSumBeamformer(ArcesGeometry.All).Form(channels, 37.0, 6.45);

        var issue = Assert.Single(beam.Issues, i => i.Kind == ArrayIssueKind.MissingSamples);
        Assert.Equal("ARB2", issue.Site);
        Assert.Contains("80 missing samples", issue.Detail);
        var arrival = (int)(ArrivalSeconds * Rate);
        Assert.Equal(25, beam.SiteCounts[arrival]);
        Assert.Equal(26, beam.SiteCounts[(int)(20 * Rate)]);
        AssertWaveletAt(beam, arrival);
        Assert.DoesNotContain(beam.Samples.Skip(40).Take(beam.Samples.Length - 80), double.IsNaN);
    }

    [Fact]
    public void A_gap_at_every_site_at_once_gives_nan_beam_samples_with_zero_sites()
    {
        var channels = SyntheticArray.PlaneWave(ArcesGeometry.All, 37.0, 6.45, Rate, Duration, Wavelet);
        foreach (var c in channels)
        {
            Array.Fill(c.Trace.Samples, double.NaN, (int)(20.0 * Rate), (int)(3.0 * Rate));
        }

        var beam = new DelayAndSumBeamformer(ArcesGeometry.All).Form(channels, 37.0, 6.45);

        var middleOfGap = (int)(21.5 * Rate);
        Assert.True(double.IsNaN(beam.Samples[middleOfGap]));
        Assert.Equal(0, beam.SiteCounts[middleOfGap]);
        Assert.Equal(26, beam.Issues.Count(i => i.Kind == ArrayIssueKind.MissingSamples));
        Assert.False(double.IsNaN(beam.Samples[(int)(ArrivalSeconds * Rate)]));
    }

    [Fact]
    public void A_site_that_starts_late_contributes_only_where_it_has_data()
    {
        var channels = SyntheticArray.PlaneWave(ArcesGeometry.All, 37.0, 6.45, Rate, Duration, Wavelet);
        var index = channels.FindIndex(c => c.Site == "ARD1");
        var late = channels[index].Trace;
        channels[index] = channels[index] with { Trace = late with { StartUtc = late.StartUtc.AddSeconds(15), Samples = late.Samples[(int)(15 * Rate)..] } };

        var beam = new DelayAndSumBeamformer(ArcesGeometry.All).Form(channels, 37.0, 6.45);

        Assert.Equal(SyntheticArray.Start, beam.StartUtc);
        Assert.Equal(25, beam.SiteCounts[(int)(10 * Rate)]);
        Assert.Equal(26, beam.SiteCounts[(int)(20 * Rate)]);
        Assert.True(beam.Sites.Single(s => s.Site == "ARD1").SamplesUsed < beam.Sites.Single(s => s.Site == "ARA1").SamplesUsed);
        AssertWaveletAt(beam, (int)(ArrivalSeconds * Rate));
    }

    [Fact]
    public void A_site_at_another_sample_rate_is_left_out_with_the_reason()
    {
        var channels = SyntheticArray.PlaneWave(ArcesGeometry.All, 37.0, 6.45, Rate, Duration, Wavelet);
        var odd = SyntheticArray.PlaneWave([ArcesGeometry.All.Single(s => s.Name == "ARC3")], 37.0, 6.45, 100.0, Duration, Wavelet)[0];
        channels[channels.FindIndex(c => c.Site == "ARC3")] = odd;

        var beam = new DelayAndSumBeamformer(ArcesGeometry.All).Form(channels, 37.0, 6.45);

        var issue = Assert.Single(beam.Issues, i => i.Kind == ArrayIssueKind.SampleRateMismatch);
        Assert.Equal("ARC3", issue.Site);
        Assert.Contains("100 Hz, not 40 Hz", issue.Detail);
        Assert.Equal(40.0, beam.SampleRateHz);
        Assert.Equal(25, beam.SiteCounts.Max());
    }

    [Fact]
    public void Channels_of_unknown_sites_and_duplicates_are_reported_not_used()
    {
        var channels = SyntheticArray.PlaneWave(ArcesGeometry.All, 37.0, 6.45, Rate, Duration, Wavelet);
        channels.Add(channels[0] with { Trace = channels[0].Trace with { ChannelId = "NO.ARA0.01.BHZ" } });
        channels.Add(new ArrayChannel("SPA0", channels[1].Trace with { ChannelId = "NO.SPA0..BHZ" }));

        var beam = new DelayAndSumBeamformer(ArcesGeometry.All).Form(channels, 37.0, 6.45);

        Assert.Contains(beam.Issues, i => i.Kind == ArrayIssueKind.DuplicateSite && i.Site == "ARA0");
        Assert.Contains(beam.Issues, i => i.Kind == ArrayIssueKind.NotInGeometry && i.Site == "SPA0");
        Assert.Equal(26, beam.SiteCounts.Max());
    }

    [Fact]
    public void No_usable_channel_fails_with_the_reason_for_each_site()
    {
        var channel = new ArrayChannel("XYZ1", new SignalTrace("NO.XYZ1..BHZ", SyntheticArray.Start, Rate, new double[100]));
        var empty = new ArrayChannel("ARA0", new SignalTrace("NO.ARA0..BHZ", SyntheticArray.Start, Rate, []));

        var error = Assert.Throws<ArrayProcessingException>(() => new DelayAndSumBeamformer(ArcesGeometry.All).Form([channel, empty], 37.0, 6.45));

        Assert.Contains("No channel can be beamed", error.Message);
        Assert.Contains("XYZ1: NotInGeometry", error.Message);
        Assert.Contains("ARA0: NoSamples", error.Message);
    }

    [Fact]
    public void Requested_window_trims_the_beam_to_that_start_and_length()
    {
        var channels = SyntheticArray.PlaneWave(ArcesGeometry.All, 37.0, 6.45, Rate, Duration, Wavelet);
        var options = new BeamOptions { StartUtc = SyntheticArray.Start.AddSeconds(10), SampleCount = 200 };

        var beam = new DelayAndSumBeamformer(ArcesGeometry.All).Form(channels, 37.0, 6.45, options);

        Assert.Equal(200, beam.Samples.Length);
        Assert.Equal(SyntheticArray.Start.AddSeconds(10), beam.StartUtc);
        AssertWaveletAt(beam, 80);
    }

    private static void AssertWaveletAt(Beam beam, int k)
    {
        var expected = Wavelet(((beam.StartUtc - SyntheticArray.Start).TotalSeconds) + (k / beam.SampleRateHz));
        Assert.True(Math.Abs(beam.Samples[k] - expected) < 0.01, $"beam sample {k} is {beam.Samples[k]:F4}, the wavelet {expected:F4}");
        Assert.True(expected > 0.8, "the check should sit on the wavelet's peak");
    }

    private static double Peak(double[] x) => x.Where(v => !double.IsNaN(v)).Max(Math.Abs);

    /// <summary>Index of the maximum refined by a parabola through it and its neighbours, and the value there.</summary>
    private static (double Index, double Value) ParabolicPeak(double[] x)
    {
        var k = 1;
        for (var i = 1; i < x.Length - 1; i++)
        {
            if (x[i] > x[k])
            {
                k = i;
            }
        }

        var (a, b, c) = (x[k - 1], x[k], x[k + 1]);
        var shift = 0.5 * (a - c) / (a - (2 * b) + c);
        return (k + shift, b - (0.25 * (a - c) * shift));
    }
}
