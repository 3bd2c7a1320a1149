using System.CommandLine;
using Seismic.Beams;
using Seismic.Metadata;
using Seismic.Metadata.StationXml;
using Seismic.Sources;
using Seismic.Sources.Files;

namespace Seismic.Cli.Commands;

/// <summary>
/// The options `seismic fk` and `seismic beam` share: the inventory, which of its stations form the array
/// (--network, --stations) and where the waveforms come from (--data or --source, exactly one).
/// </summary>
internal sealed class ArrayInputOptions
{
    /// <param name="dataDescription">What --data must hold, for --help.</param>
    /// <param name="defaultFrom">For --help: what is taken when an option is not given, from the settings key that would give it
    /// ("array.network", "array.station_pattern").</param>
    public ArrayInputOptions(string dataDescription, Func<string, string> defaultFrom)
    {
        Inventory = new Option<FileInfo>("--inventory") { Description = "StationXML with the array's sites", Required = true };
        Data = new Option<FileInfo?>("--data")
        {
            Description = $"{dataDescription}; indexed by record headers, so only the records of the interval are read (same as --source file://FILE)",
        };
        Source = new Option<string?>("--source")
        {
            Description = "Waveform source instead of --data: sds:///path (SDS archive) or file:///path/*.mseed (miniSEED files); only the interval is read",
        };
        Network = new Option<string?>("--network") { Description = $"Network code of the array's sites, SEED wildcards allowed (default: {defaultFrom("array.network")})" };
        Stations = new Option<string?>("--stations")
        {
            Description = "Station code pattern of the array's sites, SEED wildcards: * any run of characters, ? one character, e.g. AR* or YK*; "
                + $"an inventory often holds more stations than the array (default: {defaultFrom("array.station_pattern")})",
        };
        foreach (var pattern in new[] { Network, Stations })
        {
            pattern.Validators.Add(result =>
            {
                if (string.IsNullOrWhiteSpace(result.GetValueOrDefault<string?>()))
                    result.AddError($"{pattern.Name} needs a code or a pattern, e.g. {(pattern == Network ? "NO" : "AR*")}.");
            });
        }
    }

    public Option<FileInfo> Inventory { get; }

    public Option<FileInfo?> Data { get; }

    public Option<string?> Source { get; }

    public Option<string?> Network { get; }

    public Option<string?> Stations { get; }

    public IEnumerable<Option> All => [Inventory, Data, Source, Network, Stations];

    /// <summary>
    /// The sites: --network and --stations where given, <paramref name="fallback"/> for what is not, so
    /// `--stations YKR*` alone keeps the default network.
    /// </summary>
    public ArraySiteSelection Sites(ParseResult parse, ArraySiteSelection fallback) =>
        new(parse.GetValue(Network) ?? fallback.NetworkPattern, parse.GetValue(Stations) ?? fallback.StationPattern);

    /// <summary>The one waveform source the user named, or the reason there is none (a sentence for stderr).</summary>
    public (IWaveformSource? Source, string? Problem) OpenWaveforms(ParseResult parse)
    {
        var data = parse.GetValue(Data);
        var uri = parse.GetValue(Source);
        if (data is null && string.IsNullOrWhiteSpace(uri))
        {
            return (null, "Give the waveforms with --data FILE or --source URI (sds:///path, file:///path/*.mseed).");
        }

        if (data is not null && !string.IsNullOrWhiteSpace(uri))
        {
            return (null, $"Give --data or --source, not both (--data {data.FullName} is --source file://{data.FullName}).");
        }

        if (data is not null && !data.Exists)
        {
            return (null, $"--data {data.FullName}: no such file.");
        }

        try
        {
            return data is not null
                ? (new MiniSeedFilesSource(data.FullName, $"--data {data.FullName}"), null)
                : (WaveformSources.Open(uri!), null);
        }
        catch (WaveformSourceException unusable)
        {
            return (null, data is null ? $"--source {unusable.Message}" : unusable.Message);
        }
    }

    /// <summary>Reads --inventory, printing what the reader tolerated to stderr; null (after saying why) when it cannot.</summary>
    public Inventory? ReadInventory(ParseResult parse)
    {
        var file = parse.GetValue(Inventory)!;
        if (!file.Exists)
        {
            Console.Error.WriteLine($"--inventory {file.FullName}: no such file.");
            return null;
        }

        try
        {
            return StationXmlReader.ReadFile(file.FullName, warning => Console.Error.WriteLine($"warning: {warning.Message}"));
        }
        catch (MetadataFormatException invalid)
        {
            Console.Error.WriteLine(invalid.Message);
            return null;
        }
        catch (Exception unreadable) when (unreadable is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"--inventory {file.FullName}: cannot be read ({unreadable.Message.TrimEnd('.')}).");
            return null;
        }
    }

    /// <summary>The sentence for an array with no site: what was asked for and what the inventory has.</summary>
    public static string NoSites(ArraySiteSelection sites, Inventory inventory, DateTime atUtc)
    {
        var present = inventory.StationsActiveAt(atUtc).Select(s => $"{s.NetworkCode}.{s.Code}").Distinct().ToList();
        var listed = present.Count == 0
            ? "it has no station active then"
            : $"it has {string.Join(", ", present.Take(12))}{(present.Count > 12 ? $" and {present.Count - 12} more" : "")}";
        return $"No station of the inventory matches --network {sites.NetworkPattern} --stations {sites.StationPattern} at {atUtc:yyyy-MM-ddTHH:mm:ss}Z; {listed}.";
    }
}
