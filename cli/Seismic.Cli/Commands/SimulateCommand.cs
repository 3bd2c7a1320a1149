using System.CommandLine;
using System.Globalization;
using Seismic.Simulation.Scenario;
using Seismic.Simulation.Sources;
using Seismic.Waveforms.Time;

namespace Seismic.Cli.Commands;

/// <summary>`seismic simulate`: a synthetic ARCES with ground truth (SDS archive, StationXML, QuakeML), see docs/simulation.md.</summary>
internal static class SimulateCommand
{
    public static Command Create()
    {
        var start = new Option<string>("--start") { Description = "First sample, UTC (ISO 8601), e.g. 2024-03-04T00:00:00Z", Required = true };
        var days = new Option<double?>("--days") { Description = "Days to simulate (default 1 unless --hours is given)" };
        var hours = new Option<double?>("--hours") { Description = "Hours to simulate, added to --days; for small scenarios" };
        var seed = new Option<long>("--seed") { Description = "Random seed: the same seed gives the same bytes", Required = true };
        var output = new Option<DirectoryInfo>("--out", "-o") { Description = "Folder for archive/ (SDS), arces.xml, catalog.xml and defects.csv", Required = true };
        var rate = new Option<double>("--rate-multiplier") { Description = "Multiplies the bulletin event rates (0: noise only)", DefaultValueFactory = _ => 1.0 };
        var earthquakes = new Option<double>("--earthquake-rate-multiplier")
        {
            Description = "A further factor on earthquake rates alone (the bulletin has ~17 explosions per earthquake; raise it for training data)",
            DefaultValueFactory = _ => 1.0,
        };
        var defects = new Option<double>("--defect-multiplier") { Description = "Multiplies the rates of gaps, dead sites and spikes (0: clean data)", DefaultValueFactory = _ => 1.0 };
        var command = new Command("simulate", "Simulate ARCES recordings of regional events and noise, with the truth catalog")
        {
            start, days, hours, seed, output, rate, earthquakes, defects,
        };
        command.SetAction(parse =>
        {
            if (!NanoTime.TryParse(parse.GetValue(start), out var startTime))
            {
                Console.Error.WriteLine($"--start '{parse.GetValue(start)}' is not a UTC time in ISO 8601, e.g. 2024-03-04T00:00:00Z.");
                return 1;
            }

            var (dayCount, hourCount) = (parse.GetValue(days), parse.GetValue(hours));
            if (dayCount is < 0 || hourCount is < 0)
            {
                Console.Error.WriteLine("--days and --hours must not be negative.");
                return 1;
            }

            var duration = TimeSpan.FromDays(dayCount ?? (hourCount is null ? 1 : 0)) + TimeSpan.FromHours(hourCount ?? 0);
            var options = new ScenarioOptions
            {
                StartUtc = startTime.ToDateTime(),
                Duration = duration,
                Seed = parse.GetValue(seed),
                RateMultiplier = parse.GetValue(rate),
                EarthquakeRateMultiplier = parse.GetValue(earthquakes),
                DefectRateMultiplier = parse.GetValue(defects),
            };
            var problems = options.FindProblems();
            if (problems.Count > 0)
            {
                foreach (var problem in problems)
                {
                    Console.Error.WriteLine(problem);
                }

                return 1;
            }

            return Run(options, parse.GetValue(output)!);
        });
        return command;
    }

    private static int Run(ScenarioOptions options, DirectoryInfo folder)
    {
        if (File.Exists(folder.FullName))
        {
            Console.Error.WriteLine($"--out {folder.FullName} is a file; give a folder.");
            return 1;
        }

        try
        {
            Directory.CreateDirectory(folder.FullName);
            var probe = Path.Combine(folder.FullName, $".seismic-write-test-{Environment.ProcessId}");
            File.WriteAllText(probe, "");
            File.Delete(probe);
        }
        catch (Exception unwritable) when (unwritable is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"--out {folder.FullName} cannot be written: {unwritable.Message}");
            return 1;
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Simulating {options.Duration.TotalHours:G} h of ARCES from {options.StartUtc:yyyy-MM-ddTHH:mm:ss}Z, seed {options.Seed}, into {folder.FullName} ..."));
        SimulationSummary summary;
        try
        {
            summary = SimulationRun.Write(options, folder.FullName);
        }
        catch (InvalidOperationException occupied)
        {
            Console.Error.WriteLine(occupied.Message);
            return 1;
        }

        var scenario = summary.Scenario;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Events: {scenario.Events.Count} ({summary.Count(EventKind.Explosion)} explosions, {summary.Count(EventKind.Earthquake)} earthquakes, {summary.Count(EventKind.InducedOrTriggered)} induced or triggered)."));
        foreach (var region in scenario.Events.GroupBy(e => e.RegionName).OrderByDescending(g => g.Count()))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {region.Count(),5}  {region.Key}"));
        }

        Console.WriteLine(scenario.Defects.Count == 0
            ? "Defects: none."
            : $"Defects: {scenario.Defects.Count} ({string.Join(", ", scenario.Defects.GroupBy(d => d.Kind).Select(g => $"{g.Count()} {g.Key}"))}).");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Wrote {summary.SamplesWritten / 1e6:F1} M samples, {summary.BytesWritten / 1e6:F1} MB in {summary.Elapsed.TotalSeconds:F1} s:"));
        Console.WriteLine($"  {summary.Output.ArchivePath}  (SDS archive, miniSEED 2 Steim-2)");
        Console.WriteLine($"  {summary.Output.InventoryPath}  (StationXML 1.2)");
        Console.WriteLine($"  {summary.Output.CatalogPath}  (QuakeML 1.2 truth: events, origins, ML, ARCES P and S picks)");
        Console.WriteLine($"  {summary.Output.DefectsPath}  (gaps, dead sites, spikes)");
        return 0;
    }
}
