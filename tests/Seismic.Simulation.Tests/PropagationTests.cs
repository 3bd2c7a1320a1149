using Seismic.Metadata.Propagation;

namespace Seismic.Simulation.Tests;

public class PropagationTests
{
    [Theory]
    [InlineData(150.0, "Pg")]
    [InlineData(250.0, "Pn")]
    [InlineData(1100.0, "Pn")]
    public void Should_make_Pn_the_first_P_beyond_a_crossover_near_200_km(double distanceKm, string firstPhase)
    {
        var (p, _) = CrustModel.Fennoscandia.FirstArrivals(distanceKm, 5.0);

        Assert.Equal(firstPhase, p.Phase.Name());
    }

    [Fact]
    public void Should_put_the_mines_S_minus_P_time_at_about_30_to_50_seconds()
    {
        // Kiruna at 280 km: Pn at about 43 s, Lg at 80 s: the 35-40 s S-P analysts read off ARCES records.
        var arrivals = CrustModel.Fennoscandia.Arrivals(280.0, 0.5);
        var pn = arrivals.Single(a => a.Phase == RegionalPhase.Pn).TravelTimeS;
        var lg = arrivals.Single(a => a.Phase == RegionalPhase.Lg).TravelTimeS;

        Assert.InRange(pn, 40.0, 46.0);
        Assert.InRange(lg - pn, 30.0, 50.0);
    }

    [Fact]
    public void Should_place_a_point_at_the_distance_and_azimuth_it_was_sent()
    {
        var kiruna = GreatCircle.Destination(ArcesArray.Reference, 235.0, 280.0);

        Assert.Equal(280.0, GreatCircle.DistanceKm(ArcesArray.Reference, kiruna), 6);
        Assert.Equal(235.0, GreatCircle.AzimuthDeg(ArcesArray.Reference, kiruna), 6);
        Assert.InRange(kiruna.LatitudeDeg, 67.7, 68.1);
        Assert.InRange(kiruna.LongitudeDeg, 19.8, 20.6);
    }
}
