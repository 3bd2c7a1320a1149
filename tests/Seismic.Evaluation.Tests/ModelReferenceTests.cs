namespace Seismic.Evaluation.Tests;

public sealed class ModelReferenceTests
{
    [Theory]
    [InlineData("arces-compact", "arces-compact", null)]
    [InlineData("arces-compact:latest", "arces-compact", null)]
    [InlineData("arces-compact:v3", "arces-compact", 3)]
    [InlineData("arces-compact:12", "arces-compact", 12)]
    public void Should_read_a_name_and_an_optional_version(string text, string name, int? version)
    {
        Assert.Equal(new ModelReference(name, version), ModelReference.Parse(text));
    }

    [Theory]
    [InlineData("")]
    [InlineData(":v1")]
    [InlineData("model:v0")]
    [InlineData("model:vx")]
    [InlineData("model:v1:v2")]
    public void Should_refuse_what_is_not_a_name_and_version(string text)
    {
        var error = Assert.Throws<EvaluationException>(() => ModelReference.Parse(text));

        Assert.Contains($"'{text}'", error.Message);
    }
}
