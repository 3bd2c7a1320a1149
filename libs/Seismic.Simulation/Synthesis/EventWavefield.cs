using System.Numerics;
using MathNet.Numerics.IntegralTransforms;
using Seismic.Signal.Arrays;
using Seismic.Metadata.Propagation;
using Seismic.Simulation.Randomness;
using Seismic.Simulation.Sources;
using Seismic.Waveforms.Time;

namespace Seismic.Simulation.Synthesis;

/// <summary>
/// The ground velocity an event makes at every site of the array. Each phase is synthesised once by the
/// stochastic method (Boore 1983, 2003): Gaussian noise under the phase's envelope, transformed, normalised to a
/// unit mean spectrum, multiplied by the source, path and site spectrum, and scaled to the peak the ML scale
/// predicts. The same phase then crosses the array as a plane wave at its apparent velocity and true
/// back-azimuth: each site gets it shifted (exactly, in the frequency domain) by its plane-wave delay.
/// </summary>
public sealed class EventWavefield
{
    /// <summary>Samples before the onset in each phase buffer: room for the earliest site's delay and the shaping filter's spread.</summary>
    private const int OnsetIndex = 96;

    /// <summary>Samples after the envelope, so the circular FFT shift cannot wrap the coda onto the onset.</summary>
    private const int TailPadding = 64;

    /// <summary>Site-to-site amplitude scatter (log10 standard deviation): ARCES's sites differ by some 20 % in amplitude.</summary>
    private const double SiteAmplificationSigmaLog10 = 0.08;

    private readonly IReadOnlyList<PhaseWave> waves;
    private readonly double[] siteAmplification;

    private EventWavefield(SimulatedEvent simulatedEvent, IReadOnlyList<PhaseWave> waves, double[] siteAmplification)
    {
        Event = simulatedEvent;
        this.waves = waves;
        this.siteAmplification = siteAmplification;
        var fs = ArcesArray.SampleRateHz;
        StartUtc = waves.Min(w => w.ArrivalUtc).AddSeconds(-(OnsetIndex / fs) - 1.0);
        EndUtc = waves.Max(w => w.ArrivalUtc.AddSeconds(((w.Length - OnsetIndex) / fs) + 1.0));
    }

    public SimulatedEvent Event { get; }

    /// <summary>Earliest time any site can see signal of this event.</summary>
    public DateTime StartUtc { get; }

    /// <summary>Latest time any site can see signal of this event.</summary>
    public DateTime EndUtc { get; }

    public static EventWavefield Synthesize(SimulatedEvent simulatedEvent, long seed)
    {
        ArgumentNullException.ThrowIfNull(simulatedEvent);
        var random = new RandomStream(seed, (long)StreamPurpose.EventWaveforms, simulatedEvent.WaveformKey);
        var e = simulatedEvent;
        var fcS = SourceSpectrum.CornerFrequencyHz(e.Magnitude, e.Source.StressDropBar);

        // Madariaga (1976): P corners lie about 1.5 times above S corners.
        var fcP = 1.5 * fcS;
        // The shot train of a ripple-fired blast is convolved in through its spectrum, so it is not part of the envelope.
        var sourceDurationS = Math.Clamp(1.0 / fcS, 0.05, 3.0);
        var hypocentralKm = Math.Sqrt((e.DistanceKm * e.DistanceKm) + (e.DepthKm * e.DepthKm));
        var sPeakNm = PathModel.PeakDisplacementNm(e.Magnitude, hypocentralKm);
        var waves = new List<PhaseWave>();
        foreach (var arrival in e.Arrivals)
        {
            var phase = arrival.Phase;
            var envelope = PhaseEnvelope(phase, e.DistanceKm, sourceDurationS);
            var relative = PathModel.RelativeAmplitude(phase, e.DistanceKm, e.OceanicPath);
            var peakNm = sPeakNm * relative * (phase.IsP() ? e.Source.PToSAmplitudeRatio : 1.0);
            var corner = phase.IsP() ? fcP : fcS;
            var tilt = phase.IsP() ? e.Source.PSpectralTiltExponent : 0.0;
            double Shape(double f) =>
                SourceSpectrum.VelocityShape(f, corner) * PathModel.Attenuation(phase, f, arrival.TravelTimeS) * (f > 0 ? Math.Pow(f / 2.0, tilt) : 0.0);

            var (vertical, horizontal) = PathModel.Projection(phase, arrival.ApparentVelocityKmPerS);
            var primary = Series(random, envelope, Shape, e.Source.ShotDelaysS, peakNm);
            var wave = new PhaseWave
            {
                Arrival = arrival,
                ArrivalUtc = e.ArrivalUtc(arrival),
                OnsetIndex = OnsetIndex,
                Primary = primary,
                PrimaryWeights = phase.IsP() ? (vertical, horizontal, 0.0) : (0.0, 0.0, 1.0),
            };
            if (!phase.IsP())
            {
                wave = wave with
                {
                    Secondary = Series(random, envelope, Shape, e.Source.ShotDelaysS, peakNm * PathModel.SvOverSh),
                    SecondaryWeights = (vertical, horizontal, 0.0),
                };
            }

            waves.Add(wave);
        }

        var amplification = ArcesArray.Sites.Select(_ => random.LogNormal10(1.0, SiteAmplificationSigmaLog10)).ToArray();
        return new EventWavefield(e, waves, amplification);
    }

