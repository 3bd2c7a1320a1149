using Seismic.Configuration.Binding;

namespace Seismic.Configuration;

/// <summary>Folders the pipeline reads and writes. Relative paths in a settings file are relative to that file's folder.</summary>
public sealed record PathSettings : IValidatable
{
    /// <summary>Waveform data and datasets.</summary>
    public required string DataDir { get; init; }

    /// <summary>Everything the pipeline produces that is not a model or a report.</summary>
    public required string OutputDir { get; init; }

    /// <summary>Published model versions.</summary>
    public required string ModelsDir { get; init; }

    /// <summary>CSV files, GIFs and plots.</summary>
    public required string ReportsDir { get; init; }

    void IValidatable.Validate(Validator validator)
    {
        validator.NotBlank(DataDir, nameof(DataDir));
        validator.NotBlank(OutputDir, nameof(OutputDir));
        validator.NotBlank(ModelsDir, nameof(ModelsDir));
        validator.NotBlank(ReportsDir, nameof(ReportsDir));
    }
}
