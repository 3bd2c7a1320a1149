using System.Globalization;
using System.Text;
using Seismic.Simulation.Scenario;

namespace Seismic.Simulation.Output;

/// <summary>The data defects as CSV (kind, site, channel, start, end, spike counts), since QuakeML has no place for them.</summary>
public static class DefectLog
{
    public const string Header = "kind,site,channel,start_utc,end_utc,spike_counts";

    public static void WriteFile(IEnumerable<Defect> defects, string path)
    {
        ArgumentNullException.ThrowIfNull(defects);
        var text = new StringBuilder().Append(Header).Append('\n');
        foreach (var d in defects)
        {
            text.Append(CultureInfo.InvariantCulture,
                $"{d.Kind},{d.Site},{d.Channel ?? "*"},{d.StartUtc:yyyy-MM-ddTHH:mm:ss.fffZ},{d.EndUtc:yyyy-MM-ddTHH:mm:ss.fffZ},{d.SpikeCounts?.ToString(CultureInfo.InvariantCulture) ?? ""}\n");
        }

        File.WriteAllText(path, text.ToString(), new UTF8Encoding(false));
    }

    public static IReadOnlyList<Defect> ReadFile(string path) =>
        File.ReadAllLines(path)
            .Skip(1)
            .Where(line => line.Length > 0)
            .Select(line => line.Split(','))
            .Select(f => new Defect(
                Enum.Parse<DefectKind>(f[0]),
                f[1],
                f[2] == "*" ? null : f[2],
                DateTime.Parse(f[3], CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal),
                DateTime.Parse(f[4], CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal),
                f[5].Length == 0 ? null : int.Parse(f[5], CultureInfo.InvariantCulture)))
            .ToList();
}
