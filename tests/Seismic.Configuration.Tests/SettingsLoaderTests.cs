namespace Seismic.Configuration.Tests;

/// <summary>Reading and binding: every structural problem is reported with its file, line, column and key path.</summary>
public sealed class SettingsLoaderTests
{
    [Fact]
    public void Should_name_the_line_and_suggest_the_close_key_for_an_unknown_key()
    {
        var yaml = YamlText.ReplaceOnce(RepoFiles.SettingsText, "  max_lr: 1.0e-4", "  max_lrr: 1.0e-4");

        var errors = Assert.Throws<SettingsException>(() => SettingsLoader.LoadFromText(yaml, "seismic.yaml")).Errors;

        var unknown = Assert.Single(errors, e => e.KeyPath == "optimizer.max_lrr");
        Assert.Equal(YamlText.LineOf(yaml, "max_lrr"), unknown.Line);
        Assert.Equal(3, unknown.Column);
        Assert.Contains("did you mean 'max_lr'", unknown.Reason);
    }

    [Fact]
    public void Should_suggest_the_key_with_its_unit_for_a_seed_key_without_one()
    {
        var errors = YamlText.ErrorsAfter("  sample_rate_hz: 40", "  sample_rate: 40");

        Assert.Contains(errors, e => e.KeyPath == "window.sample_rate" && e.Reason.Contains("did you mean 'sample_rate_hz'"));
        Assert.Contains(errors, e => e.KeyPath == "window.sample_rate_hz" && e.Reason.StartsWith("required key is missing"));
    }

    [Fact]
    public void Should_not_suggest_anything_for_an_unrelated_key()
    {
        var errors = YamlText.ErrorsAfter("  step_s: 5", "  step_s: 5\n  colour: blue");

        var unknown = Assert.Single(errors);
        Assert.Equal("window.colour", unknown.KeyPath);
        Assert.Equal("unknown key", unknown.Reason);
    }

    [Fact]
    public void Should_reject_text_where_a_number_is_expected()
    {
        var errors = YamlText.ErrorsAfter("  step_s: 5", "  step_s: abc");

        var error = Assert.Single(errors);
        Assert.Equal("window.step_s", error.KeyPath);
        Assert.Equal("expected a number, got 'abc'", error.Reason);
        Assert.Equal(11, error.Column);
    }

    [Fact]
    public void Should_reject_a_fraction_where_an_integer_is_expected()
    {
        var error = Assert.Single(YamlText.ErrorsAfter("  batch_size: 128", "  batch_size: 12.5"));

        Assert.Equal("optimizer.batch_size", error.KeyPath);
        Assert.Equal("expected an integer, got '12.5'", error.Reason);
    }

    [Fact]
    public void Should_reject_a_value_where_a_section_is_expected()
    {
        var error = Assert.Single(YamlText.ErrorsAfter("  warmup:\n    enabled: false\n    fraction: 0.05", "  warmup: off"));

        Assert.Equal("optimizer.warmup", error.KeyPath);
        Assert.Equal("expected a mapping of keys, got 'off'", error.Reason);
    }

    [Fact]
    public void Should_report_a_missing_key_at_its_section()
    {
        var yaml = YamlText.ReplaceOnce(RepoFiles.SettingsText, "  event_buffer_s: 30\n", "");

        var error = Assert.Single(Assert.Throws<SettingsException>(() => SettingsLoader.LoadFromText(yaml, "seismic.yaml")).Errors);

        Assert.Equal("window.event_buffer_s", error.KeyPath);
        Assert.Equal("required key is missing (expected a number)", error.Reason);
        Assert.Equal(YamlText.LineOf(yaml, "\nwindow:") + 1, error.Line);
    }

