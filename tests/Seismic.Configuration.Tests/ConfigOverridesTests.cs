namespace Seismic.Configuration.Tests;

public sealed class ConfigOverridesTests
{
    [Fact]
    public void Should_send_hyperparameter_keys_to_the_model_file_without_their_prefix()
    {
        var (settings, hyperparameters) = ConfigOverrides.Split(new Dictionary<string, string>
        {
            ["optimizer.max_lr"] = "1e-3",
            ["hyperparameters.dropout"] = "0.2",
        });

        Assert.Equal(new Dictionary<string, string> { ["optimizer.max_lr"] = "1e-3" }, settings);
        Assert.Equal(new Dictionary<string, string> { ["dropout"] = "0.2" }, hyperparameters);
    }
}
