using System.CommandLine;
using System.Globalization;
using Seismic.Configuration;
using Seismic.Inference.Registry;

namespace Seismic.Cli.Commands;

/// <summary>`seismic models list`: the registered model versions, newest last.</summary>
internal static class ModelsCommand
{
    public static Command Create()
    {
        var config = CommonOptions.Config();
        var list = new Command("list", "List the model versions in the registry (paths.models_dir) with their metrics") { config };
        list.SetAction(parse =>
        {
            try
            {
                var file = parse.GetValue(config);
                var settings = file is null ? SettingsLoader.LoadDefault() : SettingsLoader.Load(file.FullName);
                var registry = new ModelRegistry(settings.Paths.ModelsDir);
                var models = registry.List();
                if (models.Count == 0)
                {
                    Console.WriteLine($"No models in {Path.GetFullPath(registry.Root)}.");
                    return 0;
                }
                Console.WriteLine($"{"MODEL",-24} {"VERSION",7} {"ARCHITECTURE",-12} {"CREATED (UTC)",-17} {"WINDOW",-13} METRICS");
                foreach (var (card, _) in models)
                {
                    var metrics = string.Join(", ", card.Metrics.OrderBy(m => m.Key, StringComparer.Ordinal)
                        .Select(m => string.Create(CultureInfo.InvariantCulture, $"{m.Key}={m.Value:0.###}")));
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"{card.Name,-24} {card.Version,7} {card.Architecture,-12} {card.CreatedUtc,-17:yyyy-MM-dd HH:mm} {card.WindowSamples + " @ " + card.SampleRateHz + " Hz",-13} {metrics}"));
                }
                return 0;
            }
            catch (SettingsException invalid)
            {
                Console.Error.WriteLine(invalid.Message);
                return 2;
            }
            catch (ModelRegistryException broken)
            {
                Console.Error.WriteLine(broken.Message);
                return 1;
            }
        });
        return new Command("models", "Work with the model registry") { list };
    }
}
