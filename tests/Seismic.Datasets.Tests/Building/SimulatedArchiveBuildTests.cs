using Seismic.TestSupport;
using System.Diagnostics;
using Seismic.Datasets.Building;
using Seismic.Datasets.SeisBench;
using Seismic.Datasets.Tests.Support;
using Seismic.Simulation.Scenario;
using Seismic.Simulation.Sources;

namespace Seismic.Datasets.Tests.Building;

/// <summary>
/// End to end on the simulator's output: four hours of synthetic ARCES (25 sites, defects included) across the
/// midnight of 1-2 March 2024, built into a dataset with 1 March as train and 2 March as dev, then checked
/// against the simulator's own truth (origin kinds and P and S arrival times), not against the catalog the
/// builder read. Mines do not blast around midnight, so the events are earthquakes and induced events; the
/// rate is raised 60 times, which with seed 11 gives 18 events (17 written, one skipped at midnight) and 17
/// noise windows. Simulation and build run once for the class (22 s and 15 s on two busy cores, load 10);
/// each test checks one promise of the builder.
/// </summary>
public sealed class SimulatedArchiveBuildTests : IClassFixture<SimulatedArchiveBuildTests.Built>
{
    /// <summary>Where the shipped settings put P in an event window (window.p_position_s).</summary>
    private static readonly double PPositionS = SmallArchiveFixture.Settings().Window.PPositionS;

    private readonly Built _built;

    public SimulatedArchiveBuildTests(Built built) => _built = built;

    public sealed class Built : IDisposable
    {
        public static readonly DateTime StartUtc = new(2024, 3, 1, 22, 0, 0, DateTimeKind.Utc);
        public static readonly DateOnly FirstDay = new(2024, 3, 1);
        public static readonly DateOnly SecondDay = new(2024, 3, 2);

        private readonly TempFolder _folder = new();

        public Built()
        {
            var clock = Stopwatch.StartNew();
            Simulation = SimulationRun.Write(new ScenarioOptions
            {
                StartUtc = StartUtc,
                Duration = TimeSpan.FromHours(4),
                Seed = 11,
                RateMultiplier = 60,
            }, _folder.Combine("simulated"));
            SimulationTime = clock.Elapsed;

            var progress = new List<string>();
            var output = Simulation.Output;
            try
            {
                Result = new DatasetBuilder(SmallArchiveFixture.Settings()).Build(new DatasetBuildOptions
                {
                    CatalogPath = output.CatalogPath,
                    InventoryPath = output.InventoryPath,
                    Source = "sds://" + output.ArchivePath,
                    OutputDirectory = _folder.Combine("dataset"),
                    // 1 March trains, 2 March is dev: both days of the run are used, each in its own split.
                    TrainUntil = SecondDay,
                    DevUntil = SecondDay.AddDays(1),
                    NoisePerEvent = 1,
                    Seed = 11,
                }, progress.Add);
            }
            catch (DatasetException failed)
            {
                throw new InvalidOperationException($"{failed.Message}\n{string.Join("\n", progress)}", failed);
            }
            BuildTime = clock.Elapsed - SimulationTime;
            Dataset = SeisBenchDataset.Open(Result.OutputDirectory);
        }

        public SimulationSummary Simulation { get; }

        public DatasetBuildResult Result { get; }

        public SeisBenchDataset Dataset { get; }

        public TimeSpan SimulationTime { get; }

        public TimeSpan BuildTime { get; }

        public IReadOnlyList<SimulatedEvent> Truth => Simulation.Scenario.Events;

        public void Dispose()
        {
            Dataset.Dispose();
            _folder.Dispose();
        }
    }

    private IEnumerable<DatasetTrace> EventTraces => _built.Dataset.Traces.Where(t => t.Label != DatasetLabels.Noise);

    private IEnumerable<DatasetTrace> NoiseTraces => _built.Dataset.Traces.Where(t => t.Label == DatasetLabels.Noise);

