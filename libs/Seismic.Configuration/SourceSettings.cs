using Seismic.Configuration.Binding;

namespace Seismic.Configuration;

/// <summary>The kinds of waveform source the ingest worker can read, by URI scheme.</summary>
public enum SourceScheme
{
    /// <summary>file:///path/*.mseed: miniSEED files matched by a glob.</summary>
    File,

    /// <summary>sds:///path: a SeisComP Data Structure archive.</summary>
    Sds,

    /// <summary>seedlink://host:18000: a live SeedLink server.</summary>
    Seedlink,

    /// <summary>fdsnws://host[:port]: an FDSN dataselect web service at host/fdsnws/.</summary>
    Fdsnws,

    /// <summary>http://host/path/fdsnws/: an FDSN web service by its full base URL.</summary>
    Http,

    /// <summary>https://host/path/fdsnws/: as <see cref="Http"/>, over TLS.</summary>
    Https,
}

/// <summary>Where waveforms come from and how the ingest worker cuts and cleans them.</summary>
public sealed record SourceSettings : IValidatable
{
    /// <summary>Waveform source URI; its scheme is one of <see cref="SourceScheme"/>.</summary>
    public required string Uri { get; init; }

    /// <summary>
    /// QuakeML file or fdsnws:// event service whose events in a backfilled interval are its known events
    /// (segments cut around each, beams steered by its picks); null: continuous detection.
    /// </summary>
    public string? CatalogUri { get; init; }

    /// <summary>Length of each ingested segment of continuous data, seconds.</summary>
    public required double SegmentLengthS { get; init; }

    /// <summary>
    /// How much consecutive segments overlap, seconds: at least one model window plus the detection's look-back,
    /// so that no window is lost at a boundary; what is left over lets an event that starts near a segment's
    /// end be seen whole.
    /// </summary>
    public required double SegmentOverlapS { get; init; }

    /// <summary>Longest interval one backfill request may cover, days (a typo in a year must not queue millions of segments).</summary>
    public required double MaxBackfillDays { get; init; }

    /// <summary>Seconds between the starts of consecutive segments.</summary>
    public double SegmentStrideS => SegmentLengthS - SegmentOverlapS;

    /// <summary>Seconds after a segment's end that live ingest waits for late stations before publishing what it has.</summary>
    public required double LiveDeadlineS { get; init; }

    /// <summary>
    /// File where live ingest keeps, per SeedLink station, the sequence number up to which every record has left
    /// in a segment, so that a restart asks the server for the rest; null: output_dir/live/seedlink.state.
    /// </summary>
    public string? LiveStatePath { get; init; }

    /// <summary>Live ingest asks the SeedLink server for its id when it has sent nothing for this long, seconds (a keepalive through firewalls).</summary>
    public required double LiveKeepaliveS { get; init; }

    /// <summary>Live ingest drops and reopens a SeedLink connection that brought nothing for this long, seconds (a silent server or a dead link).</summary>
    public required double LiveIdleTimeoutS { get; init; }

    /// <summary>Traces starting within this many seconds of the segment's first start time are snapped to it; the others are dropped.</summary>
    public required double StartSnapToleranceS { get; init; }

    /// <summary>A trace with more than this many seconds masked or NaN is dropped; shorter gaps are filled with zeros.</summary>
    public required double MaxMaskedS { get; init; }

    /// <summary>Traces whose sampling rate differs from the nominal one by more than this, Hz, are dropped.</summary>
    public required double SamplingRateToleranceHz { get; init; }

    /// <summary>The scheme of <see cref="Uri"/>; valid once the settings are loaded.</summary>
    public SourceScheme Scheme => ParseScheme(Uri)
        ?? throw new InvalidOperationException($"Unsupported source URI '{Uri}'.");

    private static SourceScheme? ParseScheme(string uri)
    {
        var end = uri.IndexOf("://", StringComparison.Ordinal);
        if (end <= 0)
        {
            return null;
        }

        var names = KeyNames.EnumNames(typeof(SourceScheme));
        var match = names.FirstOrDefault(pair => pair.Key.Equals(uri[..end], StringComparison.OrdinalIgnoreCase));
        return match.Value is SourceScheme scheme ? scheme : null;
    }

    void IValidatable.Validate(Validator validator)
    {
        var schemes = string.Join(", ", KeyNames.EnumNames(typeof(SourceScheme)).Keys);
        var end = Uri.IndexOf("://", StringComparison.Ordinal);
        if (end <= 0)
        {
            validator.Fail("uri", $"expected a URI such as file:///data/*.mseed, sds:///archive, seedlink://host:18000, fdsnws://host or https://host/fdsnws/, got '{Uri}'");
        }
        else if (ParseScheme(Uri) is null)
        {
            validator.Fail("uri", $"unsupported scheme '{Uri[..end]}'; expected one of {schemes}");
        }
        else if (Uri.Length == end + 3)
        {
            validator.Fail("uri", $"names no host or path after '{Uri}'");
        }

        validator.Positive(SegmentLengthS, nameof(SegmentLengthS));
        validator.NotNegative(SegmentOverlapS, nameof(SegmentOverlapS));
        validator.Positive(MaxBackfillDays, nameof(MaxBackfillDays));
        validator.NotNegative(LiveDeadlineS, nameof(LiveDeadlineS));
        validator.Positive(LiveKeepaliveS, nameof(LiveKeepaliveS));
        if (LiveIdleTimeoutS <= LiveKeepaliveS)
            validator.Fail("live_idle_timeout_s", $"must be longer than live_keepalive_s ({Validator.Format(LiveKeepaliveS)} s), or a keepalive could never keep a quiet connection open; got {Validator.Format(LiveIdleTimeoutS)}");
        validator.NotNegative(StartSnapToleranceS, nameof(StartSnapToleranceS));
        validator.NotNegative(MaxMaskedS, nameof(MaxMaskedS));
        validator.NotNegative(SamplingRateToleranceHz, nameof(SamplingRateToleranceHz));
    }
}
