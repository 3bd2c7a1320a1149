using Seismic.Beams;
using Seismic.Configuration;
using Seismic.Metadata.StationXml;
using Seismic.Simulation.Scenario;
using Seismic.TestSupport;
using Seismic.Waveforms.MiniSeed;
using Seismic.Waveforms.Time;

namespace Seismic.Simulation.Tests.Support;

/// <summary>
/// Beams of a stretch of the simulated archive, made the way the beamformer makes them: SDS read, miniSEED,
/// <see cref="ArraySegmentBuilder"/>, <see cref="ArrayInventory"/> from the simulated StationXML, <see cref="BeamPipeline"/>.
/// </summary>
internal sealed class ArchiveBeams
{
    private readonly SimulationOutput output;
    private readonly SeismicSettings settings;
    private readonly ArrayInventory inventory;

    public ArchiveBeams(SimulationOutput output)
    {
        this.output = output;

        // The shipped settings' array reference is the geometry's own (69.535 N, 25.506 E), the point the
        // truth picks refer to, so beam times need no correction.
        settings = SettingsLoader.Load(RepositoryPaths.SettingsFile);
        inventory = new ArrayInventory(StationXmlReader.ReadFile(output.InventoryPath), settings.Array);
    }

    public double EdgeS => settings.Window.EdgeS;

    /// <summary>The three beams of [startUtc, endUtc], steered by the hint, or by f-k when it is null.</summary>
    public BeamSet Form(DateTime startUtc, DateTime endUtc, BackAzimuthHint? hint)
    {
        var from = NanoTime.FromDateTime(startUtc.AddSeconds(-EdgeS));
        var to = NanoTime.FromDateTime(endUtc.AddSeconds(EdgeS + 1));
        using var miniSeed = new MemoryStream();
        foreach (var site in ArcesArray.Sites)
        {
            foreach (var channel in ArcesArray.ChannelCodes)
            {
                var id = SourceId.FromSeed(ArcesArray.NetworkCode, site.Name, ArcesArray.LocationCode, channel);
                foreach (var segment in output.Archive.Read(id, from, to).Segments)
                {
                    MiniSeed2Writer.Write(miniSeed, segment);
                }
            }
        }

        var segmentForBeams = ArraySegmentBuilder.Build(miniSeed.ToArray(), inventory, startUtc, endUtc, EdgeS, hint, []);
        return new BeamPipeline(settings).Form(segmentForBeams);
    }
}
