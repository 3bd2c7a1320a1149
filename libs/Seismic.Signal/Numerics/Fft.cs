using System.Numerics;

namespace Seismic.Signal.Numerics;

/// <summary>
/// In-place iterative radix-2 FFT. The f-k analysis zero-pads each window to a power of two
/// (as ObsPy's array_processing does with nextpow2), so radix-2 is all that is needed.
/// Sign convention as numpy.fft.fft: X[k] = sum x[n] exp(-2 pi i k n / N).
/// </summary>
internal static class Fft
{
    public static int NextPowerOfTwo(int n)
    {
        var p = 1;
        while (p < n)
        {
            p <<= 1;
        }

        return p;
    }

    public static void Forward(Span<Complex> data)
    {
        var n = data.Length;
        if (n == 0 || (n & (n - 1)) != 0)
        {
            throw new ArgumentException($"FFT length must be a power of two, got {n}.", nameof(data));
        }

        for (int i = 1, j = 0; i < n; i++)
        {
            var bit = n >> 1;
            for (; (j & bit) != 0; bit >>= 1)
            {
                j ^= bit;
            }

            j ^= bit;
            if (i < j)
            {
                (data[i], data[j]) = (data[j], data[i]);
            }
        }

        for (var length = 2; length <= n; length <<= 1)
        {
            var angle = -2.0 * Math.PI / length;
            var step = new Complex(Math.Cos(angle), Math.Sin(angle));
            var half = length / 2;
            for (var start = 0; start < n; start += length)
            {
                var w = Complex.One;
                for (var k = 0; k < half; k++)
                {
                    var even = data[start + k];
                    var odd = data[start + k + half] * w;
                    data[start + k] = even + odd;
                    data[start + k + half] = even - odd;
                    w *= step;
                }
            }
        }
    }
}
