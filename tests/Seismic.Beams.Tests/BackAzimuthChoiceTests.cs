using Seismic.Beams;
using Seismic.TestSupport.Beams;
using Seismic.Signal.Arrays;

namespace Seismic.Beams.Tests;

public class BackAzimuthChoiceTests
{
    private const double ArcesLatitudeDeg = 69.53;
    private const double ArcesLongitudeDeg = 25.51;

    [Fact]
    public void Circular_mean_of_359_and_1_degrees_is_north_not_south()
    {
        var mean = BackAzimuthChoice.CircularMeanDeg([359.0, 1.0]);

        Assert.NotNull(mean);
        Assert.True(AngularDistanceDeg(mean.Value, 0.0) < 1e-9, $"mean was {mean}");
    }

    [Fact]
    public void Circular_mean_across_north_lies_between_the_picks()
    {
        // Arithmetic mean would say 126.7; the directions cluster around 6.7 degrees.
        var mean = BackAzimuthChoice.CircularMeanDeg([350.0, 10.0, 20.0]);

        Assert.NotNull(mean);
        Assert.InRange(mean.Value, 6.0, 7.5);
    }

    [Fact]
    public void Circular_mean_is_in_0_to_360_for_western_directions()
    {
        var mean = BackAzimuthChoice.CircularMeanDeg([260.0, 280.0]);

        Assert.NotNull(mean);
        Assert.Equal(270.0, mean.Value, 9);
    }

    [Fact]
    public void Picks_without_a_back_azimuth_are_ignored()
    {
        var mean = BackAzimuthChoice.CircularMeanDeg([null, 100.0, null, double.NaN]);

        Assert.Equal(100.0, mean!.Value, 9);
    }

    [Fact]
    public void Picks_that_cancel_out_give_no_direction()
    {
        Assert.Null(BackAzimuthChoice.CircularMeanDeg([0.0, 180.0]));
        Assert.Null(BackAzimuthChoice.CircularMeanDeg([null, null]));
        Assert.Null(BackAzimuthChoice.CircularMeanDeg([]));
    }

    [Fact]
    public void Hint_picks_win_over_the_origin()
    {
        var hint = new BackAzimuthHint([120.0, 124.0], OriginLatitudeDeg: 80.0, OriginLongitudeDeg: ArcesLongitudeDeg);

        var chosen = BackAzimuthChoice.FromHint(hint, ArcesLatitudeDeg, ArcesLongitudeDeg);

        Assert.Equal(SteeringSource.Picks, chosen!.Source);
        Assert.Equal(122.0, chosen.BackAzimuthDeg, 6);
        Assert.Null(chosen.FkRelativePower);
    }

    [Fact]
    public void Hint_without_pick_back_azimuths_falls_back_to_the_origin()
    {
        var hint = new BackAzimuthHint([null], OriginLatitudeDeg: 80.0, OriginLongitudeDeg: ArcesLongitudeDeg);

        var chosen = BackAzimuthChoice.FromHint(hint, ArcesLatitudeDeg, ArcesLongitudeDeg);

        Assert.Equal(SteeringSource.Origin, chosen!.Source);
        Assert.True(AngularDistanceDeg(chosen.BackAzimuthDeg, 0.0) < 1e-6);
    }

    [Fact]
    public void No_hint_or_an_empty_hint_gives_no_back_azimuth()
    {
        Assert.Null(BackAzimuthChoice.FromHint(null, ArcesLatitudeDeg, ArcesLongitudeDeg));
        Assert.Null(BackAzimuthChoice.FromHint(new BackAzimuthHint([null], null, null), ArcesLatitudeDeg, ArcesLongitudeDeg));
    }

    [Theory]
    [InlineData(40.0)]
    [InlineData(175.0)]
    [InlineData(301.0)]
    [InlineData(358.0)]
    public void Fk_on_the_vertical_channels_finds_the_back_azimuth_within_a_few_degrees(double backAzimuthDeg)
    {
        var segment = SyntheticArces.Segment(new SyntheticEvent { BackAzimuthDeg = backAzimuthDeg, PVelocityKmPerS = 6.45 });
        var verticals = segment.Channels
            .Where(c => c.DipDeg == -90.0)
            .Select(c => new ArrayChannel(c.Site, c.Trace))
            .ToList();

        var estimate = BackAzimuthChoice.FromFrequencyWavenumber(
            segment.Sites, verticals, segment.StartUtc, segment.EndUtc, lowHz: 2.0, highHz: 8.0, minimumSites: 3);

        Assert.Equal(SteeringSource.FrequencyWavenumber, estimate.Source);
        Assert.True(AngularDistanceDeg(estimate.BackAzimuthDeg, backAzimuthDeg) < 3.0, $"f-k said {estimate.BackAzimuthDeg:F1}, truth {backAzimuthDeg}");
        Assert.InRange(estimate.FkApparentVelocityKmPerS!.Value, 5.5, 7.5);
        Assert.InRange(estimate.FkRelativePower!.Value, 0.5, 1.0);
    }

    [Fact]
    public void Fk_on_noise_alone_reports_a_low_relative_power()
    {
        var segment = SyntheticArces.Segment(new SyntheticEvent { PAmplitude = 0, TransverseAmplitude = 0, RadialAmplitude = 0, NoiseAmplitude = 1 });
        var verticals = segment.Channels.Where(c => c.DipDeg == -90.0).Select(c => new ArrayChannel(c.Site, c.Trace)).ToList();

        var estimate = BackAzimuthChoice.FromFrequencyWavenumber(segment.Sites, verticals, segment.StartUtc, segment.EndUtc, 2.0, 8.0, 3);

        Assert.InRange(estimate.FkRelativePower!.Value, 0.0, 0.3);
    }

    private static double AngularDistanceDeg(double a, double b)
    {
        var d = Math.Abs(a - b) % 360.0;
        return Math.Min(d, 360.0 - d);
    }
}
