namespace Seismic.Signal.Arrays;

public enum ArrayIssueKind
{
    /// <summary>The channel's site is not in the geometry; the channel is not used.</summary>
    NotInGeometry,

    /// <summary>A second channel for a site already given; the later one is not used.</summary>
    DuplicateSite,

    /// <summary>The channel's sample rate differs from the beam's; the channel is not used (resample it first).</summary>
    SampleRateMismatch,

    /// <summary>The channel has no samples; it is not used.</summary>
    NoSamples,

    /// <summary>The channel has NaN samples; it is used, and left out of the average where it has no data.</summary>
    MissingSamples,

    /// <summary>A site of the geometry has no channel.</summary>
    MissingSite,
}

/// <summary>A problem with one site's data, reported alongside a beam or an f-k result.</summary>
public sealed record ArrayIssue(string Site, ArrayIssueKind Kind, string Detail);

/// <summary>Raised when no beam or f-k result can be formed at all; <see cref="Issues"/> says why per site.</summary>
public sealed class ArrayProcessingException : Exception
{
    public ArrayProcessingException(string message, IReadOnlyList<ArrayIssue> issues)
        : base(issues.Count == 0 ? message : $"{message} {string.Join("; ", issues.Select(i => $"{i.Site}: {i.Kind} ({i.Detail})"))}")
    {
        Issues = issues;
    }

    public IReadOnlyList<ArrayIssue> Issues { get; }
}
