using Seismic.Signal.Rotation;
using Seismic.Signal.Tests.Support;
using Xunit.Abstractions;

namespace Seismic.Signal.Tests.Rotation;

public class HorizontalRotationTests(ITestOutputHelper output)
{
    [Fact]
    public void North_east_to_radial_transverse_matches_obspy_rotate_ne_rt()
    {
        var fixture = Fixtures.Load("rotation.json");
        var north = fixture.GetProperty("north").Doubles();
        var east = fixture.GetProperty("east").Doubles();
        foreach (var c in fixture.GetProperty("northEastCases").EnumerateArray())
        {
            var baz = c.GetProperty("backAzimuthDeg").GetDouble();
            var radial = new double[north.Length];
            var transverse = new double[north.Length];

            HorizontalRotation.NorthEastToRadialTransverse(north, east, baz, radial, transverse);

            var error = Math.Max(
                Accuracy.MaxRelativeError(radial, c.GetProperty("radial").Doubles()),
                Accuracy.MaxRelativeError(transverse, c.GetProperty("transverse").Doubles()));
            output.WriteLine($"baz {baz}: max relative error {error:E2}");
            Assert.True(error < Accuracy.ScipyTolerance, $"baz {baz}: error {error:E2}");
        }
    }

    [Fact]
    public void Sensors_off_north_and_east_are_rotated_using_their_actual_azimuths()
    {
        var fixture = Fixtures.Load("rotation.json");
        foreach (var c in fixture.GetProperty("sensorCases").EnumerateArray())
        {
            var (az1, az2, baz) = (c.GetProperty("azimuth1Deg").GetDouble(), c.GetProperty("azimuth2Deg").GetDouble(), c.GetProperty("backAzimuthDeg").GetDouble());
            var h1 = c.GetProperty("horizontal1").Doubles();
            var h2 = c.GetProperty("horizontal2").Doubles();
            var (north, east) = (new double[h1.Length], new double[h1.Length]);
            var (radial, transverse) = (new double[h1.Length], new double[h1.Length]);

            HorizontalRotation.ToNorthEast(h1, az1, h2, az2, north, east);
            HorizontalRotation.ToRadialTransverse(h1, az1, h2, az2, baz, radial, transverse);

            var error = new[]
            {
                Accuracy.MaxRelativeError(north, c.GetProperty("north").Doubles()),
                Accuracy.MaxRelativeError(east, c.GetProperty("east").Doubles()),
                Accuracy.MaxRelativeError(radial, c.GetProperty("radial").Doubles()),
                Accuracy.MaxRelativeError(transverse, c.GetProperty("transverse").Doubles()),
            }.Max();
            output.WriteLine($"sensors at {az1} and {az2} deg, baz {baz}: max relative error {error:E2}");
            Assert.True(error < Accuracy.ScipyTolerance, $"sensors {az1}/{az2}: error {error:E2}");
        }
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(60.0)]
    [InlineData(200.0)]
    public void P_wave_motion_away_from_the_source_is_positive_radial_and_no_transverse(double backAzimuthDeg)
    {
        // Compressional first motion pushes the ground along the direction of travel, baz + 180.
        var travel = (backAzimuthDeg + 180.0) * Math.PI / 180.0;
        double[] north = [Math.Cos(travel)];
        double[] east = [Math.Sin(travel)];
        var (radial, transverse) = (new double[1], new double[1]);

        HorizontalRotation.NorthEastToRadialTransverse(north, east, backAzimuthDeg, radial, transverse);

        Assert.Equal(1.0, radial[0], 12);
        Assert.Equal(0.0, transverse[0], 12);
    }

    [Fact]
    public void Transverse_is_radial_turned_ninety_degrees_clockwise()
    {
        // For a wave from the north (baz 0) the radial points south, so the transverse points west.
        double[] north = [0.0];
        double[] west = [-1.0];
        var (radial, transverse) = (new double[1], new double[1]);

        HorizontalRotation.NorthEastToRadialTransverse(north, west, 0.0, radial, transverse);

        Assert.Equal(0.0, radial[0], 12);
        Assert.Equal(1.0, transverse[0], 12);
    }

    [Fact]
    public void Nearly_parallel_sensors_are_rejected_with_their_azimuths()
    {
        double[] x = [1.0];
        var error = Assert.Throws<ArgumentException>(() => HorizontalRotation.ToNorthEast(x, 10.0, x, 12.0, new double[1], new double[1]));
        Assert.Contains("parallel", error.Message);
    }
}
