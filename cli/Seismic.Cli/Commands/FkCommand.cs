using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Seismic.Metadata;
using Seismic.Metadata.Geometry;
using Seismic.Metadata.StationXml;
using Seismic.Signal.Arrays;
using Seismic.Signal.Conditioning;
using Seismic.Signal.FrequencyWavenumber;
using Seismic.Signal.Hygiene;
using Seismic.Waveforms.MiniSeed;
using Seismic.Waveforms.Time;

namespace Seismic.Cli.Commands;

/// <summary>`seismic fk`: back-azimuth and slowness of what crosses an array, window by window.</summary>
internal static class FkCommand
{
    public static Command Create()
    {
        var inventory = new Option<FileInfo>("--inventory") { Description = "StationXML with the array's sites", Required = true };
        var data = new Option<FileInfo>("--data") { Description = "miniSEED file with the array's vertical channels", Required = true };
        var start = new Option<string>("--start") { Description = "Start of the analysis, UTC (ISO 8601)", Required = true };
        var end = new Option<string>("--end") { Description = "End of the analysis, UTC", Required = true };
        var fmin = new Option<double>("--fmin") { Description = "Lower edge of the band, Hz", DefaultValueFactory = _ => 0.5 };
        var fmax = new Option<double>("--fmax") { Description = "Upper edge of the band, Hz", DefaultValueFactory = _ => 2.0 };
        var window = new Option<double>("--window") { Description = "Window length, s (windows overlap by half)", DefaultValueFactory = _ => 10 };
        var maxSlowness = new Option<double>("--max-slowness") { Description = "Largest slowness searched, s/km", DefaultValueFactory = _ => 0.4 };
        var step = new Option<double>("--slowness-step") { Description = "Slowness grid step, s/km", DefaultValueFactory = _ => 0.005 };
        var json = new Option<bool>("--json") { Description = "One JSON object per window, then the strongest window" };
        var command = new Command("fk", "f-k analysis (beam power over a slowness grid) of an array's vertical channels")
        {
            inventory, data, start, end, fmin, fmax, window, maxSlowness, step, json,
        };
        command.SetAction(parse =>
        {
            if (!NanoTime.TryParse(parse.GetValue(start)!, out var from) || !NanoTime.TryParse(parse.GetValue(end)!, out var to))
            {
                Console.Error.WriteLine("--start and --end must be UTC times in ISO 8601, e.g. 2012-08-14T03:07:20Z.");
                return 2;
            }
            if (to <= from)
            {
                Console.Error.WriteLine($"The analysis ends ({to}) before it starts ({from}).");
                return 2;
            }
            var options = new FkOptions
            {
                WindowSeconds = parse.GetValue(window),
                LowHz = parse.GetValue(fmin),
                HighHz = parse.GetValue(fmax),
                MaxSlownessSPerKm = parse.GetValue(maxSlowness),
                SlownessStepSPerKm = parse.GetValue(step),
            };
            return Run(parse.GetValue(inventory)!, parse.GetValue(data)!, from, to, options, parse.GetValue(json));
        });
        return command;
    }

    private static int Run(FileInfo inventoryFile, FileInfo dataFile, NanoTime from, NanoTime to, FkOptions options, bool json)
    {
        foreach (var file in new[] { inventoryFile, dataFile })
        {
            if (!file.Exists)
            {
                Console.Error.WriteLine($"{file.FullName}: no such file.");
                return 2;
            }
        }

        Inventory inventory;
        try
        {
            inventory = StationXmlReader.ReadFile(inventoryFile.FullName);
        }
        catch (MetadataFormatException invalid)
        {
            Console.Error.WriteLine(invalid.Message);
            return 2;
        }

        var atUtc = from.ToDateTime();
        var sites = ArrayGeometry.StationOffsets(inventory, ArrayGeometry.Centroid(inventory, atUtc), atUtc)
            .Select(offset => new ArraySite(offset.StationCode, offset.EastKm, offset.NorthKm))
            .ToList();
        var traces = MiniSeedFile.ReadTraces(dataFile.FullName);
        foreach (var problem in traces.Problems)
            Console.Error.WriteLine($"{dataFile.Name}: {problem}");
        // Vertical channels only: f-k on a mix of components would compare unlike motions.
        var channels = traces.Segments
            .Where(segment => segment.SourceId.Channel.EndsWith('Z'))
            .Select(segment => segment.Cut(from, to))
            .OfType<Waveforms.Traces.TraceSegment>()
            .Select(segment =>
            {
                var samples = segment.ToDoubleArray();
                Detrend.Demean(samples);
                return new ArrayChannel(segment.SourceId.Station,
                    new SignalTrace(segment.SourceId.SeedCode, segment.StartTime.ToDateTime(), segment.SampleRateHz, samples));
            })
            .ToList();

        FkResult result;
        try
        {
            result = new FkAnalyzer(sites).Analyze(channels, options);
        }
        catch (ArrayProcessingException unusable)
        {
            Console.Error.WriteLine(unusable.Message);
            return 1;
        }
        foreach (var issue in result.Issues)
            Console.Error.WriteLine($"{issue.Site}: {issue.Kind}: {issue.Detail}");
        if (result.Windows.Count == 0)
        {
            Console.Error.WriteLine("No window could be analysed: the interval is shorter than one window or holds too few sites.");
            return 1;
        }

        var strongest = result.Windows.MaxBy(w => w.AbsolutePower)!;
        if (json)
        {
            foreach (var window in result.Windows)
                Console.WriteLine(JsonSerializer.Serialize(Json(window)));
            Console.WriteLine(JsonSerializer.Serialize(new { strongest = Json(strongest) }));
            return 0;
        }

        Console.WriteLine($"{"WINDOW START (UTC)",-24} {"BAZ (deg)",9} {"SLOWNESS (s/km)",15} {"VELOCITY (km/s)",15} {"REL. POWER",10} {"SITES",5}");
        foreach (var window in result.Windows)
            Console.WriteLine(Line(window));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Strongest window: {strongest.StartUtc:yyyy-MM-ddTHH:mm:ss.fff}Z, back-azimuth {strongest.BackAzimuthDeg:F1} deg, slowness {strongest.SlownessSPerKm:F4} s/km ({strongest.ApparentVelocityKmPerS:F1} km/s), relative power {strongest.RelativePower:F2}."));
        return 0;
    }

    private static string Line(FkWindow window) => string.Create(CultureInfo.InvariantCulture,
        $"{window.StartUtc,-24:yyyy-MM-ddTHH:mm:ss.fff} {window.BackAzimuthDeg,9:F1} {window.SlownessSPerKm,15:F4} {window.ApparentVelocityKmPerS,15:F1} {window.RelativePower,10:F2} {window.SiteCount,5}");

    private static object Json(FkWindow window) => new
    {
        startUtc = window.StartUtc.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
        backAzimuthDeg = Math.Round(window.BackAzimuthDeg, 2),
        slownessSPerKm = Math.Round(window.SlownessSPerKm, 5),
        apparentVelocityKmPerS = Math.Round(window.ApparentVelocityKmPerS, 3),
        relativePower = Math.Round(window.RelativePower, 4),
        absolutePower = window.AbsolutePower,
        sites = window.SiteCount,
    };
}
