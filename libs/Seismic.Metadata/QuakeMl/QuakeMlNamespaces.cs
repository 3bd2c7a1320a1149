namespace Seismic.Metadata.QuakeMl;

public static class QuakeMlNamespaces
{
    /// <summary>The document wrapper element &lt;q:quakeml&gt;.</summary>
    public const string Document = "http://quakeml.org/xmlns/quakeml/1.2";

    /// <summary>The basic event description: eventParameters and everything under it.</summary>
    public const string BasicEventDescription = "http://quakeml.org/xmlns/bed/1.2";

    /// <summary>The real-time variant of the basic event description (SeisComP and some agencies serve it).</summary>
    public const string RealTimeBasicEventDescription = "http://quakeml.org/xmlns/bed-rt/1.2";

    /// <summary>
    /// Pre-1.2 QuakeML as served by the NERIES/EMSC web service: one namespace for wrapper and content,
    /// with the same element names for everything this library reads.
    /// </summary>
    public const string LegacyNeries = "http://quakeml.org/xmlns/quakeml/1.0";
}
