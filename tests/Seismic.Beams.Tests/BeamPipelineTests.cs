using Seismic.Beams;
using Seismic.TestSupport.Beams;

namespace Seismic.Beams.Tests;

public class BeamPipelineTests
{
    private const double BackAzimuthDeg = 40.0;

    private static readonly SyntheticEvent Event = new() { BackAzimuthDeg = BackAzimuthDeg };

    /// <summary>The event's own back-azimuth as a pick, so most tests do not depend on f-k.</summary>
    private static readonly BackAzimuthHint Picked = new([BackAzimuthDeg], null, null);

    private readonly BeamPipeline pipeline = new(RepositoryFiles.Settings());

    [Fact]
    public void Beams_cover_the_segment_without_its_edges_at_40_Hz()
    {
        var beams = pipeline.Form(SyntheticArces.Segment(Event, hint: Picked));

        Assert.Equal(SyntheticArces.StartUtc, beams.StartUtc);
        Assert.Equal(40.0, beams.SampleRateHz);
        Assert.Equal(12_001, beams.SampleCount);
        Assert.All(beams.InPayloadOrder, b => Assert.Equal(12_001, b.Length));
        Assert.All(beams.InPayloadOrder, b => Assert.DoesNotContain(b, double.IsNaN));
        Assert.Equal(["P-beam, vertical", "S-beam, transverse", "S-beam, radial"], BeamSet.Names);
    }

    [Fact]
    public void P_beam_peaks_at_the_P_arrival_and_S_beams_at_the_S_arrival()
    {
        var beams = pipeline.Form(SyntheticArces.Segment(Event, hint: Picked));

        AssertPeakNear(beams.PVertical, Event.PArrivalSeconds);
        AssertPeakNear(beams.STransverse, Event.SArrivalSeconds);
        AssertPeakNear(beams.SRadial, Event.SArrivalSeconds);
    }

    [Fact]
    public void A_coherent_wavelet_keeps_its_amplitude_in_the_beam_while_noise_is_averaged_down()
    {
        var beams = pipeline.Form(SyntheticArces.Segment(Event with { NoiseAmplitude = 0.5 }, hint: Picked));

        // The 4 Hz wavelet passes the 2-8 Hz band-pass almost unchanged; 26 sites divide the noise by about 5.
        Assert.InRange(PeakAbs(beams.PVertical, Event.PArrivalSeconds - 3, Event.PArrivalSeconds + 3), 0.7, 1.3);
        Assert.InRange(Rms(beams.PVertical, 150, 250), 0.0, 0.5 / 3.0);
    }

    [Fact]
    public void Transverse_and_radial_beams_separate_SH_from_SV()
    {
        var beams = pipeline.Form(SyntheticArces.Segment(Event, hint: Picked));

        var transverse = PeakAbs(beams.STransverse, Event.SArrivalSeconds - 3, Event.SArrivalSeconds + 3);
        var radial = PeakAbs(beams.SRadial, Event.SArrivalSeconds - 3, Event.SArrivalSeconds + 3);
        Assert.InRange(transverse / radial, 1.8, 2.2);
    }

    [Fact]
    public void Horizontals_are_rotated_with_their_actual_sensor_azimuths()
    {
        // Sensors turned 25 degrees off north: taking them for N and E would mix SV into the transverse beam.
        var beams = pipeline.Form(SyntheticArces.Segment(Event with { HorizontalAzimuthDeg = 25.0 }, hint: Picked));

        var transverse = PeakAbs(beams.STransverse, Event.SArrivalSeconds - 3, Event.SArrivalSeconds + 3);
        var radial = PeakAbs(beams.SRadial, Event.SArrivalSeconds - 3, Event.SArrivalSeconds + 3);
        Assert.InRange(transverse / radial, 1.8, 2.2);
    }

    [Fact]
    public void Steering_to_the_wrong_back_azimuth_weakens_the_P_beam()
    {
        var right = pipeline.Form(SyntheticArces.Segment(Event, hint: Picked));
        var wrong = pipeline.Form(SyntheticArces.Segment(Event, hint: new BackAzimuthHint([BackAzimuthDeg + 90.0], null, null)));

        var rightPeak = PeakAbs(right.PVertical, Event.PArrivalSeconds - 3, Event.PArrivalSeconds + 3);
        var wrongPeak = PeakAbs(wrong.PVertical, Event.PArrivalSeconds - 3, Event.PArrivalSeconds + 3);
        Assert.True(rightPeak > 2 * wrongPeak, $"right {rightPeak:F3}, wrong {wrongPeak:F3}");
    }

