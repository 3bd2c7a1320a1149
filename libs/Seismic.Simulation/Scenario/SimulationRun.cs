using System.Diagnostics;
using Seismic.Metadata.QuakeMl;
using Seismic.Metadata.StationXml;
using Seismic.Simulation.Output;
using Seismic.Simulation.Sources;
using Seismic.Simulation.Synthesis;
using Seismic.Waveforms.MiniSeed;
using Seismic.Waveforms.Sds;
using Seismic.Waveforms.Traces;

namespace Seismic.Simulation.Scenario;

/// <summary>What a run wrote and how long it took.</summary>
public sealed record SimulationSummary
{
    public required SimulationScenario Scenario { get; init; }

    public required SimulationOutput Output { get; init; }

    public required long SamplesWritten { get; init; }

    /// <summary>Size of everything written (archive, StationXML, QuakeML, defects).</summary>
    public required long BytesWritten { get; init; }

    public required TimeSpan Elapsed { get; init; }

    public int Count(EventKind kind) => Scenario.Count(kind);
}

/// <summary>Where a run's files are: DIR/archive (SDS), DIR/arces.xml, DIR/catalog.xml, DIR/defects.csv.</summary>
public sealed record SimulationOutput(string Folder)
{
    public string ArchivePath => Path.Combine(Folder, "archive");

    public string InventoryPath => Path.Combine(Folder, "arces.xml");

    public string CatalogPath => Path.Combine(Folder, "catalog.xml");

    public string DefectsPath => Path.Combine(Folder, "defects.csv");

    /// <summary>The SDS archive, ready to read back.</summary>
    public SdsArchive Archive => new(ArchivePath);
}

/// <summary>
/// Simulates a scenario into a folder. One day (270 million samples) takes well under two minutes on two cores:
/// noise is filtered white noise made a block at a time, and signals are synthesised only around events.
/// </summary>
public static class SimulationRun
{
    /// <summary>miniSEED 2, Steim-2, 4096-byte records: what NORSAR's and most SDS archives hold.</summary>
    private static readonly MiniSeed2WriteOptions RecordOptions = new() { RecordLengthBytes = 4096 };

    /// <param name="options">What to simulate.</param>
    /// <param name="outputFolder">Created if missing; its archive folder must not hold data already (appending would mix two runs).</param>
    /// <param name="maxDegreeOfParallelism">Threads for the sites; null for all cores.</param>
    /// <exception cref="ArgumentException">The options cannot be simulated; the message lists why.</exception>
    /// <exception cref="InvalidOperationException">The archive folder already holds data.</exception>
    public static SimulationSummary Write(ScenarioOptions options, string outputFolder, int? maxDegreeOfParallelism = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(outputFolder);
        var clock = Stopwatch.StartNew();
        var scenario = SimulationScenario.Generate(options);
        var output = new SimulationOutput(Path.GetFullPath(outputFolder));
        if (Directory.Exists(output.ArchivePath) && Directory.EnumerateFileSystemEntries(output.ArchivePath).Any())
        {
            throw new InvalidOperationException($"{output.ArchivePath} already holds data; simulate into an empty folder, since new records would be appended to the old ones.");
        }

        Directory.CreateDirectory(output.ArchivePath);
        StationXmlWriter.WriteFile(ArcesInventory.Create(options.StartUtc), output.InventoryPath);
        QuakeMlWriter.WriteFile(TruthCatalog.Create(scenario), output.CatalogPath);
        DefectLog.WriteFile(scenario.Defects, output.DefectsPath);

        var recorder = new ArrayRecorder(scenario, NoiseModel.Arces, maxDegreeOfParallelism ?? Environment.ProcessorCount);
        var archive = output.Archive;
        var ids = ArcesArray.Sites
            .Select(site => ArcesArray.ChannelCodes.Select(code => SourceId.FromSeed(ArcesArray.NetworkCode, site.Name, ArcesArray.LocationCode, code)).ToArray())
            .ToArray();
        recorder.Record(block =>
        {
            var id = ids[block.SiteIndex][block.ComponentIndex];
            var next = 0;
            foreach (var (start, end) in block.Missing.OrderBy(m => m.Start).Append((block.Counts.Length, block.Counts.Length)))
            {
                if (start > next)
                {
                    var piece = TraceSegment.FromInt32(id, block.StartTime.AddNanoseconds((long)Math.Round(next * 1e9 / ArcesArray.SampleRateHz)),
                        ArcesArray.SampleRateHz, block.Counts[next..start]);
                    archive.Write(piece, RecordOptions);
                }

                next = Math.Max(next, end);
            }
        });

        return new SimulationSummary
        {
            Scenario = scenario,
            Output = output,
            SamplesWritten = recorder.TotalSamplesPerChannel * ArcesArray.Sites.Count * ArcesArray.ChannelCodes.Count,
            BytesWritten = new DirectoryInfo(output.Folder).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length),
            Elapsed = clock.Elapsed,
        };
    }
}
