namespace Seismic.Signal.FrequencyWavenumber;

/// <summary>Settings of a sliding-window f-k analysis (names follow ObsPy's array_processing where they map).</summary>
public sealed record FkOptions
{
    /// <summary>Window length in seconds (ObsPy win_len).</summary>
    public required double WindowSeconds { get; init; }

    /// <summary>Step between windows as a fraction of the window (ObsPy win_frac).</summary>
    public double StepFraction { get; init; } = 0.5;

    /// <summary>Lower edge of the band whose power is summed, Hz (ObsPy frqlow).</summary>
    public required double LowHz { get; init; }

    /// <summary>Upper edge of the band, Hz (ObsPy frqhigh).</summary>
    public required double HighHz { get; init; }

    /// <summary>The grid spans -max..max in both slowness components (ObsPy sll_x = sll_y = -max, slm_x = slm_y = max), s/km.</summary>
    public double MaxSlownessSPerKm { get; init; } = 0.4;

    /// <summary>Grid step, s/km (ObsPy sl_s).</summary>
    public double SlownessStepSPerKm { get; init; } = 0.01;

    /// <summary>Rate of the analysis; channels at another rate are left out. Default: the rate most channels have.</summary>
    public double? SampleRateHz { get; init; }

    /// <summary>A window is analysed only if at least this many sites have complete data in it.</summary>
    public int MinimumSites { get; init; } = 3;
}
