using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;

namespace Seismic.Inference.Registry;

/// <summary>
/// Versioned models on disk: <c>&lt;root&gt;/&lt;name&gt;/v&lt;N&gt;/model.onnx</c> beside its <c>model.json</c>.
/// A version is written to a temporary folder and renamed into place, so a reader never sees half a model,
/// and a version, once there, is never changed.
/// </summary>
public sealed class ModelRegistry(string root)
{
    public const string OnnxFileName = "model.onnx";
    public const string CardFileName = "model.json";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public string Root { get; } = root;

    /// <summary>Every version of every model, by name then version; folders that are not complete versions are skipped.</summary>
    public IReadOnlyList<RegisteredModel> List()
    {
        if (!Directory.Exists(Root))
            return [];
        return Directory.EnumerateDirectories(Root)
            .SelectMany(folder => Versions(Path.GetFileName(folder)))
            .OrderBy(model => model.Card.Name, StringComparer.Ordinal)
            .ThenBy(model => model.Card.Version)
            .ToList();
    }

    /// <summary>The given version, or the highest when <paramref name="version"/> is null.</summary>
    /// <exception cref="ModelRegistryException">No such model or version, or its files do not agree.</exception>
    public RegisteredModel Resolve(string name, int? version)
    {
        var versions = Versions(name);
        if (versions.Count == 0)
            throw new ModelRegistryException($"No model named '{name}' in {Root}; train one (seismic train) or copy a registered model there.");
        var chosen = version is null ? versions[^1] : versions.FirstOrDefault(model => model.Card.Version == version);
        if (chosen is null)
            throw new ModelRegistryException(
                $"Model '{name}' has no version {version} in {Root}; it has {string.Join(", ", versions.Select(model => model.Card.Version))}.");
        Verify(chosen);
        return chosen;
    }

    /// <summary>
    /// Adds <paramref name="onnxFile"/> as the next version of <paramref name="card"/>'s model. The card's
    /// version and hash are filled in here; returns the registered model.
    /// </summary>
    public RegisteredModel Register(ModelCard card, string onnxFile)
    {
        var modelFolder = Path.Combine(Root, card.Name);
        Directory.CreateDirectory(modelFolder);
        var staging = Path.Combine(modelFolder, $".staging-{Guid.NewGuid():N}");
        Directory.CreateDirectory(staging);
        try
        {
            File.Copy(onnxFile, Path.Combine(staging, OnnxFileName));
            var hash = Sha256Of(Path.Combine(staging, OnnxFileName));
            // Two trainers may publish at once: the rename fails for the loser, which takes the next number.
            for (var attempt = 0; ; attempt++)
            {
                var version = (Versions(card.Name).LastOrDefault()?.Card.Version ?? 0) + 1 + attempt;
                var registered = card with { Version = version, OnnxSha256 = hash };
                File.WriteAllText(Path.Combine(staging, CardFileName), JsonSerializer.Serialize(registered, Json));
                var target = Path.Combine(modelFolder, VersionFolder(version));
                try
                {
                    Directory.Move(staging, target);
                    return new RegisteredModel(registered, Path.Combine(target, OnnxFileName));
                }
                catch (IOException) when (Directory.Exists(target) && attempt < 10)
                {
                }
            }
        }
        finally
        {
            if (Directory.Exists(staging))
                Directory.Delete(staging, recursive: true);
        }
    }

    /// <summary>Checks that model.onnx is the file model.json describes (not replaced or truncated since).</summary>
    /// <exception cref="ModelRegistryException">The hash differs.</exception>
    public static void Verify(RegisteredModel model)
    {
        var actual = Sha256Of(model.OnnxPath);
        if (!string.Equals(actual, model.Card.OnnxSha256, StringComparison.OrdinalIgnoreCase))
            throw new ModelRegistryException(
                $"{model.OnnxPath} has SHA-256 {actual}, but its {CardFileName} says {model.Card.OnnxSha256}: the file was changed after it was registered.");
    }

    public static string Sha256Of(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    private static string VersionFolder(int version) => "v" + version.ToString(CultureInfo.InvariantCulture);

    private List<RegisteredModel> Versions(string name)
    {
        var modelFolder = Path.Combine(Root, name);
        if (!Directory.Exists(modelFolder))
            return [];
        var versions = new List<RegisteredModel>();
        foreach (var folder in Directory.EnumerateDirectories(modelFolder, "v*"))
        {
            var cardPath = Path.Combine(folder, CardFileName);
            var onnxPath = Path.Combine(folder, OnnxFileName);
            if (!int.TryParse(Path.GetFileName(folder)[1..], NumberStyles.None, CultureInfo.InvariantCulture, out var version)
                || !File.Exists(cardPath) || !File.Exists(onnxPath))
                continue;
            versions.Add(new RegisteredModel(ReadCard(cardPath, name, version), onnxPath));
        }
        return versions.OrderBy(model => model.Card.Version).ToList();
    }

    private static ModelCard ReadCard(string path, string name, int version)
    {
        ModelCard? card;
        try
        {
            card = JsonSerializer.Deserialize<ModelCard>(File.ReadAllText(path), Json);
        }
        catch (JsonException invalid)
        {
            throw new ModelRegistryException($"{path} is not a valid model card: {invalid.Message}", invalid);
        }
        if (card is null || card.Name != name || card.Version != version)
            throw new ModelRegistryException($"{path} describes {card?.Id ?? "nothing"}, but it sits in the folder of {name} v{version}.");
        return card;
    }
}

/// <summary>The registry cannot give what was asked for; the message says what is there instead.</summary>
public sealed class ModelRegistryException(string message, Exception? inner = null) : Exception(message, inner);
