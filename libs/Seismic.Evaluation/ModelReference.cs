using System.Globalization;

namespace Seismic.Evaluation;

/// <summary>A model named on the command line: "NAME" (its latest version), "NAME:vN" or "NAME:N".</summary>
public sealed record ModelReference(string Name, int? Version)
{
    /// <exception cref="EvaluationException">The text is not of that form.</exception>
    public static ModelReference Parse(string text)
    {
        var parts = text.Split(':');
        if (parts.Length > 2 || parts[0].Length == 0)
            throw new EvaluationException($"'{text}' is not a model reference; write NAME for its latest version, or NAME:vN for version N.");
        if (parts.Length == 1 || parts[1] == "latest")
            return new ModelReference(parts[0], null);
        var number = parts[1].StartsWith('v') ? parts[1][1..] : parts[1];
        if (!int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var version) || version < 1)
            throw new EvaluationException($"'{parts[1]}' in '{text}' is not a model version; write vN with N a whole number from 1, e.g. {parts[0]}:v3.");
        return new ModelReference(parts[0], version);
    }

    public override string ToString() => Version is { } version ? $"{Name}:v{version}" : Name;
}
