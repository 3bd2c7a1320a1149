using Seismic.Configuration.Binding;
using YamlDotNet.RepresentationModel;

namespace Seismic.Configuration;

/// <summary>Loads config/models/&lt;architecture&gt;.yaml with the same checks and error reports as <see cref="SettingsLoader"/>.</summary>
public static class ModelHyperparametersLoader
{
    private static readonly Dictionary<ModelArchitecture, Type> RecordTypes = new()
    {
        [ModelArchitecture.AlexNet] = typeof(AlexNetHyperparameters),
        [ModelArchitecture.CnnDense] = typeof(CnnDenseHyperparameters),
        [ModelArchitecture.Compact] = typeof(CompactHyperparameters),
    };

    /// <summary>The hyperparameter file of <paramref name="architecture"/>: models/&lt;name&gt;.yaml beside the settings file.</summary>
    public static string DefaultPath(string settingsPath, ModelArchitecture architecture) =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(settingsPath))!, "models", KeyNames.EnumName(architecture) + ".yaml");

    /// <exception cref="SettingsException">The file is missing, unreadable or invalid.</exception>
    public static ModelHyperparameters Load(string path, IReadOnlyDictionary<string, string>? overrides = null) =>
        LoadFromText(YamlConfigReader.ReadFile(path), path, overrides);

    /// <param name="yaml">The hyperparameters as YAML.</param>
    /// <param name="sourceName">Named in error messages in place of a file path.</param>
    /// <param name="overrides">Dotted key paths within this file and YAML values, e.g. {"dropout": "0.1"}.</param>
    /// <exception cref="SettingsException">The text or an override is invalid.</exception>
    public static ModelHyperparameters LoadFromText(string yaml, string sourceName, IReadOnlyDictionary<string, string>? overrides = null) =>
        YamlConfigReader.Bind<ModelHyperparameters>(yaml, sourceName, overrides, ChooseRecordType);

    private static Type? ChooseRecordType(YamlMappingNode root, YamlBinder binder)
    {
        var supported = string.Join(", ", RecordTypes.Keys.Select(architecture => KeyNames.EnumName(architecture)));
        var key = root.Children.Keys.FirstOrDefault(k => k is YamlScalarNode { Value: "architecture" });
        if (key is null)
        {
            binder.Report(root, "architecture", $"required key is missing (expected one of {supported})");
            return null;
        }

        var node = root.Children[key];
        var value = (node as YamlScalarNode)?.Value?.Trim() ?? "";
        var architecture = KeyNames.EnumNames(typeof(ModelArchitecture))
            .FirstOrDefault(pair => pair.Key.Equals(value, StringComparison.OrdinalIgnoreCase)).Value;
        if (architecture is ModelArchitecture known && RecordTypes.TryGetValue(known, out var type))
        {
            return type;
        }

        binder.Report(node, "architecture", $"no hyperparameter file is defined for '{value}'; expected one of {supported}");
        return null;
    }
}
