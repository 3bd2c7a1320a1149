using System.Globalization;
using System.Text;
using Seismic.Beams;
using Seismic.Configuration;
using Seismic.Datasets.SeisBench;
using Seismic.Metadata;
using Seismic.Metadata.QuakeMl;
using Seismic.Metadata.StationXml;
using Seismic.Sources;
using Seismic.Waveforms.MiniSeed;
using Seismic.Waveforms.Selection;

namespace Seismic.Datasets.Building;

/// <summary>
/// Builds a SeisBench-format training dataset from a labelled catalog and a waveform archive: one window per
/// labelled event and random noise windows, each as the three beams the beamformer worker forms (the same
/// ArraySegmentBuilder and BeamPipeline, so training and live beams cannot drift apart), split by day.
/// </summary>
public sealed class DatasetBuilder
{
    public const string ReportFile = "build-report.txt";

    /// <summary>Channel order of every trace: P-beam vertical, S-beam transverse, S-beam radial.</summary>
    public const string ComponentOrder = "ZTR";

    /// <summary>Candidate noise draws per wanted noise window before the builder settles for fewer.</summary>
    private const int NoiseAttemptsPerWindow = 20;

    /// <summary>Windows formed at once: enough to keep every core busy, few enough that their beams (~0.7 MB each) stay small.</summary>
    private static readonly int WindowsPerParallelBatch = 4 * Environment.ProcessorCount;

    private readonly SeismicSettings _settings;
    private readonly BeamPipeline _pipeline;
    private readonly EventPlanner _planner;

    public DatasetBuilder(SeismicSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _settings = settings;
        _pipeline = new BeamPipeline(settings);
        _planner = new EventPlanner(settings);
    }

    private int SamplesPerTrace => (int)Math.Round(_settings.Window.LengthS * _settings.Window.SampleRateHz) + 1;

