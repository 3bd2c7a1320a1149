namespace Seismic.Configuration.Tests;

/// <summary>config/models/*.yaml: the shipped files load, and the record type follows the file's architecture.</summary>
public sealed class ModelHyperparametersLoaderTests
{
    [Fact]
    public void Should_load_the_shipped_alexnet_file()
    {
        var hyperparameters = ModelHyperparametersLoader.Load(RepoFiles.ModelPath("alexnet"));

        var alexNet = Assert.IsType<AlexNetHyperparameters>(hyperparameters);
        Assert.Equal(ModelArchitecture.AlexNet, alexNet.Architecture);
        Assert.Equal(PoolType.Max, alexNet.PoolType);
        Assert.Equal(WeightInitializer.GlorotUniform, alexNet.Initializer);
    }

    [Fact]
    public void Should_load_the_shipped_cnn_dense_file_with_the_seed_values()
    {
        var hyperparameters = ModelHyperparametersLoader.Load(RepoFiles.ModelPath("cnn_dense"));

        var cnn = Assert.IsType<CnnDenseHyperparameters>(hyperparameters);
        Assert.Equal([32, 128, 128], cnn.Filters);
        Assert.IsNotType<int[]>(cnn.Filters);
        Assert.Equal([7, 7, 3], cnn.KernelSizes);
        Assert.Equal([128, 128], cnn.DenseUnits);
        Assert.Equal(Activation.Relu, cnn.Activation);
        Assert.Equal(0.001, cnn.L2);
        Assert.Equal(0.001, cnn.Dropout);
        Assert.Equal(PoolType.Max, cnn.PoolType);
        Assert.Equal(WeightInitializer.GlorotUniform, cnn.Initializer);
    }

    [Fact]
    public void Should_find_the_hyperparameter_file_beside_the_settings_file()
    {
        var path = ModelHyperparametersLoader.DefaultPath(RepoFiles.SettingsPath, ModelArchitecture.CnnDense);

        Assert.Equal(Path.GetFullPath(RepoFiles.ModelPath("cnn_dense")), path);
    }

    [Fact]
    public void Should_reject_kernel_sizes_that_do_not_match_the_filters()
    {
        var yaml = YamlText.ReplaceOnce(File.ReadAllText(RepoFiles.ModelPath("cnn_dense")), "kernel_sizes: [7, 7, 3]", "kernel_sizes: [7, 7]");

        var error = Assert.Single(Assert.Throws<SettingsException>(() => ModelHyperparametersLoader.LoadFromText(yaml, "cnn_dense.yaml")).Errors);

        Assert.Equal("kernel_sizes", error.KeyPath);
        Assert.Equal("must have one entry per entry of filters (3), got 2", error.Reason);
        Assert.Equal(YamlText.LineOf(yaml, "[7, 7]"), error.Line);
    }

    [Fact]
    public void Should_name_the_list_item_that_is_not_a_number()
    {
        var yaml = YamlText.ReplaceOnce(File.ReadAllText(RepoFiles.ModelPath("cnn_dense")), "dense_units: [128, 128]", "dense_units: [128, many]");

        var error = Assert.Single(Assert.Throws<SettingsException>(() => ModelHyperparametersLoader.LoadFromText(yaml, "cnn_dense.yaml")).Errors);

        Assert.Equal("dense_units[1]", error.KeyPath);
        Assert.Equal("expected an integer, got 'many'", error.Reason);
    }

    [Fact]
    public void Should_reject_a_key_of_another_architecture()
    {
        var yaml = File.ReadAllText(RepoFiles.ModelPath("alexnet")) + "dense_units: [128, 128]\n";

        var error = Assert.Single(Assert.Throws<SettingsException>(() => ModelHyperparametersLoader.LoadFromText(yaml, "alexnet.yaml")).Errors);

        Assert.Equal("dense_units", error.KeyPath);
        Assert.Equal("unknown key", error.Reason);
    }

    [Fact]
    public void Should_reject_an_unknown_architecture_and_list_the_known_ones()
    {
        var error = Assert.Single(Assert.Throws<SettingsException>(() => ModelHyperparametersLoader.LoadFromText("architecture: s4\n", "s4.yaml")).Errors);

        Assert.Equal("architecture", error.KeyPath);
        Assert.Contains("expected one of alexnet, cnn_dense, compact", error.Reason);
        Assert.Equal((1, 15), (error.Line, error.Column));
    }

    [Fact]
    public void Should_load_the_shipped_compact_file()
    {
        var compact = Assert.IsType<CompactHyperparameters>(ModelHyperparametersLoader.Load(RepoFiles.ModelPath("compact")));

        Assert.Equal(16, compact.StemFilters);
        Assert.Equal([32, 64, 64, 128, 128, 256], compact.BlockFilters);
        Assert.Equal(7, compact.KernelSize);
        Assert.Equal(8, compact.TimeSegments);
        Assert.Equal(ConvolutionPadding.Same, compact.Padding);
    }

    [Fact]
    public void Should_read_valid_padding_and_refuse_another_word()
    {
        var valid = ModelHyperparametersLoader.Load(RepoFiles.ModelPath("compact"), new Dictionary<string, string> { ["padding"] = "valid" });
        Assert.Equal(ConvolutionPadding.Valid, Assert.IsType<CompactHyperparameters>(valid).Padding);

        var error = Assert.Single(Assert.Throws<SettingsException>(() =>
            ModelHyperparametersLoader.Load(RepoFiles.ModelPath("compact"), new Dictionary<string, string> { ["padding"] = "causal" })).Errors);
        Assert.Equal("padding", error.KeyPath);
        Assert.Contains("same", error.Reason);
        Assert.Contains("valid", error.Reason);
    }

    [Fact]
    public void Should_refuse_zero_compact_time_segments()
    {
        var overrides = new Dictionary<string, string> { ["time_segments"] = "0" };

        var error = Assert.Single(Assert.Throws<SettingsException>(() => ModelHyperparametersLoader.Load(RepoFiles.ModelPath("compact"), overrides)).Errors);

        Assert.Equal("time_segments", error.KeyPath);
        Assert.Contains("at least 1", error.Reason);
    }

    [Fact]
    public void Should_refuse_an_even_compact_kernel()
    {
        var overrides = new Dictionary<string, string> { ["kernel_size"] = "8" };

        var error = Assert.Single(Assert.Throws<SettingsException>(() => ModelHyperparametersLoader.Load(RepoFiles.ModelPath("compact"), overrides)).Errors);

        Assert.Equal("kernel_size", error.KeyPath);
        Assert.Contains("odd", error.Reason);
    }

    [Fact]
    public void Should_replace_a_list_with_an_override()
    {
        var overrides = new Dictionary<string, string> { ["filters"] = "[16, 32, 64]", ["dropout"] = "0.2" };

        var cnn = Assert.IsType<CnnDenseHyperparameters>(ModelHyperparametersLoader.Load(RepoFiles.ModelPath("cnn_dense"), overrides));

        Assert.Equal([16, 32, 64], cnn.Filters);
        Assert.Equal(0.2, cnn.Dropout);
    }
}
