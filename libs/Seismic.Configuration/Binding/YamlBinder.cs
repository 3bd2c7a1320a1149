using System.Collections.ObjectModel;
using System.Globalization;
using System.Reflection;
using YamlDotNet.RepresentationModel;

namespace Seismic.Configuration.Binding;

/// <summary>
/// Binds a YAML node tree to settings records through their init setters. Written by hand rather than
/// with YamlDotNet's deserializer so that every problem is collected (not only the first) and names its
/// line, column and full key path, and so that a key absent from the file is an error instead of a
/// silent default: the YAML file is the single source of truth.
/// </summary>
internal sealed class YamlBinder(string sourceName, IReadOnlySet<YamlNode> overrideNodes, List<SettingsError> errors)
{
    private static readonly string[] NullLiterals = ["", "~", "null", "Null", "NULL"];

    private readonly NullabilityInfoContext _nullability = new();
    private readonly Dictionary<string, YamlNode> _keyNodes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, YamlNode> _valueNodes = new(StringComparer.Ordinal);

    public object? Bind(YamlMappingNode root, Type type) => BindValue(root, type, nullable: false, keyPath: "");

    private object? BindValue(YamlNode node, Type type, bool nullable, string keyPath)
    {
        var target = Nullable.GetUnderlyingType(type) ?? type;
        if (IsNull(node))
        {
            if (!nullable)
            {
                Report(node, keyPath, $"expected {Describe(target)}, got an empty value");
            }

            return null;
        }

        if (ListElementType(target) is { } elementType)
        {
            return BindList(node, elementType, keyPath);
        }

        if (IsSection(target))
        {
            return BindSection(node, target, keyPath);
        }

        if (node is not YamlScalarNode { Value: { } text })
        {
            Report(node, keyPath, $"expected {Describe(target)}, got {DescribeNode(node)}");
            return null;
        }

        if (!TryParseScalar(text.Trim(), target, out var value))
        {
            Report(node, keyPath, $"expected {Describe(target)}, got '{text}'");
        }

        return value;
    }

    private object? BindSection(YamlNode node, Type type, string keyPath)
    {
        if (node is not YamlMappingNode mapping)
        {
            Report(node, keyPath, $"expected {Describe(type)}, got {DescribeNode(node)}");
            return null;
        }

        var properties = BindableProperties(type);
        var present = mapping.Children.Keys.OfType<YamlScalarNode>().Select(key => key.Value ?? "").ToHashSet(StringComparer.Ordinal);
        var instance = Activator.CreateInstance(type)!;
        var errorsBefore = errors.Count;

        foreach (var (keyNode, valueNode) in mapping.Children)
        {
            if (keyNode is not YamlScalarNode { Value: { } key })
            {
                Report(keyNode, keyPath, "keys must be plain names");
                continue;
            }

            var childPath = keyPath.Length == 0 ? key : $"{keyPath}.{key}";
            if (!properties.TryGetValue(key, out var property))
            {
                // A key missing from the mapping is the likelier meaning of a typo than one already there.
                var suggestion = KeyNames.ClosestKey(key, properties.Keys.Where(known => !present.Contains(known)))
                    ?? KeyNames.ClosestKey(key, properties.Keys);
                Report(keyNode, childPath, suggestion is null ? "unknown key" : $"unknown key; did you mean '{suggestion}'?");
                continue;
            }

            _keyNodes[childPath] = keyNode;
            _valueNodes[childPath] = valueNode;
            property.SetValue(instance, BindValue(valueNode, property.PropertyType, IsNullable(property), childPath));
        }

        foreach (var (key, property) in properties)
        {
            if (!present.Contains(key) && !IsNullable(property))
            {
                var childPath = keyPath.Length == 0 ? key : $"{keyPath}.{key}";
                var place = _keyNodes.GetValueOrDefault(keyPath) ?? mapping;
                Report(place, childPath, $"required key is missing (expected {Describe(property.PropertyType)})");
            }
        }

        if (errors.Count == errorsBefore && instance is IValidatable validatable)
        {
            validatable.Validate(new Validator(keyPath, ReportAtKey));
        }

        return instance;
    }

    private object? BindList(YamlNode node, Type elementType, string keyPath)
    {
        if (node is not YamlSequenceNode sequence)
        {
            Report(node, keyPath, $"expected a list, got {DescribeNode(node)}");
            return null;
        }

