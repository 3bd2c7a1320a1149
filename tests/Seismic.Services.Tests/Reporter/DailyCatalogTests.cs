using Seismic.Contracts.Classification;
using Seismic.Metadata.QuakeMl;
using Seismic.Reporter.Processing;
using Seismic.TestSupport;
using Seismic.TestSupport.QuakeMl;

namespace Seismic.Services.Tests.Reporter;

public sealed class DailyCatalogTests
{
    [Fact]
    public void Should_read_back_through_the_quakeml_reader_with_the_same_events_types_and_picks()
    {
        using var folder = new TempFolder();
        var catalog = new DailyCatalog(folder.Path, "NO");
        var explosion = ReportSamples.Event("ARCES_20231030T120130Z") with { ApparentVelocityKmPerS = 8.0 };
        var earthquake = ReportSamples.Event("ARCES_20231030T150000Z", PredictedLabel.Earthquake) with
        {
            OnsetUtc = new DateTime(2023, 10, 30, 15, 0, 0, DateTimeKind.Utc),
            MeanClassifierProbability = 0.04,
            BackAzimuthDeg = 12.25,
        };

        catalog.Record(earthquake);
        var path = catalog.Record(explosion);
        catalog.Record(explosion);

        var read = QuakeMlReader.ReadFile(path, _ => { });
        Assert.Equal(Path.Combine(folder.Path, "2023-10-30", "catalog.xml"), path);
        Assert.Empty(QuakeMlWriter.FindProblems(read));
        Assert.Empty(QuakeMlSchema.Validate(path));
        Assert.Equal(2, read.Events.Count);
        var (first, second) = (read.Events[0], read.Events[1]);

        Assert.Equal("smi:seismic/event/ARCES_20231030T120130Z/compact-v3", first.PublicId);
        Assert.Equal(EventTypes.Explosion, first.Type);
        Assert.Equal(EventTypeCertainty.Suspected, first.TypeCertainty);
        Assert.Contains("probability_detector=0.97", first.Comments);
        Assert.Contains("probability_explosion=0.81", first.Comments);
        var pick = Assert.Single(first.Picks);
        Assert.Equal(explosion.OnsetUtc, pick.TimeUtc);
        Assert.Equal(("NO", "ARCES"), (pick.WaveformId.NetworkCode, pick.WaveformId.StationCode));
        Assert.Equal(160.5, pick.BackazimuthDeg);
        Assert.Equal(13.899, pick.HorizontalSlownessSPerDeg!.Value, 3);
        Assert.Equal("P", pick.PhaseHint);

        Assert.Equal(EventTypes.Earthquake, second.Type);
        Assert.Equal(EventTypeCertainty.Known, second.TypeCertainty);
        Assert.Equal(12.25, Assert.Single(second.Picks).BackazimuthDeg);
        Assert.Null(second.Picks[0].HorizontalSlownessSPerDeg);
        Assert.False(File.Exists(path + ".tmp"));
    }

    [Fact]
    public void Should_keep_a_catalog_event_id_readable_as_a_quakeml_resource_id()
    {
        var quake = DailyCatalog.ToQuakeMl(ReportSamples.Event("smi:local/event/1"), "NO");

        Assert.Equal("smi:seismic/event/smi_local_event_1/compact-v3", quake.PublicId);
        Assert.Empty(QuakeMlWriter.FindProblems(new Catalog { PublicId = "smi:seismic/catalog/test", Events = [quake] }));
    }
}
