using Seismic.TestSupport;

namespace Seismic.Configuration.Tests;

/// <summary>The shipped configuration files, in the repository the tests run from.</summary>
internal static class RepoFiles
{
    public static string SettingsPath => Path.Combine(RepositoryPaths.Root, "config", "seismic.yaml");

    public static string SettingsText => File.ReadAllText(SettingsPath);

    public static string ModelPath(string architecture) => Path.Combine(RepositoryPaths.Root, "config", "models", architecture + ".yaml");
}

/// <summary>Edits of the shipped YAML text, failing loudly when the text to edit is not there exactly once.</summary>
internal static class YamlText
{
    public static string ReplaceOnce(string text, string find, string replacement)
    {
        var first = text.IndexOf(find, StringComparison.Ordinal);
        Assert.True(first >= 0, $"'{find}' is not in the YAML text");
        Assert.True(text.IndexOf(find, first + 1, StringComparison.Ordinal) < 0, $"'{find}' is in the YAML text more than once");
        return string.Concat(text.AsSpan(0, first), replacement, text.AsSpan(first + find.Length));
    }

    /// <summary>1-based line of the only occurrence of <paramref name="fragment"/>.</summary>
    public static int LineOf(string text, string fragment)
    {
        var index = text.IndexOf(fragment, StringComparison.Ordinal);
        Assert.True(index >= 0, $"'{fragment}' is not in the YAML text");
        return text.AsSpan(0, index).Count('\n') + 1;
    }

    /// <summary>Loads the shipped settings text with one edit and returns the errors it must produce.</summary>
    public static IReadOnlyList<SettingsError> ErrorsAfter(string find, string replacement, IReadOnlyDictionary<string, string>? overrides = null)
    {
        var yaml = ReplaceOnce(RepoFiles.SettingsText, find, replacement);
        return Assert.Throws<SettingsException>(() => SettingsLoader.LoadFromText(yaml, "seismic.yaml", overrides)).Errors;
    }
}
