using Seismic.Inference.Onnx;
using Seismic.TestSupport;

namespace Seismic.Inference.Tests;

public sealed class ClassifierModelTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("seismic-onnx-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static double Sigmoid(double x) => 1 / (1 + Math.Exp(-x));

    [Fact]
    public void Should_give_each_window_the_sigmoid_of_both_logits()
    {
        using var model = ClassifierModel.Load(TinyModels.Write(_folder, "tiny", samples: 4L), windowSamples: 4);
        // Two windows of 4 samples × 3 channels, channels-last. Window 0: channel 0 mean 1, channel 1 mean 0.5.
        // Window 1: channel 0 mean -2, channel 1 mean 1.
        float[] windows =
        [
            1, 0, 9, 1, 1, 9, 1, 0, 9, 1, 1, 9,
            -2, 1, 0, -2, 1, 0, -2, 1, 0, -2, 1, 0,
        ];

        var probabilities = model.Predict(windows, windowCount: 2);

        Assert.Equal(Sigmoid(1), probabilities[0].Detector, 6);
        Assert.Equal(Sigmoid(0), probabilities[0].Classifier, 6);
        Assert.Equal(Sigmoid(-2), probabilities[1].Detector, 6);
        Assert.Equal(Sigmoid(1), probabilities[1].Classifier, 6);
    }

    [Fact]
    public void Should_accept_a_model_that_leaves_the_window_length_open()
    {
        using var model = ClassifierModel.Load(TinyModels.Write(_folder, "open", samples: "samples"), windowSamples: 9601);

        Assert.Equal(9601, model.WindowSamples);
    }

    [Fact]
    public void Should_refuse_a_model_made_for_another_window_length_and_say_both()
    {
        var path = TinyModels.Write(_folder, "short", samples: 4801L);

        var error = Assert.Throws<ModelLoadException>(() => ClassifierModel.Load(path, windowSamples: 9601));

        Assert.Contains(path, error.Message);
        Assert.Contains("4801", error.Message);
        Assert.Contains("9601", error.Message);
    }

    [Fact]
    public void Should_refuse_a_model_without_the_classifier_output()
    {
        var path = TinyModels.Write(_folder, "renamed", samples: 4L, outputs: ["detector", "logits"]);

        var error = Assert.Throws<ModelLoadException>(() => ClassifierModel.Load(path, windowSamples: 4));

        Assert.Contains("no output named 'classifier'", error.Message);
    }

    [Fact]
    public void Should_refuse_a_model_with_another_input_name_or_channel_count()
    {
        var path = TinyModels.Write(_folder, "other", samples: 4L, channels: 2, inputName: "x");

        var error = Assert.Throws<ModelLoadException>(() => ClassifierModel.Load(path, windowSamples: 4));

        Assert.Contains("no input named 'input'", error.Message);
    }

    [Fact]
    public void Should_refuse_a_file_that_is_not_onnx()
    {
        var path = Path.Combine(_folder, "model.onnx");
        File.WriteAllText(path, "not a model");

        var error = Assert.Throws<ModelLoadException>(() => ClassifierModel.Load(path, windowSamples: 4));

        Assert.Contains("not a usable ONNX model", error.Message);
    }

    [Fact]
    public void Should_refuse_a_missing_file()
    {
        Assert.Contains("does not exist", Assert.Throws<ModelLoadException>(() => ClassifierModel.Load(Path.Combine(_folder, "none.onnx"), 4)).Message);
    }
}
