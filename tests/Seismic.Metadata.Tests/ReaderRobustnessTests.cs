using System.Xml.Linq;
using Seismic.Metadata.QuakeMl;
using Seismic.Metadata.StationXml;

namespace Seismic.Metadata.Tests;

/// <summary>
/// Damaged input must end in a <see cref="MetadataFormatException"/> (or, where the damage removed
/// only something optional, in a result), never in a NullReferenceException or another crash.
/// </summary>
public sealed class ReaderRobustnessTests
{
    public static TheoryData<string, string> SmallFiles() => new()
    {
        { "StationXML", SharedData.StationXml("minimal_station.xml") },
        { "StationXML", SharedData.StationXml("stationxml_BK.CMB.__.LKS.xml") },
        { "StationXML", SharedData.StationXml("IRIS_single_channel_with_response.xml") },
        { "StationXML", SharedData.Agfa("agfainventory.xml") },
        { "QuakeML", SharedData.Yellowknife("array_2012-08-14_event.xml") },
        { "QuakeML", SharedData.QuakeMl("quakeml_1.2_pick.xml") },
        { "QuakeML", SharedData.QuakeMl("quakeml_1.2_arrival.xml") },
        { "QuakeML", SharedData.QuakeMl("quakeml_1.2_origin.xml") },
        { "QuakeML", SharedData.QuakeMl("usgs_event.xml") },
    };

    [Theory]
    [MemberData(nameof(SmallFiles))]
    public void Should_fail_only_with_a_format_error_when_a_file_is_cut_short(string format, string path)
    {
        var text = File.ReadAllText(path);
        var failures = 0;

        for (var cut = 0; cut < text.TrimEnd().Length; cut += Math.Max(1, text.Length / 150))
        {
            var error = Record.Exception(() => Read(format, text[..cut]));

            Assert.IsType<MetadataFormatException>(error);
            failures++;
        }

        Assert.True(failures > 10);
    }

    [Theory]
    [MemberData(nameof(SmallFiles))]
    public void Should_fail_only_with_a_format_error_when_any_one_element_or_attribute_is_removed(string format, string path)
    {
        var original = XDocument.Load(path);
        var nodes = original.Root!.Descendants().Count();
        var refused = 0;

        for (var i = 0; i < nodes; i++)
        {
            var damaged = new XDocument(original);
            damaged.Root!.Descendants().ElementAt(i).Remove();
            refused += ReadsOrRefuses(format, damaged.ToString());
        }

        var attributes = original.Root.DescendantsAndSelf().SelectMany(e => e.Attributes()).Where(a => !a.IsNamespaceDeclaration).Count();
        for (var i = 0; i < attributes; i++)
        {
            var damaged = new XDocument(original);
            damaged.Root!.DescendantsAndSelf().SelectMany(e => e.Attributes()).Where(a => !a.IsNamespaceDeclaration).ElementAt(i).Remove();
            refused += ReadsOrRefuses(format, damaged.ToString());
        }

        Assert.True(refused > 0, "removing required parts must be noticed");
    }

    private static int ReadsOrRefuses(string format, string xml)
    {
        var error = Record.Exception(() => Read(format, xml));
        Assert.True(error is null or MetadataFormatException, $"unexpected {error?.GetType().Name}: {error?.Message}");
        return error is null ? 0 : 1;
    }

    private static object Read(string format, string xml) =>
        format == "StationXML" ? StationXmlReader.Parse(xml, "damaged.xml") : QuakeMlReader.Parse(xml, "damaged.xml");
}
