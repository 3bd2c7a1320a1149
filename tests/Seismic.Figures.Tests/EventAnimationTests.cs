using ImageMagick;
using Seismic.Figures.Events;
using Seismic.TestSupport;

namespace Seismic.Figures.Tests;

public sealed class EventAnimationTests
{
    private const double SampleRateHz = 40;
    private static readonly DateTime Start = new(2024, 3, 13, 14, 0, 0, DateTimeKind.Utc);

    /// <summary>Beams with an arrival at 200 s, and <paramref name="windows"/> windows of 240 s every 5 s over them.</summary>
    internal static EventFigure Figure(int windows, double beamsS = 0)
    {
        var windowLengthS = 240.0;
        var lengthS = beamsS > 0 ? beamsS : windowLengthS + (windows - 1) * 5;
        var samples = (int)(lengthS * SampleRateHz) + 1;
        var random = new Random(3);
        var beams = Enumerable.Range(0, 3).Select(b => Enumerable.Range(0, samples).Select(i =>
        {
            var t = i / SampleRateHz;
            var arrival = t > 200 ? 20 * Math.Exp(-(t - 200) / (10 + 5 * b)) * Math.Sin(2 * Math.PI * 4 * t) : 0;
            return (float)(arrival + random.NextDouble() - 0.5);
        }).ToArray()).ToList();
        return new EventFigure
        {
            EventId = "ARCES_20240313T140320Z",
            FinalLabel = "explosion",
            ModelId = "arces-compact v3",
            BeamsStartUtc = Start,
            SampleRateHz = SampleRateHz,
            BeamNames = ["P-beam, vertical", "S-beam, transverse", "S-beam, radial"],
            Beams = beams,
            WindowLengthS = windowLengthS,
            Windows = [.. Enumerable.Range(0, windows).Select(i => new WindowVerdict(
                Start.AddSeconds(5 * i), 0.6 + 0.3 * Math.Sin(i), 0.7 + 0.2 * Math.Cos(i), i % 4 == 0 ? "earthquake" : "explosion"))],
            MeanDetectorProbability = 0.8,
            MeanClassifierProbability = 0.72,
            OnsetUtc = Start.AddSeconds(200),
        };
    }

    [Fact]
    public void Should_write_a_gif_with_one_frame_per_window_at_the_documented_size()
    {
        using var folder = new TempFolder();
        var path = folder.Combine("events", "event.gif");

        EventAnimation.WriteGif(Figure(windows: 12), path);

        using var gif = new MagickImageCollection(path);
        Assert.Equal(MagickFormat.Gif, gif[0].Format);
        Assert.Equal(12, gif.Count);
        gif.Coalesce();
        Assert.All(gif, frame =>
        {
            Assert.Equal((uint)EventAnimation.WidthPx, frame.Width);
            Assert.Equal((uint)EventAnimation.HeightPx, frame.Height);
            Assert.Equal(50u, frame.AnimationDelay);
        });
        Assert.Single(Directory.GetFiles(folder.Combine("events")));
    }

    [Fact]
    public void Should_draw_a_different_picture_for_each_window()
    {
        using var frames = EventAnimation.Frames(Figure(windows: 3));
        frames.Coalesce();

        // The beams move with the window and the shading with it: no two frames are the same picture.
        Assert.True(frames[0].Compare(frames[1], ErrorMetric.Absolute) > 0.01);
        Assert.True(frames[1].Compare(frames[2], ErrorMetric.Absolute) > 0.01);
        Assert.Equal(0, frames[2].Compare(frames[2].Clone(), ErrorMetric.Absolute));
    }

    [Fact]
    public void Should_refuse_beams_that_do_not_cover_the_windows_and_say_so()
    {
        using var folder = new TempFolder();
        var figure = Figure(windows: 12, beamsS: 250);

        var refused = Assert.Throws<ArgumentException>(() => EventAnimation.WriteGif(figure, folder.Combine("event.gif")));

        Assert.Contains("do not cover its windows", refused.Message);
        Assert.Empty(Directory.GetFiles(folder.Path));
    }
}
