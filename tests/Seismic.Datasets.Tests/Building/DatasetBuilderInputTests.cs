using Seismic.TestSupport;
using Seismic.Datasets.Building;
using Seismic.Datasets.SeisBench;
using Seismic.Datasets.Tests.Support;

namespace Seismic.Datasets.Tests.Building;

/// <summary>Inputs the builder refuses as a whole, before or instead of writing anything.</summary>
public sealed class DatasetBuilderInputTests(SmallArchiveFixture archive) : IClassFixture<SmallArchiveFixture>, IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private DatasetBuildOptions Options() => new()
    {
        CatalogPath = archive.CatalogPath,
        InventoryPath = archive.InventoryPath,
        Source = archive.ArchivePath,
        OutputDirectory = _folder.Combine("out"),
        Seed = 1,
    };

    private DatasetException Refused(DatasetBuildOptions options) =>
        Assert.Throws<DatasetException>(() => new DatasetBuilder(SmallArchiveFixture.Settings()).Build(options));

    [Fact]
    public void Should_refuse_an_archive_that_does_not_exist()
    {
        var error = Refused(Options() with { Source = "sds://" + _folder.Combine("no-archive") });

        Assert.Contains("no-archive", error.Message);
        Assert.Contains("does not exist", error.Message);
    }

    [Fact]
    public void Should_refuse_a_source_it_cannot_read()
    {
        var message = Refused(Options() with { Source = "seedlink://localhost:18000" }).Message;

        Assert.Contains("seedlink://localhost:18000", message);
        Assert.Contains("cannot be read by interval", message);
    }

    [Fact]
    public void Should_refuse_an_inventory_that_does_not_parse()
    {
        var inventory = _folder.Combine("broken.xml");
        File.WriteAllText(inventory, "<FDSNStationXML><Network");

        var error = Refused(Options() with { InventoryPath = inventory });

        Assert.Contains("broken.xml", error.Message);
        Assert.Contains("not a readable StationXML file", error.Message);
    }

    [Fact]
    public void Should_refuse_a_missing_catalog()
    {
        Assert.Contains("no such file", Refused(Options() with { CatalogPath = _folder.Combine("none.xml") }).Message);
    }

    [Fact]
    public void Should_refuse_split_dates_in_the_wrong_order_or_alone()
    {
        Assert.Contains("before --train-until", Refused(Options() with { TrainUntil = new DateOnly(2024, 3, 3), DevUntil = new DateOnly(2024, 3, 2) }).Message);
        Assert.Contains("go together", Refused(Options() with { TrainUntil = new DateOnly(2024, 3, 3) }).Message);
    }

    [Fact]
    public void Should_write_nothing_when_no_window_can_be_built()
    {
        var empty = SmallArrayArchive.ArchivePath(_folder.Combine("empty"));
        Directory.CreateDirectory(empty);

        var error = Refused(Options() with { Source = empty });

        Assert.Contains("no window could be built", error.Message);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_folder.Combine("out")));
    }

    [Fact]
    public void Should_split_by_the_configured_fractions_of_event_days_when_no_dates_are_given()
    {
        var result = new DatasetBuilder(SmallArchiveFixture.Settings()).Build(Options() with { NoisePerEvent = 0 });

        // Two event days: 0.8 of them would round to both, but dev keeps one so that early stopping has data.
        Assert.Equal(new DateOnly(2024, 3, 2), result.Calendar.TrainUntil);
        Assert.Equal(new DateOnly(2024, 3, 3), result.Calendar.DevUntil);
        Assert.Contains(result.Counts.Keys, k => k.Split == DatasetSplits.Train);
        Assert.Contains(result.Counts.Keys, k => k.Split == DatasetSplits.Dev);
        Assert.DoesNotContain(result.Counts.Keys, k => k.Split == DatasetSplits.Test);
    }
}