    /// <summary>Builds the dataset; a problem with the inputs as a whole is a <see cref="DatasetException"/>, a problem with one window a line in the report.</summary>
    /// <param name="options">Inputs, output folder, split and noise settings.</param>
    /// <param name="progress">Receives one line per skipped window and a few progress lines.</param>
    public DatasetBuildResult Build(DatasetBuildOptions options, Action<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        progress ??= _ => { };
        if (options.NoisePerEvent < 0)
        {
            throw new DatasetException($"--noise-per-event {options.NoisePerEvent}: must be 0 or more");
        }
        if (options.TrainUntil.HasValue != options.DevUntil.HasValue)
        {
            throw new DatasetException("--train-until and --val-until go together: give both, or neither to split by data.train_fraction and data.val_fraction_of_rest");
        }
        if (options.TrainUntil is { } trainUntil && options.DevUntil is { } devUntil && devUntil < trainUntil)
        {
            throw new DatasetException($"--val-until {devUntil:yyyy-MM-dd} is before --train-until {trainUntil:yyyy-MM-dd}");
        }

        var inventory = LoadInventory(options.InventoryPath, progress);
        var catalog = LoadCatalog(options.CatalogPath, progress);
        using var archive = OpenSource(options.Source);

        var skipped = new List<string>();
        void Skip(string line)
        {
            skipped.Add(line);
            progress(line);
        }

        var plans = new List<EventWindowPlan>();
        foreach (var catalogEvent in catalog.Events)
        {
            var (plan, reason) = _planner.Plan(catalogEvent);
            if (plan is null)
            {
                Skip($"event {catalogEvent.PublicId}: {reason}");
            }
            else
            {
                plans.Add(plan);
            }
        }
        if (plans.Count == 0)
        {
            throw new DatasetException($"{options.CatalogPath}: none of its {catalog.Events.Count} events can give a window (see the reasons above)");
        }
        plans.Sort((a, b) => a.WindowStartUtc.CompareTo(b.WindowStartUtc));

        var calendar = options is { TrainUntil: { } t, DevUntil: { } d }
            ? new SplitCalendar(t, d)
            : SplitCalendar.FromFractions(plans.Select(p => p.WindowStartUtc), _settings.Data.TrainFraction, _settings.Data.ValFractionOfRest);
        progress(string.Create(CultureInfo.InvariantCulture,
            $"{plans.Count} events to window; split: train before {calendar.TrainUntil:yyyy-MM-dd}, dev before {calendar.DevUntil:yyyy-MM-dd}, test after"));

        var counts = new Dictionary<(string, string), int>();
        using var writer = new SeisBenchWriter(options.OutputDirectory, new WaveformDataFormat(ComponentOrder, _settings.Window.SampleRateHz, SamplesPerTrace));
        var array = new ArrayInventory(inventory, _settings.Array);

        var eventsWritten = 0;
        foreach (var formed in InParallel(plans, plan =>
                 {
                     var split = calendar.SplitOf(plan.WindowStartUtc, plan.WindowEndUtc);
                     return (Plan: plan, Split: split, Formed: split is null ? default : FormBeams(archive, inventory, array, plan.WindowStartUtc, plan.WindowEndUtc, plan.Hint));
                 }))
        {
            var (plan, split, (beams, reason)) = formed;
            if (split is null)
            {
                Skip($"event {plan.Event.PublicId}: its window {Span(plan.WindowStartUtc, plan.WindowEndUtc)} crosses a split boundary (midnight of {calendar.TrainUntil:yyyy-MM-dd} or {calendar.DevUntil:yyyy-MM-dd})");
                continue;
            }
            if (beams is null)
            {
                Skip($"event {plan.Event.PublicId}: window {Span(plan.WindowStartUtc, plan.WindowEndUtc)}: {reason}");
                continue;
            }
            writer.Add(EventTrace(plan, split, beams, ++eventsWritten), ChannelsFirst(beams));
            Count(counts, split, plan.Label);
        }
        progress($"{eventsWritten} event windows written");

        var noiseWanted = eventsWritten * options.NoisePerEvent;
        var noiseWritten = 0;
        if (noiseWanted > 0)
        {
            var excluded = catalog.Events.Select(_planner.Excluded).OfType<ExcludedSpan>();
            var sampler = new NoiseWindowSampler(plans[0].WindowStartUtc, plans.Max(p => p.WindowEndUtc), _settings.Window.LengthS, excluded, options.Seed);
            // Draws stay sequential (the sampler's seed decides them); beams are formed in parallel; windows are
            // written in draw order until enough are found, so the dataset does not depend on the core count.
            var draws = Enumerable.Range(0, noiseWanted * NoiseAttemptsPerWindow)
                .Select(_ => sampler.Next())
                .OfType<(DateTime StartUtc, double BackAzimuthDeg)>()
                .Select(draw =>
                {
                    var endUtc = draw.StartUtc.AddSeconds(_settings.Window.LengthS);
                    return (draw.StartUtc, EndUtc: endUtc, draw.BackAzimuthDeg, Split: calendar.SplitOf(draw.StartUtc, endUtc));
                })
                .Where(draw => draw.Split is not null);
            foreach (var formed in InParallel(draws, draw =>
                         (Draw: draw, Formed: FormBeams(archive, inventory, array, draw.StartUtc, draw.EndUtc, new BackAzimuthHint([draw.BackAzimuthDeg], null, null)))))
            {
                var ((start, end, backAzimuthDeg, split), (beams, reason)) = formed;
                if (beams is null)
                {
                    Skip($"noise window {Span(start, end)}: {reason}");
                    continue;
                }
                writer.Add(NoiseTrace(start, split!, backAzimuthDeg, beams, ++noiseWritten), ChannelsFirst(beams));
                Count(counts, split!, DatasetLabels.Noise);
                if (noiseWritten == noiseWanted)
                {
                    break;
                }
            }
            if (noiseWritten < noiseWanted)
            {
                Skip($"noise: {noiseWritten} of {noiseWanted} windows found in {noiseWanted * NoiseAttemptsPerWindow} draws (the catalog's span has little time free of events, or the archive has gaps)");
            }
        }
        progress($"{noiseWritten} noise windows written");

        if (writer.Count == 0)
        {
            throw new DatasetException($"{options.OutputDirectory}: no window could be built, so no dataset was written (see the reasons above)");
        }
        writer.Commit();

        var reportPath = Path.Combine(writer.Directory, ReportFile);
        WriteReport(reportPath, options, calendar, counts, skipped);
        return new DatasetBuildResult
        {
            OutputDirectory = writer.Directory,
            ReportPath = reportPath,
            Calendar = calendar,
            Counts = counts,
            Skipped = skipped,
        };
    }

    /// <summary>
    /// <paramref name="form"/> applied to the items on every core, a batch at a time, yielded in the items' order:
    /// reading and beaming a window is most of a build, and writing stays sequential and ordered. Stopping the
    /// enumeration early forms at most one batch more than was used.
    /// </summary>
    private static IEnumerable<TResult> InParallel<TItem, TResult>(IEnumerable<TItem> items, Func<TItem, TResult> form)
    {
        foreach (var batch in items.Chunk(WindowsPerParallelBatch))
        {
            foreach (var result in batch.AsParallel().AsOrdered().Select(form).ToList())
            {
                yield return result;
            }
        }
    }

