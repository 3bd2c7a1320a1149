using System.CommandLine;
using Seismic.Configuration;

namespace Seismic.Cli.Commands;

/// <summary>`seismic config check [FILE]`: validate settings the way every worker does at start-up.</summary>
internal static class ConfigCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo?>("FILE")
        {
            Description = "Settings file (default: $SEISMIC_CONFIG, ./config/seismic.yaml, or the copy next to the program)",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var check = new Command("check", "Validate a settings file and the model files in its models/ folder; list every problem with file, line and key")
        {
            file,
        };
        check.SetAction(parse => Check(parse.GetValue(file)));
        return new Command("config", "Work with the settings file") { check };
    }

    private static int Check(FileInfo? file)
    {
        try
        {
            var path = file?.FullName ?? SettingsLoader.FindDefaultPath();
            var settings = path is null ? SettingsLoader.LoadDefault() : SettingsLoader.Load(path);
            Console.WriteLine($"{path}: valid. Array {settings.Array.Code}; window {settings.Window.LengthS:G} s at {settings.Window.SampleRateHz:G} Hz " +
                              $"({settings.Window.SamplesPerWindow} samples, step {settings.Window.StepSamples}); model {settings.Model.Name} ({settings.Model.Architecture}).");

            var failed = false;
            var modelsFolder = Path.Combine(Path.GetDirectoryName(path)!, "models");
            foreach (var modelFile in Directory.Exists(modelsFolder) ? Directory.GetFiles(modelsFolder, "*.yaml").Order().ToArray() : [])
            {
                try
                {
                    var model = ModelHyperparametersLoader.Load(modelFile);
                    Console.WriteLine($"{modelFile}: valid ({model.Architecture}).");
                }
                catch (SettingsException invalid)
                {
                    Console.Error.WriteLine(invalid.Message);
                    failed = true;
                }
            }
            return failed ? 1 : 0;
        }
        catch (SettingsException invalid)
        {
            Console.Error.WriteLine(invalid.Message);
            return 1;
        }
    }
}
