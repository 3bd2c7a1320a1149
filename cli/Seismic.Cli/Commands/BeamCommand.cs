using System.CommandLine;
using System.Globalization;
using Seismic.Beams;
using Seismic.Configuration;
using Seismic.Metadata;
using Seismic.Metadata.StationXml;
using Seismic.Waveforms.Encodings;
using Seismic.Waveforms.MiniSeed;
using Seismic.Waveforms.Time;
using Seismic.Waveforms.Traces;

namespace Seismic.Cli.Commands;

/// <summary>`seismic beam`: the beamformer worker's processing on files, beams out as miniSEED.</summary>
internal static class BeamCommand
{
    /// <summary>Channel codes of the beams in the output file, in the order [P-beam Z, S-beam T, S-beam R].</summary>
    private static readonly string[] BeamChannels = ["PBZ", "SBT", "SBR"];

    public static Command Create()
    {
        var config = CommonOptions.Config();
        var inventory = new Option<FileInfo>("--inventory") { Description = "StationXML with the array's sites and sensor orientations", Required = true };
        var data = new Option<FileInfo>("--data") { Description = "miniSEED with the array's 3-component data, reaching window.edge_s beyond both ends", Required = true };
        var start = new Option<string>("--start") { Description = "First beam sample, UTC (ISO 8601)", Required = true };
        var end = new Option<string>("--end") { Description = "Last beam sample, UTC", Required = true };
        var backAzimuth = new Option<double?>("--baz") { Description = "Steer to this back-azimuth, degrees (default: estimate it by f-k)" };
        var output = new Option<FileInfo>("--out", "-o") { Description = "miniSEED file to write the three beams to", Required = true };
        var command = new Command("beam", "Form the P and S beams of a segment as the beamformer worker does, and write them as miniSEED")
        {
            config, inventory, data, start, end, backAzimuth, output,
        };
        command.SetAction(parse =>
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
            try
            {
                var configFile = parse.GetValue(config);
                var settings = configFile is null ? SettingsLoader.LoadDefault() : SettingsLoader.Load(configFile.FullName);
                return Run(settings, parse.GetValue(inventory)!, parse.GetValue(data)!, from, to, parse.GetValue(backAzimuth), parse.GetValue(output)!);
            }
            catch (SettingsException invalid)
            {
                Console.Error.WriteLine(invalid.Message);
                return 2;
            }
        });
        return command;
    }

    private static int Run(SeismicSettings settings, FileInfo inventoryFile, FileInfo dataFile, NanoTime from, NanoTime to, double? backAzimuthDeg, FileInfo output)
    {
        foreach (var file in new[] { inventoryFile, dataFile })
        {
            if (!file.Exists)
            {
                Console.Error.WriteLine($"{file.FullName}: no such file.");
                return 2;
            }
        }

        BeamSet beams;
        try
        {
            var array = new ArrayInventory(StationXmlReader.ReadFile(inventoryFile.FullName), settings.Array);
            var hint = backAzimuthDeg is { } baz ? new BackAzimuthHint([baz], null, null) : null;
            var segment = ArraySegmentBuilder.Build(File.ReadAllBytes(dataFile.FullName), array, from.ToDateTime(), to.ToDateTime(), settings.Window.EdgeS, hint, []);
            beams = new BeamPipeline(settings).Form(segment);
        }
        catch (MetadataFormatException invalid)
        {
            Console.Error.WriteLine(invalid.Message);
            return 2;
        }
        catch (SegmentRejectedException rejected)
        {
            Console.Error.WriteLine($"No beams: {rejected.Message}");
            return 1;
        }

        using (var stream = File.Create(output.FullName))
        {
            var startTime = NanoTime.FromDateTime(beams.StartUtc);
            var ordered = beams.InPayloadOrder;
            for (var i = 0; i < ordered.Count; i++)
            {
                var id = SourceId.FromSeed(settings.Array.Network, settings.Array.Code, "", BeamChannels[i]);
                var samples = ordered[i].Select(x => (float)x).ToArray();
                MiniSeed2Writer.Write(stream, TraceSegment.FromFloat32(id, startTime, beams.SampleRateHz, samples),
                    new MiniSeed2WriteOptions { Encoding = DataEncoding.Float32 });
            }
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
}
