namespace Seismic.Inference.Windows;

/// <summary>
/// Cuts beams into the model's input windows. Beams arrive channel-major ([P-beam Z], [S-beam T], [S-beam R],
/// as in <c>BeamsFormed</c>); the model takes channels-last windows, [time, channel], as the original's
/// Keras models did, so each window is transposed while it is copied.
/// </summary>
public sealed class WindowSlicer
{
    public WindowSlicer(int samplesPerWindow, int stepSamples)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(samplesPerWindow, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(stepSamples, 1);
        SamplesPerWindow = samplesPerWindow;
        StepSamples = stepSamples;
    }

    public int SamplesPerWindow { get; }

    /// <summary>Samples between window starts. The original stepped one sample too far (201 for 5 s at 40 Hz).</summary>
    public int StepSamples { get; }

    /// <summary>
    /// Start sample of every window that fits entirely in <paramref name="beamSamples"/>: 0, step, 2·step, ...
    /// Empty when the beams are shorter than one window (the original crashed there).
    /// </summary>
    public IReadOnlyList<int> WindowStarts(int beamSamples)
    {
        if (beamSamples < SamplesPerWindow)
            return [];
        var count = (beamSamples - SamplesPerWindow) / StepSamples + 1;
        var starts = new int[count];
        for (var i = 0; i < count; i++)
            starts[i] = i * StepSamples;
        return starts;
    }

    /// <summary>
    /// Copies the window starting at <paramref name="startSample"/> into <paramref name="destination"/>
    /// (length SamplesPerWindow × channels), channels-last.
    /// </summary>
    public void CopyWindow(IReadOnlyList<float[]> beams, int startSample, Span<float> destination)
    {
        var channels = beams.Count;
        if (destination.Length != SamplesPerWindow * channels)
            throw new ArgumentException($"destination holds {destination.Length} values; a window of {channels} channels needs {SamplesPerWindow * channels}", nameof(destination));
        for (var channel = 0; channel < channels; channel++)
        {
            var beam = beams[channel].AsSpan(startSample, SamplesPerWindow);
            for (var t = 0; t < beam.Length; t++)
                destination[t * channels + channel] = beam[t];
        }
    }
}
