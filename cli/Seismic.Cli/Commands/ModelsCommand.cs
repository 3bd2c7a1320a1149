using System.CommandLine;
using System.Globalization;
using Seismic.Beams;
using Seismic.Configuration;
using Seismic.Inference.Onnx;
using Seismic.Inference.Registry;

namespace Seismic.Cli.Commands;

/// <summary>`seismic models list` and `seismic models import`: the model registry from the command line.</summary>
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
        return new Command("models", "Work with the model registry") { list, Import() };
    }

    /// <summary>
    /// `seismic models import FILE`: registers an ONNX model made elsewhere (a Keras model of the original
    /// converted with tf2onnx, say) as the next version of a model name, once it has passed the same contract
    /// check the classifier makes. Its card takes window, rate, scaling and thresholds from the settings.
    /// </summary>
    private static Command Import()
    {
        var config = CommonOptions.Config();
        var file = new Argument<FileInfo>("FILE") { Description = "ONNX model: input \"input\" [batch, samples, 3], outputs \"detector\" and \"classifier\" [batch, 1] logits" };
        var name = new Option<string?>("--name") { Description = "Model name to register it under (default: model.name of the settings)" };
        var command = new Command("import", "Register an ONNX model made elsewhere as the next version of a model") { file, name, config };
        command.SetAction(parse =>
        {
            try
            {
                var configFile = parse.GetValue(config);
                var settings = configFile is null ? SettingsLoader.LoadDefault() : SettingsLoader.Load(configFile.FullName);
                var onnx = parse.GetValue(file)!;
                if (settings.Scaling.Scope == ScalingScope.Global)
                {
                    Console.Error.WriteLine("scaling.scope is global: an imported model would need the statistics it was trained with, which an ONNX file does not carry; import it with local scaling.");
                    return 2;
                }
                using (ClassifierModel.Load(onnx.FullName, settings.Window.SamplesPerWindow))
                {
                    // Opened only to check it against the contract; the registry keeps its own copy.
                }

                var card = new ModelCard
                {
                    Name = parse.GetValue(name) ?? settings.Model.Name,
                    Version = 0,
                    Architecture = "imported",
                    CreatedUtc = DateTime.UtcNow,
                    WindowSamples = settings.Window.SamplesPerWindow,
                    SampleRateHz = settings.Window.SampleRateHz,
                    Channels = BeamSet.Names,
                    Scaler = ScalerCard.From(settings.Scaling),
                    DetectorThreshold = settings.Model.DetectorThreshold,
                    ClassifierThreshold = settings.Model.ClassifierThreshold,
                    DetectorLabels = ModelCard.NoiseEventLabels,
                    ClassifierLabels = ModelCard.EarthquakeExplosionLabels,
                    OnnxSha256 = "",
                };
                var registered = new ModelRegistry(settings.Paths.ModelsDir).Register(card, onnx.FullName);
                Console.WriteLine($"Registered {registered.Card.Id} ({registered.Card.OnnxSha256}) at {registered.OnnxPath}. Classifiers load it when they start.");
                return 0;
            }
            catch (SettingsException invalid)
            {
                Console.Error.WriteLine(invalid.Message);
                return 2;
            }
            catch (ModelLoadException unusable)
            {
                Console.Error.WriteLine(unusable.Message);
                return 1;
            }
        });
        return command;
    }
}
