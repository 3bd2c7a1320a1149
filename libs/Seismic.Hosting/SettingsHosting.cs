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
    public static SeismicSettings LoadSeismicSettings(this IHostApplicationBuilder builder)
    {
        var settings = builder.Configuration[ConfigFileKey] is { Length: > 0 } path
            ? SettingsLoader.Load(path)
            : SettingsLoader.LoadDefault();
        builder.Services.AddSingleton(settings);
        return settings;
    }
}
