using System.CommandLine;
using System.Globalization;
using Seismic.Configuration;
using Seismic.Datasets.Building;
using Seismic.Datasets.SeisBench;

namespace Seismic.Cli.Commands;

/// <summary>`seismic dataset build` and `seismic dataset info`: training datasets in SeisBench's format.</summary>
internal static class DatasetCommand
{
    public static Command Create() =>
        new("dataset", "Build and inspect training datasets (SeisBench format: metadata.csv + waveforms.hdf5)") { Build(), Info() };

    private static Command Build()
    {
        var config = CommonOptions.Config();
        var catalog = new Option<FileInfo>("--catalog") { Description = "QuakeML catalog of labelled events (type, origin, ARCES picks)", Required = true };
        var inventory = new Option<FileInfo>("--inventory") { Description = "StationXML of the array (site positions, sensor orientations)", Required = true };
        var source = new Option<string>("--source") { Description = "Waveform source: sds:///path/to/archive, file:///path/*.mseed, fdsnws://host[:port], or the folder of an SDS archive", Required = true };
        var output = new Option<DirectoryInfo>("--out", "-o") { Description = "Folder for metadata.csv, waveforms.hdf5 and build-report.txt", Required = true };
        var trainUntil = new Option<string?>("--train-until") { Description = "First day (UTC, yyyy-mm-dd) not in the training split; with --val-until (default: data.train_fraction of the event days)" };
        var valUntil = new Option<string?>("--val-until") { Description = "First day of the test split; days from --train-until up to it are the dev split" };
        var noisePerEvent = new Option<int>("--noise-per-event") { Description = "Noise windows drawn per event window", DefaultValueFactory = _ => 1 };
        var seed = new Option<int?>("--seed") { Description = "Seed of the noise draws (default: data.seed)" };
        var command = new Command("build", "Build a labelled dataset of P/S beam windows from a catalog and a waveform archive")
        {
            catalog, inventory, source, output, config, trainUntil, valUntil, noisePerEvent, seed,
        };
        command.SetAction(parse =>
        {
            if (!TryParseDay(parse.GetValue(trainUntil), "--train-until", out var trainDay) || !TryParseDay(parse.GetValue(valUntil), "--val-until", out var valDay))
            {
                return 2;
            }
            SeismicSettings settings;
            try
            {
                var configFile = parse.GetValue(config);
                settings = configFile is null ? SettingsLoader.LoadDefault() : SettingsLoader.Load(configFile.FullName);
            }
            catch (SettingsException invalid)
            {
                Console.Error.WriteLine(invalid.Message);
                return 2;
            }

            var options = new DatasetBuildOptions
            {
                CatalogPath = parse.GetValue(catalog)!.FullName,
                InventoryPath = parse.GetValue(inventory)!.FullName,
                Source = parse.GetValue(source)!,
                OutputDirectory = parse.GetValue(output)!.FullName,
                TrainUntil = trainDay,
                DevUntil = valDay,
                NoisePerEvent = parse.GetValue(noisePerEvent),
                Seed = parse.GetValue(seed) ?? settings.Data.Seed,
            };
            try
            {
                var result = new DatasetBuilder(settings).Build(options, line => Console.WriteLine($"  {line}"));
                Console.WriteLine($"Wrote {result.TraceCount} traces to {result.OutputDirectory} ({result.Skipped.Count} left out, reasons in {result.ReportPath}).");
                PrintCounts(result.Counts);
                WarnOfEmptySplits(result);
                return 0;
            }
            catch (DatasetException refused)
            {
                Console.Error.WriteLine($"No dataset: {refused.Message}");
                return 1;
            }
        });
        return command;
    }

    /// <summary>
    /// Splits are whole UTC days, so a dataset of one or two event days leaves some empty, and `seismic train`
    /// then stops for want of dev windows: say so now, with what would fill them.
    /// </summary>
    private static void WarnOfEmptySplits(DatasetBuildResult result)
    {
        foreach (var split in new[] { DatasetSplits.Train, DatasetSplits.Dev, DatasetSplits.Test })
        {
            if (result.Counts.Where(c => c.Key.Split == split).Sum(c => c.Value) > 0)
                continue;
            Console.Error.WriteLine(
                $"warning: the '{split}' split is empty. Splits are whole UTC days (train before {result.Calendar.TrainUntil:yyyy-MM-dd}, dev before {result.Calendar.DevUntil:yyyy-MM-dd}, test after), " +
                "so each needs at least one day with events: three event days in all (seismic train needs train and dev; test scores the model). " +
                "Simulate more days (seismic simulate --days 3 or more) or set --train-until and --val-until.");
        }
    }

    private static Command Info()
    {
        var folder = new Argument<DirectoryInfo>("DIR") { Description = "Dataset folder (metadata.csv + waveforms.hdf5)" };
        var command = new Command("info", "Counts per split and label, samples per trace, rate, component order and content hash of a dataset") { folder };
        command.SetAction(parse =>
        {
            try
            {
                using var dataset = SeisBenchDataset.Open(parse.GetValue(folder)!.FullName);
                Console.WriteLine($"Dataset {dataset.Directory}");
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {dataset.Traces.Count} traces of {dataset.SamplesPerTrace} samples at {dataset.SamplingRateHz:G} Hz ({dataset.SamplesPerTrace / dataset.SamplingRateHz:0.###} s), components {dataset.ComponentOrder}"));
                Console.WriteLine($"  content sha256 {dataset.ContentSha256}");
                PrintCounts(dataset.Traces.GroupBy(t => (t.Split, t.Label)).ToDictionary(g => g.Key, g => g.Count()));
                return 0;
            }
            catch (DatasetException unreadable)
            {
                Console.Error.WriteLine(unreadable.Message);
                return 1;
            }
        });
        return command;
    }

    /// <summary>A table of splits (rows) by labels (columns) with totals.</summary>
    private static void PrintCounts(IReadOnlyDictionary<(string Split, string Label), int> counts)
    {
        var labels = DatasetLabels.All;
        Console.WriteLine($"  {"split",-6}" + string.Concat(labels.Select(l => $" {l,10}")) + $" {"total",8}");
        foreach (var split in DatasetSplits.All)
        {
            var row = labels.Select(l => counts.GetValueOrDefault((split, l))).ToList();
            Console.WriteLine($"  {split,-6}" + string.Concat(row.Select(n => $" {n,10}")) + $" {row.Sum(),8}");
        }
        var totals = labels.Select(l => DatasetSplits.All.Sum(s => counts.GetValueOrDefault((s, l)))).ToList();
        Console.WriteLine($"  {"total",-6}" + string.Concat(totals.Select(n => $" {n,10}")) + $" {totals.Sum(),8}");
    }

    private static bool TryParseDay(string? text, string option, out DateOnly? day)
    {
        day = null;
        if (text is null)
        {
            return true;
        }
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            day = parsed;
            return true;
        }
        Console.Error.WriteLine($"{option} {text}: expected a UTC day as yyyy-mm-dd, e.g. 2019-01-01.");
        return false;
    }
}
