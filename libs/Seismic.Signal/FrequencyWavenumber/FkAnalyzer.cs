using System.Numerics;
using Seismic.Signal.Arrays;
using Seismic.Signal.Conditioning;
using Seismic.Signal.Numerics;

namespace Seismic.Signal.FrequencyWavenumber;

/// <summary>
/// Frequency-domain beam-power (Bartlett) f-k analysis in sliding windows, as ObsPy's
/// array_processing with method 0 and prewhiten 0. Per window and site: demean, cosine taper
/// (ObsPy's p = 0.22), FFT zero-padded to the next power of two, keep the bins from round(low / df)
/// (at least 1) to round(high / df) (at most nfft / 2 - 1). For each slowness (sx, sy) on the grid,
/// the site spectra are aligned by the plane-wave delays t_i = sx x_i + sy y_i and summed:
/// P = sum_f |sum_i X_i(f) exp(+2 pi i f t_i)|^2, and the relative power is P / (N sum_i sum_f |X_i(f)|^2),
/// which is 1 only for identical aligned signals.
/// <para>
/// Differences from ObsPy: sites with a NaN in a window are left out of that window (ObsPy has no
/// notion of gaps); channels need not start on the same sample, the sub-sample offset of each is
/// applied as a phase; there are no thresholds on power or velocity (filter the returned windows).
/// Capon (method 1) is not implemented: with one snapshot per window its covariance is rank one and
/// ObsPy falls back on a pseudo-inverse, which is not worth reproducing.
/// </para>
/// </summary>
public sealed class FkAnalyzer
{
    // ObsPy: "0.22 matches 0.2 of historical C bbfk.c".
    private const double WindowTaperFraction = 0.22;

    private readonly IReadOnlyList<ArraySite> geometry;

    public FkAnalyzer(IReadOnlyList<ArraySite> geometry)
    {
        ArgumentNullException.ThrowIfNull(geometry);
        this.geometry = geometry;
    }

