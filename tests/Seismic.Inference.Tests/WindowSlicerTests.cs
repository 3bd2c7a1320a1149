using Seismic.Inference.Windows;

namespace Seismic.Inference.Tests;

public sealed class WindowSlicerTests
{
    [Fact]
    public void Should_place_twelve_windows_of_9601_samples_in_a_300_second_event_at_40_hz()
    {
        // A 300 s beam at 40 Hz has 12001 samples. The seed, stepping 201 samples, found 12 windows there;
        // stepping 5 s exactly, the 13th starts at 60 s and ends on the last sample.
        var starts = new WindowSlicer(samplesPerWindow: 9601, stepSamples: 200).WindowStarts(12001);

        Assert.Equal(13, starts.Count);
        Assert.Equal(2400, starts[^1]);
    }

    [Fact]
    public void Should_find_no_window_in_beams_shorter_than_one_window()
    {
        Assert.Empty(new WindowSlicer(9601, 200).WindowStarts(9600));
        Assert.Single(new WindowSlicer(9601, 200).WindowStarts(9601));
    }

    [Fact]
    public void Should_copy_a_window_channels_last()
    {
        float[][] beams = [[0, 1, 2, 3, 4], [10, 11, 12, 13, 14], [20, 21, 22, 23, 24]];
        var window = new float[3 * 3];

        new WindowSlicer(samplesPerWindow: 3, stepSamples: 2).CopyWindow(beams, startSample: 2, window);

        Assert.Equal([2, 12, 22, 3, 13, 23, 4, 14, 24], window);
    }

    [Fact]
    public void Should_refuse_a_destination_of_the_wrong_size()
    {
        float[][] beams = [[0, 1, 2], [0, 1, 2], [0, 1, 2]];

        Assert.Throws<ArgumentException>(() => new WindowSlicer(3, 1).CopyWindow(beams, 0, new float[8]));
    }
}
