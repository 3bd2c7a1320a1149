using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Seismic.Configuration;

namespace Seismic.Hosting;

/// <summary>Loads the domain settings (config/seismic.yaml) into a host.</summary>
public static class SettingsHosting
{
    /// <summary>Configuration key (or SEISMIC_CONFIG environment variable) naming the YAML file.</summary>
    public const string ConfigFileKey = "Seismic:ConfigFile";

    /// <summary>
    /// Reads and validates the settings file named by "Seismic:ConfigFile", else the default search
    /// (SEISMIC_CONFIG, ./config/seismic.yaml, the copy next to the program), and registers it.
    /// Throws <see cref="SettingsException"/> naming every bad key; a host must not start on a bad file.
    /// </summary>
    /// <param name="builder">The host being built.</param>
    /// <param name="overrides">Dotted keys and values applied over the file and checked like it (a command's --out, say).</param>
    public static SeismicSettings LoadSeismicSettings(this IHostApplicationBuilder builder, IReadOnlyDictionary<string, string>? overrides = null)
    {
        var configured = builder.Configuration[ConfigFileKey];
        var settings = string.IsNullOrEmpty(configured) ? SettingsLoader.LoadDefault(overrides) : SettingsLoader.Load(configured, overrides);
        // LoadDefault succeeded, so the default search found a file.
        builder.Services.AddSingleton(new SettingsFile(Path.GetFullPath(string.IsNullOrEmpty(configured) ? SettingsLoader.FindDefaultPath()! : configured)));
        builder.Services.AddSingleton(settings);
        return settings;
    }
}

/// <summary>
/// The settings file a host loaded. The trainer reads it again with a command's overrides, and finds the
/// model hyperparameter files beside it (config/models/).
/// </summary>
public sealed record SettingsFile(string Path);