    [Fact]
    public void The_beam_band_pass_removes_low_frequency_energy_that_the_pre_beam_high_pass_lets_through()
    {
        // The seed's live code band-passed the raw stream instead of the beams, so its beams kept what the
        // 1.5 Hz high-pass leaves of 0.5 Hz (1/81 of it). A near-transparent beam filter reproduces that.
        var segment = SyntheticArces.Segment(Event with { LowFrequencyAmplitude = 100.0 }, hint: Picked);
        var withoutBandPass = new BeamPipeline(RepositoryFiles.Settings(new Dictionary<string, string>
        {
            ["filters.beam_filter.type"] = "highpass",
            ["filters.beam_filter.highpass.freq_hz"] = "0.01",
        }));

        var inTraces = Amplitude(segment.Channels[0].Trace.Samples, SyntheticArces.LowFrequencyHz, 0, 12_800);
        var seedLike = AmplitudeInBeam(withoutBandPass.Form(segment).PVertical);
        var bandPassed = AmplitudeInBeam(pipeline.Form(segment).PVertical);

        Assert.InRange(inTraces, 95.0, 105.0);
        Assert.InRange(seedLike, 0.5, 2.0);
        Assert.True(bandPassed < 0.01, $"0.5 Hz amplitude in the band-passed beam: {bandPassed:G3}");
    }

    [Fact]
    public void Picks_steer_the_beams_and_are_reported_as_the_source()
    {
        var beams = pipeline.Form(SyntheticArces.Segment(Event, hint: new BackAzimuthHint([39.0, null, 41.0], null, null)));

        Assert.Equal(SteeringSource.Picks, beams.BackAzimuth.Source);
        Assert.Equal(40.0, beams.BackAzimuth.BackAzimuthDeg, 6);
        Assert.Null(beams.BackAzimuth.FkRelativePower);
    }

    [Fact]
    public void An_origin_steers_the_beams_when_no_pick_has_a_back_azimuth()
    {
        var hint = new BackAzimuthHint([null], OriginLatitudeDeg: 67.6, OriginLongitudeDeg: 33.4);

        var beams = pipeline.Form(SyntheticArces.Segment(Event, hint: hint));

        Assert.Equal(SteeringSource.Origin, beams.BackAzimuth.Source);
        Assert.InRange(beams.BackAzimuth.BackAzimuthDeg, 110.0, 130.0);
    }

    [Fact]
    public void Without_a_hint_fk_chooses_the_back_azimuth_and_reports_power_and_velocity()
    {
        var beams = pipeline.Form(SyntheticArces.Segment(Event));

        Assert.Equal(SteeringSource.FrequencyWavenumber, beams.BackAzimuth.Source);
        Assert.InRange(beams.BackAzimuth.BackAzimuthDeg, BackAzimuthDeg - 3, BackAzimuthDeg + 3);
        Assert.NotNull(beams.BackAzimuth.FkRelativePower);
        Assert.NotNull(beams.BackAzimuth.FkApparentVelocityKmPerS);
        AssertPeakNear(beams.PVertical, Event.PArrivalSeconds);
    }

    [Fact]
    public void Forming_beams_leaves_the_callers_traces_unchanged()
    {
        var segment = SyntheticArces.WithSamples(SyntheticArces.Segment(Event, hint: Picked), "NO.ARB2..BHZ", s => Array.Fill(s, double.NaN, 4_000, 80));
        var before = segment.Channels.Select(c => (double[])c.Trace.Samples.Clone()).ToList();

        pipeline.Form(segment);

        for (var i = 0; i < before.Count; i++)
        {
            Assert.Equal(before[i], segment.Channels[i].Trace.Samples);
        }
    }

    [Fact]
    public void A_complete_segment_uses_every_site_and_has_no_warnings()
    {
        var beams = pipeline.Form(SyntheticArces.Segment(Event, hint: Picked));

        Assert.Equal(26, beams.SitesUsed.Count);
        Assert.Empty(beams.Warnings);
    }

    [Fact]
    public void A_missing_site_is_left_out_with_a_warning()
    {
        var segment = SyntheticArces.Without(SyntheticArces.Segment(Event, hint: Picked), c => c.Site == "ARD3");

        var beams = pipeline.Form(segment);

        Assert.DoesNotContain("ARD3", beams.SitesUsed);
        Assert.Equal(25, beams.SitesUsed.Count);
        Assert.Contains(beams.Warnings, w => w.StartsWith("ARD3:", StringComparison.Ordinal));
        AssertPeakNear(beams.PVertical, Event.PArrivalSeconds);
    }

