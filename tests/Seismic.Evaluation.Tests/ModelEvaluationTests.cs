using System.Globalization;
using CsvHelper;
using Seismic.Datasets.SeisBench;
using Seismic.Evaluation.Reports;
using Seismic.Evaluation.Tests.Support;
using Seismic.Inference.Registry;
using Seismic.Inference.Voting;
using Seismic.TestSupport;

namespace Seismic.Evaluation.Tests;

/// <summary>
/// A tiny ONNX model (detector logit = mean of channel 0, classifier logit = 2 × mean of channel 1 − 1) with an
/// identity scaler (global min-max with centre 0 and scale 1), run on a small SeisBench dataset of constant
/// windows, so every probability is known in advance.
/// </summary>
public sealed class ModelEvaluationTests : IDisposable
{
    private const int WindowSamples = 401;

    private readonly TempFolder _folder = new();

    private string ModelsDir => Path.Combine(_folder.Path, "models");

    private string OutputDir => Path.Combine(_folder.Path, "report");

    private static double Sigmoid(double logit) => 1 / (1 + Math.Exp(-logit));

    private RegisteredModel RegisterTinyModel(IReadOnlyDictionary<string, string>? settings = null)
    {
        var onnx = TinyModels.Write(_folder.Path, "tiny", (long)WindowSamples);
        var card = new ModelCard
        {
            Name = "tiny",
            Version = 0,
            Architecture = "imported",
            CreatedUtc = DateTime.UtcNow,
            WindowSamples = WindowSamples,
            SampleRateHz = 40,
            Channels = ["P-beam, vertical", "S-beam, transverse", "S-beam, radial"],
            Scaler = new ScalerCard { Type = "minmax", PerChannel = false, Scope = "global", Centers = [0], Scales = [1] },
            DetectorThreshold = 0.5,
            ClassifierThreshold = 0.5,
            DetectorLabels = new Dictionary<string, string> { ["0"] = "noise", ["1"] = "event" },
            ClassifierLabels = new Dictionary<string, string> { ["0"] = "earthquake", ["1"] = "explosion" },
            Settings = settings ?? new Dictionary<string, string>(),
            OnnxSha256 = "",
        };
        return new ModelRegistry(ModelsDir).Register(card, onnx);
    }

    /// <summary>Each trace: (split, label, channel 0 value, channel 1 value, distance km, magnitude); channel 2 is 0.</summary>
    private string WriteDataset((string Split, string Label, float P, float T, double? DistanceKm, double? Magnitude)[] traces, int samples = WindowSamples)
    {
        var directory = Path.Combine(_folder.Path, "dataset");
        using var writer = new SeisBenchWriter(directory, new WaveformDataFormat("ZTR", 40, samples));
        var start = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        for (var i = 0; i < traces.Length; i++)
        {
            var (split, label, p, t, distance, magnitude) = traces[i];
            var channelsFirst = new float[3 * samples];
            Array.Fill(channelsFirst, p, 0, samples);
            Array.Fill(channelsFirst, t, samples, samples);
            var isEvent = label != DatasetLabels.Noise;
            writer.Add(new DatasetTrace
            {
                TraceName = $"trace_{i:D3}",
                Split = split,
                Label = label,
                StartUtc = start.AddHours(i),
                SamplingRateHz = 40,
                DistanceKm = distance,
                Magnitude = magnitude,
                BackAzimuthDeg = isEvent ? 45 : null,
                PArrivalSample = isEvent ? 60 : null,
                EventId = isEvent ? $"smi:test/{i}" : null,
            }, channelsFirst);
        }
        writer.Commit();
        return directory;
    }

    private string WriteStandardDataset() => WriteDataset(
    [
        ("test", DatasetLabels.Noise, -3, 0, null, null),
        ("test", DatasetLabels.Noise, -3, 0, null, null),
        ("test", DatasetLabels.Earthquake, 3, 0, 300, 2.5),
        ("test", DatasetLabels.Earthquake, 3, 0, 900, 3.0),
        ("test", DatasetLabels.Earthquake, -2, 0, 1500, 1.5),
        ("test", DatasetLabels.Explosion, 3, 1.5f, 200, 2.0),
        ("train", DatasetLabels.Explosion, 3, 1.5f, 200, 2.0),
    ]);

