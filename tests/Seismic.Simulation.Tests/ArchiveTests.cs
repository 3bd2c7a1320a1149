using System.Security.Cryptography;
using Seismic.Signal.Filters;
using Seismic.Simulation.Output;
using Seismic.Simulation.Scenario;
using Seismic.Simulation.Tests.Support;
using Seismic.Waveforms.MiniSeed;
using Seismic.Waveforms.Time;
using Xunit.Abstractions;

namespace Seismic.Simulation.Tests;

/// <summary>The archive a run writes: deterministic bytes, the recorded defects where the log says, realistic noise.</summary>
[Collection(SimulatedArchiveCollection.Name)]
public class ArchiveTests(SimulatedArchive simulated, ITestOutputHelper log)
{
    private static readonly DateTime Start = new(2024, 3, 6, 9, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Should_write_the_same_bytes_for_the_same_seed_on_any_number_of_threads_and_other_events_for_another_seed()
    {
        var first = Run(seed: 77);
        var again = Run(seed: 77, maxDegreeOfParallelism: 1);
        var other = Run(seed: 78);
        try
        {
            var hashes = Hashes(first.Output.Folder);
            Assert.True(hashes.Count > 78, $"only {hashes.Count} files written");
            Assert.Equal(hashes, Hashes(again.Output.Folder));
            Assert.NotEqual(File.ReadAllBytes(first.Output.CatalogPath), File.ReadAllBytes(other.Output.CatalogPath));
            Assert.NotEqual(first.Scenario.Events.Select(e => e.OriginUtc), other.Scenario.Events.Select(e => e.OriginUtc));
            Assert.NotEqual(hashes, Hashes(other.Output.Folder));
        }
        finally
        {
            foreach (var run in new[] { first, again, other })
            {
                Directory.Delete(run.Output.Folder, recursive: true);
            }
        }
    }

    [Fact]
    public void Should_put_each_logged_gap_spike_and_dead_site_in_the_archive_where_the_log_says()
    {
        var run = Run(seed: 5, defectRateMultiplier: 150);
        try
        {
            var defects = DefectLog.ReadFile(run.Output.DefectsPath);
            Assert.Equal(run.Scenario.Defects, defects);
            var verified = new Dictionary<DefectKind, int>();
            var options = run.Scenario.Options;
            foreach (var defect in defects)
            {
                var channel = defect.Channel ?? "BHZ";
                var id = SourceId.FromSeed(ArcesArray.NetworkCode, defect.Site, ArcesArray.LocationCode, channel);
                var read = run.Output.Archive.Read(id, NanoTime.FromDateTime(options.StartUtc), NanoTime.FromDateTime(options.EndUtc));
                var from = NanoTime.FromDateTime(defect.StartUtc > options.StartUtc ? defect.StartUtc : options.StartUtc);
                var to = NanoTime.FromDateTime(defect.EndUtc);
                var otherDefectThere = defects.Any(d => d != defect && d.Affects(defect.Site, channel) && d.Overlaps(from.ToDateTime().AddSeconds(-1), from.ToDateTime().AddSeconds(3)));
                if (defect.Kind != DefectKind.Gap && (otherDefectThere || from.AddSeconds(3) > NanoTime.FromDateTime(options.EndUtc)))
                {
                    continue;
                }

                switch (defect.Kind)
                {
                    case DefectKind.Gap:
                        Assert.All(read.Segments, s => Assert.True(s.EndTime < from || s.StartTime >= to, $"{id.SeedCode} has data in the gap {defect.StartUtc:O} to {defect.EndUtc:O}"));
                        break;
                    case DefectKind.Spike:
                        Assert.Equal(defect.SpikeCounts!.Value, SampleAt(read.Segments, from));
                        break;
                    case DefectKind.DeadSite:
                        Assert.Equal(0, SampleAt(read.Segments, from.AddSeconds(1)));
                        Assert.Equal(0, SampleAt(read.Segments, from.AddSeconds(2)));
                        break;
                }

                verified[defect.Kind] = verified.GetValueOrDefault(defect.Kind) + 1;
            }

            Assert.Equal([DefectKind.Gap, DefectKind.DeadSite, DefectKind.Spike], verified.Keys.Order());
        }
        finally
        {
            Directory.Delete(run.Output.Folder, recursive: true);
        }
    }

    [Fact]
    public void Should_record_noise_with_a_microseism_peak_far_above_a_quiet_high_frequency_floor()
    {
        var quiet = QuietMinutes(simulated.Summary.Scenario, 10);
        var id = SourceId.FromSeed("NO", "ARC3", "", "BHZ");
        var counts = simulated.Output.Archive.Read(id, NanoTime.FromDateTime(quiet), NanoTime.FromDateTime(quiet.AddMinutes(10))).Segments.Single().ToDoubleArray();

        var microseism = BandRms(counts, 0.1, 0.3);
        var beamBand = BandRms(counts, 2.0, 8.0);
        log.WriteLine($"NO.ARC3..BHZ from {quiet:O}: {microseism:F1} counts RMS in 0.1-0.3 Hz, {beamBand:F2} in 2-8 Hz");

        Assert.InRange(beamBand, 0.8, 4.0);
        Assert.True(microseism > 50 * beamBand, $"microseism {microseism:F1} counts RMS, 2-8 Hz {beamBand:F2}");
    }

    private static SimulationSummary Run(long seed, double defectRateMultiplier = 1.0, int? maxDegreeOfParallelism = null) => SimulationRun.Write(
        new ScenarioOptions
        {
            StartUtc = Start,
            Duration = TimeSpan.FromMinutes(20),
            Seed = seed,
            RateMultiplier = 3,
            DefectRateMultiplier = defectRateMultiplier,
        },
        Path.Combine(Path.GetTempPath(), "seismic-simulation-tests", Guid.NewGuid().ToString("N")),
        maxDegreeOfParallelism);

    private static SortedDictionary<string, string> Hashes(string folder) => new(
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(folder, f), f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f)))),
        StringComparer.Ordinal);

    private static int SampleAt(IEnumerable<Seismic.Waveforms.Traces.TraceSegment> segments, NanoTime time)
    {
        var segment = segments.Single(s => s.StartTime <= time && s.EndTime >= time);
        var index = (int)Math.Round((time - segment.StartTime) / 1e9 * segment.SampleRateHz);
        return segment.Int32Samples.Span[index];
    }

    /// <summary>The start of the first stretch of <paramref name="minutes"/> with no event arriving within 10 minutes before it or during it.</summary>
    private static DateTime QuietMinutes(SimulationScenario scenario, int minutes)
    {
        var arrivals = scenario.Events.SelectMany(e => e.Arrivals.Select(e.ArrivalUtc)).ToList();
        for (var t = scenario.Options.StartUtc.AddMinutes(5); t.AddMinutes(minutes) < scenario.Options.EndUtc; t = t.AddMinutes(1))
        {
            if (!arrivals.Any(a => a > t.AddMinutes(-10) && a < t.AddMinutes(minutes)))
            {
                return t;
            }
        }

        throw new InvalidOperationException("The scenario has no quiet stretch; make it less busy.");
    }

    private static double BandRms(double[] counts, double lowHz, double highHz)
    {
        var x = counts.Select(c => c - counts.Average()).ToArray();
        Butterworth.BandPass(4, lowHz, highHz, 40.0).FilterZeroPhase(x);
        var middle = x[(x.Length / 4)..(3 * x.Length / 4)];
        return Math.Sqrt(middle.Average(v => v * v));
    }
}