    private IEnumerable<string> SkippedEventLines => _built.Result.Skipped.Where(s => s.StartsWith("event ", StringComparison.Ordinal));

    private static string LabelOf(EventKind kind) => kind switch
    {
        EventKind.Earthquake => DatasetLabels.Earthquake,
        EventKind.Explosion => DatasetLabels.Explosion,
        _ => DatasetLabels.Induced,
    };

    private static bool Names(string skipLine, SimulatedEvent e) => skipLine.StartsWith($"event {e.PublicId}:", StringComparison.Ordinal);

    [Fact]
    public void Should_simulate_a_dozen_or_more_events_on_both_sides_of_midnight()
    {
        // Guards the premise of the other tests: a scenario change that left too few events would make them weak.
        Assert.True(_built.Truth.Count >= 12, $"{_built.Truth.Count} events simulated");
        Assert.Contains(_built.Truth, e => DateOnly.FromDateTime(e.OriginUtc) == Built.FirstDay);
        Assert.Contains(_built.Truth, e => DateOnly.FromDateTime(e.OriginUtc) == Built.SecondDay);
        // Two labels to map, not one.
        Assert.Contains(_built.Truth, e => e.Kind == EventKind.InducedOrTriggered);
    }

    [Fact]
    public void Should_write_every_event_not_skipped_once_with_its_true_label()
    {
        var byEvent = EventTraces.GroupBy(t => t.EventId!).ToDictionary(g => g.Key, g => g.ToList());

        foreach (var e in _built.Truth.Where(e => !SkippedEventLines.Any(line => Names(line, e))))
        {
            Assert.True(byEvent.TryGetValue(e.PublicId, out var traces), $"{e.PublicId} ({e.Kind}, {e.OriginUtc:O}) is neither in the dataset nor skipped");
            Assert.Single(traces);
            Assert.Equal(LabelOf(e.Kind), traces[0].Label);
        }
        // Nothing in the dataset that the simulator did not make, and nothing both written and skipped.
        Assert.All(byEvent.Keys, id => Assert.Contains(_built.Truth, e => e.PublicId == id));
        Assert.Equal(_built.Truth.Count, byEvent.Count + SkippedEventLines.Count());
    }

    [Fact]
    public void Should_place_each_event_window_so_its_p_sample_is_the_true_p_arrival()
    {
        var truth = _built.Truth.ToDictionary(e => e.PublicId);

        Assert.NotEmpty(EventTraces);
        foreach (var trace in EventTraces)
        {
            var e = truth[trace.EventId!];
            Assert.NotNull(trace.PArrivalSample);
            var pUtc = trace.StartUtc.AddSeconds(trace.PArrivalSample!.Value / _built.Dataset.SamplingRateHz);
            Assert.InRange((pUtc - e.PArrivalUtc).TotalSeconds, -0.5, 0.5);
            // 60 s of noise before P, as the original's windows.
            Assert.InRange((e.PArrivalUtc - trace.StartUtc).TotalSeconds, PPositionS - 0.5, PPositionS + 0.5);
        }
    }

    [Fact]
    public void Should_show_the_p_onset_on_the_p_beam_at_the_p_sample()
    {
        // The metadata could be right and the beams shifted: the P beam must be louder just after the P sample
        // than just before it. Small distant events can drown in the noise, so this asks it of most events, not all
        // (seed 11: median ratio 9.5, the weakest 1.1).
        var ratios = EventTraces.Select(trace =>
        {
            var samples = _built.Dataset.ReadChannelsLast(trace);
            var p = trace.PArrivalSample!.Value;
            return Rms(samples, p, p + 400) / Rms(samples, p - 1600, p - 40);
        }).Order().ToList();

        var median = ratios[ratios.Count / 2];
        Assert.True(median > 3, $"median P-beam RMS ratio after/before P {median:F2} (all: {string.Join(", ", ratios.Select(r => r.ToString("F1", System.Globalization.CultureInfo.InvariantCulture)))})");
    }

