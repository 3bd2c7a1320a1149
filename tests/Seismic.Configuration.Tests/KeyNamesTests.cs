using Seismic.Configuration.Binding;

namespace Seismic.Configuration.Tests;

public sealed class KeyNamesTests
{
    [Theory]
    [InlineData("SampleRateHz", "sample_rate_hz")]
    [InlineData("PVelocityKmS", "p_velocity_km_s")]
    [InlineData("MaxLr", "max_lr")]
    [InlineData("L2", "l2")]
    [InlineData("ValFractionOfRest", "val_fraction_of_rest")]
    [InlineData("GlorotUniform", "glorot_uniform")]
    public void Should_turn_property_names_into_snake_case_keys(string name, string key)
    {
        Assert.Equal(key, KeyNames.ToSnakeCase(name));
    }

    [Fact]
    public void Should_use_the_enum_member_value_where_one_is_given()
    {
        Assert.Equal(["alexnet", "cnn_dense", "compact"], KeyNames.EnumNames(typeof(ModelArchitecture)).Keys);
        Assert.Equal("minmax", KeyNames.EnumName(ScalerType.MinMax));
    }

    [Theory]
    [InlineData("p_vel", "p_velocity_km_s")]
    [InlineData("max_lrr", "max_lr")]
    [InlineData("lenght_s", "length_s")]
    public void Should_suggest_the_closest_known_key(string unknown, string expected)
    {
        string[] known = ["length_s", "step_s", "p_velocity_km_s", "s_velocity_km_s", "max_lr", "min_lr"];

        Assert.Equal(expected, KeyNames.ClosestKey(unknown, known));
    }

    [Fact]
    public void Should_suggest_nothing_for_a_distant_key()
    {
        Assert.Null(KeyNames.ClosestKey("colour", ["length_s", "step_s"]));
    }
}
