using Seismic.Configuration;
using Seismic.Training.Data;

namespace Seismic.Training.Tests;

public sealed class AugmenterTests
{
    private const int Samples = 100;
    private const int Channels = 3;

    private static AugmentSettings Only(string which, double probability = 1) => new()
    {
        AddNoise = new NoiseAugmentSettings { Enabled = which == "noise", Probability = probability, StdRatio = 0.1 },
        Taper = new TaperAugmentSettings { Enabled = which == "taper", Probability = probability, Alpha = 0.2 },
        AddGap = new GapAugmentSettings { Enabled = which == "gap", Probability = probability, MaxFraction = 0.1 },
        ZeroChannel = new ZeroChannelAugmentSettings { Enabled = which == "zero", Probability = probability },
    };

    private static float[] Ones(int windows) => Enumerable.Repeat(1f, windows * Samples * Channels).ToArray();

    [Fact]
    public void Should_pick_round_probability_times_batch_distinct_windows()
    {
        var picked = Augmenter.Pick(count: 128, probability: 0.2, new Random(1));

        Assert.Equal(26, picked.Length);
        Assert.Equal(26, picked.Distinct().Count());
    }

    [Fact]
    public void Should_zero_exactly_one_channel_of_each_chosen_window()
    {
        var batch = Ones(10);

        new Augmenter(Only("zero", 0.5), Samples, Channels).Apply(batch, 10, new Random(7));

        var zeroedChannels = Enumerable.Range(0, 10)
            .Select(w => Enumerable.Range(0, Channels).Count(c => batch[w * Samples * Channels + c] == 0))
            .ToList();
        Assert.Equal(5, zeroedChannels.Count(n => n == 1));
        Assert.Equal(5, zeroedChannels.Count(n => n == 0));
        Assert.Equal(5 * Samples, batch.Count(x => x == 0));
    }

    [Fact]
    public void Should_taper_both_ends_and_leave_the_middle()
    {
        var batch = Ones(1);

        new Augmenter(Only("taper"), Samples, Channels).Apply(batch, 1, new Random(7));

        Assert.Equal(0f, batch[0]);
        Assert.Equal(0f, batch[(Samples - 1) * Channels]);
        Assert.Equal(1f, batch[Samples / 2 * Channels]);
    }

    [Fact]
    public void Should_cut_a_gap_no_longer_than_max_fraction_inside_the_window()
    {
        var batch = Ones(20);

        new Augmenter(Only("gap"), Samples, Channels).Apply(batch, 20, new Random(3));

        for (var w = 0; w < 20; w++)
        {
            var zeros = batch.Skip(w * Samples * Channels).Take(Samples * Channels).Count(x => x == 0);
            Assert.InRange(zeros, 1 * Channels, 10 * Channels);
        }
    }

    [Fact]
    public void Should_add_noise_with_a_tenth_of_the_window_standard_deviation()
    {
        // A ±1 square wave has standard deviation 1, so the noise should have a standard deviation near 0.1.
        var batch = Enumerable.Range(0, 100 * Samples * Channels).Select(i => i / Channels % 2 == 0 ? 1f : -1f).ToArray();
        var clean = batch.ToArray();

        new Augmenter(Only("noise"), Samples, Channels).Apply(batch, 100, new Random(5));

        var differences = batch.Zip(clean, (a, b) => (double)(a - b)).ToArray();
        var std = Math.Sqrt(differences.Select(d => d * d).Average());
        Assert.InRange(std, 0.095, 0.105);
    }

    [Fact]
    public void Should_give_the_same_batch_for_the_same_generator()
    {
        var first = Ones(8);
        var second = Ones(8);
        var settings = Only("noise");

        new Augmenter(settings, Samples, Channels).Apply(first, 8, new Random(11));
        new Augmenter(settings, Samples, Channels).Apply(second, 8, new Random(11));

        Assert.Equal(first, second);
    }
}