        var list = Array.CreateInstance(elementType, sequence.Children.Count);
        for (var i = 0; i < sequence.Children.Count; i++)
        {
            var itemPath = $"{keyPath}[{i}]";
            _valueNodes[itemPath] = sequence.Children[i];
            list.SetValue(BindValue(sequence.Children[i], elementType, nullable: false, itemPath), i);
        }

        // Wrapped so that no consumer can cast the list back to an array and change the settings.
        return Activator.CreateInstance(typeof(ReadOnlyCollection<>).MakeGenericType(elementType), list);
    }

    private static bool TryParseScalar(string text, Type type, out object? value)
    {
        var invariant = CultureInfo.InvariantCulture;
        value = null;
        if (type == typeof(string))
        {
            value = text;
        }
        else if (type == typeof(bool))
        {
            value = text.Equals("true", StringComparison.OrdinalIgnoreCase) ? true
                : text.Equals("false", StringComparison.OrdinalIgnoreCase) ? false
                : null;
        }
        else if (type == typeof(int))
        {
            value = int.TryParse(text, NumberStyles.AllowLeadingSign, invariant, out var number) ? number : null;
        }
        else if (type == typeof(double))
        {
            value = double.TryParse(text, NumberStyles.Float, invariant, out var number) && double.IsFinite(number) ? number : null;
        }
        else if (type == typeof(DateOnly))
        {
            value = DateOnly.TryParseExact(text, "yyyy-MM-dd", invariant, DateTimeStyles.None, out var date) ? date : null;
        }
        else if (type == typeof(ModelVersion))
        {
            value = ModelVersion.TryParse(text, out var version) ? version : null;
        }
        else if (type.IsEnum)
        {
            value = KeyNames.EnumNames(type).FirstOrDefault(pair => pair.Key.Equals(text, StringComparison.OrdinalIgnoreCase)).Value;
        }
        else
        {
            throw new InvalidOperationException($"Settings type {type} has no YAML binding; add it to {nameof(YamlBinder)}.");
        }

        return value is not null;
    }

    private static string Describe(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type switch
        {
            _ when type == typeof(string) => "a string",
            _ when type == typeof(bool) => "true or false",
            _ when type == typeof(int) => "an integer",
            _ when type == typeof(double) => "a number",
            _ when type == typeof(DateOnly) => "a date (yyyy-mm-dd)",
            _ when type == typeof(ModelVersion) => "'latest' or a positive integer",
            { IsEnum: true } => "one of " + string.Join(", ", KeyNames.EnumNames(type).Keys),
            _ when ListElementType(type) is not null => "a list",
            _ => "a mapping of keys",
        };
    }

    private static string DescribeNode(YamlNode node) => node switch
    {
        YamlMappingNode => "a mapping",
        YamlSequenceNode => "a list",
        YamlScalarNode scalar => $"'{scalar.Value}'",
        _ => node.NodeType.ToString(),
    };

    private static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain or YamlDotNet.Core.ScalarStyle.Any } scalar
        && NullLiterals.Contains(scalar.Value ?? "");

    private static bool IsSection(Type type) => type.IsClass && type != typeof(string);

    private static Type? ListElementType(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>) ? type.GetGenericArguments()[0] : null;

    private static Dictionary<string, PropertyInfo> BindableProperties(Type type) => type
        .GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(property => property.SetMethod is { IsPublic: true })
        .ToDictionary(property => KeyNames.ToSnakeCase(property.Name), StringComparer.Ordinal);

    private bool IsNullable(PropertyInfo property) =>
        _nullability.Create(property).WriteState == NullabilityState.Nullable;

    private void ReportAtKey(string keyPath, string reason) => Report(_valueNodes.GetValueOrDefault(keyPath), keyPath, reason);

    public void Report(YamlNode? node, string keyPath, string reason)
    {
        if (node is null || overrideNodes.Contains(node))
        {
            errors.Add(new SettingsError { Source = node is null ? sourceName : YamlConfigReader.OverrideSource, KeyPath = keyPath, Reason = reason });
            return;
        }

        errors.Add(new SettingsError
        {
            Source = sourceName,
            Line = (int)node.Start.Line,
            Column = (int)node.Start.Column,
            KeyPath = keyPath,
            Reason = reason,
        });
    }
}
