using System.Globalization;

namespace Seismic.Configuration;

/// <summary>Which published version of a model to use: a fixed version number, or the latest one.</summary>
public readonly record struct ModelVersion
{
    private ModelVersion(int? number) => Number = number;

    public static ModelVersion Latest { get; } = new(null);

    /// <summary>The fixed version (1, 2, ...), or null for <see cref="Latest"/>.</summary>
    public int? Number { get; }

    public bool IsLatest => Number is null;

    public static ModelVersion Of(int number) => number >= 1
        ? new ModelVersion(number)
        : throw new ArgumentOutOfRangeException(nameof(number), number, "Model versions start at 1.");

    /// <summary>Parses "latest" or a positive integer, as written in the YAML.</summary>
    public static bool TryParse(string text, out ModelVersion version)
    {
        if (text.Equals("latest", StringComparison.OrdinalIgnoreCase))
        {
            version = Latest;
            return true;
        }

        var isNumber = int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= 1;
        version = isNumber ? new ModelVersion(number) : Latest;
        return isNumber;
    }

    public override string ToString() => Number?.ToString(CultureInfo.InvariantCulture) ?? "latest";
}
