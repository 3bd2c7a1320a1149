using Seismic.Evaluation.Scoring;
using Seismic.Inference.Registry;
using Seismic.Inference.Voting;

namespace Seismic.Evaluation.Tests.Scoring;

public sealed class TrueClassTests
{
    [Theory]
    [InlineData("noise", true, EventLabel.Noise)]
    [InlineData("earthquake", false, EventLabel.Earthquake)]
    [InlineData("explosion", true, EventLabel.Explosion)]
    [InlineData("induced", true, EventLabel.Earthquake)]
    [InlineData("induced", false, null)]
    public void Should_map_dataset_labels_to_the_classes_the_model_is_judged_on(string label, bool inducedAsEarthquake, EventLabel? expected)
    {
        Assert.Equal(expected, TrueClass.Of(label, inducedAsEarthquake));
    }

    [Fact]
    public void Should_refuse_a_label_the_dataset_format_does_not_have()
    {
        var error = Assert.Throws<EvaluationException>(() => TrueClass.Of("landslide", true));

        Assert.Contains("landslide", error.Message);
    }

    [Fact]
    public void Should_count_induced_events_as_earthquakes_unless_the_card_says_the_model_left_them_out()
    {
        var card = new ModelCard
        {
            Name = "m", Version = 1, Architecture = "compact", CreatedUtc = DateTime.UtcNow, WindowSamples = 401, SampleRateHz = 40,
            Channels = ["a", "b", "c"], Scaler = new ScalerCard { Type = "minmax", PerChannel = false, Scope = "local" },
            DetectorThreshold = 0.5, ClassifierThreshold = 0.5,
            DetectorLabels = new Dictionary<string, string>(), ClassifierLabels = new Dictionary<string, string>(), OnnxSha256 = "",
        };

        Assert.True(TrueClass.InducedAsEarthquake(card));
        Assert.True(TrueClass.InducedAsEarthquake(card with { Settings = new Dictionary<string, string> { ["data.include_induced"] = "true" } }));
        Assert.False(TrueClass.InducedAsEarthquake(card with { Settings = new Dictionary<string, string> { ["data.include_induced"] = "false" } }));
    }
}
