using System.Runtime.Serialization;

namespace Seismic.Configuration;

public enum ScalerType
{
    /// <summary>(x − min) / (max − min).</summary>
    [EnumMember(Value = "minmax")]
    MinMax,

    /// <summary>(x − mean) / std.</summary>
    Standard,

    /// <summary>(x − median) / IQR.</summary>
    Robust,

    /// <summary>log(x).</summary>
    Log,
}

public enum ScalingScope
{
    /// <summary>Statistics of each window on its own.</summary>
    Local,

    /// <summary>Statistics fitted once on the training set.</summary>
    Global,
}

/// <summary>How each model input window is scaled before training and inference.</summary>
public sealed record ScalingSettings
{
    public required ScalerType Type { get; init; }

    /// <summary>One statistic per channel instead of one over all channels of the window.</summary>
    public required bool PerChannel { get; init; }

    public required ScalingScope Scope { get; init; }
}
