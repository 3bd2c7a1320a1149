using Seismic.Configuration.Binding;

namespace Seismic.Configuration;

/// <summary>Loads and validates <see cref="SeismicSettings"/> from config/seismic.yaml.</summary>
public static class SettingsLoader
{
    /// <summary>Environment variable naming the settings file; it takes precedence over the default locations.</summary>
    public const string PathVariable = "SEISMIC_CONFIG";

    /// <summary>Reads, overrides, binds and validates the settings file.</summary>
    /// <param name="path">The YAML file; errors name it as given.</param>
    /// <param name="overrides">Dotted snake_case key paths and YAML values, e.g. {"optimizer.max_lr": "1e-3"}, applied before validation.</param>
    /// <exception cref="SettingsException">The file is missing, unreadable or invalid; lists every problem found.</exception>
    public static SeismicSettings Load(string path, IReadOnlyDictionary<string, string>? overrides = null) =>
        LoadFromText(YamlConfigReader.ReadFile(path), path, overrides)
            .RelativeTo(Path.GetDirectoryName(Path.GetFullPath(path))!);

    /// <summary>Binds and validates settings held in a string, as <see cref="Load"/> does with a file.</summary>
    /// <param name="yaml">The settings as YAML.</param>
    /// <param name="sourceName">Named in error messages in place of a file path.</param>
    /// <param name="overrides">As for <see cref="Load"/>.</param>
    /// <exception cref="SettingsException">The text or an override is invalid.</exception>
    public static SeismicSettings LoadFromText(string yaml, string sourceName, IReadOnlyDictionary<string, string>? overrides = null) =>
        YamlConfigReader.Bind<SeismicSettings>(yaml, sourceName, overrides);

    /// <summary>Loads the file <see cref="FindDefaultPath()"/> finds.</summary>
    /// <exception cref="SettingsException">No settings file was found, or it is invalid.</exception>
    public static SeismicSettings LoadDefault(IReadOnlyDictionary<string, string>? overrides = null)
    {
        var path = FindDefaultPath() ?? throw new SettingsException(
        [
            new SettingsError
            {
                Source = Path.Combine("config", "seismic.yaml"),
                KeyPath = "",
                Reason = $"no settings file found in {string.Join(" or ", DefaultCandidates(Directory.GetCurrentDirectory(), AppContext.BaseDirectory))}; set {PathVariable} to its path",
            },
        ]);
        return Load(path, overrides);
    }

    /// <summary>
    /// The settings file to use: $SEISMIC_CONFIG when set, else the first that exists of
    /// ./config/seismic.yaml and config/seismic.yaml beside the executable; null when none exists.
    /// </summary>
    /// <remarks>
    /// $SEISMIC_CONFIG is returned even when the file does not exist, so that <see cref="Load"/> reports
    /// the missing file the user asked for instead of silently using another one.
    /// </remarks>
    public static string? FindDefaultPath() =>
        FindDefaultPath(Environment.GetEnvironmentVariable(PathVariable), Directory.GetCurrentDirectory(), AppContext.BaseDirectory);

    internal static string? FindDefaultPath(string? variablePath, string currentDirectory, string baseDirectory)
    {
        if (!string.IsNullOrWhiteSpace(variablePath))
        {
            return Path.GetFullPath(variablePath, currentDirectory);
        }

        return DefaultCandidates(currentDirectory, baseDirectory).FirstOrDefault(File.Exists);
    }

    private static IEnumerable<string> DefaultCandidates(string currentDirectory, string baseDirectory) =>
    [
        Path.Combine(currentDirectory, "config", "seismic.yaml"),
        Path.Combine(baseDirectory, "config", "seismic.yaml"),
    ];
}
