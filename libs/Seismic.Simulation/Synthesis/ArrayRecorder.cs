using Seismic.Signal.Arrays;
using Seismic.Simulation.Randomness;
using Seismic.Simulation.Scenario;
using Seismic.Waveforms.Time;

namespace Seismic.Simulation.Synthesis;

/// <summary>One block of one channel in counts, handed to whoever stores it.</summary>
/// <param name="SiteIndex">Index into <see cref="ArcesArray.Sites"/>.</param>
/// <param name="ComponentIndex">Index into <see cref="ArcesArray.ChannelCodes"/>.</param>
/// <param name="StartTime">Time of the first sample.</param>
/// <param name="Counts">The samples; valid only during the call.</param>
/// <param name="Missing">Sample ranges [start, end) of <paramref name="Counts"/> that were never recorded (gaps).</param>
internal sealed record ChannelBlock(int SiteIndex, int ComponentIndex, NanoTime StartTime, ReadOnlyMemory<int> Counts, IReadOnlyList<(int Start, int End)> Missing);

/// <summary>
/// Records the scenario at the array block by block (an hour at a time): the coherent microseism, each site's
/// own noise, every event's wavefield, then counts, dead sites, spikes and gaps. Sites run in parallel; every
/// random number comes from a stream keyed by the seed and what it is for, so the result does not depend on the
/// number of threads or their order.
/// </summary>
internal sealed class ArrayRecorder
{
    public const int BlockSamples = 3600 * (int)ArcesArray.SampleRateHz;

    /// <summary>History kept of the coherent series so that sites delayed relative to the earliest one can read it.</summary>
    private const int CoherentHistory = 128;

    private readonly SimulationScenario scenario;
    private readonly NoiseModel noise;
    private readonly int maxDegreeOfParallelism;

    public ArrayRecorder(SimulationScenario scenario, NoiseModel noise, int maxDegreeOfParallelism)
    {
        this.scenario = scenario;
        this.noise = noise;
        this.maxDegreeOfParallelism = maxDegreeOfParallelism;
    }

    public long TotalSamplesPerChannel => (long)Math.Round(scenario.Options.Duration.TotalSeconds * ArcesArray.SampleRateHz);

    public void Record(Action<ChannelBlock> sink)
    {
        var options = scenario.Options;
        var seed = options.Seed;
        var sites = ArcesArray.Sites;
        var components = ArcesArray.ChannelCodes.Count;
        var fs = ArcesArray.SampleRateHz;
        var microseismShapers = new[] { (noise.MicroseismFilter(), noise.MicroseismMPerS) };
        var coherent = Enumerable.Range(0, components)
            .Select(c => new NoiseGenerator(new RandomStream(seed, (long)StreamPurpose.CoherentNoise, c), 0.0, microseismShapers))
            .ToArray();
        var siteNoise = sites.Select((_, s) => Enumerable.Range(0, components)
            .Select(c => new NoiseGenerator(new RandomStream(seed, (long)StreamPurpose.SiteNoise, s, c), noise.WhiteFloorMPerS,
            [
                (noise.LowFrequencyFilter(), noise.LowFrequencyMPerS),
                (noise.MicroseismFilter(), noise.MicroseismMPerS * noise.MicroseismIncoherentShare),
            ]))
            .ToArray()).ToArray();
        var coherentLag = CoherentLags();
        var levelPhase = new RandomStream(seed, (long)StreamPurpose.NoiseLevel).Uniform(0, 2 * Math.PI);
        double Level(NanoTime time) => Math.Pow(10.0, noise.MicroseismVariationLog10 *
            Math.Sin((2 * Math.PI * time.NanosecondsSinceEpoch / 1e9 / 86_400.0 / noise.MicroseismVariationPeriodDays) + levelPhase));

        var coherentBuffers = Enumerable.Range(0, components).Select(_ => new double[CoherentHistory + BlockSamples]).ToArray();
        var siteBuffers = sites.Select(_ => Enumerable.Range(0, components).Select(_ => new double[BlockSamples]).ToArray()).ToArray();
        var countBuffers = sites.Select(_ => Enumerable.Range(0, components).Select(_ => new int[BlockSamples]).ToArray()).ToArray();
        var pending = new Queue<Sources.SimulatedEvent>(scenario.Events.OrderBy(e => e.OriginUtc));
        var active = new List<EventWavefield>();
        var start = NanoTime.FromDateTime(options.StartUtc);
        var total = TotalSamplesPerChannel;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism };

