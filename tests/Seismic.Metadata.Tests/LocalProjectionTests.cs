using Seismic.Metadata.Geometry;

namespace Seismic.Metadata.Tests;

public sealed class LocalProjectionTests
{
    /// <summary>The geometry file has 1 m resolution; the projection must not add more than that.</summary>
    private const double OneMetreKm = 0.001;

    [Fact]
    public void Should_recover_every_arces_offset_from_its_geodesic_position_to_within_a_metre()
    {
        Assert.Equal(26, ArcesGeometry.Sites.Count);
        foreach (var (site, offset) in ArcesGeometry.Sites)
        {
            var projected = LocalProjection.ToOffset(ArcesGeometry.Reference, ArcesGeometry.Locate(offset));

            Assert.True(Math.Abs(projected.EastKm - offset.EastKm) < OneMetreKm, $"{site} east {projected.EastKm} vs {offset.EastKm}");
            Assert.True(Math.Abs(projected.NorthKm - offset.NorthKm) < OneMetreKm, $"{site} north {projected.NorthKm} vs {offset.NorthKm}");
        }
    }

    [Fact]
    public void Should_invert_its_own_offsets_exactly()
    {
        foreach (var (_, offset) in ArcesGeometry.Sites)
        {
            var back = LocalProjection.ToOffset(ArcesGeometry.Reference, LocalProjection.ToGeographic(ArcesGeometry.Reference, offset));

            Assert.Equal(offset.EastKm, back.EastKm, 1e-9);
            Assert.Equal(offset.NorthKm, back.NorthKm, 1e-9);
        }
    }

    [Fact]
    public void Should_give_the_wgs84_length_of_a_degree_at_the_equator()
    {
        var origin = new GeoPoint(0, 0);

        Assert.Equal(110.574, LocalProjection.ToOffset(origin, new GeoPoint(1, 0)).NorthKm, 0.001);
        Assert.Equal(111.319, LocalProjection.ToOffset(origin, new GeoPoint(0, 1)).EastKm, 0.001);
    }

    [Fact]
    public void Should_put_a_point_west_of_the_reference_at_negative_east()
    {
        var offset = LocalProjection.ToOffset(ArcesGeometry.Reference, new GeoPoint(69.53, 25.50));

        Assert.InRange(offset.EastKm, -0.40, -0.38);
        Assert.Equal(0.0, offset.NorthKm);
    }

    [Fact]
    public void Should_measure_across_the_antimeridian_the_short_way()
    {
        var offset = LocalProjection.ToOffset(new GeoPoint(-16.5, 179.99), new GeoPoint(-16.5, -179.99));

        Assert.InRange(offset.EastKm, 2.1, 2.2);
    }
}
