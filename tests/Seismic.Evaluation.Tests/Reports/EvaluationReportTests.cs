using Seismic.TestSupport;
using System.Text.Json;
using Seismic.Evaluation.Reports;
using Seismic.Evaluation.Scoring;
using Seismic.Evaluation.Tests.Support;
using SkiaSharp;

namespace Seismic.Evaluation.Tests.Reports;

public sealed class EvaluationReportTests : IDisposable
{
    private readonly TempFolder _folder = new();

    private static readonly EvaluationSubject Subject = new()
    {
        ModelId = "tiny v1",
        DatasetPath = "/data/arces",
        Split = "test",
        InducedAsEarthquake = true,
    };

    private static IReadOnlyList<ScoredWindow> Sample()
    {
        var random = new Random(7);
        var windows = new List<ScoredWindow>();
        foreach (var label in new[] { "noise", "earthquake", "explosion", "induced" })
        {
            for (var i = 0; i < 40; i++)
            {
                var isEvent = label != "noise";
                windows.Add(Windows.Of(
                    label,
                    detector: isEvent ? 0.3 + 0.7 * random.NextDouble() : 0.6 * random.NextDouble(),
                    classifier: label == "explosion" ? 0.2 + 0.8 * random.NextDouble() : 0.7 * random.NextDouble(),
                    distanceKm: isEvent ? 100 + 1900 * random.NextDouble() : null,
                    magnitude: isEvent ? 1 + 3 * random.NextDouble() : null));
            }
        }
        return windows;
    }

    [Fact]
    public void Should_write_every_plot_as_a_png_that_decodes_to_its_size()
    {
        var result = EvaluationReport.Write(Sample(), Windows.Thresholds, Subject, _folder.Path);

        var expected = new Dictionary<string, (int Width, int Height)>
        {
            [EvaluationReport.ConfusionFile] = (EvaluationPlots.ConfusionWidthPx, EvaluationPlots.ConfusionHeightPx),
            [EvaluationReport.MistakesByDistanceFile] = (EvaluationPlots.WidthPx, EvaluationPlots.HeightPx),
            [EvaluationReport.MistakesByMsrdFile] = (EvaluationPlots.WidthPx, EvaluationPlots.HeightPx),
            [EvaluationReport.DistributionFile("noise")] = (EvaluationPlots.WidthPx, EvaluationPlots.HeightPx),
            [EvaluationReport.DistributionFile("earthquake")] = (EvaluationPlots.WidthPx, EvaluationPlots.HeightPx),
            [EvaluationReport.DistributionFile("explosion")] = (EvaluationPlots.WidthPx, EvaluationPlots.HeightPx),
            [EvaluationReport.DistributionFile("induced")] = (EvaluationPlots.WidthPx, EvaluationPlots.HeightPx),
        };
        Assert.Equal(expected.Keys.Order(), result.Files.Where(f => f.EndsWith(".png", StringComparison.Ordinal)).Select(Path.GetFileName).Order());
        foreach (var (name, size) in expected)
        {
            var path = Path.Combine(_folder.Path, name);
            Assert.True(new FileInfo(path).Length > 0, name);
            using var image = SKBitmap.Decode(path);
            Assert.NotNull(image);
            Assert.Equal(size, (image.Width, image.Height));
            // A drawn figure has many colours; a blank or failed render has one or two.
            var colours = Enumerable.Range(0, 2000).Select(i => image.GetPixel(i * 7919 % image.Width, i * 104729 % image.Height)).Distinct().Count();
            Assert.True(colours > 5, $"{name} has only {colours} colours among 2000 sampled pixels");
        }
    }

    [Fact]
    public void Should_write_the_predictions_metrics_and_a_summary_beside_the_plots()
    {
        var windows = Sample();

        var result = EvaluationReport.Write(windows, Windows.Thresholds, Subject, _folder.Path);

        Assert.Equal(windows.Count + 1, File.ReadLines(Path.Combine(_folder.Path, EvaluationReport.PredictionsFile)).Count());
        using var metrics = JsonDocument.Parse(File.ReadAllText(Path.Combine(_folder.Path, EvaluationReport.MetricsFile)));
        var root = metrics.RootElement;
        Assert.Equal("tiny v1", root.GetProperty("model").GetString());
        Assert.Equal(windows.Count, root.GetProperty("windows").GetInt32());
        Assert.Equal(result.Metrics.Confusion.Accuracy, root.GetProperty("metrics").GetProperty("test_accuracy").GetDouble(), 12);
        var distanceBins = root.GetProperty("mistakeRates")[0].GetProperty("bins");
        Assert.Equal(20, distanceBins.GetArrayLength());
        Assert.Equal(120, distanceBins.EnumerateArray().Sum(b => b.GetProperty("events").GetInt32()));
        Assert.Equal(result.Summary, File.ReadAllText(Path.Combine(_folder.Path, EvaluationReport.SummaryFile)));
        Assert.Contains("three-way accuracy", result.Summary);
    }

    [Fact]
    public void Should_refuse_to_evaluate_no_windows()
    {
        var error = Assert.Throws<EvaluationException>(() => EvaluationReport.Write([], Windows.Thresholds, Subject, _folder.Path));

        Assert.Contains("test split of /data/arces", error.Message);
    }

    public void Dispose() => _folder.Dispose();
}
