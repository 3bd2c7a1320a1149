using Seismic.Configuration.Binding;

namespace Seismic.Configuration;

/// <summary>The classifier's sliding input window and the beam parameters (the seed's "live" section).</summary>
public sealed record WindowSettings : IValidatable
{
    /// <summary>Length of one classifier window, seconds.</summary>
    public required double LengthS { get; init; }

    /// <summary>Time between the starts of consecutive windows, seconds.</summary>
    public required double StepS { get; init; }

    /// <summary>Sampling rate of the beams and of the model input, Hz.</summary>
    public required double SampleRateHz { get; init; }

    /// <summary>Extra data fetched on each side of an interval and consumed by the taper, seconds.</summary>
    public required double EdgeS { get; init; }

    /// <summary>
    /// Where P sits in a training window, seconds from its start (the seed's head start, 60 s): the dataset
    /// builder cuts event windows so, and continuous detection lets the windows that see an event so vote on it.
    /// </summary>
    public required double PPositionS { get; init; }

    /// <summary>Margin added before the first and after the last pick of an event, seconds.</summary>
    public required double EventBufferS { get; init; }

    /// <summary>Apparent velocity of the P beam, km/s.</summary>
    public required double PVelocityKmS { get; init; }

    /// <summary>Apparent velocity of the S beams, km/s.</summary>
    public required double SVelocityKmS { get; init; }

    /// <summary>
    /// Samples in one window: length·rate + 1 (9601 for 240 s at 40 Hz). The window holds both end
    /// samples, as the seed's training data did, and the trained models expect exactly this length.
    /// </summary>
    public int SamplesPerWindow => (int)Math.Round(LengthS * SampleRateHz) + 1;

    /// <summary>
    /// Samples between window starts: step·rate (200 for 5 s at 40 Hz). The seed used step·rate + 1 = 201,
    /// an off-by-one that made its windows drift 0.025 s per step; this is deliberately not reproduced.
    /// </summary>
    public int StepSamples => (int)Math.Round(StepS * SampleRateHz);

    void IValidatable.Validate(Validator validator)
    {
        validator.Positive(LengthS, nameof(LengthS));
        validator.Positive(StepS, nameof(StepS));
        validator.Positive(SampleRateHz, nameof(SampleRateHz));
        validator.NotNegative(EdgeS, nameof(EdgeS));
        validator.NotNegative(EventBufferS, nameof(EventBufferS));
        validator.Require(
            PPositionS >= 0 && (LengthS <= 0 || PPositionS < LengthS),
            nameof(PPositionS),
            $"must lie inside the window, in [0, length_s = {Validator.Format(LengthS)}), got {Validator.Format(PPositionS)}");
        validator.Positive(PVelocityKmS, nameof(PVelocityKmS));
        validator.Positive(SVelocityKmS, nameof(SVelocityKmS));
        if (PVelocityKmS > 0 && SVelocityKmS > 0)
        {
            validator.Require(
                SVelocityKmS < PVelocityKmS,
                nameof(SVelocityKmS),
                $"must be below p_velocity_km_s ({Validator.Format(PVelocityKmS)}) since S waves are slower than P waves, got {Validator.Format(SVelocityKmS)}");
        }

        if (SampleRateHz > 0)
        {
            validator.Require(
                IsWholeNumber(LengthS * SampleRateHz),
                nameof(LengthS),
                $"must be a whole number of samples at sample_rate_hz ({Validator.Format(SampleRateHz)}), got {Validator.Format(LengthS)}");
            validator.Require(
                IsWholeNumber(StepS * SampleRateHz),
                nameof(StepS),
                $"must be a whole number of samples at sample_rate_hz ({Validator.Format(SampleRateHz)}), got {Validator.Format(StepS)}");
        }
    }

    private static bool IsWholeNumber(double value) => Math.Abs(value - Math.Round(value)) < 1e-6;
}
