using Seismic.TestSupport;
using Seismic.Datasets.SeisBench;
using Seismic.Datasets.Tests.Support;

namespace Seismic.Datasets.Tests.SeisBench;

public sealed class SeisBenchRoundTripTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Should_read_back_what_the_writer_wrote()
    {
        SmallDatasets.Write(_folder.Path, events: 2, noise: 1);

        using var dataset = SeisBenchDataset.Open(_folder.Path);

        Assert.Equal("ZTR", dataset.ComponentOrder);
        Assert.Equal(40, dataset.SamplingRateHz);
        Assert.Equal(50, dataset.SamplesPerTrace);
        Assert.Equal(["event_0", "event_1", "noise_0"], dataset.Traces.Select(t => t.TraceName));

        var expected = SmallDatasets.Event(1);
        var actual = dataset.Traces[1];
        Assert.Equal(expected.Split, actual.Split);
        Assert.Equal(expected.Label, actual.Label);
        Assert.Equal(expected.StartUtc, actual.StartUtc);
        Assert.Equal(DateTimeKind.Utc, actual.StartUtc.Kind);
        Assert.Equal(expected.OriginTimeUtc, actual.OriginTimeUtc);
        Assert.Equal(expected.DistanceKm, actual.DistanceKm);
        Assert.Equal(expected.BackAzimuthDeg, actual.BackAzimuthDeg);
        Assert.Equal(expected.Magnitude, actual.Magnitude);
        Assert.Equal(expected.SourceLatitudeDeg, actual.SourceLatitudeDeg);
        Assert.Equal(expected.SourceLongitudeDeg, actual.SourceLongitudeDeg);
        Assert.Equal(expected.SourceDepthKm, actual.SourceDepthKm);
        Assert.Equal(expected.EventId, actual.EventId);
        Assert.Equal(20, actual.PArrivalSample);
        Assert.Equal(35, actual.SArrivalSample);
        Assert.Equal("ML", actual.Columns[MetadataColumns.SourceMagnitudeType]);
        Assert.Equal("ARCES", actual.Columns[MetadataColumns.StationCode]);
        Assert.Equal("50", actual.Columns[MetadataColumns.TraceNpts]);

        var noise = dataset.Traces[2];
        Assert.Equal(DatasetLabels.Noise, noise.Label);
        Assert.Null(noise.EventId);
        Assert.Null(noise.PArrivalSample);
        Assert.Null(noise.Magnitude);
        Assert.Equal("", noise.Columns[MetadataColumns.SourceMagnitudeType]);
    }

    [Fact]
    public void Should_return_samples_channels_last()
    {
        SmallDatasets.Write(_folder.Path, events: 2, noise: 1);
        using var dataset = SeisBenchDataset.Open(_folder.Path);

        var samples = dataset.ReadChannelsLast(dataset.Traces[1]);

        Assert.Equal(3 * 50, samples.Length);
        for (var t = 0; t < 50; t++)
        {
            for (var c = 0; c < 3; c++)
            {
                Assert.Equal(SmallDatasets.SampleValue(1, c, t), samples[t * 3 + c]);
            }
        }
    }

    [Fact]
    public void Should_hash_the_content_the_same_way_each_time_and_differently_for_other_content()
    {
        var first = _folder.Combine("first");
        var second = _folder.Combine("second");
        SmallDatasets.Write(first, events: 2, noise: 1);
        SmallDatasets.Write(second, events: 1, noise: 1);

        using var a = SeisBenchDataset.Open(first);
        using var b = SeisBenchDataset.Open(second);

        Assert.Matches("^[0-9a-f]{64}$", a.ContentSha256);
        Assert.Equal(a.ContentSha256, a.ContentSha256);
        Assert.NotEqual(a.ContentSha256, b.ContentSha256);
    }

    [Fact]
    public void Should_leave_no_file_when_disposed_without_commit()
    {
        using (var writer = new SeisBenchWriter(_folder.Path, SmallDatasets.Format))
        {
            writer.Add(SmallDatasets.Event(0), SmallDatasets.ChannelsFirst(0, SmallDatasets.Format));
        }

        Assert.Empty(Directory.EnumerateFileSystemEntries(_folder.Path));
    }

    [Fact]
    public void Should_leave_only_the_two_dataset_files_after_commit()
    {
        SmallDatasets.Write(_folder.Path);

        Assert.Equal(
            [SeisBenchLayout.MetadataFile, SeisBenchLayout.WaveformsFile],
            Directory.EnumerateFiles(_folder.Path).Select(Path.GetFileName).Order());
    }

    [Fact]
    public void Should_refuse_a_trace_of_the_wrong_shape()
    {
        using var writer = new SeisBenchWriter(_folder.Path, SmallDatasets.Format);

        var error = Assert.Throws<DatasetException>(() => writer.Add(SmallDatasets.Event(0), new float[149]));

        Assert.Contains("event_0", error.Message);
        Assert.Contains("3 channels x 50 samples", error.Message);
    }

    [Fact]
    public void Should_refuse_a_repeated_trace_name_an_unknown_split_and_non_finite_samples()
    {
        using var writer = new SeisBenchWriter(_folder.Path, SmallDatasets.Format);
        var samples = SmallDatasets.ChannelsFirst(0, SmallDatasets.Format);
        writer.Add(SmallDatasets.Event(0), samples);

        Assert.Contains("already used", Assert.Throws<DatasetException>(() => writer.Add(SmallDatasets.Event(0), samples)).Message);
        Assert.Contains("split 'val'", Assert.Throws<DatasetException>(() => writer.Add(SmallDatasets.Event(1, split: "val"), samples)).Message);
        samples[60] = float.NaN;
        Assert.Contains("channel T", Assert.Throws<DatasetException>(() => writer.Add(SmallDatasets.Event(2), samples)).Message);
    }

    [Fact]
    public void Should_name_the_missing_file_when_a_dataset_is_incomplete()
    {
        SmallDatasets.Write(_folder.Path);
        File.Delete(_folder.Combine(SeisBenchLayout.WaveformsFile));

        var error = Assert.Throws<DatasetException>(() => SeisBenchDataset.Open(_folder.Path));

        Assert.Contains(SeisBenchLayout.WaveformsFile, error.Message);
        Assert.Contains("missing", error.Message);
    }

    [Fact]
    public void Should_refuse_a_folder_that_does_not_exist()
    {
        var error = Assert.Throws<DatasetException>(() => SeisBenchDataset.Open(_folder.Combine("nowhere")));

        Assert.Contains("does not exist", error.Message);
    }

    [Fact]
    public void Should_refuse_metadata_without_a_trace_name_column()
    {
        SmallDatasets.Write(_folder.Path);
        File.WriteAllText(_folder.Combine(SeisBenchLayout.MetadataFile), "name,split\nevent_0,train\n");

        var error = Assert.Throws<DatasetException>(() => SeisBenchDataset.Open(_folder.Path));

        Assert.Contains("metadata.csv:1", error.Message);
        Assert.Contains("trace_name", error.Message);
    }

    [Fact]
    public void Should_refuse_a_metadata_row_whose_trace_is_not_in_the_waveforms()
    {
        SmallDatasets.Write(_folder.Path, events: 1, noise: 0);
        var metadata = File.ReadAllText(_folder.Combine(SeisBenchLayout.MetadataFile));
        File.WriteAllText(_folder.Combine(SeisBenchLayout.MetadataFile), metadata.Replace("event_0", "event_9"));

        var error = Assert.Throws<DatasetException>(() => SeisBenchDataset.Open(_folder.Path));

        Assert.Contains("data/event_9", error.Message);
        Assert.Contains("line 2", error.Message);
    }

    [Fact]
    public void Should_refuse_a_waveforms_file_that_is_not_hdf5()
    {
        SmallDatasets.Write(_folder.Path);
        File.WriteAllText(_folder.Combine(SeisBenchLayout.WaveformsFile), "not hdf5");

        var error = Assert.Throws<DatasetException>(() => SeisBenchDataset.Open(_folder.Path));

        Assert.Contains("not a readable HDF5 file", error.Message);
    }
}
