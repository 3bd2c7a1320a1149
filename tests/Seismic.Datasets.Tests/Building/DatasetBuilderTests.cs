using Seismic.TestSupport;
using Seismic.Datasets.Building;
using Seismic.Datasets.SeisBench;
using Seismic.Datasets.Tests.Support;

namespace Seismic.Datasets.Tests.Building;

/// <summary>
/// Builds one dataset from the small archive (train: 1 March, test: 2 March) and checks what came out.
/// The build runs once for the class; each test looks at one aspect of it.
/// </summary>
public sealed class DatasetBuilderTests : IClassFixture<DatasetBuilderTests.Built>
{
    private readonly Built _built;

    public DatasetBuilderTests(Built built) => _built = built;

    public sealed class Built : IDisposable
    {
        private readonly TempFolder _output = new();

        public Built()
        {
            Archive = new SmallArchiveFixture();
            var progress = new List<string>();
            try
            {
                Result = Build(_output.Path, progress);
            }
            catch (DatasetException failed)
            {
                throw new InvalidOperationException($"{failed.Message}\n{string.Join("\n", progress)}", failed);
            }
            Dataset = SeisBenchDataset.Open(_output.Path);
        }

        /// <summary>Builds the class's dataset into <paramref name="output"/>.</summary>
        public DatasetBuildResult Build(string output, List<string> progress) =>
            new DatasetBuilder(SmallArchiveFixture.Settings()).Build(new DatasetBuildOptions
            {
                CatalogPath = Archive.CatalogPath,
                InventoryPath = Archive.InventoryPath,
                Source = "sds://" + Archive.ArchivePath,
                OutputDirectory = output,
                TrainUntil = new DateOnly(2024, 3, 2),
                DevUntil = new DateOnly(2024, 3, 2),
                NoisePerEvent = 1,
                Seed = 7,
            }, progress.Add);

        public SmallArchiveFixture Archive { get; }

        public DatasetBuildResult Result { get; }

        public SeisBenchDataset Dataset { get; }

        public string Output => _output.Path;

        public void Dispose()
        {
            Dataset.Dispose();
            Archive.Dispose();
            _output.Dispose();
        }
    }

    [Fact]
    public void Should_write_the_same_dataset_again_from_the_same_inputs()
    {
        // Windows are beamed on every core; the order and content of the dataset must not depend on it.
        using var again = new TempFolder();
        _built.Build(again.Path, []);
        using var second = SeisBenchDataset.Open(again.Path);

        Assert.Equal(File.ReadAllText(Path.Combine(_built.Output, "metadata.csv")), File.ReadAllText(Path.Combine(again.Path, "metadata.csv")));
        Assert.Equal(File.ReadAllText(_built.Result.ReportPath), File.ReadAllText(Path.Combine(again.Path, DatasetBuilder.ReportFile)));
        foreach (var (first, repeated) in _built.Dataset.Traces.Zip(second.Traces))
            Assert.Equal(_built.Dataset.ReadChannelsLast(first), second.ReadChannelsLast(repeated));
    }

    private IEnumerable<DatasetTrace> Events => _built.Dataset.Traces.Where(t => t.Label != DatasetLabels.Noise);

    private IEnumerable<DatasetTrace> Noise => _built.Dataset.Traces.Where(t => t.Label == DatasetLabels.Noise);

    [Fact]
    public void Should_write_one_window_per_usable_event_with_its_label_and_split()
    {
        var byEvent = Events.ToDictionary(t => t.EventId!);

        Assert.Equal(
            ["smi:test/ev1", "smi:test/ev2", "smi:test/ev3", "smi:test/ev4", "smi:test/ev5", "smi:test/ev6", "smi:test/ev7", "smi:test/ev8"],
            byEvent.Keys.Order());
        Assert.Equal(DatasetLabels.Earthquake, byEvent["smi:test/ev1"].Label);
        Assert.Equal(DatasetLabels.Explosion, byEvent["smi:test/ev2"].Label);
        Assert.Equal(DatasetLabels.Induced, byEvent["smi:test/ev3"].Label);
        Assert.Equal(DatasetLabels.Explosion, byEvent["smi:test/ev6"].Label);
        Assert.All(["smi:test/ev1", "smi:test/ev2", "smi:test/ev3", "smi:test/ev4"], id => Assert.Equal(DatasetSplits.Train, byEvent[id].Split));
        Assert.All(["smi:test/ev5", "smi:test/ev6", "smi:test/ev7", "smi:test/ev8"], id => Assert.Equal(DatasetSplits.Test, byEvent[id].Split));
    }

    [Fact]
    public void Should_store_the_models_input_shape_in_seisbench_form()
    {
        var dataset = _built.Dataset;

        Assert.Equal("ZTR", dataset.ComponentOrder);
        Assert.Equal(40, dataset.SamplingRateHz);
        Assert.Equal(9601, dataset.SamplesPerTrace);
        Assert.All(dataset.Traces, t => Assert.Equal("NO", t.Columns[MetadataColumns.StationNetworkCode]));
        Assert.All(dataset.Traces, t => Assert.Equal("ARCES", t.Columns[MetadataColumns.StationCode]));
        Assert.Equal(3 * 9601, dataset.ReadChannelsLast(dataset.Traces[0]).Length);
    }