    /// <summary>
    /// Adds this event's ground velocity (m/s) at one site to a block of samples starting at <paramref name="blockStart"/>.
    /// Radial points away from the source and transverse 90 degrees clockwise of it (ObsPy's convention, which the
    /// beamformer's rotation undoes), so north = -R cos(baz) + T sin(baz) and east = -R sin(baz) - T cos(baz).
    /// </summary>
    public void AddTo(int siteIndex, NanoTime blockStart, Span<double> vertical, Span<double> north, Span<double> east)
    {
        var site = ArcesArray.Sites[siteIndex];
        var bazRad = Event.BackAzimuthDeg * Math.PI / 180.0;
        var (sinBaz, cosBaz) = Math.SinCos(bazRad);
        var amplification = siteAmplification[siteIndex];
        var fs = ArcesArray.SampleRateHz;
        foreach (var wave in waves)
        {
            var delayS = PlaneWave.DelaysSeconds([site], Event.BackAzimuthDeg, wave.Arrival.ApparentVelocityKmPerS)[0];
            var onsetNs = NanoTime.FromDateTime(wave.ArrivalUtc).AddSeconds(delayS) - blockStart;
            var position = (onsetNs / 1e9 * fs) - wave.OnsetIndex;
            var first = (int)Math.Floor(position);
            if (first >= vertical.Length || first + wave.Length <= 0)
            {
                continue;
            }

            var fraction = position - first;
            var primary = Shifted(wave.Primary, fraction);
            var secondary = wave.Secondary is null ? null : Shifted(wave.Secondary, fraction);
            var from = Math.Max(0, -first);
            var to = Math.Min(wave.Length, vertical.Length - first);
            for (var j = from; j < to; j++)
            {
                var p = primary[j] * amplification;
                var s = secondary is null ? 0.0 : secondary[j] * amplification;
                var z = (wave.PrimaryWeights.Z * p) + (wave.SecondaryWeights.Z * s);
                var r = (wave.PrimaryWeights.R * p) + (wave.SecondaryWeights.R * s);
                var t = (wave.PrimaryWeights.T * p) + (wave.SecondaryWeights.T * s);
                var k = first + j;
                vertical[k] += z;
                north[k] += (-r * cosBaz) + (t * sinBaz);
                east[k] += (-r * sinBaz) - (t * cosBaz);
            }
        }
    }

    /// <summary>
    /// Envelope constants of each phase. P is impulsive, S and especially Lg emergent and long (Lg is a sum of
    /// crustal multiples); codas last longer with distance as scattering accumulates.
    /// </summary>
    private static Envelope PhaseEnvelope(RegionalPhase phase, double distanceKm, double sourceDurationS) => phase switch
    {
        RegionalPhase.Pn or RegionalPhase.Pg => new Envelope(0.1 + (0.2 * sourceDurationS) + (0.0002 * distanceKm), 1.5 + (0.006 * distanceKm)),
        RegionalPhase.Sn => new Envelope(0.3 + (0.5 * sourceDurationS) + (0.001 * distanceKm), 2.0 + (0.01 * distanceKm)),
        _ => new Envelope(0.5 + (0.5 * sourceDurationS) + (0.003 * distanceKm), 3.0 + (0.02 * distanceKm)),
    };

