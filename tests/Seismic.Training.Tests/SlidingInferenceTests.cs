using Google.Protobuf;
using Seismic.Beams;
using Seismic.Configuration;
using Seismic.Inference.Models;
using Seismic.Inference.Onnx;
using Seismic.Inference.Registry;
using Seismic.Inference.Windows;
using Seismic.Metadata.StationXml;
using Seismic.Onnx.Schema;
using Seismic.Simulation.Scenario;
using Seismic.Sources;
using Seismic.TestSupport.Beams;
using Seismic.Training.Export;
using Seismic.Training.Models;
using Seismic.Waveforms.Selection;
using Xunit.Abstractions;

namespace Seismic.Training.Tests;

/// <summary>
/// Sliding inference (compact network, valid padding) gives what the window path gives: each window cut from the
/// beams, scaled, and run through the whole ONNX model. Windows 5 s (200 samples) apart over a 20-minute segment,
/// as the classifier cuts them.
/// </summary>
[Collection(TorchCollection.Name)]
public sealed class SlidingInferenceTests(ITestOutputHelper output) : IDisposable
{
    private const int WindowSamples = 9601;
    private const int StepSamples = 200;
    private const int BatchSize = 64;
    private const double Tolerance = SlidingNetwork.Tolerance;

    /// <summary>A segment as the pipeline cuts them: 20 minutes at 40 Hz.</summary>
    private const int SegmentSamples = 48001;

    private static readonly CompactHyperparameters Valid = TestNetworks.Compact with { Padding = ConvolutionPadding.Valid };

