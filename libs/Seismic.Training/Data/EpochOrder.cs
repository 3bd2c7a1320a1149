namespace Seismic.Training.Data;

/// <summary>
/// The order samples are visited in one epoch. Earthquakes, the rarer class, are visited
/// <c>earthquakeCopies</c> times (4 in the seed); the whole list is then shuffled, so the copies are spread
/// over the batches. The seed appended the copies after shuffling and shuffled whole batches, which left
/// them clumped in batches of nothing but earthquakes.
/// </summary>
public static class EpochOrder
{
    public static int[] For(IReadOnlyList<SampleLabel> labels, int earthquakeCopies, int seed, int epoch)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(earthquakeCopies, 1);
        var order = new List<int>(labels.Count + labels.Count(l => l == SampleLabel.Earthquake) * (earthquakeCopies - 1));
        for (var i = 0; i < labels.Count; i++)
        {
            var copies = labels[i] == SampleLabel.Earthquake ? earthquakeCopies : 1;
            for (var copy = 0; copy < copies; copy++)
                order.Add(i);
        }
        var shuffled = order.ToArray();
        // A generator per epoch from the run's seed: each epoch differs, and a rerun repeats them all.
        new Random(unchecked(seed * 1_000_003 + epoch)).Shuffle(shuffled);
        return shuffled;
    }
}
