namespace Seismic.Training.Tests;

/// <summary>
/// Every test class that runs TorchSharp joins this collection so that they run one at a time: dropout and
/// the test inputs draw from torch's one global generator, which a seeded test must not share with another
/// test running at the same moment; and AlexNet-1D at full size holds 1.3 GB.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TorchCollection
{
    public const string Name = "TorchSharp";
}
