using Seismic.TestSupport;

namespace Seismic.Configuration.Tests;

/// <summary>The shipped config/seismic.yaml loads and carries the seed's values (SPEC.md section 2).</summary>
public sealed class ShippedSettingsTests
{
    private readonly SeismicSettings _settings = SettingsLoader.Load(RepoFiles.SettingsPath);

    [Fact]
    public void Should_give_the_seed_window_of_9601_samples_stepped_by_200()
    {
        Assert.Equal(240, _settings.Window.LengthS);
        Assert.Equal(40, _settings.Window.SampleRateHz);
        Assert.Equal(9601, _settings.Window.SamplesPerWindow);
        Assert.Equal(200, _settings.Window.StepSamples);
        Assert.Equal(10, _settings.Window.EdgeS);
        Assert.Equal(30, _settings.Window.EventBufferS);
    }

    [Fact]
    public void Should_keep_the_seed_beam_velocities_and_filters()
    {
        Assert.Equal(6.45, _settings.Window.PVelocityKmS);
        Assert.Equal(3.70, _settings.Window.SVelocityKmS);
        Assert.Equal(1.5, _settings.Filters.PreBeamHighpassHz);
        Assert.Equal(BeamFilterType.Bandpass, _settings.Filters.BeamFilter.Type);
        Assert.Equal(2, _settings.Filters.BeamFilter.Bandpass.MinHz);
        Assert.Equal(8, _settings.Filters.BeamFilter.Bandpass.MaxHz);
        Assert.Equal(4, _settings.Filters.BeamFilter.Bandpass.Corners);
        Assert.False(_settings.Filters.BeamFilter.Bandpass.ZeroPhase);
        Assert.Equal(1.0, _settings.Filters.BeamFilter.Highpass.FreqHz);
        Assert.Equal(10, _settings.Filters.Taper.MaxLengthS);
    }

    [Fact]
    public void Should_describe_the_arces_array()
    {
        Assert.Equal("ARCES", _settings.Array.Code);
        Assert.Equal("NO", _settings.Array.Network);
        Assert.Equal("AR*", _settings.Array.StationPattern);
        Assert.Equal(new DateOnly(2014, 9, 19), _settings.Array.LegacyChannelsUntil);
        Assert.Equal(69.535, _settings.Array.ReferenceLatitudeDeg);
        Assert.Equal(25.506, _settings.Array.ReferenceLongitudeDeg);
        // The demo's simulated inventory, resolved against the settings file's folder.
        Assert.Equal(Path.Combine(RepositoryPaths.Root, "output", "demo", "scenario", "arces.xml"), _settings.Array.InventoryPath);
    }

    [Fact]
    public void Should_keep_the_seed_source_cleaning_rules()
    {
        Assert.Equal(1200, _settings.Source.SegmentLengthS);
        Assert.Equal(480, _settings.Source.SegmentOverlapS);
        Assert.Equal(0.15, _settings.Source.StartSnapToleranceS);
        Assert.Equal(5, _settings.Source.MaxMaskedS);
        Assert.Equal(0.5, _settings.Source.SamplingRateToleranceHz);
        Assert.Equal(SourceScheme.Sds, _settings.Source.Scheme);
    }

    [Fact]
    public void Should_keep_the_seed_training_settings()
    {
        Assert.Equal(ScalerType.MinMax, _settings.Scaling.Type);
        Assert.False(_settings.Scaling.PerChannel);
        Assert.Equal(ScalingScope.Local, _settings.Scaling.Scope);
        Assert.Equal(0.2, _settings.Augment.AddNoise.Probability);
        Assert.Equal(0.1, _settings.Augment.AddNoise.StdRatio);
        Assert.Equal(0.04, _settings.Augment.Taper.Alpha);
        Assert.False(_settings.Augment.AddGap.Enabled);
        Assert.Equal(0.1, _settings.Augment.ZeroChannel.Probability);
        Assert.Equal(OptimizerName.Adam, _settings.Optimizer.Name);
        Assert.Equal(100, _settings.Optimizer.MaxEpochs);
        Assert.Equal(128, _settings.Optimizer.BatchSize);
        Assert.Equal(1e-4, _settings.Optimizer.MaxLr);
        Assert.Equal(5e-6, _settings.Optimizer.MinLr);
        Assert.Equal(1e-6, _settings.Optimizer.WeightDecay);
        Assert.Equal(0, _settings.Optimizer.WarmupEpochs);
        Assert.Equal(7, _settings.Callbacks.EarlyStoppingPatience);
        Assert.Equal(1, _settings.Callbacks.ReduceLrPatience);
        Assert.Equal(0.1, _settings.Callbacks.ReduceLrFactor);
    }

    [Fact]
    public void Should_keep_the_seed_dataset_split()
    {
        Assert.True(_settings.Data.IncludeInduced);
        Assert.Equal(new DateOnly(1998, 10, 1), _settings.Data.FirstDate);
        Assert.Equal(42, _settings.Data.Seed);
        Assert.Equal(0.8, _settings.Data.TrainFraction);
        Assert.Equal(0.6, _settings.Data.ValFractionOfRest);
    }

    [Fact]
    public void Should_run_the_latest_compact_model_by_default()
    {
        Assert.Equal(ModelArchitecture.Compact, _settings.Model.Architecture);
        Assert.True(_settings.Model.Version.IsLatest);
        Assert.Equal(0.5, _settings.Model.DetectorThreshold);
        Assert.Equal(0.5, _settings.Model.ClassifierThreshold);
        Assert.Equal(64, _settings.Model.InferenceBatchSize);
        Assert.Equal(Path.Combine(RepositoryPaths.Root, "output", "reports"), _settings.Paths.ReportsDir);
    }
}
