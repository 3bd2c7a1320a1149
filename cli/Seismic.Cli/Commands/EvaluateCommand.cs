using System.CommandLine;
using System.Globalization;
using Seismic.Configuration;
using Seismic.Datasets.SeisBench;
using Seismic.Evaluation;
using Seismic.Evaluation.Scoring;
using Seismic.Inference.Onnx;
using Seismic.Inference.Registry;

namespace Seismic.Cli.Commands;

/// <summary>
/// `seismic evaluate`: a registered model on one split of a SeisBench dataset, as the original's predict.py
/// and Analysis.py did: metrics, confusion matrix, predictions CSV, mistake-rate plots and probability histograms.
/// </summary>
internal static class EvaluateCommand
{
    public static Command Create()
    {
        var config = CommonOptions.Config();
        var model = new Option<string>("--model", "-m") { Description = "Model to evaluate: NAME (its latest version) or NAME:vN", Required = true };
        var dataset = new Option<DirectoryInfo>("--dataset", "-d") { Description = "SeisBench dataset folder (metadata.csv + waveforms.hdf5)", Required = true };
        var split = new Option<string>("--split") { Description = "Split to evaluate on: train, dev or test", DefaultValueFactory = _ => DatasetSplits.Test };
        split.AcceptOnlyFromAmong([.. DatasetSplits.All]);
        var output = new Option<DirectoryInfo?>("--out", "-o") { Description = "Folder for the report (default: <paths.reports_dir>/evaluation/<name>-v<N>-<split>)" };
        var modelsDir = new Option<DirectoryInfo?>("--models-dir") { Description = "Model registry folder (default: paths.models_dir of the settings)" };
        var batchSize = new Option<int>("--batch-size") { Description = "Windows per inference batch", DefaultValueFactory = _ => DatasetScorer.DefaultBatchSize };
        var command = new Command("evaluate", "Evaluate a registered model on a dataset split: metrics, confusion matrix, predictions CSV and plots")
        {
            model, dataset, split, output, modelsDir, batchSize, config,
        };
        command.SetAction(parse =>
        {
            try
            {
                var reference = ModelReference.Parse(parse.GetValue(model)!);
                var chosenSplit = parse.GetValue(split)!;
                if (parse.GetValue(batchSize) < 1)
                {
                    Console.Error.WriteLine("--batch-size must be at least 1.");
                    return 2;
                }

                // The settings are read only for what the options leave out, so a registry and an output folder
                // given on the command line work without a settings file.
                SeismicSettings? settings = null;
                SeismicSettings Settings()
                {
                    var file = parse.GetValue(config);
                    return settings ??= file is null ? SettingsLoader.LoadDefault() : SettingsLoader.Load(file.FullName);
                }

                var registry = new ModelRegistry(parse.GetValue(modelsDir)?.FullName ?? Settings().Paths.ModelsDir);
                var registered = registry.Resolve(reference.Name, reference.Version);
                var outputFolder = parse.GetValue(output)?.FullName
                    ?? Path.Combine(Settings().Paths.ReportsDir, "evaluation", $"{registered.Card.Name}-v{registered.Card.Version}-{chosenSplit}");

                Console.WriteLine($"Evaluating {registered.Card.Id} on the {chosenSplit} split of {parse.GetValue(dataset)!.FullName}...");
                var lastTenth = -1;
                var result = ModelEvaluation.Run(registered, parse.GetValue(dataset)!.FullName, chosenSplit, outputFolder, parse.GetValue(batchSize),
                    (done, total) =>
                    {
                        var tenth = done * 10 / total;
                        if (tenth == lastTenth)
                            return;
                        lastTenth = tenth;
                        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  scored {done} of {total} windows"));
                    });

                Console.WriteLine();
                Console.Write(result.Summary);
                Console.WriteLine();
                Console.WriteLine($"Wrote {result.Files.Count} files to {Path.GetFullPath(outputFolder)}:");
                foreach (var file in result.Files)
                    Console.WriteLine($"  {file}");
                return 0;
            }
            catch (SettingsException invalid)
            {
                Console.Error.WriteLine(invalid.Message);
                return 2;
            }
            catch (Exception refused) when (refused is EvaluationException or ModelRegistryException or DatasetException or ModelLoadException)
            {
                Console.Error.WriteLine(refused.Message);
                return 1;
            }
        });
        return command;
    }
}
