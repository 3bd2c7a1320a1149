using System.CommandLine;
using Seismic.Beams;
using Seismic.Configuration;
using Seismic.Evaluation.Detection;
using Seismic.Metadata;
using Seismic.Metadata.Geometry;
using Seismic.Metadata.QuakeMl;
using Seismic.Metadata.StationXml;
using Seismic.Sources;

namespace Seismic.Cli.Commands;

/// <summary>`seismic score`: how well a backfill's reported events found and classified the events of a truth catalog.</summary>
internal static class ScoreCommand
{
    public static Command Create()
    {
        var events = new Option<string>("--events") { Description = "The reporter's reports folder (every day's events.csv in it) or one events.csv", Required = true };
        var catalog = new Option<FileInfo>("--catalog") { Description = "QuakeML truth: labelled events with a P pick at the array", Required = true };
        var start = new Option<string>("--start") { Description = "Start of the scored interval, UTC (the backfill's)", Required = true };
        var end = new Option<string>("--end") { Description = "End of the scored interval, UTC", Required = true };
        var source = new Option<string?>("--source") { Description = "Waveforms, to measure each truth event's P-beam SNR and score by visibility (sds://, file://, fdsnws://)" };
        var inventory = new Option<string?>("--inventory") { Description = "StationXML of the array, with --source (default: array.inventory_path)" };
        var tolerance = new Option<double>("--tolerance") { Description = "A report within this many seconds of a truth P found it", DefaultValueFactory = _ => DetectionReport.DefaultToleranceS };
        var config = CommonOptions.Config();
        var command = new Command("score", "Score reported events against a truth catalog: recall, precision, onset error, earthquake/explosion confusion")
        {
            events, catalog, start, end, source, inventory, tolerance, config,
        };
        command.SetAction(async (parse, cancellation) =>
        {
            if (!Pipeline.BackfillRun.TryParseUtc(parse.GetValue(start)!, "--start", out var startUtc) || !Pipeline.BackfillRun.TryParseUtc(parse.GetValue(end)!, "--end", out var endUtc))
                return 2;
            try
            {
                var configFile = parse.GetValue(config);
                var settings = configFile is null ? SettingsLoader.LoadDefault() : SettingsLoader.Load(configFile.FullName);
                var truth = TruthEvent.From(QuakeMlReader.ReadFile(parse.GetValue(catalog)!.FullName), settings.Array.Code, settings.Array.StationPattern,
                    new GeoPoint(settings.Array.ReferenceLatitudeDeg, settings.Array.ReferenceLongitudeDeg), startUtc, endUtc);
                var reported = DetectionReport.ReadEvents(parse.GetValue(events)!)
                    .Where(e => e.OnsetUtc >= startUtc && e.OnsetUtc < endUtc).ToList();
                var score = DetectionScoring.Score(truth, reported, parse.GetValue(tolerance));
                var snr = new Dictionary<TruthEvent, double?>();
                if (parse.GetValue(source) is { } uri)
                {
                    using var waveforms = WaveformSources.Open(uri);
                    var inventoryPath = parse.GetValue(inventory) ?? settings.Array.InventoryPath
                        ?? throw new SettingsException([new SettingsError { Source = "--inventory", KeyPath = "array.inventory_path", Reason = "the SNR needs the array's StationXML" }]);
                    var measure = new PBeamSnr(settings, new ArrayInventory(StationXmlReader.ReadFile(inventoryPath), settings.Array), waveforms);
                    foreach (var t in truth)
                        snr[t] = await measure.Measure(t, cancellation);
                }
                foreach (var line in DetectionReport.Lines(score, snr))
                    Console.WriteLine(line);
                foreach (var missed in score.Missed)
                    Console.WriteLine($"  missed: {missed.PUtc:yyyy-MM-ddTHH:mm:ss.f}Z {missed.Label} M{missed.Magnitude:F1} {missed.DistanceKm:F0} km baz {missed.BackAzimuthDeg:F0}, SNR {(snr.GetValueOrDefault(missed) is { } s ? s.ToString("F1", System.Globalization.CultureInfo.InvariantCulture) : "-")}");
                foreach (var alarm in score.FalseAlarms)
                    Console.WriteLine($"  false alarm: {alarm.EventId} {alarm.Label} baz {alarm.BackAzimuthDeg:F0}");
                return 0;
            }
            catch (SettingsException invalid)
            {
                Console.Error.WriteLine(invalid.Message);
                return 2;
            }
            catch (Exception unreadable) when (unreadable is IOException or MetadataFormatException or WaveformSourceException or CsvHelper.CsvHelperException)
            {
                Console.Error.WriteLine(unreadable.Message);
                return 2;
            }
        });
        return command;
    }
}
