using Seismic.Configuration;
using Seismic.Signal.Arrays;
using Seismic.Signal.Conditioning;
using Seismic.Signal.Filters;
using Seismic.Signal.Hygiene;
using Seismic.Signal.Resampling;
using Seismic.Signal.Rotation;

namespace Seismic.Beams;

/// <summary>
/// Where a beam is formed: one segment of array traces in, the three beams out, following the seed's
/// get_beam (SPEC section 8) step by step:
/// trace hygiene → demean → cosine taper → high-pass → resample → choose the back-azimuth →
/// rotate the horizontals to R/T → P beam of Z, S beams of T and R → trim to [start, end] →
/// demean and the configured beam filter (2-8 Hz band-pass) on the beams.
/// Stateless and thread-safe; every setting comes from <see cref="SeismicSettings"/>.
/// </summary>
public sealed class BeamPipeline
{
    /// <summary>Fewer verticals than this make no meaningful P beam (nor an f-k estimate): the segment is rejected.</summary>
    public const int MinimumVerticalSites = 3;

    /// <summary>The S beams need at least one site with both horizontals; before ARCES had horizontals at every site, few had them.</summary>
    public const int MinimumHorizontalSites = 1;

    /// <summary>ObsPy's highpass default (corners 4, causal), which the seed's Trace.filter('highpass', freq=1.5) used.</summary>
    private const int PreBeamHighpassCorners = 4;

    private readonly SeismicSettings settings;

    public BeamPipeline(SeismicSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        this.settings = settings;
    }

    /// <summary>window.edge_s: data beyond each end of a segment that the taper and filters consume.</summary>
    public double EdgeSeconds => settings.Window.EdgeS;

    /// <exception cref="SegmentRejectedException">The segment cannot give beams; the message says why.</exception>
    public BeamSet Form(ArraySegment segment)
    {
        ArgumentNullException.ThrowIfNull(segment);
        if (segment.EndUtc <= segment.StartUtc)
        {
            throw new SegmentRejectedException($"The segment ends ({segment.EndUtc:O}) before it starts ({segment.StartUtc:O}).");
        }

        var warnings = new List<string>(segment.KnownProblems);

        // Hygiene, then demean, taper, high-pass and resample each channel; then sort channels into sites.
        var cleaned = CleanTraces(segment, warnings);
        var conditioned = cleaned.Select(c => Condition(c, warnings)).OfType<SensorChannel>().ToList();
        var sites = SiteComponents.Group(segment.Sites, conditioned, warnings);

        var verticals = sites.Where(s => s.Vertical is not null).Select(s => new ArrayChannel(s.Site, UpPositive(s.Vertical!))).ToList();
        var horizontalSites = sites.Where(s => s.HasHorizontalPair).ToList();
        if (verticals.Count < MinimumVerticalSites)
        {
            throw new SegmentRejectedException(
                $"Only {verticals.Count} usable vertical channels; a P beam needs at least {MinimumVerticalSites}.{Summary(warnings)}");
        }

        if (horizontalSites.Count < MinimumHorizontalSites)
        {
            throw new SegmentRejectedException(
                $"No site has two usable horizontal components; the S beams need at least {MinimumHorizontalSites}.{Summary(warnings)}");
        }

        // Steer: picks, else origin, else f-k; then rotate every site's horizontals to R/T for that direction.
        var (backAzimuth, arrivals) = ChooseBackAzimuth(segment, verticals);
        var (transverse, radial) = RotateHorizontals(horizontalSites, backAzimuth.BackAzimuthDeg, warnings);
        if (transverse.Count < MinimumHorizontalSites)
        {
            throw new SegmentRejectedException($"No site's horizontals could be rotated to R/T.{Summary(warnings)}");
        }

        var beamformer = new DelayAndSumBeamformer(segment.Sites);
        var trimmed = new BeamOptions
        {
            SampleRateHz = settings.Window.SampleRateHz,
            StartUtc = segment.StartUtc,
            SampleCount = (int)Math.Round((segment.EndUtc - segment.StartUtc).TotalSeconds * settings.Window.SampleRateHz) + 1,
        };

        // Forming the beam directly on [start, end] reads each site at its delayed time, which may fall in the
        // edge, and gives the same samples as the seed's beam-then-trim.
        var p = beamformer.Form(verticals, backAzimuth.BackAzimuthDeg, settings.Window.PVelocityKmS, trimmed);
        var t = beamformer.Form(transverse, backAzimuth.BackAzimuthDeg, settings.Window.SVelocityKmS, trimmed);
        var r = beamformer.Form(radial, backAzimuth.BackAzimuthDeg, settings.Window.SVelocityKmS, trimmed);

        var beams = new[] { (Name: "P beam", Beam: p), (Name: "transverse S beam", Beam: t), (Name: "radial S beam", Beam: r) };
        foreach (var (name, beam) in beams)
        {
            FillUncovered(name, beam, warnings);
            FilterBeam(beam.Samples);
        }

        var used = beams.SelectMany(b => b.Beam.Sites).Where(s => s.SamplesUsed > 0).Select(s => s.Site).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return new BeamSet
        {
            StartUtc = segment.StartUtc,
            SampleRateHz = settings.Window.SampleRateHz,
            PVertical = p.Samples,
            STransverse = t.Samples,
            SRadial = r.Samples,
            BackAzimuth = backAzimuth,
            Arrivals = arrivals,
            PVelocityKmPerS = settings.Window.PVelocityKmS,
            SVelocityKmPerS = settings.Window.SVelocityKmS,
            SitesUsed = segment.Sites.Select(s => s.Name).Where(used.Contains).ToList(),
            Warnings = warnings,
        };
    }

