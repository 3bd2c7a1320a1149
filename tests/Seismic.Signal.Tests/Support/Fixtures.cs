using System.Text.Json;

namespace Seismic.Signal.Tests.Support;

/// <summary>Reads the scipy reference fixtures copied next to the test assembly.</summary>
internal static class Fixtures
{
    public static JsonElement Load(string name)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Fixtures", name);
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.Clone();
    }

    /// <summary>One theory case per entry of the fixture's "cases" array, by index.</summary>
    public static TheoryData<int> CaseIndices(JsonElement fixture) =>
        [.. Enumerable.Range(0, fixture.GetProperty("cases").GetArrayLength())];

    public static double[] Doubles(this JsonElement element) =>
        element.EnumerateArray().Select(e => e.GetDouble()).ToArray();

    public static double? NullableDouble(this JsonElement element) =>
        element.ValueKind == JsonValueKind.Null ? null : element.GetDouble();
}