    public FkResult Analyze(IReadOnlyList<ArrayChannel> channels, FkOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Validate(options);
        var (used, issues, rateHz) = ChannelSelection.Select(geometry, channels, options.SampleRateHz);
        if (used.Count < options.MinimumSites)
        {
            throw new ArrayProcessingException($"f-k needs at least {options.MinimumSites} sites, {used.Count} usable.", issues);
        }

        var spanStartUtc = used.Max(u => u.Trace.StartUtc);
        var spanEndUtc = used.Min(u => u.Trace.EndUtc);
        var windowSamples = (int)(options.WindowSeconds * rateHz);
        var stepSamples = Math.Max(1, (int)(windowSamples * options.StepFraction));
        var spanSamples = (int)Math.Floor(((spanEndUtc - spanStartUtc).TotalSeconds * rateHz) + 1e-6);
        if (windowSamples < 4 || spanSamples < windowSamples)
        {
            throw new ArrayProcessingException(
                $"The time all usable sites share ({Math.Max(0, spanSamples) / rateHz:F2} s from {spanStartUtc:O}) is shorter than one {options.WindowSeconds} s window.",
                issues);
        }

        var fftLength = Fft.NextPowerOfTwo(windowSamples);
        var binHz = rateHz / fftLength;
        var lowBin = Math.Max(1, (int)((options.LowHz / binHz) + 0.5));
        var highBin = Math.Min((fftLength / 2) - 1, (int)((options.HighHz / binHz) + 0.5));
        var binCount = highBin - lowBin + 1;
        if (binCount < 1)
        {
            throw new ArgumentException($"The band {options.LowHz}-{options.HighHz} Hz holds no frequency bin for {windowSamples}-sample windows at {rateHz} Hz.", nameof(options));
        }

        var gridCount = (int)((2.0 * options.MaxSlownessSPerKm / options.SlownessStepSPerKm) + 0.5) + 1;
        var gridSlowness = new double[gridCount];
        for (var g = 0; g < gridCount; g++)
        {
            gridSlowness[g] = -options.MaxSlownessSPerKm + (g * options.SlownessStepSPerKm);
        }

        var siteCount = used.Count;
        var frequencies = new double[binCount];
        for (var f = 0; f < binCount; f++)
        {
            frequencies[f] = (lowBin + f) * binHz;
        }

        // The steering phase exp(2 pi i f (sx x + sy y)) factors into an east and a north part,
        // tabulated once as flat [frequency, grid index, site] tables of real and imaginary parts.
        var east = new SteeringTable(frequencies, gridSlowness, used.Select(u => u.Site.EastKm).ToArray());
        var north = new SteeringTable(frequencies, gridSlowness, used.Select(u => u.Site.NorthKm).ToArray());

        // Each site's window starts on its own nearest sample; the residual time offset becomes a phase.
        var firstSample = new int[siteCount];
        var residualSeconds = new double[siteCount];
        for (var i = 0; i < siteCount; i++)
        {
            var exact = (spanStartUtc - used[i].Trace.StartUtc).TotalSeconds * rateHz;
            firstSample[i] = (int)Math.Round(exact);
            residualSeconds[i] = (firstSample[i] - exact) / rateHz;
        }

        var taper = WindowTaper(windowSamples);
        var spectra = new Complex[siteCount, binCount];
        var present = new bool[siteCount];
        var fftBuffer = new Complex[fftLength];
        var windowBuffer = new double[windowSamples];
        var power = new double[gridCount * gridCount];
        var alignedRe = new double[siteCount];
        var alignedIm = new double[siteCount];
        var windows = new List<FkWindow>();
        var skipped = 0;

        for (var offset = 0; offset + windowSamples <= spanSamples; offset += stepSamples)
        {
            var presentCount = 0;
            var singleSitePower = 0.0;
            for (var i = 0; i < siteCount; i++)
            {
                present[i] = LoadSpectrum(used[i].Trace.Samples, firstSample[i] + offset, taper, windowBuffer, fftBuffer);
                if (!present[i])
                {
                    continue;
                }

                presentCount++;
                for (var f = 0; f < binCount; f++)
                {
                    // The site's window began residualSeconds late, which looks like an earlier arrival;
                    // the phase ramp puts it back on the common time axis.
                    var value = fftBuffer[lowBin + f] * Complex.FromPolarCoordinates(1.0, -2.0 * Math.PI * frequencies[f] * residualSeconds[i]);
                    spectra[i, f] = value;
                    singleSitePower += (value.Real * value.Real) + (value.Imaginary * value.Imaginary);
                }
            }

            if (presentCount < options.MinimumSites)
            {
                skipped++;
                continue;
            }

            BeamPowerMap(spectra, present, east, north, power, alignedRe, alignedIm);

            var best = 0;
            for (var g = 1; g < power.Length; g++)
            {
                if (power[g] > power[best])
                {
                    best = g;
                }
            }

            var (bestX, bestY) = (best / gridCount, best % gridCount);
            var sx = gridSlowness[bestX];
            var sy = gridSlowness[bestY];
            var (backAzimuthDeg, slowness) = PlaneWave.FromSlownessVector(sx, sy);
            slowness = Math.Max(slowness, 1e-8);
            var totalPower = presentCount * singleSitePower;
            windows.Add(new FkWindow(
                spanStartUtc.AddTicks((long)Math.Round(offset / rateHz * TimeSpan.TicksPerSecond)),
                backAzimuthDeg,
                slowness,
                1.0 / slowness,
                totalPower > 0 ? power[best] / totalPower : 0.0,
                power[best],
                sx,
                sy,
                presentCount));
        }

        return new FkResult(windows, skipped, issues);
    }

    /// <summary>Bartlett beam power sum_f |sum_i X_i(f) exp(2 pi i f (sx x_i + sy y_i))|^2 at every grid point, row-major [sx, sy].</summary>
    private static void BeamPowerMap(
        Complex[,] spectra, bool[] present, SteeringTable east, SteeringTable north, double[] power, double[] alignedRe, double[] alignedIm)
    {
        var (siteCount, binCount) = (spectra.GetLength(0), spectra.GetLength(1));
        var gridCount = east.GridCount;
        Array.Clear(power);
        for (var f = 0; f < binCount; f++)
        {
            for (var ix = 0; ix < gridCount; ix++)
            {
                var eastRe = east.Real(f, ix);
                var eastIm = east.Imaginary(f, ix);
                for (var i = 0; i < siteCount; i++)
                {
                    var x = present[i] ? spectra[i, f] : Complex.Zero;
                    alignedRe[i] = (x.Real * eastRe[i]) - (x.Imaginary * eastIm[i]);
                    alignedIm[i] = (x.Real * eastIm[i]) + (x.Imaginary * eastRe[i]);
                }

                var row = power.AsSpan(ix * gridCount, gridCount);
                for (var iy = 0; iy < gridCount; iy++)
                {
                    var northRe = north.Real(f, iy);
                    var northIm = north.Imaginary(f, iy);
                    double sumRe = 0, sumIm = 0;
                    for (var i = 0; i < siteCount; i++)
                    {
                        sumRe += (alignedRe[i] * northRe[i]) - (alignedIm[i] * northIm[i]);
                        sumIm += (alignedRe[i] * northIm[i]) + (alignedIm[i] * northRe[i]);
                    }

                    row[iy] += (sumRe * sumRe) + (sumIm * sumIm);
                }
            }
        }
    }

