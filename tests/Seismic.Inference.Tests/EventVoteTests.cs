using Seismic.Inference.Voting;

namespace Seismic.Inference.Tests;

public sealed class EventVoteTests
{
    private static readonly DecisionThresholds Half = new(0.5, 0.5);

    [Theory]
    [InlineData(0.4, 0.9, EventLabel.Noise)]
    [InlineData(0.5, 0.9, EventLabel.Noise)]
    [InlineData(0.6, 0.9, EventLabel.Explosion)]
    [InlineData(0.6, 0.5, EventLabel.Earthquake)]
    public void Should_label_a_window_from_both_heads(double detector, double classifier, EventLabel expected)
    {
        Assert.Equal(expected, Half.Label(new WindowProbabilities(detector, classifier)));
    }

    [Fact]
    public void Should_take_the_majority_and_report_mean_probabilities()
    {
        var decision = EventVote.Decide(
            [new(0.9, 0.8), new(0.8, 0.7), new(0.2, 0.7), new(0.9, 0.1)],
            Half);

        Assert.Equal(EventLabel.Explosion, decision.Label);
        Assert.Equal(0.7, decision.MeanDetectorProbability, 12);
        Assert.Equal(0.575, decision.MeanClassifierProbability, 12);
        Assert.Equal(2, decision.Votes[EventLabel.Explosion]);
        Assert.Equal(1, decision.Votes[EventLabel.Earthquake]);
        Assert.Equal(1, decision.Votes[EventLabel.Noise]);
    }

    [Fact]
    public void Should_break_a_tie_by_the_mean_probabilities_not_the_alphabet()
    {
        // One earthquake and one explosion window; the mean classifier probability (0.55) says explosion,
        // where the seed's alphabetical tie-break would have said earthquake.
        var decision = EventVote.Decide([new(0.9, 0.2), new(0.9, 0.9)], Half);

        Assert.Equal(EventLabel.Explosion, decision.Label);
    }

    [Fact]
    public void Should_break_a_tie_in_label_order_when_the_means_point_elsewhere()
    {
        // Noise and earthquake tie 2-2; the means (detector 0.55, classifier 0.7) say explosion, which is not tied.
        var decision = EventVote.Decide([new(0.2, 0.95), new(0.2, 0.95), new(0.9, 0.45), new(0.9, 0.45)], Half);

        Assert.Equal(2, decision.Votes[EventLabel.Noise]);
        Assert.Equal(2, decision.Votes[EventLabel.Earthquake]);
        Assert.Equal(EventLabel.Noise, decision.Label);
    }

    [Fact]
    public void Should_refuse_an_event_without_windows()
    {
        Assert.Throws<ArgumentException>(() => EventVote.Decide([], Half));
    }
}
