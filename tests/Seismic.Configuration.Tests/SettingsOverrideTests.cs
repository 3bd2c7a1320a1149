namespace Seismic.Configuration.Tests;

/// <summary>Overrides (dotted snake_case key paths, as a TrainModel command carries them) go through the file's checks.</summary>
public sealed class SettingsOverrideTests
{
    private static SeismicSettings LoadWith(params (string Key, string Value)[] overrides) =>
        SettingsLoader.Load(RepoFiles.SettingsPath, overrides.ToDictionary(o => o.Key, o => o.Value));

    private static IReadOnlyList<SettingsError> ErrorsWith(params (string Key, string Value)[] overrides) =>
        Assert.Throws<SettingsException>(() => LoadWith(overrides)).Errors;

    [Fact]
    public void Should_apply_overrides_to_the_loaded_settings()
    {
        var settings = LoadWith(("optimizer.max_lr", "1e-3"), ("model.version", "3"), ("filters.beam_filter.type", "highpass"));

        Assert.Equal(1e-3, settings.Optimizer.MaxLr);
        Assert.Equal(ModelVersion.Of(3), settings.Model.Version);
        Assert.Equal(BeamFilterType.Highpass, settings.Filters.BeamFilter.Type);
        Assert.Equal(5e-6, settings.Optimizer.MinLr);
    }

    [Fact]
    public void Should_accept_a_value_that_only_an_override_sets()
    {
        var settings = LoadWith(("array.inventory_path", "/etc/seismic/arces.xml"));

        Assert.Equal("/etc/seismic/arces.xml", settings.Array.InventoryPath);
    }

    [Fact]
    public void Should_reject_an_override_of_the_wrong_type_naming_it_as_an_override()
    {
        var error = Assert.Single(ErrorsWith(("optimizer.max_lr", "abc")));

        Assert.Equal("override", error.Source);
        Assert.Equal("optimizer.max_lr", error.KeyPath);
        Assert.Equal("expected a number, got 'abc'", error.Reason);
        Assert.Null(error.Line);
    }

    [Fact]
    public void Should_validate_overridden_values_like_values_in_the_file()
    {
        var error = Assert.Single(ErrorsWith(("filters.beam_filter.bandpass.min_hz", "9")));

        Assert.Equal("override", error.Source);
        Assert.Equal("filters.beam_filter.bandpass.min_hz", error.KeyPath);
        Assert.Equal("must be below max_hz (8), got 9", error.Reason);
    }

    [Fact]
    public void Should_suggest_the_close_key_for_an_unknown_override_key()
    {
        var errors = ErrorsWith(("optimizer.max_lrr", "1e-3"), ("optimiser.max_lr", "1e-3"));

        Assert.Contains(errors, e => e.KeyPath == "optimizer.max_lrr" && e.Reason == "unknown key; did you mean 'max_lr'?");
        Assert.Contains(errors, e => e.KeyPath == "optimiser" && e.Reason == "unknown key; did you mean 'optimizer'?");
        Assert.All(errors, e => Assert.Equal("override", e.Source));
    }

    [Fact]
    public void Should_reject_an_override_below_a_value()
    {
        var error = Assert.Single(ErrorsWith(("window.length_s.seconds", "10")));

        Assert.Equal("window.length_s.seconds", error.KeyPath);
        Assert.Equal("window.length_s is a value, not a section", error.Reason);
    }

    [Fact]
    public void Should_reject_a_key_path_with_an_empty_segment()
    {
        var error = Assert.Single(ErrorsWith(("optimizer..max_lr", "1e-3")));

        Assert.StartsWith("not a dotted key path", error.Reason);
    }

    [Fact]
    public void Should_leave_the_settings_file_unchanged_by_overrides()
    {
        LoadWith(("optimizer.max_lr", "1e-3"));

        Assert.Equal(1e-4, SettingsLoader.Load(RepoFiles.SettingsPath).Optimizer.MaxLr);
    }
}
