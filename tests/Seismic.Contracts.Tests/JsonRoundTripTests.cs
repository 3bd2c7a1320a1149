using System.Collections;
using System.Text.Json;
using MassTransit;
using MassTransit.Serialization;

namespace Seismic.Contracts.Tests;

/// <summary>
/// Every contract survives MassTransit's own JSON serializer unchanged: what one worker publishes,
/// another reads back field for field.
/// </summary>
public sealed class JsonRoundTripTests
{
    public static TheoryData<string> MessageNames() => [.. ContractSamples.All().Select(sample => sample.GetType().Name)];

    private static object Sample(string name) => ContractSamples.All().Single(sample => sample.GetType().Name == name);

    [Theory]
    [MemberData(nameof(MessageNames))]
    public void Should_read_back_what_was_written(string messageName)
    {
        var original = Sample(messageName);
        var type = original.GetType();

        var json = JsonSerializer.Serialize(original, type, SystemTextJsonMessageSerializer.Options);
        var readBack = JsonSerializer.Deserialize(json, type, SystemTextJsonMessageSerializer.Options);

        Assert.NotNull(readBack);
        Assert.Equal(json, JsonSerializer.Serialize(readBack, type, SystemTextJsonMessageSerializer.Options));
        AssertSameValues(original, readBack, type.Name);
    }

    [Theory]
    [MemberData(nameof(MessageNames))]
    public void Should_have_a_sample_with_no_property_left_at_its_default(string messageName)
    {
        var sample = Sample(messageName);

        var unset = sample.GetType().GetProperties()
            .Where(property => IsDefault(property.GetValue(sample)))
            .Select(property => property.Name)
            .ToList();

        Assert.Empty(unset);
    }

    [Fact]
    public void Should_write_enums_as_names_so_the_json_reads_without_the_code()
    {
        var json = JsonSerializer.Serialize(Sample("StageFailed"), SystemTextJsonMessageSerializer.Options);

        Assert.Contains("\"Beamformer\"", json);
    }

    private static bool IsDefault(object? value) => value switch
    {
        null => true,
        string text => text.Length == 0,
        ICollection collection => collection.Count == 0,
        ValueType => value.Equals(Activator.CreateInstance(value.GetType())),
        _ => false,
    };

    /// <summary>Compares property by property: records holding lists do not compare equal by reference.</summary>
    private static void AssertSameValues(object? expected, object? actual, string path)
    {
        if (expected is null || actual is null)
        {
            Assert.True(expected is null && actual is null, $"{path}: one side is null");
            return;
        }
        switch (expected)
        {
            case MessageData<byte[]> data:
                Assert.StartsWith("urn:msgdata:", data.Address.ToString());
                Assert.Equal(data.Address, ((MessageData<byte[]>)actual).Address);
                return;
            case string or ValueType:
                Assert.Equal(expected, actual);
                return;
            case IDictionary dictionary:
                var other = (IDictionary)actual;
                Assert.Equal(dictionary.Count, other.Count);
                foreach (DictionaryEntry entry in dictionary)
                    AssertSameValues(entry.Value, other[entry.Key], $"{path}[{entry.Key}]");
                return;
            case IEnumerable sequence:
                var left = sequence.Cast<object?>().ToList();
                var right = ((IEnumerable)actual).Cast<object?>().ToList();
                Assert.Equal(left.Count, right.Count);
                for (var i = 0; i < left.Count; i++)
                    AssertSameValues(left[i], right[i], $"{path}[{i}]");
                return;
            default:
                foreach (var property in expected.GetType().GetProperties())
                    AssertSameValues(property.GetValue(expected), property.GetValue(actual), $"{path}.{property.Name}");
                return;
        }
    }
}