    /// <summary>ObsPy's cosine_taper(n, p=0.22): half-cosine ramps of round(n p / 2) samples.</summary>
    private static double[] WindowTaper(int length)
    {
        var taper = new double[length];
        Array.Fill(taper, 1.0);
        var side = (int)((length * WindowTaperFraction / 2.0) + 0.5);
        for (var n = 0; n < side; n++)
        {
            taper[n] = taper[length - 1 - n] = CosineTaper.RampWeight(n, side);
        }

        return taper;
    }

    private static void Validate(FkOptions options)
    {
        if (!(options.WindowSeconds > 0) || !(options.StepFraction > 0))
        {
            throw new ArgumentException("Window length and step fraction must be positive.", nameof(options));
        }

        if (!(options.LowHz >= 0) || !(options.HighHz > options.LowHz))
        {
            throw new ArgumentException($"The band {options.LowHz}-{options.HighHz} Hz is empty.", nameof(options));
        }

        if (!(options.MaxSlownessSPerKm > 0) || !(options.SlownessStepSPerKm > 0))
        {
            throw new ArgumentException("Slowness range and step must be positive.", nameof(options));
        }

        if (options.MinimumSites < 2)
        {
            throw new ArgumentException("f-k needs at least 2 sites.", nameof(options));
        }
    }

    /// <summary>Demeaned, tapered, zero-padded FFT of one site's window; false if the window runs off the trace or holds a NaN.</summary>
    private static bool LoadSpectrum(double[] samples, int first, double[] taper, double[] window, Complex[] fftBuffer)
    {
        if (first < 0 || first + window.Length > samples.Length)
        {
            return false;
        }

        var mean = 0.0;
        for (var n = 0; n < window.Length; n++)
        {
            var x = samples[first + n];
            if (double.IsNaN(x))
            {
                return false;
            }

            window[n] = x;
            mean += x;
        }

        mean /= window.Length;
        Array.Clear(fftBuffer);
        for (var n = 0; n < window.Length; n++)
        {
            fftBuffer[n] = new Complex((window[n] - mean) * taper[n], 0.0);
        }

        Fft.Forward(fftBuffer);
        return true;
    }

    /// <summary>exp(2 pi i f s c) for every frequency f, grid slowness s and site coordinate c.</summary>
    private sealed class SteeringTable
    {
        private readonly double[] real;
        private readonly double[] imaginary;
        private readonly int siteCount;

        public SteeringTable(double[] frequencies, double[] gridSlowness, double[] coordinatesKm)
        {
            GridCount = gridSlowness.Length;
            siteCount = coordinatesKm.Length;
            real = new double[frequencies.Length * GridCount * siteCount];
            imaginary = new double[real.Length];
            for (var f = 0; f < frequencies.Length; f++)
            {
                for (var g = 0; g < GridCount; g++)
                {
                    for (var i = 0; i < siteCount; i++)
                    {
                        var phase = 2.0 * Math.PI * frequencies[f] * gridSlowness[g] * coordinatesKm[i];
                        var index = (((f * GridCount) + g) * siteCount) + i;
                        real[index] = Math.Cos(phase);
                        imaginary[index] = Math.Sin(phase);
                    }
                }
            }
        }

        public int GridCount { get; }

        public ReadOnlySpan<double> Real(int frequency, int grid) => real.AsSpan(((frequency * GridCount) + grid) * siteCount, siteCount);

        public ReadOnlySpan<double> Imaginary(int frequency, int grid) => imaginary.AsSpan(((frequency * GridCount) + grid) * siteCount, siteCount);
    }
}
