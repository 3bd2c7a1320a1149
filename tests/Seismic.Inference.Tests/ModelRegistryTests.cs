using Seismic.Inference.Registry;

namespace Seismic.Inference.Tests;

public sealed class ModelRegistryTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("seismic-registry-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private ModelRegistry Registry => new(Path.Combine(_folder, "models"));

    private static ModelCard Card(string name = "arces-compact") => new()
    {
        Name = name,
        Version = 0,
        Architecture = "compact",
        CreatedUtc = new DateTime(2026, 11, 24, 12, 0, 0, DateTimeKind.Utc),
        WindowSamples = 9601,
        SampleRateHz = 40,
        Channels = ["P-beam, vertical", "S-beam, transverse", "S-beam, radial"],
        Scaler = new ScalerCard { Type = "minmax", PerChannel = false, Scope = "local" },
        DetectorThreshold = 0.5,
        ClassifierThreshold = 0.5,
        DetectorLabels = ModelCard.NoiseEventLabels,
        ClassifierLabels = ModelCard.EarthquakeExplosionLabels,
        Metrics = new Dictionary<string, double> { ["test_detector_accuracy"] = 0.97 },
        OnnxSha256 = "",
    };

    private string OnnxFile(string content)
    {
        var path = Path.Combine(_folder, Guid.NewGuid() + ".onnx");
        File.WriteAllText(path, content);
        return path;
    }

    [Fact]
    public void Should_number_versions_from_one_and_record_the_hash()
    {
        var first = Registry.Register(Card(), OnnxFile("weights one"));
        var second = Registry.Register(Card(), OnnxFile("weights two"));

        Assert.Equal(1, first.Card.Version);
        Assert.Equal(2, second.Card.Version);
        Assert.Equal(ModelRegistry.Sha256Of(second.OnnxPath), second.Card.OnnxSha256);
        Assert.EndsWith(Path.Combine("arces-compact", "v2", "model.onnx"), second.OnnxPath);
    }

    [Fact]
    public void Should_resolve_the_latest_or_a_given_version_with_its_card()
    {
        Registry.Register(Card(), OnnxFile("one"));
        Registry.Register(Card(), OnnxFile("two"));

        Assert.Equal(2, Registry.Resolve("arces-compact", null).Card.Version);
        var first = Registry.Resolve("arces-compact", 1);
        Assert.Equal(1, first.Card.Version);
        Assert.Equal(0.97, first.Card.Metrics["test_detector_accuracy"]);
        Assert.Equal("explosion", first.Card.ClassifierLabels["1"]);
    }

    [Fact]
    public void Should_list_every_version_of_every_model()
    {
        Registry.Register(Card("b-model"), OnnxFile("b"));
        Registry.Register(Card("a-model"), OnnxFile("a1"));
        Registry.Register(Card("a-model"), OnnxFile("a2"));

        Assert.Equal(["a-model v1", "a-model v2", "b-model v1"], Registry.List().Select(model => model.Card.Id));
    }

    [Fact]
    public void Should_say_which_versions_exist_when_asked_for_another()
    {
        Registry.Register(Card(), OnnxFile("one"));

        var error = Assert.Throws<ModelRegistryException>(() => Registry.Resolve("arces-compact", 7));

        Assert.Contains("no version 7", error.Message);
        Assert.Contains("it has 1", error.Message);
    }

    [Fact]
    public void Should_say_how_to_get_a_model_when_there_is_none()
    {
        Assert.Contains("seismic train", Assert.Throws<ModelRegistryException>(() => Registry.Resolve("arces-compact", null)).Message);
    }

    [Fact]
    public void Should_refuse_a_model_file_changed_after_registration()
    {
        var model = Registry.Register(Card(), OnnxFile("original"));
        File.WriteAllText(model.OnnxPath, "tampered");

        var error = Assert.Throws<ModelRegistryException>(() => Registry.Resolve("arces-compact", null));

        Assert.Contains("changed after it was registered", error.Message);
    }

    [Fact]
    public void Should_skip_a_half_written_version()
    {
        Registry.Register(Card(), OnnxFile("one"));
        Directory.CreateDirectory(Path.Combine(Registry.Root, "arces-compact", "v2"));

        Assert.Equal(1, Registry.Resolve("arces-compact", null).Card.Version);
    }

    [Fact]
    public void Should_name_the_file_of_an_unreadable_card()
    {
        var model = Registry.Register(Card(), OnnxFile("one"));
        var cardPath = Path.Combine(Path.GetDirectoryName(model.OnnxPath)!, ModelRegistry.CardFileName);
        File.WriteAllText(cardPath, "{ \"name\": \"arces-compact\" }");

        var error = Assert.Throws<ModelRegistryException>(() => Registry.List());

        Assert.Contains(cardPath, error.Message);
    }
}