    [Fact]
    public void Should_put_p_60_seconds_into_the_window_where_the_p_beam_is_strongest()
    {
        foreach (var trace in Events)
        {
            Assert.Equal(2400, trace.PArrivalSample);
            var samples = _built.Dataset.ReadChannelsLast(trace);
            var peak = Enumerable.Range(0, 9601).MaxBy(i => Math.Abs(samples[i * 3]));
            Assert.InRange(peak, 2400 - 40, 2400 + 40);
        }
    }

    [Fact]
    public void Should_put_the_s_energy_on_the_transverse_beam_at_the_s_sample()
    {
        var trace = Events.Single(t => t.EventId == "smi:test/ev1");
        var samples = _built.Dataset.ReadChannelsLast(trace);
        var peak = Enumerable.Range(0, 9601).MaxBy(i => Math.Abs(samples[(i * 3) + 1]));

        Assert.NotNull(trace.SArrivalSample);
        Assert.InRange(peak, trace.SArrivalSample!.Value - 40, trace.SArrivalSample.Value + 40);
    }

    [Fact]
    public void Should_steer_by_the_picks_when_there_are_some_and_by_the_origin_otherwise()
    {
        var byEvent = Events.ToDictionary(t => t.EventId!);

        Assert.Equal("picks", byEvent["smi:test/ev2"].Columns[MetadataColumns.BackAzimuthSource]);
        Assert.Equal("picks", byEvent["smi:test/ev7"].Columns[MetadataColumns.BackAzimuthSource]);
        Assert.Equal("origin", byEvent["smi:test/ev1"].Columns[MetadataColumns.BackAzimuthSource]);
        foreach (var e in SmallArrayArchive.Events.Where(e => byEvent.ContainsKey(e.Id)))
        {
            Assert.InRange(byEvent[e.Id].BackAzimuthDeg!.Value, e.BackAzimuthDeg - 1, e.BackAzimuthDeg + 1);
        }
        Assert.Null(byEvent["smi:test/ev7"].SourceLatitudeDeg);
    }

    [Fact]
    public void Should_skip_each_unusable_event_with_its_reason()
    {
        var skipped = _built.Result.Skipped;

        Assert.Contains(skipped, s => s.Contains("smi:test/midnight") && s.Contains("split boundary"));
        Assert.Contains(skipped, s => s.Contains("smi:test/untyped") && s.Contains("no event type"));
        Assert.Contains(skipped, s => s.Contains("smi:test/unplaceable") && s.Contains("no ARCES P pick and no origin"));
        Assert.Contains(skipped, s => s.Contains("smi:test/not-a-class") && s.Contains("landslide"));
        Assert.Contains(skipped, s => s.Contains("smi:test/in-gap"));
        var report = File.ReadAllText(_built.Result.ReportPath);
        Assert.All(["smi:test/midnight", "smi:test/untyped", "smi:test/unplaceable", "smi:test/in-gap"], id => Assert.Contains(id, report));
    }

    [Fact]
    public void Should_draw_one_noise_window_per_event_away_from_every_catalog_event()
    {
        var noise = Noise.ToList();

        Assert.Equal(Events.Count(), noise.Count);
        foreach (var window in noise)
        {
            var end = window.StartUtc.AddSeconds(240);
            foreach (var e in SmallArrayArchive.Events.Where(e => e.Recorded))
            {
                var quietFrom = SmallArrayArchive.PArrivalUtc(e).AddSeconds(-60);
                var quietUntil = SmallArrayArchive.SArrivalUtc(e).AddSeconds(EventPlanner.CodaSeconds);
                Assert.False(window.StartUtc < quietUntil && end > quietFrom, $"{window.TraceName} at {window.StartUtc:O} overlaps {e.Id}");
            }
            Assert.Null(window.EventId);
            Assert.Null(window.PArrivalSample);
            Assert.Equal("noise", window.Columns[MetadataColumns.BackAzimuthSource]);
        }
    }

    [Fact]
    public void Should_draw_noise_back_azimuths_in_degrees()
    {
        var backAzimuths = Noise.Select(t => t.BackAzimuthDeg!.Value).ToList();

        Assert.All(backAzimuths, b => Assert.InRange(b, 0, 360));
        Assert.Contains(backAzimuths, b => b > 2 * Math.PI);
    }

    [Fact]
    public void Should_never_put_one_day_in_two_splits()
    {
        var daysBySplit = _built.Dataset.Traces
            .GroupBy(t => t.Split)
            .ToDictionary(g => g.Key, g => g.SelectMany(t => new[] { DateOnly.FromDateTime(t.StartUtc), DateOnly.FromDateTime(t.StartUtc.AddSeconds(240)) }).ToHashSet());

        Assert.Equal([DatasetSplits.Test, DatasetSplits.Train], daysBySplit.Keys.Order());
        Assert.Empty(daysBySplit[DatasetSplits.Train].Intersect(daysBySplit[DatasetSplits.Test]));
    }

    [Fact]
    public void Should_leave_only_the_dataset_and_its_report_in_the_output_folder()
    {
        Assert.Equal(
            [DatasetBuilder.ReportFile, SeisBenchLayout.MetadataFile, SeisBenchLayout.WaveformsFile],
            Directory.EnumerateFileSystemEntries(_built.Output).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }
}