    /// <summary>
    /// The seed's start-time correction and masked/NaN rule (source.start_snap_tolerance_s, source.max_masked_s),
    /// after setting aside channels of unknown sites and repeated channels so they cannot sway the common start.
    /// </summary>
    private List<SensorChannel> CleanTraces(ArraySegment segment, List<string> warnings)
    {
        var knownSites = segment.Sites.Select(s => s.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var byId = new Dictionary<string, SensorChannel>(StringComparer.Ordinal);
        foreach (var channel in segment.Channels)
        {
            if (!knownSites.Contains(channel.Site))
            {
                warnings.Add($"{channel.Trace.ChannelId}: site {channel.Site} is not in the array geometry; not used.");
            }
            else if (!byId.TryAdd(channel.Trace.ChannelId, channel))
            {
                warnings.Add($"{channel.Trace.ChannelId}: given twice; the first one used.");
            }
        }

        var hygiene = TraceHygiene.Apply(
            byId.Values.Select(c => c.Trace).ToList(),
            new HygieneOptions(settings.Source.StartSnapToleranceS, settings.Source.MaxMaskedS));
        foreach (var dropped in hygiene.Dropped)
        {
            warnings.Add($"{dropped.ChannelId}: dropped, {dropped.Detail}.");
        }

        foreach (var adjusted in hygiene.Adjustments)
        {
            if (adjusted.FilledSampleCount > 0)
            {
                var rateHz = byId[adjusted.ChannelId].Trace.SampleRateHz;
                warnings.Add($"{adjusted.ChannelId}: {adjusted.FilledSampleCount} missing samples ({adjusted.FilledSampleCount / rateHz:F2} s) filled with zeros.");
            }

            // A shift under a millisecond is clock jitter; a larger one moves the samples by that much.
            if (Math.Abs(adjusted.StartShiftSeconds) >= 1e-3)
            {
                warnings.Add($"{adjusted.ChannelId}: start moved by {adjusted.StartShiftSeconds:F3} s to the common start.");
            }
        }

        WarnIfEdgeShort(segment, hygiene.Kept, warnings);
        return hygiene.Kept.Select(trace => byId[trace.ChannelId] with { Trace = trace }).ToList();
    }

    /// <summary>Without window.edge_s of data beyond the segment, the taper and the filters' start-up reach into the beams.</summary>
    private void WarnIfEdgeShort(ArraySegment segment, IReadOnlyList<SignalTrace> kept, List<string> warnings)
    {
        var wantedStartUtc = segment.StartUtc.AddSeconds(-settings.Window.EdgeS);
        var wantedEndUtc = segment.EndUtc.AddSeconds(settings.Window.EdgeS);
        var shortStart = kept.Count(t => t.StartUtc > wantedStartUtc.AddSeconds(1.0 / t.SampleRateHz));
        var shortEnd = kept.Count(t => t.EndUtc < wantedEndUtc);
        if (shortStart > 0 || shortEnd > 0)
        {
            warnings.Add(
                $"{shortStart} channels start later than {settings.Window.EdgeS} s (edge_s) before the segment and {shortEnd} end earlier than {settings.Window.EdgeS} s after it; the taper reaches into the beams there.");
        }
    }

    /// <summary>Demean, taper, high-pass at the channel's own rate, then resample to the beam rate; null (with a warning) if the rate cannot be handled.</summary>
    private SensorChannel? Condition(SensorChannel channel, List<string> warnings)
    {
        var trace = channel.Trace;
        var rateHz = trace.SampleRateHz;

        // In place: TraceHygiene hands back its own copy of every kept trace, never the caller's array.
        var samples = trace.Samples;
        if (settings.Filters.Demean)
        {
            Detrend.Demean(samples);
        }

        if (settings.Filters.Taper.Enabled)
        {
            CosineTaper.ApplyByMaxLength(samples, rateHz, settings.Filters.Taper.MaxLengthS);
        }

        var targetHz = settings.Window.SampleRateHz;
        try
        {
            Butterworth.HighPass(PreBeamHighpassCorners, settings.Filters.PreBeamHighpassHz, rateHz).Filter(samples);
            if (Math.Abs(rateHz - targetHz) > 1e-9 * targetHz)
            {
                samples = new PolyphaseResampler(rateHz, targetHz).Resample(samples);
                warnings.Add($"{trace.ChannelId}: recorded at {rateHz} Hz, resampled to {targetHz} Hz.");
            }
        }
        catch (ArgumentException unusableRate)
        {
            warnings.Add($"{trace.ChannelId}: dropped, its rate of {rateHz} Hz cannot be filtered or resampled to {targetHz} Hz ({unusableRate.Message}).");
            return null;
        }

        return channel with { Trace = trace with { SampleRateHz = targetHz, Samples = samples } };
    }

    /// <summary>
    /// The hint's direction when there is one; else f-k on the P band: the beams point at the segment's most
    /// energetic window, and each arrival the STA/LTA finds gets its own f-k direction (continuous detection
    /// gives a detected event the direction of its own arrival, which may differ from the beams').
    /// </summary>
    private (BackAzimuthEstimate Steering, IReadOnlyList<Arrival> Arrivals) ChooseBackAzimuth(ArraySegment segment, IReadOnlyList<ArrayChannel> verticals)
    {
        if (BackAzimuthChoice.FromHint(segment.Hint, settings.Array.ReferenceLatitudeDeg, settings.Array.ReferenceLongitudeDeg) is { } known)
        {
            return (known, []);
        }

        var band = settings.Filters.BeamFilter.Bandpass;
        try
        {
            var filtered = BackAzimuthChoice.BandLimited(verticals, band.MinHz, band.MaxHz);
            var steering = BackAzimuthChoice.FromBandLimited(segment.Sites, filtered, segment.StartUtc, segment.EndUtc, band.MinHz, band.MaxHz, MinimumVerticalSites);
            var arrivals = ArrivalFinder.Find(segment.Sites, filtered, segment.StartUtc, segment.EndUtc, band.MinHz, band.MaxHz, MinimumVerticalSites);
            return (steering, arrivals);
        }
        catch (ArrayProcessingException noEstimate)
        {
            throw new SegmentRejectedException($"No back-azimuth is known and f-k could not estimate one: {noEstimate.Message}");
        }
    }

    /// <summary>
    /// Radial and transverse per site from its two horizontals at their actual StationXML azimuths, so a sensor
    /// installed a few degrees off north still gives the right R and T (the seed's rotate assumed exact N and E).
    /// </summary>
    private static (List<ArrayChannel> Transverse, List<ArrayChannel> Radial) RotateHorizontals(
        IReadOnlyList<SiteComponents> sites, double backAzimuthDeg, List<string> warnings)
    {
        var transverse = new List<ArrayChannel>();
        var radial = new List<ArrayChannel>();
        foreach (var site in sites)
        {
            var (h1, h2) = (site.Horizontal1!, site.Horizontal2!);

            // After hygiene both start together; a trace that stopped early shortens the pair.
            var length = Math.Min(h1.Trace.Samples.Length, h2.Trace.Samples.Length);
            var r = new double[length];
            var t = new double[length];
            try
            {
                HorizontalRotation.ToRadialTransverse(
                    h1.Trace.Samples.AsSpan(0, length), h1.AzimuthDeg, h2.Trace.Samples.AsSpan(0, length), h2.AzimuthDeg, backAzimuthDeg, r, t);
            }
            catch (ArgumentException parallel)
            {
                warnings.Add($"{site.Site}: horizontals cannot be rotated ({parallel.Message}); left out of the S beams.");
                continue;
            }

            transverse.Add(new ArrayChannel(site.Site, h1.Trace with { ChannelId = $"{site.Site}.T", Samples = t }));
            radial.Add(new ArrayChannel(site.Site, h1.Trace with { ChannelId = $"{site.Site}.R", Samples = r }));
        }

        return (transverse, radial);
    }

    /// <summary>The first problems behind a rejection, enough to act on without flooding the failure message.</summary>
    private static string Summary(IReadOnlyList<string> warnings)
    {
        const int shown = 8;
        if (warnings.Count == 0)
        {
            return "";
        }

        var more = warnings.Count > shown ? $" (and {warnings.Count - shown} more)" : "";
        return $" Problems: {string.Join(" ", warnings.Take(shown))}{more}";
    }

    /// <summary>SEED dip +90 is a vertical sensor pointing down; flip it so every Z in the beam is positive up.</summary>
    private static SignalTrace UpPositive(SensorChannel vertical) =>
        vertical.DipDeg > 0
            ? vertical.Trace with { Samples = vertical.Trace.Samples.Select(x => -x).ToArray() }
            : vertical.Trace;

    /// <summary>Beam samples no site covers are NaN; they become 0 so the filters and the model see no NaN.</summary>
    private void FillUncovered(string name, Beam beam, List<string> warnings)
    {
        var samples = beam.Samples;
        var uncovered = 0;
        for (var i = 0; i < samples.Length; i++)
        {
            if (double.IsNaN(samples[i]))
            {
                samples[i] = 0.0;
                uncovered++;
            }
        }

        if (uncovered == samples.Length)
        {
            throw new SegmentRejectedException($"The {name} is empty: no site has data between {beam.StartUtc:O} and the segment end.");
        }

        if (uncovered > 0)
        {
            warnings.Add($"{name}: {uncovered} samples ({uncovered / settings.Window.SampleRateHz:F2} s) have no site data and are set to 0.");
        }

        foreach (var issue in beam.Issues.Where(i => i.Kind is not ArrayIssueKind.MissingSite))
        {
            warnings.Add($"{name}: {issue.Site} {issue.Detail}.");
        }
    }

    /// <summary>
    /// Demean, then the configured beam filter, on the trimmed beams: what the seed's training data had
    /// (LoadData demeaned and band-passed each 240 s sample). The seed's live code had a bug here: it
    /// band-passed the raw array stream after beamforming instead of the beams, so its live beams were only
    /// 1.5 Hz high-passed. Filtering the beams, as here, makes live beams match the training data.
    /// </summary>
    private void FilterBeam(double[] samples)
    {
        if (settings.Filters.Demean)
        {
            Detrend.Demean(samples);
        }

        var rateHz = settings.Window.SampleRateHz;
        var beamFilter = settings.Filters.BeamFilter;
        var (filter, zeroPhase) = beamFilter.Type switch
        {
            BeamFilterType.Bandpass => (
                Butterworth.BandPass(beamFilter.Bandpass.Corners, beamFilter.Bandpass.MinHz, beamFilter.Bandpass.MaxHz, rateHz),
                beamFilter.Bandpass.ZeroPhase),
            BeamFilterType.Highpass => (
                Butterworth.HighPass(beamFilter.Highpass.Corners, beamFilter.Highpass.FreqHz, rateHz),
                beamFilter.Highpass.ZeroPhase),
            _ => throw new InvalidOperationException($"Unknown beam filter type {beamFilter.Type}."),
        };

        if (zeroPhase)
        {
            filter.FilterZeroPhase(samples);
        }
        else
        {
            filter.Filter(samples);
        }
    }
}
