using System.CommandLine;
using System.Globalization;
using Seismic.Beams;
using Seismic.Configuration;
using Seismic.Sources;
using Seismic.Waveforms.Encodings;
using Seismic.Waveforms.MiniSeed;
using Seismic.Waveforms.Time;
using Seismic.Waveforms.Traces;

namespace Seismic.Cli.Commands;

/// <summary>`seismic beam`: the beamformer worker's processing on files or an archive, beams out as miniSEED.</summary>
internal static class BeamCommand
{
    /// <summary>Channel codes of the beams in the output file, in the order [P-beam Z, S-beam T, S-beam R].</summary>
    internal static readonly string[] BeamChannels = ["PBZ", "SBT", "SBR"];

    public static Command Create()
    {
        var config = CommonOptions.Config();
        var input = new ArrayInputOptions(
            "miniSEED with the array's 3-component data, reaching window.edge_s beyond both ends",
            key => $"{key} of the settings");
        var start = new Option<string>("--start") { Description = "First beam sample, UTC (ISO 8601)", Required = true };
        var end = new Option<string>("--end") { Description = "Last beam sample, UTC", Required = true };
        var backAzimuth = new Option<double?>("--baz") { Description = "Steer to this back-azimuth, degrees (default: estimate it by f-k)" };
        var output = new Option<FileInfo>("--out", "-o") { Description = "miniSEED file to write the three beams to", Required = true };
        var command = new Command("beam",
            "Form the P and S beams of a segment as the beamformer worker does, and write them as miniSEED. Only the records of "
            + "[start - window.edge_s, end + window.edge_s] are read, of the array's channels (array.channel_pattern)");
        foreach (var option in input.All.Concat([config, start, end, backAzimuth, output]))
            command.Options.Add(option);
        command.SetAction(async (parse, cancellation) =>
        {
            if (!NanoTime.TryParse(parse.GetValue(start)!, out var from) || !NanoTime.TryParse(parse.GetValue(end)!, out var to))
            {
                Console.Error.WriteLine("--start and --end must be UTC times in ISO 8601, e.g. 2023-10-30T12:00:00Z.");
                return 2;
            }
            if (to <= from)
            {
                Console.Error.WriteLine($"The segment ends ({to}) before it starts ({from}).");
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

            var sites = input.Sites(parse, ArraySiteSelection.Of(settings.Array));
            return await Run(settings, input, parse, sites, from.ToDateTime(), to.ToDateTime(), parse.GetValue(backAzimuth), parse.GetValue(output)!, cancellation);
        });
        return command;
    }

    private static async Task<int> Run(
        SeismicSettings settings, ArrayInputOptions input, ParseResult parse, ArraySiteSelection sites, DateTime startUtc, DateTime endUtc,
        double? backAzimuthDeg, FileInfo output, CancellationToken cancellation)
    {
        if (input.ReadInventory(parse) is not { } inventory)
            return 2;

        var channels = sites.Channels(inventory, startUtc, settings.Array.ChannelPatternAt(startUtc));
        if (channels.Count == 0)
        {
            Console.Error.WriteLine(ArrayInputOptions.NoSites(sites, inventory, startUtc));
            return 2;
        }

        var (source, problem) = input.OpenWaveforms(parse);
        if (source is null)
        {
            Console.Error.WriteLine(problem);
            return 2;
        }

        using var waveforms = source;
        var edgeS = settings.Window.EdgeS;
        WaveformRead read;
        try
        {
            // The taper and filters consume window.edge_s at each end; nothing beyond it is read.
            read = await waveforms.ReadAsync(channels, startUtc.AddSeconds(-edgeS), endUtc.AddSeconds(edgeS), cancellation);
        }
        catch (WaveformSourceException unreadable)
        {
            Console.Error.WriteLine(unreadable.Message);
            return 2;
        }

        foreach (var sourceProblem in read.Problems)
            Console.Error.WriteLine($"{waveforms.Address}: {sourceProblem}");
        if (read.IsEmpty)
        {
            Console.Error.WriteLine($"No beams: {waveforms.Address} has no data of the {channels.Count} selected stations ({sites}, channels {settings.Array.ChannelPatternAt(startUtc)}) "
                + $"between {startUtc.AddSeconds(-edgeS):yyyy-MM-ddTHH:mm:ss}Z and {endUtc.AddSeconds(edgeS):yyyy-MM-ddTHH:mm:ss}Z.");
            return 1;
        }

        BeamSet beams;
        try
        {
            var array = new ArrayInventory(inventory, settings.Array, sites);
            var hint = backAzimuthDeg is { } baz ? new BackAzimuthHint([baz], null, null) : null;
            var segment = ArraySegmentBuilder.Build(read.MiniSeed, array, startUtc, endUtc, edgeS, hint, []);
            beams = new BeamPipeline(settings).Form(segment);
        }
        catch (SegmentRejectedException rejected)
        {
            Console.Error.WriteLine($"No beams: {rejected.Message}");
            return 1;
        }

        try
        {
            Write(beams, settings.Array, output);
        }
        catch (Exception unwritable) when (unwritable is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"--out {output.FullName}: cannot be written ({unwritable.Message.TrimEnd('.')}).");
            return 2;
        }

        var direction = beams.BackAzimuth;
        var fk = direction.FkRelativePower is { } power
            ? string.Create(CultureInfo.InvariantCulture, $", f-k relative power {power:F2}, {direction.FkApparentVelocityKmPerS:F1} km/s")
            : "";
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Beams of {beams.SitesUsed.Count} sites, {beams.SampleCount} samples at {beams.SampleRateHz:G} Hz from {beams.StartUtc:yyyy-MM-ddTHH:mm:ss.fff}Z, steered to {direction.BackAzimuthDeg:F1} deg ({direction.Source}{fk})."));
        foreach (var warning in beams.Warnings)
            Console.WriteLine($"  warning: {warning}");
        Console.WriteLine($"Wrote {string.Join(", ", BeamSet.Names.Zip(BeamChannels, (name, code) => $"{code} ({name})"))} to {output.FullName}.");
        return 0;
    }

    private static void Write(BeamSet beams, ArraySettings array, FileInfo output)
    {
        using var stream = File.Create(output.FullName);
        var startTime = NanoTime.FromDateTime(beams.StartUtc);
        var ordered = beams.InPayloadOrder;
        for (var i = 0; i < ordered.Count; i++)
        {
            var id = SourceId.FromSeed(array.Network, array.Code, "", BeamChannels[i]);
            var samples = ordered[i].Select(x => (float)x).ToArray();
            MiniSeed2Writer.Write(stream, TraceSegment.FromFloat32(id, startTime, beams.SampleRateHz, samples),
                new MiniSeed2WriteOptions { Encoding = DataEncoding.Float32 });
        }
    }
}
