using System.Runtime.Serialization;
using Seismic.Configuration.Binding;

namespace Seismic.Configuration;

public enum ModelArchitecture
{
    /// <summary>The seed's AlexNet-1D backbone with detector and classifier heads (about 331 M parameters).</summary>
    [EnumMember(Value = "alexnet")]
    AlexNet,

    /// <summary>The seed's three convolution blocks and two dense layers.</summary>
    CnnDense,

    /// <summary>This project's small model.</summary>
    Compact,
}

/// <summary>Which model the classifier runs and how its outputs become decisions.</summary>
public sealed record ModelSettings : IValidatable
{
    public required ModelArchitecture Architecture { get; init; }

    /// <summary>Name the model's versions are published under.</summary>
    public required string Name { get; init; }

    public required ModelVersion Version { get; init; }

    /// <summary>A window is an event when the detector's probability is above this.</summary>
    public required double DetectorThreshold { get; init; }

    /// <summary>An event is an explosion when the classifier's probability is above this, else an earthquake.</summary>
    public required double ClassifierThreshold { get; init; }

    /// <summary>Windows per inference batch.</summary>
    public required int InferenceBatchSize { get; init; }

    void IValidatable.Validate(Validator validator)
    {
        // The name becomes part of file and folder names, so it must not be able to climb out of a folder.
        validator.Require(
            Name.Length > 0 && Name[0] != '.' && Name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'),
            nameof(Name),
            $"must be a plain name of letters, digits, '-', '_' and '.', not starting with '.', got '{Name}'");
        validator.Fraction(DetectorThreshold, nameof(DetectorThreshold));
        validator.Fraction(ClassifierThreshold, nameof(ClassifierThreshold));
        validator.AtLeastOne(InferenceBatchSize, nameof(InferenceBatchSize));
    }
}