    private readonly string _folder = Directory.CreateTempSubdirectory("seismic-sliding-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Should_give_the_window_paths_probabilities_on_random_beams()
    {
        var random = new Random(7);
        var beams = Enumerable.Range(0, 3).Select(_ => Enumerable.Range(0, SegmentSamples).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray()).ToArray();

        CompareBothPaths(beams, GlobalMinMax(beams), "random");
    }

    [Fact]
    public async Task Should_give_the_window_paths_probabilities_on_simulated_beams()
    {
        var beams = await SimulatedBeams();

        CompareBothPaths(beams, GlobalMinMax(beams), "simulated");
    }

    [Fact]
    public void Should_go_window_by_window_when_the_scaling_depends_on_the_window()
    {
        var random = new Random(8);
        var beams = Enumerable.Range(0, 3).Select(_ => Enumerable.Range(0, 12001).Select(_ => (float)random.NextDouble()).ToArray()).ToArray();
        var local = new ScalerCard { Type = "minmax", PerChannel = true, Scope = "local" };
        using var model = Open(ExportValid(seed: 3), local);
        Assert.NotNull(model.Network.Sliding);
        Assert.False(model.Slides);
        Assert.Contains("depends on the window", model.InferencePath);

        var classified = WindowClassifier.Classify(model, beams, StepSamples, BatchSize);
        var expected = WindowPath(model, beams);

        // Local min-max cannot be applied to a whole segment, so these must be the window path's own figures.
        Assert.Equal(expected.Length, classified.Count);
        Assert.InRange(MaxDifference(classified.Select(w => w.Probabilities).ToArray(), expected), 0, 1e-9);
    }

    [Fact]
    public void Should_not_cut_a_network_with_zero_padding()
    {
        using var network = NetworkFactory.Create(TestNetworks.Compact, WindowSamples, seed: 3);
        var path = Path.Combine(_folder, "same.onnx");
        OnnxExporter.Save(network, path);

        using var model = ClassifierModel.Load(path, WindowSamples);

        Assert.Null(model.Sliding);
    }

    [Fact]
    public void Should_refuse_a_model_whose_sliding_stride_is_wrong()
    {
        var path = ExportValid(seed: 3);
        var proto = ModelProto.Parser.ParseFrom(File.ReadAllBytes(path));
        proto.MetadataProps.Single(entry => entry.Key == SlidingNetwork.StrideMetadataKey).Value = "64";
        File.WriteAllBytes(path, proto.ToByteArray());

        var refused = Assert.Throws<ModelLoadException>(() => ClassifierModel.Load(path, WindowSamples));

        Assert.Contains(path, refused.Message);
        Assert.Contains(SlidingNetwork.StrideMetadataKey, refused.Message);
    }

    private void CompareBothPaths(float[][] beams, ScalerCard scaler, string what)
    {
        using var model = Open(ExportValid(seed: 3, beams, scaler), scaler);
        Assert.True(model.Slides);

        var classified = WindowClassifier.Classify(model, beams, StepSamples, BatchSize);
        var expected = WindowPath(model, beams);

        Assert.Equal(expected.Length, classified.Count);
        Assert.Equal(Enumerable.Range(0, expected.Length).Select(i => i * StepSamples), classified.Select(w => w.StartSample));
        var sliding = classified.Select(w => w.Probabilities).ToArray();
        var difference = MaxDifference(sliding, expected);
        output.WriteLine($"{what} beams, {expected.Length} windows: max |sliding − window path| = {difference:E2}; detector probabilities {expected.Min(p => p.Detector):E6}..{expected.Max(p => p.Detector):E6}, classifier {expected.Min(p => p.Classifier):E6}..{expected.Max(p => p.Classifier):E6}");
        Assert.InRange(difference, 0, Tolerance);
        // The comparison must be able to fail: the features of the next window (a slice one window off) give other probabilities.
        var nextWindow = MaxDifference(sliding[..^1], expected[1..]);
        output.WriteLine($"max |sliding − window path of the next window| = {nextWindow:E2}");
        Assert.True(nextWindow > 10 * Tolerance, $"consecutive windows differ by {nextWindow:E2} at most, too little to tell a wrong slice");
    }

    /// <summary>The reference: every window cut, scaled and run through the whole model, as before sliding inference.</summary>
    private static Inference.Voting.WindowProbabilities[] WindowPath(LoadedModel model, float[][] beams)
    {
        var slicer = new WindowSlicer(WindowSamples, StepSamples);
        var starts = slicer.WindowStarts(beams[0].Length);
        var window = new float[WindowSamples * 3];
        return starts.Select(start =>
        {
            slicer.CopyWindow(beams, start, window);
            model.Scaler.Scale(window, 3);
            return model.Network.Predict(window, 1)[0];
        }).ToArray();
    }

    private static double MaxDifference(Inference.Voting.WindowProbabilities[] actual, Inference.Voting.WindowProbabilities[] expected) =>
        actual.Zip(expected).Max(pair => Math.Max(Math.Abs(pair.First.Detector - pair.Second.Detector), Math.Abs(pair.First.Classifier - pair.Second.Classifier)));

    /// <summary>
    /// A compact network with valid padding and seeded weights. Fresh batch norms pass their input through unscaled
    /// and after a dozen layers nothing is left to tell windows apart, so with <paramref name="beams"/> the statistics
    /// come from training-mode passes over eight of their windows (scaled by <paramref name="scaler"/>), as in
    /// training; without, they are random.
    /// </summary>
    private string ExportValid(int seed, float[][]? beams = null, ScalerCard? scaler = null)
    {
        using var network = NetworkFactory.Create(Valid, WindowSamples, seed: seed);
        if (beams is null || scaler is null)
            OnnxExporterTests.RandomizeBatchNorms(network);
        else
            Calibrate(network, beams, scaler.CreateScaler("calibration"));
        network.eval();
        var path = Path.Combine(_folder, $"valid-{seed}-{Guid.NewGuid():N}.onnx");
        OnnxExporter.Save(network, path);
        return path;
    }

    private static void Calibrate(TwoHeadNetwork network, float[][] beams, Inference.Scaling.WindowScaler scaler)
    {
        const int count = 8;
        var slicer = new WindowSlicer(WindowSamples, StepSamples);
        var starts = slicer.WindowStarts(beams[0].Length);
        var windows = new float[count * WindowSamples * 3];
        for (var i = 0; i < count; i++)
        {
            var window = windows.AsSpan(i * WindowSamples * 3, WindowSamples * 3);
            slicer.CopyWindow(beams, starts[i * starts.Count / count], window);
            scaler.Scale(window, 3);
        }
        using var batch = TorchSharp.torch.tensor(windows, [count, WindowSamples, 3]);
        using var noGrad = TorchSharp.torch.no_grad();
        network.train();
        for (var pass = 0; pass < 30; pass++)
        {
            var (detector, classifier) = network.forward(batch);
            detector.Dispose();
            classifier.Dispose();
        }
    }

    private static LoadedModel Open(string path, ScalerCard scaler) => LoadedModel.Open(new RegisteredModel(new ModelCard
    {
        Name = "sliding-test",
        Version = 1,
        Architecture = "compact",
        CreatedUtc = DateTime.UnixEpoch,
        WindowSamples = WindowSamples,
        SampleRateHz = 40,
        Channels = ["P-beam Z", "S-beam T", "S-beam R"],
        Scaler = scaler,
        DetectorThreshold = 0.5,
        ClassifierThreshold = 0.5,
        DetectorLabels = ModelCard.NoiseEventLabels,
        ClassifierLabels = ModelCard.EarthquakeExplosionLabels,
        OnnxSha256 = "",
    }, path));

    /// <summary>Per-channel min-max over the beams themselves, standing in for statistics fitted on a training set.</summary>
    private static ScalerCard GlobalMinMax(float[][] beams) => new()
    {
        Type = "minmax",
        PerChannel = true,
        Scope = "global",
        Centers = beams.Select(beam => (double)beam.Min()).ToList(),
        Scales = beams.Select(beam => (double)(beam.Max() - beam.Min())).ToList(),
    };

    /// <summary>
    /// The simulator's ARCES (busy: 40 times the bulletin rates) for 20 minutes, beamformed as the beamformer does,
    /// with the back-azimuth the beam pipeline estimates itself.
    /// </summary>
    private async Task<float[][]> SimulatedBeams()
    {
        var startUtc = new DateTime(2024, 3, 5, 9, 0, 0, DateTimeKind.Utc);
        var endUtc = startUtc.AddSeconds((SegmentSamples - 1) / 40.0);
        var run = SimulationRun.Write(new ScenarioOptions
        {
            StartUtc = startUtc.AddMinutes(-1),
            Duration = TimeSpan.FromMinutes(22),
            Seed = 5,
            RateMultiplier = 40,
            DefectRateMultiplier = 0,
        }, Path.Combine(_folder, "sim"));
        var settings = RepositoryFiles.Settings();
        var array = new ArrayInventory(StationXmlReader.ReadFile(run.Output.InventoryPath), settings.Array);
        using var source = WaveformSources.Open("sds://" + run.Output.ArchivePath);
        var edgeS = settings.Window.EdgeS;
        var selection = new ChannelSelection(settings.Array.Network, settings.Array.StationPattern, "*", settings.Array.ChannelPatternAt(startUtc));
        var read = await source.ReadAsync([selection], startUtc.AddSeconds(-edgeS), endUtc.AddSeconds(edgeS));
        var beams = new BeamPipeline(settings).Form(ArraySegmentBuilder.Build(read.MiniSeed, array, startUtc, endUtc, edgeS, null, []));
        output.WriteLine($"simulated: {run.Scenario.Events.Count} events, beams of {beams.SampleCount} samples");
        return [ToFloats(beams.PVertical), ToFloats(beams.STransverse), ToFloats(beams.SRadial)];
    }

    private static float[] ToFloats(double[] samples) => samples.Select(x => (float)x).ToArray();
}
