using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.Serialization;
using System.Text;

namespace Seismic.Configuration.Binding;

/// <summary>
/// YAML keys and enum values are the snake_case form of the C# names (SampleRateHz → sample_rate_hz),
/// so the records are the schema and no key list can drift from them. An enum member may give its YAML
/// name with [EnumMember(Value = ...)] where snake_case would read oddly (MinMax → minmax).
/// </summary>
internal static class KeyNames
{
    private static readonly ConcurrentDictionary<Type, IReadOnlyDictionary<string, object>> EnumNameCache = new();

    public static string ToSnakeCase(string pascalName)
    {
        var builder = new StringBuilder(pascalName.Length + 8);
        for (var i = 0; i < pascalName.Length; i++)
        {
            var c = pascalName[i];
            if (char.IsUpper(c))
            {
                var previous = i > 0 ? pascalName[i - 1] : '\0';
                var next = i + 1 < pascalName.Length ? pascalName[i + 1] : '\0';
                var startsWord = i > 0 && (char.IsLower(previous) || char.IsDigit(previous) || (char.IsUpper(previous) && char.IsLower(next)));
                if (startsWord)
                {
                    builder.Append('_');
                }

                builder.Append(char.ToLowerInvariant(c));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>YAML name → enum value, in declaration order.</summary>
    public static IReadOnlyDictionary<string, object> EnumNames(Type enumType) =>
        EnumNameCache.GetOrAdd(enumType, type => type
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .ToDictionary(
                field => field.GetCustomAttribute<EnumMemberAttribute>()?.Value ?? ToSnakeCase(field.Name),
                field => field.GetValue(null)!,
                StringComparer.Ordinal));

    public static string EnumName(object value) =>
        EnumNames(value.GetType()).First(pair => pair.Value.Equals(value)).Key;

    /// <summary>
    /// The known key a misspelt one most likely means: a small edit distance, or a prefix such as the
    /// seed's unit-less "sample_rate" for "sample_rate_hz". Null when nothing is close enough to help.
    /// </summary>
    public static string? ClosestKey(string unknown, IEnumerable<string> known)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in known)
        {
            var distance = EditDistance(unknown, candidate);
            var isPrefix = unknown.Length >= 3 && (candidate.StartsWith(unknown, StringComparison.Ordinal) || unknown.StartsWith(candidate, StringComparison.Ordinal));
            var isClose = distance <= Math.Max(2, unknown.Length / 3);
            if ((isPrefix || isClose) && distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        return best;
    }

    private static int EditDistance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j] + 1, current[j - 1] + 1));
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
