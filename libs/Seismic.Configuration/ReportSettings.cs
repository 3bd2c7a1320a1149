using Seismic.Configuration.Binding;

namespace Seismic.Configuration;

/// <summary>What the reporter draws besides the CSV rows, and how much of the machine it may take for it.</summary>
public sealed record ReportSettings : IValidatable
{
    /// <summary>Draw an animated GIF of every event (one frame per window). Off for very long backfills where nobody will look at them.</summary>
    public required bool EventGifs { get; init; }

    /// <summary>Pictures drawn at the same time, each on one core; they wait in their own queue, never in the classifier's.</summary>
    public required int PictureConcurrency { get; init; }

    void IValidatable.Validate(Validator validator) => validator.AtLeastOne(PictureConcurrency, nameof(PictureConcurrency));
}
