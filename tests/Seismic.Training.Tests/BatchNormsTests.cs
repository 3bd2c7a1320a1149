using Seismic.Training.Models;
using static TorchSharp.torch;

namespace Seismic.Training.Tests;

/// <summary>Seismic's batch-norm pass is TorchSharp's BatchNorm1d.forward, output and running statistics alike.</summary>
[Collection(TorchCollection.Name)]
public sealed class BatchNormsTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Should_give_what_BatchNorm1d_forward_gives_and_update_the_same_statistics(bool training)
    {
        manual_seed(3);
        var input = randn(5, 4, 17) * 3 + 1;
        using var theirs = nn.BatchNorm1d(4, eps: 1e-3, momentum: 0.01);
        using var ours = nn.BatchNorm1d(4, eps: 1e-3, momentum: 0.01);
        using (no_grad())
        {
            foreach (var norm in new[] { theirs, ours })
            {
                norm.weight!.copy_(tensor(new[] { 0.5f, 1f, 2f, -1f }));
                norm.bias!.copy_(tensor(new[] { 0.1f, 0f, -0.2f, 0.3f }));
                norm.running_mean!.copy_(tensor(new[] { 0.2f, -0.1f, 1f, 0f }));
                norm.running_var!.copy_(tensor(new[] { 1.5f, 0.7f, 2f, 1f }));
            }
        }
        theirs.train(training);
        ours.train(training);

        for (var pass = 0; pass < 3; pass++)
        {
            var expected = theirs.forward(input);
            var actual = ours.Normalize(input);
            Assert.True(allclose(expected, actual, rtol: 0, atol: 1e-6), $"pass {pass}: outputs differ by {(expected - actual).abs().max().item<float>()}");
        }
        Assert.True(allclose(theirs.running_mean!, ours.running_mean!, rtol: 0, atol: 1e-7));
        Assert.True(allclose(theirs.running_var!, ours.running_var!, rtol: 0, atol: 1e-7));
        Assert.Equal(theirs.num_batches_tracked!.item<long>(), ours.num_batches_tracked!.item<long>());
        Assert.Equal(training ? 3L : 0L, ours.num_batches_tracked!.item<long>());
        if (!training)
            Assert.Equal(new[] { 0.2f, -0.1f, 1f, 0f }, ours.running_mean!.data<float>().ToArray());
    }
}
