using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Seismic.Beams;
using Seismic.Configuration;
using Seismic.Metadata.Geometry;
using Seismic.Metadata.StationXml;
using Seismic.Signal.Arrays;
using Seismic.Signal.Conditioning;
using Seismic.Signal.FrequencyWavenumber;
using Seismic.Signal.Hygiene;
using Seismic.Sources;
using Seismic.Waveforms.MiniSeed;
using Seismic.Waveforms.Time;
using Seismic.Waveforms.Traces;

namespace Seismic.Cli.Commands;

/// <summary>`seismic fk`: back-azimuth and slowness of what crosses an array, window by window, and the arrival among them.</summary>
internal static class FkCommand
{
    public static Command Create()
    {
        var config = CommonOptions.Config();
        var input = new ArrayInputOptions(
            "miniSEED file with the array's vertical channels",
            key => $"{key} of the settings when --config is given; without --config, {(key == "array.network" ? "any network" : "every station of the inventory")}");
        var start = new Option<string>("--start") { Description = "Start of the analysis, UTC (ISO 8601)", Required = true };
        var end = new Option<string>("--end") { Description = "End of the analysis, UTC", Required = true };
        var fmin = new Option<double?>("--fmin")
        {
            Description = "Lower edge of the band, Hz (default: the P-beam band's filters.beam_filter.bandpass.min_hz, 2 Hz in the shipped settings; lower bands lock on the microseism)",
        };
        var fmax = new Option<double?>("--fmax") { Description = "Upper edge of the band, Hz (default: filters.beam_filter.bandpass.max_hz, 8 Hz in the shipped settings)" };
        var window = new Option<double>("--window") { Description = "Window length, s (windows overlap by half)", DefaultValueFactory = _ => 10 };
        var maxSlowness = new Option<double>("--max-slowness") { Description = "Largest slowness searched, s/km", DefaultValueFactory = _ => 0.4 };
        var step = new Option<double>("--slowness-step") { Description = "Slowness grid step, s/km", DefaultValueFactory = _ => 0.005 };
        var minPower = new Option<double>("--min-relative-power")
        {
            Description = "A window below this relative power (0 to 1) is never reported as the arrival; with none above it, fk says so and exits 1",
            DefaultValueFactory = _ => 0,
        };
        var json = new Option<bool>("--json") { Description = "One JSON object per window, then {\"arrival\": ...}" };
        var command = new Command("fk",
            "f-k analysis (beam power over a slowness grid) of an array's vertical channels, window by window, with offsets from the centroid "
            + "of the selected sites. The arrival reported at the end is the window with the highest relative power (coherence across the array), "
            + $"not the loudest: of windows within {FkResult.RelativePowerTolerance} in relative power the one with the most absolute power, then "
            + "the earliest. Absolute power is listed for every window.");
        foreach (var option in input.All.Concat([config, start, end, fmin, fmax, window, maxSlowness, step, minPower, json]))
            command.Options.Add(option);
        command.SetAction(async (parse, cancellation) =>
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
            if (parse.GetValue(minPower) is < 0 or > 1)
            {
                Console.Error.WriteLine($"--min-relative-power {parse.GetValue(minPower)}: must be between 0 and 1.");
                return 2;
            }

            SeismicSettings settings;
            var configFile = parse.GetValue(config);
            try
            {
                settings = configFile is null ? SettingsLoader.LoadDefault() : SettingsLoader.Load(configFile.FullName);
            }
            catch (SettingsException invalid)
            {
                Console.Error.WriteLine(invalid.Message);
                return 2;
            }

            // The P-beam band: the microseism (0.1-1 Hz) is coherent across an array and would win below it.
            var band = settings.Filters.BeamFilter.Bandpass;
            var options = new FkOptions
            {
                WindowSeconds = parse.GetValue(window),
                LowHz = parse.GetValue(fmin) ?? band.MinHz,
                HighHz = parse.GetValue(fmax) ?? band.MaxHz,
                MaxSlownessSPerKm = parse.GetValue(maxSlowness),
                SlownessStepSPerKm = parse.GetValue(step),
            };
            if (options.LowHz <= 0 || options.HighHz <= options.LowHz)
            {
                Console.Error.WriteLine($"The band {options.LowHz}-{options.HighHz} Hz is empty: --fmin must be above 0 and below --fmax.");
                return 2;
            }

            // An inventory holds more than the array; the configured array applies only when the user named the settings.
            var sites = input.Sites(parse, configFile is null ? ArraySiteSelection.Everything : ArraySiteSelection.Of(settings.Array));
            return await Run(input, parse, sites, from, to, options, parse.GetValue(minPower), parse.GetValue(json), cancellation);
        });
        return command;
    }

    private static async Task<int> Run(
        ArrayInputOptions input, ParseResult parse, ArraySiteSelection selection, NanoTime from, NanoTime to, FkOptions options,
        double minimumRelativePower, bool json, CancellationToken cancellation)
    {
        if (input.ReadInventory(parse) is not { } inventory)
            return 2;

        var atUtc = from.ToDateTime();
        var stations = selection.StationsAt(inventory, atUtc);
        if (stations.Count == 0)
        {
            Console.Error.WriteLine(ArrayInputOptions.NoSites(selection, inventory, atUtc));
            return 2;
        }

        // The reference is the centroid of the selected sites, not of everything the file holds.
        var reference = GeoPoint.MeanOf(stations.Select(s => new GeoPoint(s.LatitudeDeg, s.LongitudeDeg)));
        var sites = stations
            .Select(s => (s.Code, Offset: LocalProjection.ToOffset(reference, new GeoPoint(s.LatitudeDeg, s.LongitudeDeg))))
            .Select(s => new ArraySite(s.Code, s.Offset.EastKm, s.Offset.NorthKm))
            .ToList();

        var (source, problem) = input.OpenWaveforms(parse);
        if (source is null)
        {
            Console.Error.WriteLine(problem);
            return 2;
        }

        using var waveforms = source;
        WaveformRead read;
        try
        {
            // Vertical channels only: f-k on a mix of components would compare unlike motions. The analysis
            // works on FFTs of windows inside the interval, so no edge beyond it is read.
            read = await waveforms.ReadAsync(selection.Channels(inventory, atUtc, "*Z"), atUtc, to.ToDateTime(), cancellation);
        }
        catch (WaveformSourceException unreadable)
        {
            Console.Error.WriteLine(unreadable.Message);
            return 2;
        }

        foreach (var sourceProblem in read.Problems)
            Console.Error.WriteLine($"{waveforms.Address}: {sourceProblem}");
        var traces = MiniSeedFile.ReadTraces(read.MiniSeed);
        foreach (var traceProblem in traces.Problems)
            Console.Error.WriteLine($"{waveforms.Address}: {traceProblem}");
        var channelsRead = traces.Segments
            .Where(segment => segment.SourceId.Channel.EndsWith('Z') && selection.Matches(segment.SourceId.Network, segment.SourceId.Station))
            .Select(segment => segment.Cut(from, to))
            .OfType<TraceSegment>()
            .Select(segment =>
            {
                var samples = segment.ToDoubleArray();
                Detrend.Demean(samples);
                return new ArrayChannel(segment.SourceId.Station,
                    new SignalTrace(segment.SourceId.SeedCode, segment.StartTime.ToDateTime(), segment.SampleRateHz, samples));
            })
            .ToList();
        if (channelsRead.Count == 0)
        {
            Console.Error.WriteLine($"{waveforms.Address} has no vertical channel of the {sites.Count} selected sites ({selection}) between {from} and {to}.");
            return 1;
        }

        FkResult result;
        try
        {
            result = new FkAnalyzer(sites).Analyze(channelsRead, options);
        }
        catch (ArrayProcessingException unusable)
        {
            Console.Error.WriteLine(unusable.Message);
            return 1;
        }
        catch (ArgumentException unusable)
        {
            Console.Error.WriteLine(unusable.Message);
            return 2;
        }
        foreach (var issue in result.Issues)
            Console.Error.WriteLine($"{issue.Site}: {issue.Kind}: {issue.Detail}");
        if (result.Windows.Count == 0)
        {
            Console.Error.WriteLine("No window could be analysed: the interval is shorter than one window or holds too few sites.");
            return 1;
        }

        var arrival = result.Arrival(minimumRelativePower);
        if (json)
        {
            foreach (var window in result.Windows)
                Console.WriteLine(JsonSerializer.Serialize(Json(window)));
            Console.WriteLine(JsonSerializer.Serialize(new { arrival = arrival is null ? null : Json(arrival) }));
        }
        else
        {
            Console.WriteLine($"{"WINDOW START (UTC)",-24} {"BAZ (deg)",9} {"SLOWNESS (s/km)",15} {"VELOCITY (km/s)",15} {"REL. POWER",10} {"ABS. POWER",10} {"SITES",5}");
            foreach (var window in result.Windows)
                Console.WriteLine(Line(window));
            if (arrival is not null)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"Arrival (highest relative power): {arrival.StartUtc:yyyy-MM-ddTHH:mm:ss.fff}Z, back-azimuth {arrival.BackAzimuthDeg:F1} deg, slowness {arrival.SlownessSPerKm:F4} s/km ({arrival.ApparentVelocityKmPerS:F1} km/s), relative power {arrival.RelativePower:F2}, {arrival.SiteCount} sites."));
            }
        }

        if (arrival is null)
        {
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"No window reaches relative power {minimumRelativePower:F2} (the highest is {result.Windows.Max(w => w.RelativePower):F2}): no coherent arrival."));
            return 1;
        }

        return 0;
    }

    private static string Line(FkWindow window) => string.Create(CultureInfo.InvariantCulture,
        $"{window.StartUtc,-24:yyyy-MM-ddTHH:mm:ss.fff} {window.BackAzimuthDeg,9:F1} {window.SlownessSPerKm,15:F4} {window.ApparentVelocityKmPerS,15:F1} {window.RelativePower,10:F2} {window.AbsolutePower,10:G3} {window.SiteCount,5}");

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
