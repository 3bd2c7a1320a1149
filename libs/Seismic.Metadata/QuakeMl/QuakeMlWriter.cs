using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace Seismic.Metadata.QuakeMl;

/// <summary>
/// Writes QuakeML 1.2 that <see cref="QuakeMlReader"/> reads back to an equal model. Numbers use the
/// shortest round-trip form and times keep every tick, so nothing is rounded on the way. A catalog
/// that would break the schema (an id that is not smi:/quakeml:, an event type outside the
/// vocabulary, a NaN) is refused with every problem listed, rather than written as a file other
/// tools would reject.
/// </summary>
public static class QuakeMlWriter
{
    private static readonly XNamespace Q = QuakeMlNamespaces.Document;
    private static readonly XNamespace Bed = QuakeMlNamespaces.BasicEventDescription;

    public static void WriteFile(Catalog catalog, string path)
    {
        using var stream = File.Create(path);
        Write(catalog, stream);
    }

    public static void Write(Catalog catalog, Stream stream)
    {
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true };
        using var writer = XmlWriter.Create(stream, settings);
        ToDocument(catalog).Save(writer);
    }

    public static string ToXml(Catalog catalog)
    {
        using var stream = new MemoryStream();
        Write(catalog, stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>What keeps a catalog from being valid QuakeML 1.2; empty when it can be written.</summary>
    public static IReadOnlyList<string> FindProblems(Catalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return QuakeMlValidation.FindProblems(catalog);
    }

    public static XDocument ToDocument(Catalog catalog)
    {
        var problems = FindProblems(catalog);
        if (problems.Count > 0)
        {
            throw new ArgumentException($"The catalog is not valid QuakeML 1.2: {string.Join("; ", problems)}", nameof(catalog));
        }

        var root = new XElement(
            Q + "quakeml",
            new XAttribute(XNamespace.Xmlns + "q", Q.NamespaceName),
            new XAttribute("xmlns", Bed.NamespaceName),
            new XElement(Bed + "eventParameters", new XAttribute("publicID", catalog.PublicId), catalog.Events.Select(EventElement)));
        return new XDocument(new XDeclaration("1.0", "utf-8", null), root);
    }

    // Child order follows ObsPy's writer, whose output validates against the QuakeML 1.2 schema.
    private static XElement EventElement(SeismicEvent e) => new(
        Bed + "event",
        new XAttribute("publicID", e.PublicId),
        Optional("preferredOriginID", e.PreferredOriginId),
        Optional("preferredMagnitudeID", e.PreferredMagnitudeId),
        Optional("type", e.Type),
        Optional("typeCertainty", e.TypeCertainty is { } certainty ? QuakeMlText.Of(certainty) : null),
        e.Descriptions.Select(d => new XElement(Bed + "description", new XElement(Bed + "text", d.Text), Optional("type", d.Type))),
        e.Comments.Select(text => new XElement(Bed + "comment", new XElement(Bed + "text", text))),
        e.Origins.Select(OriginElement),
        e.Magnitudes.Select(MagnitudeElement),
        e.Picks.Select(PickElement));

    private static XElement OriginElement(Origin o) => new(
        Bed + "origin",
        new XAttribute("publicID", o.PublicId),
        Quantity("time", Time(o.TimeUtc)),
        Quantity("latitude", Number(o.LatitudeDeg)),
        Quantity("longitude", Number(o.LongitudeDeg)),
        o.DepthM is { } depth ? Quantity("depth", Number(depth)) : null,
        Optional("evaluationMode", o.EvaluationMode is { } mode ? QuakeMlText.Of(mode) : null),
        o.Arrivals.Select(ArrivalElement));

    private static XElement ArrivalElement(Arrival a) => new(
        Bed + "arrival",
        new XAttribute("publicID", a.PublicId),
        new XElement(Bed + "pickID", a.PickId),
        new XElement(Bed + "phase", a.Phase),
        Optional("azimuth", a.AzimuthDeg),
        Optional("distance", a.DistanceDeg),
        Optional("timeResidual", a.TimeResidualS),
        Optional("timeWeight", a.TimeWeight));

    private static XElement MagnitudeElement(Magnitude m) => new(
        Bed + "magnitude",
        new XAttribute("publicID", m.PublicId),
        Quantity("mag", Number(m.Value)),
        Optional("type", m.Type),
        Optional("originID", m.OriginId));

    private static XElement PickElement(Pick p) => new(
        Bed + "pick",
        new XAttribute("publicID", p.PublicId),
        Quantity("time", Time(p.TimeUtc)),
        WaveformIdElement(p.WaveformId),
        p.HorizontalSlownessSPerDeg is { } slowness ? Quantity("horizontalSlowness", Number(slowness)) : null,
        p.BackazimuthDeg is { } backazimuth ? Quantity("backazimuth", Number(backazimuth)) : null,
        Optional("phaseHint", p.PhaseHint),
        Optional("evaluationMode", p.EvaluationMode is { } mode ? QuakeMlText.Of(mode) : null));

    private static XElement WaveformIdElement(WaveformStreamId w) => new(
        Bed + "waveformID",
        new XAttribute("networkCode", w.NetworkCode),
        new XAttribute("stationCode", w.StationCode),
        w.ChannelCode is null ? null : new XAttribute("channelCode", w.ChannelCode),
        w.LocationCode is null ? null : new XAttribute("locationCode", w.LocationCode),
        w.ResourceUri);

    private static XElement Quantity(string name, string value) => new(Bed + name, new XElement(Bed + "value", value));

    private static XElement? Optional(string name, string? value) => value is null ? null : new XElement(Bed + name, value);

    private static XElement? Optional(string name, double? value) => value is { } v ? new XElement(Bed + name, Number(v)) : null;

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>
    /// Seven fraction digits keep the full 100 ns tick; trailing zeros are dropped. A time of
    /// unspecified kind is taken as UTC, as everywhere in the pipeline.
    /// </summary>
    private static string Time(DateTime timeUtc)
    {
        var utc = timeUtc.Kind == DateTimeKind.Local ? timeUtc.ToUniversalTime() : timeUtc;
        return utc.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture) + "Z";
    }
}
