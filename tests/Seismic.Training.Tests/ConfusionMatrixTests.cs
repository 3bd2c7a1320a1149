using Seismic.Training.Data;
using Seismic.Training.Evaluation;

namespace Seismic.Training.Tests;

public sealed class ConfusionMatrixTests
{
    [Fact]
    public void Should_count_and_normalise_by_true_label()
    {
        var matrix = new ConfusionMatrix();
        matrix.Add(SampleLabel.Explosion, SampleLabel.Explosion);
        matrix.Add(SampleLabel.Explosion, SampleLabel.Explosion);
        matrix.Add(SampleLabel.Explosion, SampleLabel.Earthquake);
        matrix.Add(SampleLabel.Noise, SampleLabel.Noise);

        Assert.Equal(4, matrix.Total);
        Assert.Equal(2, matrix[SampleLabel.Explosion, SampleLabel.Explosion]);
        Assert.Equal(2.0 / 3, matrix.Normalized(SampleLabel.Explosion, SampleLabel.Explosion), 12);
        Assert.Equal(0, matrix.Normalized(SampleLabel.Earthquake, SampleLabel.Earthquake));
        Assert.Contains("Explosion", matrix.ToString());
    }
}
