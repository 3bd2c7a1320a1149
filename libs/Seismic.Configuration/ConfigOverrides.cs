namespace Seismic.Configuration;

/// <summary>
/// One override dictionary (as a TrainModel command carries it) covers two files: keys under
/// "hyperparameters." go to the model's hyperparameter file, all others to the settings file.
/// </summary>
public static class ConfigOverrides
{
    public const string HyperparametersPrefix = "hyperparameters.";

    /// <summary>Splits overrides into those for <see cref="SettingsLoader"/> and those (prefix removed) for <see cref="ModelHyperparametersLoader"/>.</summary>
    public static (IReadOnlyDictionary<string, string> Settings, IReadOnlyDictionary<string, string> Hyperparameters) Split(
        IReadOnlyDictionary<string, string> overrides)
    {
        var settings = new Dictionary<string, string>(StringComparer.Ordinal);
        var hyperparameters = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in overrides)
        {
            if (key.StartsWith(HyperparametersPrefix, StringComparison.Ordinal))
            {
                hyperparameters[key[HyperparametersPrefix.Length..]] = value;
            }
            else
            {
                settings[key] = value;
            }
        }

        return (settings, hyperparameters);
    }
}