        for (long first = 0; first < total; first += BlockSamples)
        {
            var n = (int)Math.Min(BlockSamples, total - first);
            var blockStart = start.AddNanoseconds((long)Math.Round(first * 1e9 / fs));
            var blockEnd = blockStart.AddNanoseconds((long)Math.Round(n * 1e9 / fs));
            var (levelStart, levelEnd) = (Level(blockStart), Level(blockEnd));

            for (var c = 0; c < components; c++)
            {
                var buffer = coherentBuffers[c];
                if (first > 0)
                {
                    Array.Copy(buffer, BlockSamples, buffer, 0, CoherentHistory);
                }

                coherent[c].Next(buffer.AsSpan(CoherentHistory, n), levelStart, levelEnd);
            }

            // Events whose signal may reach this block; every arrival comes after the origin.
            var arriving = new List<Sources.SimulatedEvent>();
            while (pending.Count > 0 && pending.Peek().OriginUtc < blockEnd.ToDateTime())
            {
                arriving.Add(pending.Dequeue());
            }

            var synthesized = new EventWavefield[arriving.Count];
            Parallel.For(0, arriving.Count, parallel, i => synthesized[i] = EventWavefield.Synthesize(arriving[i], seed));
            active.AddRange(synthesized);
            active.RemoveAll(w => w.EndUtc < blockStart.ToDateTime());
            var inBlock = active.Where(w => w.StartUtc < blockEnd.ToDateTime()).ToList();

            Parallel.For(0, sites.Count, parallel, s =>
            {
                var buffers = siteBuffers[s];
                for (var c = 0; c < components; c++)
                {
                    var samples = buffers[c].AsSpan(0, n);
                    siteNoise[s][c].Next(samples, levelStart, levelEnd);
                    var lagged = coherentBuffers[c].AsSpan(CoherentHistory - coherentLag[s], n);
                    for (var i = 0; i < n; i++)
                    {
                        samples[i] += lagged[i];
                    }
                }

                foreach (var wavefield in inBlock)
                {
                    wavefield.AddTo(s, blockStart, buffers[0].AsSpan(0, n), buffers[1].AsSpan(0, n), buffers[2].AsSpan(0, n));
                }

                for (var c = 0; c < components; c++)
                {
                    var counts = countBuffers[s][c];
                    ToCounts(buffers[c].AsSpan(0, n), counts);
                    var missing = ApplyDefects(s, c, blockStart, counts, n);
                    sink(new ChannelBlock(s, c, blockStart, counts.AsMemory(0, n), missing));
                }
            });
        }
    }

    /// <summary>
    /// Whole-sample lags of the coherent microseism at each site, all positive: a plane wave from the microseism's
    /// direction, shifted so the earliest site has lag 0. At 0.2 Hz a 25 ms rounding is under 2 degrees of phase.
    /// </summary>
    private int[] CoherentLags()
    {
        var delays = PlaneWave.DelaysSeconds(ArcesArray.Sites, noise.MicroseismBackAzimuthDeg, noise.MicroseismVelocityKmPerS);
        var earliest = delays.Min();
        return delays.Select(d => (int)Math.Round((d - earliest) * ArcesArray.SampleRateHz)).ToArray();
    }

    private static void ToCounts(ReadOnlySpan<double> velocityMPerS, int[] counts)
    {
        for (var i = 0; i < velocityMPerS.Length; i++)
        {
            var value = Math.Round(velocityMPerS[i] * ArcesArray.SensitivityCountsPerMPerS);
            counts[i] = (int)Math.Clamp(value, -(1 << 29), (1 << 29) - 1);
        }
    }

    /// <summary>Dead sites and spikes change the counts in place; gaps are returned as sample ranges not to write.</summary>
    private List<(int Start, int End)> ApplyDefects(int siteIndex, int componentIndex, NanoTime blockStart, int[] counts, int n)
    {
        var site = ArcesArray.Sites[siteIndex].Name;
        var channel = ArcesArray.ChannelCodes[componentIndex];
        var blockStartUtc = blockStart.ToDateTime();
        var blockEndUtc = blockStartUtc.AddSeconds(n / ArcesArray.SampleRateHz);
        var missing = new List<(int Start, int End)>();
        foreach (var defect in scenario.Defects)
        {
            if (!defect.Affects(site, channel) || !defect.Overlaps(blockStartUtc, blockEndUtc))
            {
                continue;
            }

            var from = Math.Max(0, Index(defect.StartUtc));
            var to = Math.Min(n, Index(defect.EndUtc));
            switch (defect.Kind)
            {
                case DefectKind.DeadSite:
                    Array.Clear(counts, from, Math.Max(0, to - from));
                    break;
                case DefectKind.Spike when from < n:
                    counts[from] = defect.SpikeCounts ?? 0;
                    break;
                case DefectKind.Gap when to > from:
                    missing.Add((from, to));
                    break;
            }
        }

        return missing;

        int Index(DateTime timeUtc) => (int)Math.Round((NanoTime.FromDateTime(timeUtc) - blockStart) / 1e9 * ArcesArray.SampleRateHz);
    }
}
