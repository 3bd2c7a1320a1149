using Seismic.Signal.Arrays;
using Seismic.Signal.Filters;
using Seismic.Signal.Hygiene;

namespace Seismic.Signal.Tests.Support;

/// <summary>Plane waves over an array, with the exact (analytic) delay at every site.</summary>
internal static class SyntheticArray
{
    public static readonly DateTime Start = new(2023, 10, 30, 12, 0, 0, DateTimeKind.Utc);

    /// <summary>Ricker wavelet with peak frequency <paramref name="peakHz"/> centred at <paramref name="centreSeconds"/>.</summary>
    public static double Ricker(double tSeconds, double centreSeconds, double peakHz)
    {
        var a = Math.PI * peakHz * (tSeconds - centreSeconds);
        return (1 - (2 * a * a)) * Math.Exp(-a * a);
    }

    public static List<ArrayChannel> PlaneWave(
        IReadOnlyList<ArraySite> sites, double backAzimuthDeg, double velocityKmPerS, double rateHz, double durationSeconds,
        Func<double, double> wavelet, string component = "BHZ")
    {
        var delays = Seismic.Signal.Arrays.PlaneWave.DelaysSeconds(sites, backAzimuthDeg, velocityKmPerS);
        var n = (int)(durationSeconds * rateHz);
        var channels = new List<ArrayChannel>();
        for (var i = 0; i < sites.Count; i++)
        {
            var samples = new double[n];
            for (var k = 0; k < n; k++)
            {
                samples[k] = wavelet((k / rateHz) - delays[i]);
            }

            channels.Add(new ArrayChannel(sites[i].Name, new SignalTrace($"NO.{sites[i].Name}..{component}", Start, rateHz, samples)));
        }

        return channels;
    }

    /// <summary>Independent Gaussian noise per site, band-passed 1-10 Hz like real microseism-free noise in the beam band.</summary>
    public static List<ArrayChannel> Noise(IReadOnlyList<ArraySite> sites, double rateHz, double durationSeconds, int seed, double rms = 1.0)
    {
        var random = new Random(seed);
        var filter = Butterworth.BandPass(4, 1.0, 10.0, rateHz);
        var n = (int)(durationSeconds * rateHz);
        var channels = new List<ArrayChannel>();
        foreach (var site in sites)
        {
            var samples = new double[n];
            for (var k = 0; k < n; k++)
            {
                samples[k] = Gaussian(random);
            }

            filter.Filter(samples);
            var actualRms = Rms(samples);
            for (var k = 0; k < n; k++)
            {
                samples[k] *= rms / actualRms;
            }

            channels.Add(new ArrayChannel(site.Name, new SignalTrace($"NO.{site.Name}..BHZ", Start, rateHz, samples)));
        }

        return channels;
    }

    public static List<ArrayChannel> Add(IReadOnlyList<ArrayChannel> a, IReadOnlyList<ArrayChannel> b) =>
        a.Zip(b, (x, y) => x with { Trace = x.Trace with { Samples = x.Trace.Samples.Zip(y.Trace.Samples, (p, q) => p + q).ToArray() } }).ToList();

    public static double Rms(ReadOnlySpan<double> x)
    {
        var sum = 0.0;
        foreach (var v in x)
        {
            sum += v * v;
        }

        return Math.Sqrt(sum / x.Length);
    }

    private static double Gaussian(Random random)
    {
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }
}