    /// <summary>One stochastic series' spectrum, scaled so that its peak velocity is 2 pi f_dominant times the target displacement.</summary>
    private static Complex[] Series(RandomStream random, Envelope envelope, Func<double, double> shape, IReadOnlyList<double> shotDelaysS, double peakDisplacementNm)
    {
        var fs = ArcesArray.SampleRateHz;
        var signalSamples = (int)Math.Ceiling(envelope.DurationS * fs);
        var n = (int)BitOperations.RoundUpToPowerOf2((uint)(OnsetIndex + signalSamples + TailPadding));
        var spectrum = new Complex[n];
        for (var j = 0; j < signalSamples; j++)
        {
            spectrum[OnsetIndex + j] = random.Gaussian() * envelope.At(j / fs);
        }

        Fourier.Forward(spectrum, FourierOptions.Matlab);

        // Boore's normalisation: the windowed noise gets a mean squared spectral amplitude of one.
        var meanSquare = 0.0;
        for (var k = 1; k < n / 2; k++)
        {
            meanSquare += spectrum[k].Magnitude * spectrum[k].Magnitude;
        }

        var normalise = 1.0 / Math.Sqrt(meanSquare / ((n / 2) - 1));
        var weightedFrequency = 0.0;
        var power = 0.0;
        for (var k = 0; k < n; k++)
        {
            var signedBin = k <= n / 2 ? k : k - n;
            var frequencyHz = signedBin * fs / n;
            var f = Math.Abs(frequencyHz);
            var amplitude = k == 0 || k == n / 2 ? 0.0 : shape(f) * normalise;
            spectrum[k] *= amplitude * Ripple(frequencyHz, shotDelaysS);
            if (k > 0 && k < n / 2)
            {
                var p = amplitude * amplitude;
                weightedFrequency += f * p;
                power += p;
            }
        }

        var dominantHz = power > 0 ? weightedFrequency / power : 1.0;
        var reference = (Complex[])spectrum.Clone();
        Fourier.Inverse(reference, FourierOptions.Matlab);
        var peak = reference.Max(c => Math.Abs(c.Real));
        var targetPeakMPerS = 2.0 * Math.PI * dominantHz * peakDisplacementNm * 1e-9;
        var scale = peak > 0 ? targetPeakMPerS / peak : 0.0;
        for (var k = 0; k < n; k++)
        {
            spectrum[k] *= scale;
        }

        return spectrum;
    }

    /// <summary>
    /// Spectrum of a ripple-fired blast's shot train, the mean of exp(-2 pi i f tau_j): one at low frequency,
    /// scalloped above 1 / (shot spacing), the spectral modulation of delay-fired mine blasts (Baumgardt and Ziegler 1988).
    /// </summary>
    private static Complex Ripple(double signedFrequencyHz, IReadOnlyList<double> shotDelaysS)
    {
        if (shotDelaysS.Count == 1)
        {
            return Complex.One;
        }

        var sum = Complex.Zero;
        foreach (var tau in shotDelaysS)
        {
            sum += Complex.FromPolarCoordinates(1.0, -2.0 * Math.PI * signedFrequencyHz * tau);
        }

        return sum / shotDelaysS.Count;
    }

    /// <summary>The series delayed by a fraction of a sample (exp(-2 pi i f fraction) per bin), as real samples.</summary>
    private static double[] Shifted(Complex[] spectrum, double fraction)
    {
        var n = spectrum.Length;
        var work = new Complex[n];
        for (var k = 0; k < n; k++)
        {
            var signedBin = k <= n / 2 ? k : k - n;
            work[k] = fraction == 0 ? spectrum[k] : spectrum[k] * Complex.FromPolarCoordinates(1.0, -2.0 * Math.PI * signedBin * fraction / n);
        }

        Fourier.Inverse(work, FourierOptions.Matlab);
        var samples = new double[n];
        for (var k = 0; k < n; k++)
        {
            samples[k] = work[k].Real;
        }

        return samples;
    }
}