    [Fact]
    public void A_short_gap_is_filled_with_zeros_and_the_site_still_used()
    {
        var segment = SyntheticArces.WithSamples(SyntheticArces.Segment(Event, hint: Picked), "NO.ARB2..BHZ", s => Array.Fill(s, double.NaN, 4_000, 80));

        var beams = pipeline.Form(segment);

        Assert.Contains("ARB2", beams.SitesUsed);
        Assert.Contains(beams.Warnings, w => w.Contains("NO.ARB2..BHZ", StringComparison.Ordinal) && w.Contains("80 missing samples", StringComparison.Ordinal));
        AssertPeakNear(beams.PVertical, Event.PArrivalSeconds);
    }

    [Fact]
    public void A_NaN_run_longer_than_max_masked_drops_the_channel_but_not_the_site()
    {
        var segment = SyntheticArces.WithSamples(SyntheticArces.Segment(Event, hint: Picked), "NO.ARB3..BHZ", s => Array.Fill(s, double.NaN, 2_000, 240));

        var beams = pipeline.Form(segment);

        Assert.Contains(beams.Warnings, w => w.StartsWith("NO.ARB3..BHZ: dropped", StringComparison.Ordinal));
        Assert.Contains(beams.Warnings, w => w.StartsWith("ARB3: no vertical component", StringComparison.Ordinal));
        Assert.Contains("ARB3", beams.SitesUsed);
        AssertPeakNear(beams.PVertical, Event.PArrivalSeconds);
    }

    [Fact]
    public void A_channel_starting_far_from_the_others_is_dropped()
    {
        var segment = SyntheticArces.Segment(Event, hint: Picked);
        segment = segment with
        {
            Channels = segment.Channels
                .Select(c => c.Trace.ChannelId == "NO.ARC1..BHZ" ? c with { Trace = c.Trace with { StartUtc = c.Trace.StartUtc.AddSeconds(20) } } : c)
                .ToList(),
        };

        var beams = pipeline.Form(segment);

        Assert.Contains(beams.Warnings, w => w.StartsWith("NO.ARC1..BHZ: dropped", StringComparison.Ordinal));
        AssertPeakNear(beams.PVertical, Event.PArrivalSeconds);
    }

    [Fact]
    public void A_site_at_another_sample_rate_is_resampled_and_used()
    {
        var segment = SyntheticArces.Segment(Event, rateOf: site => site == "ARC5" ? 100.0 : 40.0, hint: Picked);

        var beams = pipeline.Form(segment);

        Assert.Contains("ARC5", beams.SitesUsed);
        Assert.Contains(beams.Warnings, w => w.StartsWith("NO.ARC5..BHZ: recorded at 100 Hz, resampled to 40 Hz", StringComparison.Ordinal));
        AssertPeakNear(beams.PVertical, Event.PArrivalSeconds);
        Assert.InRange(PeakAbs(beams.PVertical, Event.PArrivalSeconds - 3, Event.PArrivalSeconds + 3), 0.7, 1.3);
    }

    [Fact]
    public void A_site_missing_a_horizontal_stays_in_the_P_beam_only()
    {
        var segment = SyntheticArces.Without(SyntheticArces.Segment(Event, hint: Picked), c => c.Trace.ChannelId == "NO.ARA1..BHE");

        var beams = pipeline.Form(segment);

        Assert.Contains("ARA1", beams.SitesUsed);
        Assert.Contains(beams.Warnings, w => w.StartsWith("ARA1: only one horizontal component (NO.ARA1..BHN)", StringComparison.Ordinal));
        AssertPeakNear(beams.STransverse, Event.SArrivalSeconds);
    }

    [Fact]
    public void A_channel_of_a_site_outside_the_geometry_is_ignored_with_a_warning()
    {
        var segment = SyntheticArces.Segment(Event, hint: Picked);
        var stranger = segment.Channels[0] with { Site = "XYZ1", Trace = segment.Channels[0].Trace with { ChannelId = "NO.XYZ1..BHZ" } };

        var beams = pipeline.Form(segment with { Channels = [.. segment.Channels, stranger] });

        Assert.DoesNotContain("XYZ1", beams.SitesUsed);
        Assert.Contains(beams.Warnings, w => w.StartsWith("NO.XYZ1..BHZ: site XYZ1 is not in the array geometry", StringComparison.Ordinal));
    }

