using Seismic.Metadata.Geometry;
using Seismic.Metadata.Propagation;

namespace Seismic.Metadata.Tests;

public sealed class GreatCircleTests
{
    [Theory]
    [InlineData(10.0, 0.0, 0.0)]
    [InlineData(0.0, 10.0, 90.0)]
    [InlineData(-10.0, 0.0, 180.0)]
    [InlineData(0.0, -10.0, 270.0)]
    public void Azimuth_points_along_the_compass_on_the_equator(double toLatitudeDeg, double toLongitudeDeg, double expectedDeg)
    {
        var azimuthDeg = GreatCircle.AzimuthDeg(new GeoPoint(0, 0), new GeoPoint(toLatitudeDeg, toLongitudeDeg));

        var differenceDeg = Math.Abs(((azimuthDeg - expectedDeg + 540.0) % 360.0) - 180.0);
        Assert.True(differenceDeg < 1e-9, $"azimuth {azimuthDeg}, expected {expectedDeg}");
    }

    [Fact]
    public void Azimuth_to_a_point_due_east_at_high_latitude_bends_north()
    {
        // 10 degrees of longitude east of ARCES along the parallel: the great circle starts north of east.
        var azimuthDeg = GreatCircle.AzimuthDeg(new GeoPoint(69.535, 25.506), new GeoPoint(69.535, 35.506));

        Assert.InRange(azimuthDeg, 84.0, 86.0);
    }
}
