using Seismic.Signal.Arrays;
using Seismic.Signal.Tests.Support;

namespace Seismic.Signal.Tests.Arrays;

public class PlaneWaveTests
{
    [Fact]
    public void A_wave_from_the_north_reaches_the_northern_site_first()
    {
        ArraySite[] sites = [new("NORTH", 0.0, 1.0), new("SOUTH", 0.0, -1.0), new("EAST", 1.0, 0.0)];

        var delays = PlaneWave.DelaysSeconds(sites, backAzimuthDeg: 0.0, velocityKmPerS: 5.0);

        Assert.Equal(-0.2, delays[0], 12);
        Assert.Equal(0.2, delays[1], 12);
        Assert.Equal(0.0, delays[2], 12);
    }

    [Fact]
    public void Delays_follow_the_arces_source_formula_for_every_site()
    {
        var sites = ArcesGeometry.All;
        const double baz = 123.4;
        const double velocity = 6.45;

        var delays = PlaneWave.DelaysSeconds(sites, baz, velocity);

        var b = baz * Math.PI / 180.0;
        for (var i = 0; i < sites.Count; i++)
        {
            var expected = -(1.0 / velocity) * ((sites[i].EastKm * Math.Sin(b)) + (sites[i].NorthKm * Math.Cos(b)));
            Assert.Equal(expected, delays[i], 12);
        }

        Assert.Equal(26, sites.Count);
        Assert.True(delays.Max() - delays.Min() > 0.3, "ARCES spans about 3 km, i.e. about 0.45 s at 6.45 km/s");
    }

    [Theory]
    [InlineData(0.0, 0.155)]
    [InlineData(37.0, 0.155)]
    [InlineData(181.5, 0.27)]
    [InlineData(359.0, 0.1)]
    public void Slowness_vector_round_trips_to_back_azimuth_and_slowness(double backAzimuthDeg, double slownessSPerKm)
    {
        var (sx, sy) = PlaneWave.SlownessVector(backAzimuthDeg, slownessSPerKm);

        var (baz, s) = PlaneWave.FromSlownessVector(sx, sy);

        Assert.Equal(backAzimuthDeg, baz, 9);
        Assert.Equal(slownessSPerKm, s, 12);
    }
}
