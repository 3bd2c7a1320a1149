using Seismic.Evaluation.Metrics;
using Seismic.Inference.Voting;

namespace Seismic.Evaluation.Tests.Metrics;

public sealed class ConfusionMatrixTests
{
    [Fact]
    public void Should_count_and_normalise_by_true_label()
    {
        var matrix = new ConfusionMatrix();
        matrix.Add(EventLabel.Explosion, EventLabel.Explosion);
        matrix.Add(EventLabel.Explosion, EventLabel.Explosion);
        matrix.Add(EventLabel.Explosion, EventLabel.Earthquake);
        matrix.Add(EventLabel.Noise, EventLabel.Noise);

        Assert.Equal(4, matrix.Total);
        Assert.Equal(2, matrix[EventLabel.Explosion, EventLabel.Explosion]);
        Assert.Equal(2.0 / 3, matrix.Normalized(EventLabel.Explosion, EventLabel.Explosion), 12);
        Assert.Equal(0, matrix.Normalized(EventLabel.Earthquake, EventLabel.Earthquake));
        Assert.Equal(3, matrix.RowTotal(EventLabel.Explosion));
        Assert.Equal(0, matrix.RowTotal(EventLabel.Earthquake));
        Assert.Equal(0.75, matrix.Accuracy, 12);
        Assert.Contains("Explosion", matrix.ToString());
    }
}
