using Seismic.Inference.Onnx;
using Seismic.Inference.Registry;

namespace Seismic.Inference.Models;

/// <summary>The input the pipeline makes: windows of this many samples at this rate (window.length_s, window.sample_rate_hz).</summary>
public sealed record ModelInput(int WindowSamples, double SampleRateHz);

/// <summary>
/// Where a classifier model is loaded, checked and swapped in: the configured version at start, a published
/// one later. It is opened and checked (its file's SHA-256 against its card, its input and outputs against the
/// contract, its window and rate against the configuration) before it replaces anything, on the caller's
/// thread, while segments go on through the model in use; the swap itself is one reference. A model that
/// cannot be used never replaces the one in use; the reason comes back in words.
/// </summary>
public sealed class ModelLoader(ModelRegistry registry, ActiveModel active, string modelName, int? pinnedVersion, ModelInput? expected = null)
{
    /// <summary>The name the classifier runs.</summary>
    public string ModelName => modelName;

    /// <summary>Loads the configured version (the newest, unless one is pinned) and makes it current.</summary>
    /// <returns>The model now in use, or null with the reason none could be loaded.</returns>
    public (LoadedModel? Model, string? Problem) LoadConfigured() => Load(pinnedVersion);

    /// <summary>True when a published version is one this classifier should switch to (its name, and the pinned version if any).</summary>
    public bool Wants(string name, int version) =>
        string.Equals(name, modelName, StringComparison.Ordinal) && (pinnedVersion is null || pinnedVersion == version);

    /// <summary>Opens the version, checks it against its card and the contract, and swaps it in.</summary>
    /// <returns>The model now in use, or null with the reason the version cannot be used (the previous model stays).</returns>
    public (LoadedModel? Model, string? Problem) Load(int? version)
    {
        LoadedModel model;
        try
        {
            var registered = registry.Resolve(modelName, version);
            if (expected is not null && MismatchWith(registered.Card, expected) is { } mismatch)
                return (null, mismatch);
            model = LoadedModel.Open(registered);
        }
        catch (Exception unusable) when (unusable is ModelRegistryException or ModelLoadException)
        {
            return (null, unusable.Message);
        }

        active.Swap(model);
        return (model, null);
    }

    private static string? MismatchWith(ModelCard card, ModelInput expected)
    {
        if (card.WindowSamples == expected.WindowSamples && Math.Abs(card.SampleRateHz - expected.SampleRateHz) < 1e-9)
            return null;
        return $"model {card.Id} takes windows of {card.WindowSamples} samples at {card.SampleRateHz:G} Hz; the configuration makes "
            + $"{expected.WindowSamples} samples at {expected.SampleRateHz:G} Hz (window.length_s x window.sample_rate_hz + 1)";
    }
}
