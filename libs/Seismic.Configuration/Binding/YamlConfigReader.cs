using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Seismic.Configuration.Binding;

/// <summary>Reads a YAML configuration, applies overrides to its node tree and binds it, collecting every error.</summary>
internal static class YamlConfigReader
{
    /// <summary>Source named in errors about a value that came from an override rather than from the file.</summary>
    public const string OverrideSource = "override";

    public static string ReadFile(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw Single(path, $"file not found (looked for {Path.GetFullPath(path)})");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Single(path, $"cannot read the file: {e.Message}");
        }
    }

    /// <summary>
    /// Binds <paramref name="yaml"/> to a settings record. <paramref name="chooseType"/> picks the record
    /// type from the document when it depends on the content (model hyperparameters by architecture);
    /// it returns null after reporting through the binder why none fits.
    /// </summary>
    public static T Bind<T>(
        string yaml,
        string sourceName,
        IReadOnlyDictionary<string, string>? overrides,
        Func<YamlMappingNode, YamlBinder, Type?>? chooseType = null)
        where T : class
    {
        var errors = new List<SettingsError>();
        var root = Parse(yaml, sourceName, errors) ?? throw new SettingsException(errors);
        var overrideNodes = ApplyOverrides(root, overrides ?? new Dictionary<string, string>(), errors);
        var binder = new YamlBinder(sourceName, overrideNodes, errors);

        var type = chooseType is null ? typeof(T) : chooseType(root, binder);
        var settings = type is null ? null : binder.Bind(root, type);
        if (errors.Count > 0 || settings is null)
        {
            // In file order, so a reader can work down the file; overrides have no line and come last.
            throw new SettingsException([.. errors.OrderBy(e => e.Line ?? int.MaxValue).ThenBy(e => e.Column)]);
        }

        return (T)settings;
    }

    private static YamlMappingNode? Parse(string yaml, string sourceName, List<SettingsError> errors)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            errors.Add(new SettingsError
            {
                Source = sourceName,
                Line = (int)e.Start.Line,
                Column = (int)e.Start.Column,
                KeyPath = "",
                Reason = $"YAML syntax error: {e.Message}",
            });
            return null;
        }
        catch (InvalidOperationException e)
        {
            // YamlDotNet 16 throws this, without a position, for some unterminated flow collections.
            errors.Add(new SettingsError { Source = sourceName, KeyPath = "", Reason = $"YAML syntax error: {e.Message}" });
            return null;
        }

        switch (stream.Documents.Count)
        {
            case 0:
                errors.Add(new SettingsError { Source = sourceName, KeyPath = "", Reason = "the file holds no settings" });
                return null;
            case > 1:
                var second = stream.Documents[1].RootNode.Start;
                errors.Add(new SettingsError
                {
                    Source = sourceName,
                    Line = (int)second.Line,
                    Column = (int)second.Column,
                    KeyPath = "",
                    Reason = $"expected one YAML document, found {stream.Documents.Count}",
                });
                return null;
        }

        if (stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            var start = stream.Documents[0].RootNode.Start;
            errors.Add(new SettingsError
            {
                Source = sourceName,
                Line = (int)start.Line,
                Column = (int)start.Column,
                KeyPath = "",
                Reason = "expected a mapping of keys at the top level",
            });
            return null;
        }

        return root;
    }

    /// <summary>
    /// Writes each override into the tree before binding, so an override goes through exactly the
    /// checks a value in the file does. A missing key is added rather than rejected here, so that the
    /// binder reports it as unknown with its closest known key.
    /// </summary>
    private static HashSet<YamlNode> ApplyOverrides(YamlMappingNode root, IReadOnlyDictionary<string, string> overrides, List<SettingsError> errors)
    {
        var created = new HashSet<YamlNode>(ReferenceEqualityComparer.Instance);
        foreach (var (keyPath, text) in overrides.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            var segments = keyPath.Split('.');
            if (segments.Any(string.IsNullOrWhiteSpace))
            {
                errors.Add(OverrideError(keyPath, "not a dotted key path such as optimizer.max_lr"));
                continue;
            }

            if (ParseOverrideValue(keyPath, text, errors) is not { } value)
            {
                continue;
            }

            var mapping = root;
            for (var i = 0; i < segments.Length - 1 && mapping is not null; i++)
            {
                var key = FindKey(mapping, segments[i]);
                if (key is null)
                {
                    var section = new YamlMappingNode();
                    key = new YamlScalarNode(segments[i]);
                    mapping.Add(key, section);
                    created.Add(key);
                    created.Add(section);
                }

                if (mapping.Children[key] is YamlMappingNode child)
                {
                    mapping = child;
                }
                else
                {
                    errors.Add(OverrideError(keyPath, $"{string.Join('.', segments[..(i + 1)])} is a value, not a section"));
                    mapping = null;
                }
            }

            if (mapping is null)
            {
                continue;
            }

            var leafKey = FindKey(mapping, segments[^1]);
            if (leafKey is null)
            {
                leafKey = new YamlScalarNode(segments[^1]);
                created.Add(leafKey);
            }

            mapping.Children[leafKey] = value;
            created.UnionWith(value.AllNodes);
        }

        return created;
    }

    /// <summary>An override value is YAML too, so a list such as "[32, 64]" can replace a list.</summary>
    private static YamlNode? ParseOverrideValue(string keyPath, string text, List<SettingsError> errors)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (Exception e) when (e is YamlException or InvalidOperationException)
        {
            errors.Add(OverrideError(keyPath, $"value '{text}' is not valid YAML: {e.Message}"));
            return null;
        }

        return stream.Documents.Count == 0
            ? new YamlScalarNode("") { Style = ScalarStyle.Plain }
            : stream.Documents[0].RootNode;
    }

    private static YamlNode? FindKey(YamlMappingNode mapping, string name) =>
        mapping.Children.Keys.FirstOrDefault(key => key is YamlScalarNode scalar && scalar.Value == name);

    private static SettingsError OverrideError(string keyPath, string reason) =>
        new() { Source = OverrideSource, KeyPath = keyPath, Reason = reason };

    private static SettingsException Single(string source, string reason) =>
        new([new SettingsError { Source = source, KeyPath = "", Reason = reason }]);
}
