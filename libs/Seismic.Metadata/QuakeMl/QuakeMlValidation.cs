using System.Text.RegularExpressions;

namespace Seismic.Metadata.QuakeMl;

/// <summary>
/// The QuakeML 1.2 schema rules that the model's types cannot express on their own: resource
/// identifier syntax, controlled vocabularies, string lengths and finite numbers.
/// </summary>
internal static partial class QuakeMlValidation
{
    private static readonly HashSet<string> DescriptionTypes = new(StringComparer.Ordinal)
    {
        "felt report", "Flinn-Engdahl region", "local time", "tectonic summary", "nearest cities", "earthquake name", "region name",
    };

    public static IReadOnlyList<string> FindProblems(Catalog catalog)
    {
        var problems = new List<string>();
        void Id(string what, string? id)
        {
            if (id is not null && !ResourceIdentifier().IsMatch(id))
            {
                problems.Add($"{what} '{id}' is not a QuakeML resource identifier (smi:authority/path or quakeml:authority/path)");
            }
        }

        void Length(string what, string? text, int max)
        {
            if (text is not null && text.Length > max)
            {
                problems.Add($"{what} '{text}' is longer than {max} characters");
            }
        }

        void Finite(string what, double? value)
        {
            if (value is { } v && !double.IsFinite(v))
            {
                problems.Add($"{what} is {v}; QuakeML values must be finite numbers");
            }
        }

        Id("eventParameters publicID", catalog.PublicId);
        foreach (var e in catalog.Events)
        {
            Id("event publicID", e.PublicId);
            Id($"event {e.PublicId} preferredOriginID", e.PreferredOriginId);
            Id($"event {e.PublicId} preferredMagnitudeID", e.PreferredMagnitudeId);
            if (e.Type is not null && !EventTypes.All.Contains(e.Type))
            {
                problems.Add($"event {e.PublicId} type '{e.Type}' is not in the QuakeML 1.2 EventType vocabulary");
            }

            foreach (var d in e.Descriptions.Where(d => d.Type is not null && !DescriptionTypes.Contains(d.Type)))
            {
                problems.Add($"event {e.PublicId} description type '{d.Type}' is not in the QuakeML 1.2 EventDescriptionType vocabulary");
            }

            foreach (var o in e.Origins)
            {
                Id("origin publicID", o.PublicId);
                Finite($"origin {o.PublicId} latitude", o.LatitudeDeg);
                Finite($"origin {o.PublicId} longitude", o.LongitudeDeg);
                Finite($"origin {o.PublicId} depth", o.DepthM);
                foreach (var a in o.Arrivals)
                {
                    Id("arrival publicID", a.PublicId);
                    Id($"arrival {a.PublicId} pickID", a.PickId);
                    Length($"arrival {a.PublicId} phase", a.Phase, 32);
                    Finite($"arrival {a.PublicId} azimuth", a.AzimuthDeg);
                    Finite($"arrival {a.PublicId} distance", a.DistanceDeg);
                    Finite($"arrival {a.PublicId} timeResidual", a.TimeResidualS);
                    Finite($"arrival {a.PublicId} timeWeight", a.TimeWeight);
                }
            }

            foreach (var m in e.Magnitudes)
            {
                Id("magnitude publicID", m.PublicId);
                Id($"magnitude {m.PublicId} originID", m.OriginId);
                Length($"magnitude {m.PublicId} type", m.Type, 32);
                Finite($"magnitude {m.PublicId} value", m.Value);
            }

            foreach (var p in e.Picks)
            {
                Id("pick publicID", p.PublicId);
                Id($"pick {p.PublicId} waveformID resource", p.WaveformId.ResourceUri);
                Length($"pick {p.PublicId} phaseHint", p.PhaseHint, 32);
                Length($"pick {p.PublicId} networkCode", p.WaveformId.NetworkCode, 8);
                Length($"pick {p.PublicId} stationCode", p.WaveformId.StationCode, 8);
                Length($"pick {p.PublicId} locationCode", p.WaveformId.LocationCode, 8);
                Length($"pick {p.PublicId} channelCode", p.WaveformId.ChannelCode, 8);
                Finite($"pick {p.PublicId} backazimuth", p.BackazimuthDeg);
                Finite($"pick {p.PublicId} horizontalSlowness", p.HorizontalSlownessSPerDeg);
            }
        }

        return problems;
    }

    /// <summary>The ResourceIdentifier pattern of the QuakeML 1.2 schema, anchored as XSD patterns implicitly are.</summary>
    [GeneratedRegex(@"^(smi|quakeml):[\w\d][\w\d\-\.\*\(\)_~']{2,}/[\w\d\-\.\*\(\)_~'][\w\d\-\.\*\(\)\+\?_~'=,;#/&]*$")]
    private static partial Regex ResourceIdentifier();
}
