using Seismic.Inference.Onnx;
using Seismic.Inference.Registry;

namespace Seismic.Inference.Models;

/// <summary>
/// Where a classifier model is loaded, checked and swapped in: the configured version at start, a published
/// one later. A model that cannot be used never replaces the one in use; the reason comes back in words.
/// </summary>
public sealed class ModelLoader(ModelRegistry registry, ActiveModel active, string modelName, int? pinnedVersion)
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
            model = LoadedModel.Open(registry.Resolve(modelName, version));
        }
        catch (Exception unusable) when (unusable is ModelRegistryException or ModelLoadException)
        {
            return (null, unusable.Message);
        }

        active.Swap(model);
        return (model, null);
    }
}
