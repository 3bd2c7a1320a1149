using Seismic.Configuration;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Seismic.Training.Models;

/// <summary>Keras defaults the seed's models relied on, reproduced in torch terms.</summary>
internal static class KerasCompatibility
{
    /// <summary>Keras BatchNormalization epsilon (torch's default is 1e-5).</summary>
    public const double BatchNormEpsilon = 1e-3;

    /// <summary>Keras momentum 0.99 weighs the old running statistic; torch's momentum weighs the new batch: 1 − 0.99.</summary>
    public const double BatchNormMomentum = 0.01;

    /// <summary>Keras' truncated normal draws within ±2 σ and divides σ by this so the variance stays the one asked for.</summary>
    private const double TruncatedNormalCorrection = 0.87962566103423978;

    public static BatchNorm1d BatchNorm(long features) =>
        nn.BatchNorm1d(features, eps: BatchNormEpsilon, momentum: BatchNormMomentum);

    /// <summary>
    /// Padding (left, right) of a Keras/TensorFlow 'same' convolution: output ceil(length / stride), and when
    /// the total is odd the extra sample goes on the right (ONNX calls this SAME_UPPER).
    /// </summary>
    public static (long Left, long Right) SamePadding(long length, long kernel, long stride)
    {
        var output = (length + stride - 1) / stride;
        var total = Math.Max((output - 1) * stride + kernel - length, 0);
        return (total / 2, total - total / 2);
    }

    /// <summary>Keras' default for Conv1D and Dense: glorot_uniform kernel, zero bias (torch uses Kaiming uniform for both).</summary>
    public static void InitializeKerasDefault(nn.Module module, Generator? generator) => Initialize(module, WeightInitializer.GlorotUniform, generator);

    /// <summary>Initialises the kernel of a Conv1d or Linear as Keras would with <paramref name="initializer"/>, and zeroes its bias; the weights come from <paramref name="generator"/>, or torch's global generator when it is null.</summary>
    /// <summary>The detector and classifier heads every network ends with: one logit each, initialised alike.</summary>
    public static (Linear Detector, Linear Classifier) Heads(long features, WeightInitializer initializer, Generator? generator)
    {
        var detector = nn.Linear(features, 1);
        var classifier = nn.Linear(features, 1);
        Initialize(detector, initializer, generator);
        Initialize(classifier, initializer, generator);
        return (detector, classifier);
    }

    public static void Initialize(nn.Module module, WeightInitializer initializer, Generator? generator)
    {
        var (weight, bias) = module switch
        {
            Conv1d conv => (conv.weight, conv.bias),
            Linear linear => (linear.weight, linear.bias),
            _ => throw new ArgumentException($"no Keras initializer for {module.GetType().Name}", nameof(module)),
        };
        if (weight is null)
            throw new ArgumentException("the module has no weight", nameof(module));

        // Tensor.uniform_ and normal_, not nn.init's: TorchSharp 0.107's nn.init.uniform_ ignores its generator.
        using var noGrad = no_grad();
        var (fanIn, fanOut) = Fans(weight);
        switch (initializer)
        {
            case WeightInitializer.GlorotUniform:
                var glorotLimit = Math.Sqrt(6.0 / (fanIn + fanOut));
                weight.uniform_(-glorotLimit, glorotLimit, generator);
                break;
            case WeightInitializer.HeUniform:
                var heLimit = Math.Sqrt(6.0 / fanIn);
                weight.uniform_(-heLimit, heLimit, generator);
                break;
            case WeightInitializer.GlorotNormal:
                TruncatedNormal(weight, Math.Sqrt(2.0 / (fanIn + fanOut)), generator);
                break;
            case WeightInitializer.HeNormal:
                TruncatedNormal(weight, Math.Sqrt(2.0 / fanIn), generator);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(initializer), initializer, "unknown initializer");
        }
        if (bias is not null)
            nn.init.zeros_(bias);
    }

    /// <summary>Keras' fans: a kernel [out, in, k] has fan-in in·k and fan-out out·k; a dense [out, in] has in and out.</summary>
    private static (double FanIn, double FanOut) Fans(Tensor weight)
    {
        var receptiveField = 1L;
        for (var axis = 2; axis < weight.dim(); axis++)
            receptiveField *= weight.shape[axis];
        return (weight.shape[1] * receptiveField, weight.shape[0] * receptiveField);
    }

    private static void TruncatedNormal(Tensor weight, double standardDeviation, Generator? generator)
    {
        var sigma = standardDeviation / TruncatedNormalCorrection;
        weight.normal_(0, sigma, generator);
        // Redraw every value beyond ±2 σ until none is left, as a truncated normal does.
        while (true)
        {
            using var outside = weight.abs() > 2 * sigma;
            if (!outside.any().item<bool>())
                return;
            using var redrawn = empty_like(weight).normal_(0, sigma, generator);
            weight.copy_(where(outside, redrawn, weight));
        }
    }
}
