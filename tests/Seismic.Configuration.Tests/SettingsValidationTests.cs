namespace Seismic.Configuration.Tests;

/// <summary>Semantic checks after binding: each names the key to change and the value it found.</summary>
public sealed class SettingsValidationTests
{
    [Fact]
    public void Should_reject_bandpass_when_min_is_not_below_max()
    {
        var yaml = YamlText.ReplaceOnce(RepoFiles.SettingsText, "      min_hz: 2", "      min_hz: 9");
        yaml = YamlText.ReplaceOnce(yaml, "      max_hz: 8", "      max_hz: 2");

        var error = Assert.Single(Assert.Throws<SettingsException>(() => SettingsLoader.LoadFromText(yaml, "seismic.yaml")).Errors);

        Assert.Equal("filters.beam_filter.bandpass.min_hz", error.KeyPath);
        Assert.Equal("must be below max_hz (2), got 9", error.Reason);
        Assert.Equal(YamlText.LineOf(yaml, "min_hz: 9"), error.Line);
    }

    [Fact]
    public void Should_reject_a_zero_step()
    {
        var error = Assert.Single(YamlText.ErrorsAfter("  step_s: 5", "  step_s: 0"));

        Assert.Equal("window.step_s", error.KeyPath);
        Assert.Equal("must be positive, got 0", error.Reason);
    }

    [Theory]
    [InlineData("      max_hz: 8", "      max_hz: 20", "filters.beam_filter.bandpass.max_hz", "must be below the Nyquist frequency (20 Hz)")]
    [InlineData("      freq_hz: 1.0", "      freq_hz: 25", "filters.beam_filter.highpass.freq_hz", "must be below the Nyquist frequency (20 Hz)")]
    [InlineData("  pre_beam_highpass_hz: 1.5", "  pre_beam_highpass_hz: 21", "filters.pre_beam_highpass_hz", "must be below the Nyquist frequency")]
    [InlineData("  length_s: 240 ", "  length_s: -240 ", "window.length_s", "must be positive")]
    [InlineData("  sample_rate_hz: 40", "  sample_rate_hz: 0", "window.sample_rate_hz", "must be positive")]
    [InlineData("  step_s: 5", "  step_s: 5.01", "window.step_s", "must be a whole number of samples")]
    [InlineData("  p_velocity_km_s: 6.45", "  p_velocity_km_s: 0", "window.p_velocity_km_s", "must be positive")]
    [InlineData("  s_velocity_km_s: 3.70", "  s_velocity_km_s: 7", "window.s_velocity_km_s", "must be below p_velocity_km_s (6.45)")]
    [InlineData("      corners: 4        #", "      corners: 0        #", "filters.beam_filter.bandpass.corners", "must be at least 1")]
    [InlineData("  reference_latitude_deg: 69.535", "  reference_latitude_deg: 91", "array.reference_latitude_deg", "must be within [-90, 90] degrees")]
    [InlineData("  reference_longitude_deg: 25.506", "  reference_longitude_deg: -181", "array.reference_longitude_deg", "must be within [-180, 180] degrees")]
    [InlineData("    probability: 0.2", "    probability: 1.2", "augment.add_noise.probability", "must be a probability in [0, 1], got 1.2")]
    [InlineData("  live_idle_timeout_s: 150", "  live_idle_timeout_s: 45", "source.live_idle_timeout_s", "must be longer than live_keepalive_s (60 s)")]
    [InlineData("  live_keepalive_s: 60", "  live_keepalive_s: 0", "source.live_keepalive_s", "must be positive")]
    [InlineData("    probability: 0.1", "    probability: -0.1", "augment.zero_channel.probability", "must be a probability in [0, 1]")]
    [InlineData("  train_fraction: 0.8", "  train_fraction: 1", "data.train_fraction", "must be a fraction in (0, 1), got 1")]
    [InlineData("  val_fraction_of_rest: 0.6", "  val_fraction_of_rest: 0", "data.val_fraction_of_rest", "must be a fraction in (0, 1)")]
    [InlineData("  min_lr: 5.0e-6", "  min_lr: 1.0e-3", "optimizer.min_lr", "must not exceed max_lr (0.0001), got 0.001")]
    [InlineData("  batch_size: 128", "  batch_size: 0", "optimizer.batch_size", "must be at least 1, got 0")]
    [InlineData("  max_epochs: 100", "  max_epochs: 0", "optimizer.max_epochs", "must be at least 1")]
    [InlineData("  inference_batch_size: 64", "  inference_batch_size: 0", "model.inference_batch_size", "must be at least 1")]
    [InlineData("  detector_threshold: 0.5", "  detector_threshold: 1.5", "model.detector_threshold", "must be a fraction in (0, 1)")]
    [InlineData("  name: arces-compact", "  name: ../elsewhere", "model.name", "must be a plain name")]
    [InlineData("  uri: \"sds://../output/demo/scenario/archive\"", "  uri: \"ftp://example.org\"", "source.uri", "unsupported scheme 'ftp'; expected one of file, sds, seedlink, fdsnws, http, https")]
    [InlineData("  uri: \"sds://../output/demo/scenario/archive\"", "  uri: \"/data/archive\"", "source.uri", "expected a URI such as")]
    [InlineData("  segment_length_s: 1200", "  segment_length_s: 200", "source.segment_length_s", "must be at least window.length_s (240), got 200")]
    [InlineData("  segment_overlap_s: 480", "  segment_overlap_s: 200", "source.segment_overlap_s", "must be at least 300 s")]
    [InlineData("  segment_overlap_s: 480", "  segment_overlap_s: 482", "source.segment_overlap_s", "must be a whole number of window.step_s")]
    [InlineData("  segment_overlap_s: 480", "  segment_overlap_s: 1200", "source.segment_overlap_s", "must be shorter than segment_length_s (1200)")]
    [InlineData("  off_threshold: 0.5", "  off_threshold: 0.8", "detection.off_threshold", "must not be above on_threshold")]
    [InlineData("  reduce_lr_factor: 0.1", "  reduce_lr_factor: 1", "callbacks.reduce_lr_factor", "must be a fraction in (0, 1)")]
    [InlineData("  code: ARCES", "  code: \"\"", "array.code", "must not be empty")]
    public void Should_reject_a_value_outside_its_valid_range(string find, string replacement, string keyPath, string reason)
    {
        var errors = YamlText.ErrorsAfter(find, replacement);

        var error = Assert.Single(errors);
        Assert.Equal(keyPath, error.KeyPath);
        Assert.Contains(reason, error.Reason);
        Assert.NotNull(error.Line);
    }

    [Fact]
    public void Should_report_semantic_errors_of_every_section_at_once()
    {
        var yaml = YamlText.ReplaceOnce(RepoFiles.SettingsText, "  step_s: 5", "  step_s: 0");
        yaml = YamlText.ReplaceOnce(yaml, "  batch_size: 128", "  batch_size: 0");
        yaml = YamlText.ReplaceOnce(yaml, "  train_fraction: 0.8", "  train_fraction: 2");

        var errors = Assert.Throws<SettingsException>(() => SettingsLoader.LoadFromText(yaml, "seismic.yaml")).Errors;

        var expectedLines = new Dictionary<string, int?>
        {
            ["data.train_fraction"] = YamlText.LineOf(yaml, "  train_fraction: 2"),
            ["optimizer.batch_size"] = YamlText.LineOf(yaml, "  batch_size: 0"),
            ["window.step_s"] = YamlText.LineOf(yaml, "  step_s: 0"),
        };
        Assert.Equal(expectedLines, errors.ToDictionary(e => e.KeyPath, e => e.Line));
    }
}