    [Fact]
    public void Should_draw_noise_windows_away_from_every_event()
    {
        var noise = NoiseTraces.ToList();

        Assert.NotEmpty(noise);
        foreach (var window in noise)
        {
            var end = window.StartUtc.AddSeconds(_built.Dataset.SamplesPerTrace / _built.Dataset.SamplingRateHz);
            // Every simulated event counts, skipped or not: its waveform is in the archive either way.
            foreach (var e in _built.Truth)
            {
                var quietFrom = e.PArrivalUtc.AddSeconds(-PPositionS);
                var quietUntil = e.SArrivalUtc.AddSeconds(EventPlanner.CodaSeconds);
                Assert.False(window.StartUtc < quietUntil && end > quietFrom,
                    $"{window.TraceName} ({window.StartUtc:O} to {end:O}) overlaps {e.PublicId}, P {e.PArrivalUtc:O}, S {e.SArrivalUtc:O}");
            }
            Assert.Null(window.EventId);
        }
    }

    [Fact]
    public void Should_put_each_utc_day_in_one_split_and_use_both_days()
    {
        var lengthS = _built.Dataset.SamplesPerTrace / _built.Dataset.SamplingRateHz;
        var splitsByDay = _built.Dataset.Traces
            .SelectMany(t => new[] { DateOnly.FromDateTime(t.StartUtc), DateOnly.FromDateTime(t.StartUtc.AddSeconds(lengthS)) }.Select(day => (day, t.Split)))
            .GroupBy(x => x.day)
            .ToDictionary(g => g.Key, g => g.Select(x => x.Split).Distinct().ToList());

        Assert.Equal([Built.FirstDay, Built.SecondDay], splitsByDay.Keys.Order());
        Assert.Equal([DatasetSplits.Train], splitsByDay[Built.FirstDay]);
        Assert.Equal([DatasetSplits.Dev], splitsByDay[Built.SecondDay]);
    }

    [Fact]
    public void Should_store_ztr_traces_of_9601_samples_at_40_hz()
    {
        var dataset = _built.Dataset;

        Assert.Equal("ZTR", dataset.ComponentOrder);
        Assert.Equal(40, dataset.SamplingRateHz);
        Assert.Equal(9601, dataset.SamplesPerTrace);
        foreach (var trace in dataset.Traces)
        {
            var samples = dataset.ReadChannelsLast(trace);
            Assert.Equal(3 * 9601, samples.Length);
            Assert.All(samples, s => Assert.True(float.IsFinite(s)));
            // A dead beam (all zeros) would mean a channel lost between archive and dataset.
            Assert.All(Enumerable.Range(0, 3), c => Assert.True(Rms(samples, 0, 9601, c) > 0, $"{trace.TraceName} channel {"ZTR"[c]} is all zeros"));
        }
    }

    [Fact]
    public void Should_skip_events_only_with_a_reason_in_the_result_and_the_report()
    {
        var skipped = SkippedEventLines.ToList();
        var report = File.ReadAllText(_built.Result.ReportPath);

        // Seed 11 has an event whose window (23:56:50 to 00:00:50) midnight cuts in two, so the build must skip
        // it; without a skipped event this test would check nothing.
        Assert.Contains(skipped, line => line.Contains("crosses a split boundary", StringComparison.Ordinal));
        foreach (var line in skipped)
        {
            var e = Assert.Single(_built.Truth, e => Names(line, e));
            var reason = line[$"event {e.PublicId}:".Length..].Trim();
            Assert.True(reason.Length > 10, $"'{line}' gives no reason");
            Assert.Contains(line, report, StringComparison.Ordinal);
        }
    }

    private static double Rms(float[] channelsLast, int from, int to, int channel = 0)
    {
        double sum = 0;
        for (var i = from; i < to; i++)
        {
            var value = channelsLast[(i * 3) + channel];
            sum += value * value;
        }
        return Math.Sqrt(sum / (to - from));
    }
}