    [Fact]
    public void Should_resolve_relative_paths_against_the_settings_files_folder_not_the_working_directory()
    {
        var folder = Directory.CreateTempSubdirectory("seismic-settings-");
        try
        {
            var path = Path.Combine(folder.FullName, "site.yaml");
            File.WriteAllText(path, RepoFiles.SettingsText
                .Replace("  uri: \"sds://../output/demo/scenario/archive\"", "  uri: \"sds://archive\"", StringComparison.Ordinal)
                .Replace("  catalog_uri: ~", "  catalog_uri: catalog.xml", StringComparison.Ordinal));

            var settings = SettingsLoader.Load(path);

            var parent = Path.GetDirectoryName(folder.FullName)!;
            Assert.Equal(Path.Combine(parent, "models"), settings.Paths.ModelsDir);
            Assert.Equal(Path.Combine(parent, "output", "reports"), settings.Paths.ReportsDir);
            Assert.Equal(Path.Combine(parent, "output", "demo", "scenario", "arces.xml"), settings.Array.InventoryPath);
            Assert.Equal("sds://" + Path.Combine(folder.FullName, "archive"), settings.Source.Uri);
            Assert.Equal(Path.Combine(folder.FullName, "catalog.xml"), settings.Source.CatalogUri);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void Should_accept_an_absent_nullable_key()
    {
        var yaml = YamlText.ReplaceOnce(RepoFiles.SettingsText, "  inventory_path: ../output/demo/scenario/arces.xml", "");

        var settings = SettingsLoader.LoadFromText(yaml, "seismic.yaml");

        Assert.Null(settings.Array.InventoryPath);
    }

    [Fact]
    public void Should_reject_an_empty_value_for_a_required_key()
    {
        var error = Assert.Single(YamlText.ErrorsAfter("  data_dir: ../data", "  data_dir:"));

        Assert.Equal("paths.data_dir", error.KeyPath);
        Assert.Equal("expected a string, got an empty value", error.Reason);
    }

    [Fact]
    public void Should_list_the_allowed_values_for_an_invalid_enum_value()
    {
        var error = Assert.Single(YamlText.ErrorsAfter("  type: minmax", "  type: maxmin"));

        Assert.Equal("scaling.type", error.KeyPath);
        Assert.Equal("expected one of minmax, standard, robust, log, got 'maxmin'", error.Reason);
    }

    [Fact]
    public void Should_reject_a_date_in_another_format()
    {
        var error = Assert.Single(YamlText.ErrorsAfter("first_date: 1998-10-01", "first_date: 01.10.1998"));

        Assert.Equal("data.first_date", error.KeyPath);
        Assert.Contains("expected a date (yyyy-mm-dd)", error.Reason);
    }

    [Fact]
    public void Should_report_the_line_of_a_yaml_syntax_error()
    {
        var yaml = YamlText.ReplaceOnce(RepoFiles.SettingsText, "  code: ARCES", "  code: \"ARCES");

        var error = Assert.Single(Assert.Throws<SettingsException>(() => SettingsLoader.LoadFromText(yaml, "seismic.yaml")).Errors);

        Assert.StartsWith("YAML syntax error", error.Reason);
        Assert.Equal(YamlText.LineOf(yaml, "\"ARCES"), error.Line);
    }

    [Fact]
    public void Should_reject_a_duplicate_key()
    {
        var error = Assert.Single(YamlText.ErrorsAfter("  step_s: 5", "  step_s: 5\n  step_s: 6"));

        Assert.Contains("Duplicate key", error.Reason);
        Assert.NotNull(error.Line);
    }

    [Fact]
    public void Should_reject_an_empty_file()
    {
        var error = Assert.Single(Assert.Throws<SettingsException>(() => SettingsLoader.LoadFromText("# nothing\n", "empty.yaml")).Errors);

        Assert.Equal("empty.yaml", error.Source);
        Assert.Equal("the file holds no settings", error.Reason);
    }

    [Fact]
    public void Should_report_a_missing_file_by_its_path()
    {
        var path = Path.Combine(Path.GetTempPath(), $"seismic-missing-{Guid.NewGuid():N}.yaml");

        var error = Assert.Single(Assert.Throws<SettingsException>(() => SettingsLoader.Load(path)).Errors);

        Assert.Equal(path, error.Source);
        Assert.StartsWith("file not found", error.Reason);
    }

    [Fact]
    public void Should_collect_every_error_instead_of_stopping_at_the_first()
    {
        var yaml = YamlText.ReplaceOnce(RepoFiles.SettingsText, "  step_s: 5", "  step_s: abc");
        yaml = YamlText.ReplaceOnce(yaml, "  type: minmax", "  type: maxmin");
        yaml = YamlText.ReplaceOnce(yaml, "  seed: 42", "  sead: 42");

        var errors = Assert.Throws<SettingsException>(() => SettingsLoader.LoadFromText(yaml, "seismic.yaml")).Errors;

        // In file order; the missing data.seed is reported at the "data:" line, above the misspelt key.
        Assert.Equal(["window.step_s", "scaling.type", "data.seed", "data.sead"], errors.Select(e => e.KeyPath));
    }

    [Fact]
    public void Should_list_each_error_as_file_line_column_key_and_reason_in_the_message()
    {
        var yaml = YamlText.ReplaceOnce(RepoFiles.SettingsText, "  step_s: 5", "  step_s: abc");

        var exception = Assert.Throws<SettingsException>(() => SettingsLoader.LoadFromText(yaml, "config/seismic.yaml"));

        var line = YamlText.LineOf(yaml, "step_s: abc");
        Assert.Contains($"config/seismic.yaml:{line}:11: window.step_s: expected a number, got 'abc'", exception.Message);
    }
}
