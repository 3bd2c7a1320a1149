namespace Seismic.Configuration;

/// <summary>One problem found in a configuration file or in an override of it.</summary>
public sealed record SettingsError
{
    /// <summary>The file (or "override" for a key given on the command, or the source name given to LoadFromText).</summary>
    public required string Source { get; init; }

    /// <summary>1-based line, or null when the problem has no place in the file (missing file, an override).</summary>
    public int? Line { get; init; }

    /// <summary>1-based column, or null with <see cref="Line"/>.</summary>
    public int? Column { get; init; }

    /// <summary>Dotted snake_case key path such as "filters.beam_filter.bandpass.min_hz"; empty for file-level problems.</summary>
    public required string KeyPath { get; init; }

    public required string Reason { get; init; }

    /// <summary>"file:line:col: key.path: reason", the form editors and terminals turn into links.</summary>
    public override string ToString()
    {
        var place = Line is { } line ? $"{Source}:{line}:{Column ?? 1}" : Source;
        return KeyPath.Length == 0 ? $"{place}: {Reason}" : $"{place}: {KeyPath}: {Reason}";
    }
}

/// <summary>The configuration could not be read or is invalid; <see cref="Errors"/> holds every problem found, not only the first.</summary>
public sealed class SettingsException : Exception
{
    public SettingsException(IReadOnlyList<SettingsError> errors)
        : base(FormatMessage(errors))
    {
        Errors = errors;
    }

    public IReadOnlyList<SettingsError> Errors { get; }

    private static string FormatMessage(IReadOnlyList<SettingsError> errors)
    {
        var heading = errors.Count == 1 ? "Invalid configuration (1 error):" : $"Invalid configuration ({errors.Count} errors):";
        return string.Join(Environment.NewLine, errors.Select(e => e.ToString()).Prepend(heading));
    }
}