    [Fact]
    public void Data_ending_before_the_segment_end_gives_zeros_there_and_says_so()
    {
        var segment = SyntheticArces.Segment(Event, hint: Picked);
        segment = segment with
        {
            Channels = segment.Channels.Select(c => c with { Trace = c.Trace with { Samples = c.Trace.Samples[..10_000] } }).ToList(),
        };

        var beams = pipeline.Form(segment);

        Assert.Contains(beams.Warnings, w => w.StartsWith("P beam:", StringComparison.Ordinal) && w.Contains("no site data", StringComparison.Ordinal));
        Assert.Contains(beams.Warnings, w => w.Contains("edge_s", StringComparison.Ordinal));
        Assert.Equal(12_001, beams.SampleCount);
        AssertPeakNear(beams.PVertical, Event.PArrivalSeconds);
    }

    [Fact]
    public void Fewer_than_three_vertical_channels_reject_the_segment_with_the_reason()
    {
        var keep = new HashSet<string> { "ARA0", "ARA1" };
        var segment = SyntheticArces.Without(SyntheticArces.Segment(Event, hint: Picked), c => c.DipDeg == -90.0 && !keep.Contains(c.Site));

        var rejected = Assert.Throws<SegmentRejectedException>(() => pipeline.Form(segment));

        Assert.StartsWith("Only 2 usable vertical channels; a P beam needs at least 3.", rejected.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_segment_without_any_horizontal_pair_is_rejected_with_the_reason()
    {
        var segment = SyntheticArces.Without(SyntheticArces.Segment(Event, hint: Picked), c => c.DipDeg == 0.0);

        var rejected = Assert.Throws<SegmentRejectedException>(() => pipeline.Form(segment));

        Assert.StartsWith("No site has two usable horizontal components", rejected.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_segment_of_all_NaN_is_rejected_not_crashed()
    {
        var segment = SyntheticArces.Segment(Event, hint: Picked);
        segment = segment with
        {
            Channels = segment.Channels.Select(c => c with { Trace = c.Trace with { Samples = Enumerable.Repeat(double.NaN, c.Trace.Samples.Length).ToArray() } }).ToList(),
        };

        var rejected = Assert.Throws<SegmentRejectedException>(() => pipeline.Form(segment));

        Assert.Contains("vertical", rejected.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_segment_of_no_channels_is_rejected_not_crashed()
    {
        var segment = SyntheticArces.Segment(Event, hint: Picked) with { Channels = [] };

        Assert.Throws<SegmentRejectedException>(() => pipeline.Form(segment));
    }

    private static void AssertPeakNear(double[] beam, double expectedSeconds)
    {
        // Skip the first 5 s: the causal band-pass starts from rest at the beam's first sample.
        var peakSeconds = PeakIndex(beam, 5.0, SyntheticArces.SegmentSeconds) / SyntheticArces.RateHz;

        // The causal 2-8 Hz band-pass delays a 4 Hz wavelet by a few tenths of a second.
        Assert.InRange(peakSeconds, expectedSeconds - 0.2, expectedSeconds + 1.0);
    }

    private static int PeakIndex(double[] beam, double fromSeconds, double toSeconds)
    {
        var best = SyntheticArces.BeamIndex(fromSeconds);
        for (var i = best; i < Math.Min(beam.Length, SyntheticArces.BeamIndex(toSeconds)); i++)
        {
            if (Math.Abs(beam[i]) > Math.Abs(beam[best]))
            {
                best = i;
            }
        }

        return best;
    }

    private static double PeakAbs(double[] beam, double fromSeconds, double toSeconds) =>
        Math.Abs(beam[PeakIndex(beam, fromSeconds, toSeconds)]);

    private static double Rms(double[] beam, double fromSeconds, double toSeconds)
    {
        var window = beam[SyntheticArces.BeamIndex(fromSeconds)..SyntheticArces.BeamIndex(toSeconds)];
        return Math.Sqrt(window.Sum(x => x * x) / window.Length);
    }

    /// <summary>0.5 Hz amplitude over 100 whole cycles, from 90 s to 290 s (after the filters have settled).</summary>
    private static double AmplitudeInBeam(double[] beam) =>
        Amplitude(beam, SyntheticArces.LowFrequencyHz, SyntheticArces.BeamIndex(90), SyntheticArces.BeamIndex(290));

    private static double Amplitude(double[] samples, double frequencyHz, int from, int to)
    {
        double re = 0, im = 0;
        for (var i = from; i < to; i++)
        {
            var phase = 2 * Math.PI * frequencyHz * i / SyntheticArces.RateHz;
            re += samples[i] * Math.Cos(phase);
            im += samples[i] * Math.Sin(phase);
        }

        return 2 * Math.Sqrt((re * re) + (im * im)) / (to - from);
    }
}