    [Fact]
    public void Should_score_the_split_with_the_cards_scaler_and_thresholds_and_write_the_report()
    {
        var model = RegisterTinyModel();
        var dataset = WriteStandardDataset();

        var result = ModelEvaluation.Run(model, dataset, DatasetSplits.Test, OutputDir);

        var confusion = result.Metrics.Confusion;
        Assert.Equal(6, confusion.Total);
        Assert.Equal(2, confusion[EventLabel.Noise, EventLabel.Noise]);
        Assert.Equal(2, confusion[EventLabel.Earthquake, EventLabel.Earthquake]);
        Assert.Equal(1, confusion[EventLabel.Earthquake, EventLabel.Noise]);
        Assert.Equal(1, confusion[EventLabel.Explosion, EventLabel.Explosion]);
        Assert.Equal(0.75, result.Metrics.Detector.Recall, 12);
        Assert.Equal(1.0, result.Metrics.Classifier.Precision, 12);

        using var reader = new CsvReader(new StreamReader(Path.Combine(OutputDir, EvaluationReport.PredictionsFile)), CultureInfo.InvariantCulture);
        var rows = reader.GetRecords<dynamic>().Cast<IDictionary<string, object>>().ToDictionary(r => (string)r["trace_name"]);
        Assert.Equal(6, rows.Count);
        var explosion = rows["trace_005"];
        Assert.Equal("explosion", explosion["predicted"]);
        Assert.Equal(Sigmoid(3), double.Parse((string)explosion["probability_detector"], CultureInfo.InvariantCulture), 6);
        Assert.Equal(Sigmoid(2), double.Parse((string)explosion["probability_classifier"], CultureInfo.InvariantCulture), 6);
        Assert.Equal("2024-01-01T05:00:01.500Z", explosion["estimated_arrival_time_arces"]);
        Assert.Equal("noise", rows["trace_004"]["predicted"]);
        Assert.Equal("earthquake", rows["trace_004"]["true"]);
        Assert.All(result.Files, file => Assert.True(File.Exists(file), file));
    }

    [Fact]
    public void Should_refuse_a_dataset_whose_windows_are_not_the_models_length_naming_both()
    {
        var model = RegisterTinyModel();
        var dataset = WriteDataset([("test", DatasetLabels.Noise, 0, 0, null, null)], samples: 201);

        var error = Assert.Throws<EvaluationException>(() => ModelEvaluation.Run(model, dataset, DatasetSplits.Test, OutputDir));

        Assert.Contains("201 samples", error.Message);
        Assert.Contains("401 samples", error.Message);
    }

    [Fact]
    public void Should_refuse_an_empty_split_and_say_which_splits_have_traces()
    {
        var model = RegisterTinyModel();
        var dataset = WriteStandardDataset();

        var error = Assert.Throws<EvaluationException>(() => ModelEvaluation.Run(model, dataset, DatasetSplits.Dev, OutputDir));

        Assert.Contains("'dev'", error.Message);
        Assert.Contains("test 6, train 1", error.Message);
        Assert.False(Directory.Exists(OutputDir));
    }

    [Fact]
    public void Should_say_so_when_the_dataset_folder_does_not_exist()
    {
        var model = RegisterTinyModel();
        var missing = Path.Combine(_folder.Path, "no-such-dataset");

        var error = Assert.Throws<DatasetException>(() => ModelEvaluation.Run(model, missing, DatasetSplits.Test, OutputDir));

        Assert.Contains(missing, error.Message);
    }

    [Fact]
    public void Should_leave_induced_events_out_when_the_card_says_the_model_was_trained_without_them()
    {
        var model = RegisterTinyModel(new Dictionary<string, string> { ["data.include_induced"] = "false" });
        var dataset = WriteDataset(
        [
            ("test", DatasetLabels.Noise, -3, 0, null, null),
            ("test", DatasetLabels.Induced, 3, 0, 300, 2.0),
        ]);

        var result = ModelEvaluation.Run(model, dataset, DatasetSplits.Test, OutputDir);

        Assert.Equal(1, result.Metrics.Confusion.Total);
        Assert.Contains("induced events are left out", result.Summary);
        Assert.True(File.Exists(Path.Combine(OutputDir, EvaluationReport.DistributionFile(DatasetLabels.Induced))));
    }

    public void Dispose() => _folder.Dispose();
}