    private (BeamSet? Beams, string? Reason) FormBeams(
        IWaveformSource archive, Inventory inventory, ArrayInventory array, DateTime startUtc, DateTime endUtc, BackAzimuthHint hint)
    {
        // The taper and filters eat window.edge_s at each end, as the original's 10 s of extra data.
        var edgeS = _settings.Window.EdgeS;
        var channels = ArrayChannels(inventory, startUtc);
        if (channels.Count == 0)
        {
            return (null, $"the inventory has no {_settings.Array.Network} {_settings.Array.StationPattern} channel matching {_settings.Array.ChannelPatternAt(startUtc)} at that time");
        }
        var selection = channels.Select(ChannelSelection.Of).ToList();
        // Synchronous on purpose: windows are formed on every core at once (Parallel), and local sources do no I/O waits worth yielding for.
        var miniSeed = archive.ReadAsync(selection, startUtc.AddSeconds(-edgeS), endUtc.AddSeconds(edgeS)).GetAwaiter().GetResult().MiniSeed;
        if (miniSeed.Length == 0)
        {
            return (null, $"the archive has no data for the array's {channels.Count} channels then");
        }
        try
        {
            var segment = ArraySegmentBuilder.Build(miniSeed, array, startUtc, endUtc, edgeS, hint, []);
            var beams = _pipeline.Form(segment);
            return beams.SampleCount == SamplesPerTrace
                ? (beams, null)
                : (null, $"the beams have {beams.SampleCount} samples, not {SamplesPerTrace}");
        }
        catch (SegmentRejectedException rejected)
        {
            return (null, rejected.Message);
        }
    }

    private static IWaveformSource OpenSource(string uri)
    {
        try
        {
            return WaveformSources.Open(uri);
        }
        catch (WaveformSourceException unusable)
        {
            throw new DatasetException($"--source {unusable.Message}");
        }
    }

    /// <summary>The array's channels at a time: network, station pattern and the channel pattern of the era (BH? or the legacy s*).</summary>
    private List<SourceId> ArrayChannels(Inventory inventory, DateTime timeUtc)
    {
        var channelPattern = _settings.Array.ChannelPatternAt(timeUtc);
        return inventory.ChannelsActiveAt(timeUtc)
            .Where(c => c.Id.Network == _settings.Array.Network
                && SeedPattern.Matches(_settings.Array.StationPattern, c.Id.Station)
                && SeedPattern.Matches(channelPattern, c.Id.Channel))
            .Select(c => SourceId.FromSeed(c.Id.Network, c.Id.Station, c.Id.Location, c.Id.Channel))
            .Distinct()
            .ToList();
    }

    private DatasetTrace EventTrace(EventWindowPlan plan, string split, BeamSet beams, int number)
    {
        var catalogEvent = plan.Event;
        var origin = catalogEvent.PreferredOrigin;
        var magnitude = catalogEvent.PreferredMagnitude;
        var rateHz = _settings.Window.SampleRateHz;
        int? SampleOf(DateTime? timeUtc) =>
            timeUtc is { } t && Math.Round((t - plan.WindowStartUtc).TotalSeconds * rateHz) is var sample && sample >= 0 && sample < SamplesPerTrace
                ? (int)sample
                : null;

        return new DatasetTrace
        {
            TraceName = $"event_{number:D6}",
            Split = split,
            Label = plan.Label,
            StartUtc = plan.WindowStartUtc,
            SamplingRateHz = rateHz,
            DistanceKm = plan.DistanceKm,
            BackAzimuthDeg = beams.BackAzimuth.BackAzimuthDeg,
            Magnitude = magnitude?.Value,
            OriginTimeUtc = origin?.TimeUtc,
            SourceLatitudeDeg = origin?.LatitudeDeg,
            SourceLongitudeDeg = origin?.LongitudeDeg,
            SourceDepthKm = origin?.DepthKm,
            EventId = catalogEvent.PublicId,
            PArrivalSample = SampleOf(plan.PArrivalUtc),
            SArrivalSample = SampleOf(plan.SArrivalUtc),
            Columns = CommonColumns(beams, beams.BackAzimuth.Source.ToString().ToLowerInvariant(), plan.PArrivalSource, magnitude?.Type, catalogEvent.Type),
        };
    }

    private DatasetTrace NoiseTrace(DateTime startUtc, string split, double backAzimuthDeg, BeamSet beams, int number) => new()
    {
        TraceName = $"noise_{number:D6}",
        Split = split,
        Label = DatasetLabels.Noise,
        StartUtc = startUtc,
        SamplingRateHz = _settings.Window.SampleRateHz,
        BackAzimuthDeg = backAzimuthDeg,
        Columns = CommonColumns(beams, "noise", pArrivalSource: null, magnitudeType: null, sourceType: null),
    };

