using Seismic.Configuration.Binding;

namespace Seismic.Configuration;

/// <summary>What the reporter draws besides the CSV rows, and how much of the machine it may take for it.</summary>
public sealed record ReportSettings : IValidatable
{
    /// <summary>Draw an animated GIF of every event (one frame per window). Off for very long backfills where nobody will look at them.</summary>
    public required bool EventGifs { get; init; }

    /// <summary>Pictures drawn at the same time, each on one core; they wait in their own queue, never in the classifier's.</summary>
    public required int PictureConcurrency { get; init; }

    /// <summary>Draw each day's overview (detections over time with the detector track) and map of its events around the array.</summary>
    public required bool DayPictures { get; init; }

    /// <summary>A day's overview and map are drawn again at most this often while its rows arrive, and once more when the reporter stops, seconds.</summary>
    public required double DayPicturesIntervalS { get; init; }

    void IValidatable.Validate(Validator validator)
    {
        validator.AtLeastOne(PictureConcurrency, nameof(PictureConcurrency));
        validator.Positive(DayPicturesIntervalS, nameof(DayPicturesIntervalS));
    }
}