    private Dictionary<string, string> CommonColumns(BeamSet beams, string backAzimuthSource, string? pArrivalSource, string? magnitudeType, string? sourceType) => new()
    {
        [MetadataColumns.SourceMagnitudeType] = magnitudeType ?? "",
        [MetadataColumns.SourceType] = sourceType ?? "",
        [MetadataColumns.BackAzimuthSource] = backAzimuthSource,
        ["trace_P_arrival_source"] = pArrivalSource ?? "",
        [MetadataColumns.StationNetworkCode] = _settings.Array.Network,
        [MetadataColumns.StationCode] = _settings.Array.Code,
        [MetadataColumns.StationLatitudeDeg] = _settings.Array.ReferenceLatitudeDeg.ToString("R", CultureInfo.InvariantCulture),
        [MetadataColumns.StationLongitudeDeg] = _settings.Array.ReferenceLongitudeDeg.ToString("R", CultureInfo.InvariantCulture),
        ["trace_sites_used"] = beams.SitesUsed.Count.ToString(CultureInfo.InvariantCulture),
        ["trace_beam_warnings"] = beams.Warnings.Count.ToString(CultureInfo.InvariantCulture),
    };

    private static float[] ChannelsFirst(BeamSet beams)
    {
        var channels = beams.InPayloadOrder;
        var samples = new float[channels.Count * beams.SampleCount];
        for (var c = 0; c < channels.Count; c++)
        {
            for (var i = 0; i < beams.SampleCount; i++)
            {
                samples[(c * beams.SampleCount) + i] = (float)channels[c][i];
            }
        }
        return samples;
    }

    /// <param name="path">The StationXML file.</param>
    /// <param name="progress">Where what the reader tolerated is reported, one line per warning.</param>
    private static Inventory LoadInventory(string path, Action<string> progress)
    {
        if (!File.Exists(path))
        {
            throw new DatasetException($"--inventory {path}: no such file");
        }
        try
        {
            return StationXmlReader.ReadFile(path, warning => progress($"warning: {warning.Message}"));
        }
        catch (Exception ex) when (ex is MetadataFormatException or IOException or UnauthorizedAccessException)
        {
            throw new DatasetException($"--inventory {path}: not a readable StationXML file: {ex.Message}");
        }
    }

    /// <param name="path">The QuakeML file.</param>
    /// <param name="progress">Where what the reader tolerated is reported, one line per warning.</param>
    private static Catalog LoadCatalog(string path, Action<string> progress)
    {
        if (!File.Exists(path))
        {
            throw new DatasetException($"--catalog {path}: no such file");
        }
        try
        {
            return QuakeMlReader.ReadFile(path, warning => progress($"warning: {warning.Message}"));
        }
        catch (Exception ex) when (ex is MetadataFormatException or IOException or UnauthorizedAccessException)
        {
            throw new DatasetException($"--catalog {path}: not a readable QuakeML file: {ex.Message}");
        }
    }

    private static void Count(Dictionary<(string, string), int> counts, string split, string label) =>
        counts[(split, label)] = counts.GetValueOrDefault((split, label)) + 1;

    private static string Span(DateTime startUtc, DateTime endUtc) =>
        string.Create(CultureInfo.InvariantCulture, $"{startUtc:yyyy-MM-ddTHH:mm:ss.fff}Z to {endUtc:HH:mm:ss.fff}Z");

    private static void WriteReport(
        string path, DatasetBuildOptions options, SplitCalendar calendar, Dictionary<(string, string), int> counts, List<string> skipped)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"catalog:   {Path.GetFullPath(options.CatalogPath)}");
        text.AppendLine(CultureInfo.InvariantCulture, $"inventory: {Path.GetFullPath(options.InventoryPath)}");
        text.AppendLine(CultureInfo.InvariantCulture, $"source:    {options.Source}");
        text.AppendLine(CultureInfo.InvariantCulture, $"seed:      {options.Seed}, noise per event: {options.NoisePerEvent}");
        text.AppendLine(CultureInfo.InvariantCulture, $"split:     train before {calendar.TrainUntil:yyyy-MM-dd}, dev before {calendar.DevUntil:yyyy-MM-dd}, test from then on");
        foreach (var ((split, label), count) in counts.OrderBy(c => DatasetSplits.All.ToList().IndexOf(c.Key.Item1)).ThenBy(c => c.Key.Item2, StringComparer.Ordinal))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"written:   {split,-5} {label,-10} {count}");
        }
        text.AppendLine(CultureInfo.InvariantCulture, $"skipped:   {skipped.Count}");
        foreach (var line in skipped)
        {
            text.AppendLine(line);
        }

        // Temporary name, then rename: a reader never sees half a report.
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, text.ToString());
        File.Move(temporary, path, overwrite: true);
    }
}
