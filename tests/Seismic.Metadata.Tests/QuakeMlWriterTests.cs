using System.Xml.Linq;
using Seismic.Metadata.QuakeMl;
using Seismic.TestSupport.QuakeMl;

namespace Seismic.Metadata.Tests;

public sealed class QuakeMlWriterTests
{
    private static readonly XNamespace Q = "http://quakeml.org/xmlns/quakeml/1.2";
    private static readonly XNamespace Bed = "http://quakeml.org/xmlns/bed/1.2";

    /// <summary>Everything the model can hold, including values that are easy to lose on the way.</summary>
    private static Catalog ArcesDetection() => new()
    {
        PublicId = "smi:no.norsar/seismic/catalog/1",
        Events =
        [
            new SeismicEvent
            {
                PublicId = "smi:no.norsar/seismic/event/20230601T120005Z",
                Type = EventTypes.MiningExplosion,
                TypeCertainty = EventTypeCertainty.Suspected,
                PreferredOriginId = "smi:no.norsar/seismic/origin/1",
                PreferredMagnitudeId = "smi:no.norsar/seismic/magnitude/1",
                Descriptions = [new EventDescription { Text = "Kola peninsula", Type = "region name" }, new EventDescription { Text = "free text" }],
                Comments = ["probability_explosion=0.81", "a second comment"],
                Origins =
                [
                    new Origin
                    {
                        PublicId = "smi:no.norsar/seismic/origin/1",
                        TimeUtc = new DateTime(2023, 6, 1, 11, 59, 31, DateTimeKind.Utc).AddTicks(1234567),
                        LatitudeDeg = 67.6,
                        LongitudeDeg = 33.9,
                        DepthM = 0.1 + 0.2,
                        EvaluationMode = EvaluationMode.Automatic,
                        Arrivals =
                        [
                            new Arrival { PublicId = "smi:no.norsar/seismic/arrival/1", PickId = "smi:no.norsar/seismic/pick/1", Phase = "Pn", AzimuthDeg = 280.25, DistanceDeg = 3.717, TimeResidualS = -0.35, TimeWeight = 1 },
                            new Arrival { PublicId = "smi:no.norsar/seismic/arrival/2", PickId = "smi:no.norsar/seismic/pick/2", Phase = "Sn" },
                        ],
                    },
                    new Origin { PublicId = "smi:no.norsar/seismic/origin/2", TimeUtc = new DateTime(2023, 6, 1, 11, 59, 30, DateTimeKind.Utc), LatitudeDeg = -0.0, LongitudeDeg = -179.999 },
                ],
                Magnitudes = [new Magnitude { PublicId = "smi:no.norsar/seismic/magnitude/1", Value = 2.3, Type = "ML", OriginId = "smi:no.norsar/seismic/origin/1" }],
                Picks =
                [
                    new Pick
                    {
                        PublicId = "smi:no.norsar/seismic/pick/1",
                        TimeUtc = new DateTime(2023, 6, 1, 12, 0, 5, 25, DateTimeKind.Utc),
                        WaveformId = new WaveformStreamId { NetworkCode = "NO", StationCode = "ARCES", LocationCode = "  ", ChannelCode = "BHZ" },
                        PhaseHint = "Pn",
                        BackazimuthDeg = 100.25,
                        HorizontalSlownessSPerDeg = 14.3,
                        EvaluationMode = EvaluationMode.Automatic,
                    },
                    new Pick
                    {
                        PublicId = "smi:no.norsar/seismic/pick/2",
                        TimeUtc = new DateTime(2023, 6, 1, 12, 0, 41, DateTimeKind.Utc),
                        WaveformId = new WaveformStreamId { NetworkCode = "NO", StationCode = "ARA0", LocationCode = "", ResourceUri = "smi:no.norsar/waveform/1" },
                        EvaluationMode = EvaluationMode.Manual,
                    },
                ],
            },
            new SeismicEvent { PublicId = "smi:no.norsar/seismic/event/empty" },
        ],
    };

    [Fact]
    public void Should_read_back_what_it_wrote_identically()
    {
        var written = ArcesDetection();

        var read = QuakeMlReader.Parse(QuakeMlWriter.ToXml(written));

        AssertSameCatalog(written, read);
    }

    [Fact]
    public void Should_write_what_the_quakeml_1_2_schema_accepts()
    {
        var path = Path.Combine(Path.GetTempPath(), $"seismic-metadata-{Guid.NewGuid():N}.xml");
        try
        {
            QuakeMlWriter.WriteFile(ArcesDetection(), path);

            Assert.Empty(QuakeMlSchema.Validate(path));

            // The same file with an event type QuakeML does not know: the schema check can fail.
            File.WriteAllText(path, File.ReadAllText(path).Replace("<type>mining explosion</type>", "<type>blast</type>"));
            Assert.Contains(QuakeMlSchema.Validate(path), problem => problem.Contains("blast"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("obspy-examples/array-yellowknife-2012-08-14/array_2012-08-14_event.xml")]
    [InlineData("obspy/quakeml/iris_events.xml")]
    [InlineData("obspy/quakeml/quakeml_1.2_pick.xml")]
    [InlineData("obspy/quakeml/quakeml_1.2_arrival.xml")]
    [InlineData("obspy/quakeml/quakeml_1.2_event.xml")]
    public void Should_round_trip_the_shared_quakeml_files(string file)
    {
        var original = QuakeMlReader.ReadFile(SharedData.PathOf(file.Split('/')));

        var path = Path.Combine(Path.GetTempPath(), $"seismic-metadata-{Guid.NewGuid():N}.xml");
        try
        {
            QuakeMlWriter.WriteFile(original, path);
            AssertSameCatalog(original, QuakeMlReader.ReadFile(path));
            Assert.Empty(QuakeMlSchema.Validate(path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Should_write_the_quakeml_1_2_wrapper_and_bed_namespaces()
    {
        var document = XDocument.Parse(QuakeMlWriter.ToXml(ArcesDetection()));

        Assert.Equal(Q + "quakeml", document.Root!.Name);
        var parameters = Assert.Single(document.Root.Elements());
        Assert.Equal(Bed + "eventParameters", parameters.Name);
        Assert.Equal("smi:no.norsar/seismic/catalog/1", parameters.Attribute("publicID")?.Value);
        Assert.All(parameters.Descendants(), e => Assert.Equal(Bed, e.Name.Namespace));
    }

    [Fact]
    public void Should_write_depth_in_metres_and_slowness_and_backazimuth_as_quantities()
    {
        var quake = QuakeMlReader.ReadFile(SharedData.Yellowknife("array_2012-08-14_event.xml"));
        var document = XDocument.Parse(QuakeMlWriter.ToXml(quake));
        var arces = XDocument.Parse(QuakeMlWriter.ToXml(ArcesDetection()));

        Assert.Equal("583200", document.Descendants(Bed + "depth").Single().Element(Bed + "value")?.Value);
        var pick = arces.Descendants(Bed + "pick").First();
        Assert.Equal("14.3", pick.Element(Bed + "horizontalSlowness")?.Element(Bed + "value")?.Value);
        Assert.Equal("100.25", pick.Element(Bed + "backazimuth")?.Element(Bed + "value")?.Value);
        Assert.Equal("  ", pick.Element(Bed + "waveformID")?.Attribute("locationCode")?.Value);
    }

    [Fact]
    public void Should_write_times_in_utc_with_only_the_digits_needed()
    {
        var arces = XDocument.Parse(QuakeMlWriter.ToXml(ArcesDetection()));

        var times = arces.Descendants(Bed + "time").Select(t => t.Element(Bed + "value")?.Value).ToList();

        Assert.Equal(["2023-06-01T11:59:31.1234567Z", "2023-06-01T11:59:30Z", "2023-06-01T12:00:05.025Z", "2023-06-01T12:00:41Z"], times);
    }

    [Fact]
    public void Should_write_enumerations_in_quakeml_spelling()
    {
        var arces = XDocument.Parse(QuakeMlWriter.ToXml(ArcesDetection()));

        Assert.Equal("suspected", arces.Descendants(Bed + "typeCertainty").Single().Value);
        Assert.Equal("mining explosion", arces.Descendants(Bed + "event").First().Element(Bed + "type")?.Value);
        Assert.Equal(["automatic", "automatic", "manual"], arces.Descendants(Bed + "evaluationMode").Select(e => e.Value));
    }

    [Fact]
    public void Should_find_no_problems_in_a_valid_catalog()
    {
        Assert.Empty(QuakeMlWriter.FindProblems(ArcesDetection()));
    }

    [Fact]
    public void Should_refuse_to_write_a_value_that_is_not_finite()
    {
        var catalog = ArcesDetection();
        var broken = catalog with
        {
            Events = [catalog.Events[0] with { Magnitudes = [catalog.Events[0].Magnitudes[0] with { Value = double.NaN }] }],
        };

        var error = Assert.Throws<ArgumentException>(() => QuakeMlWriter.ToXml(broken));

        Assert.Contains("magnitude smi:no.norsar/seismic/magnitude/1 value is NaN", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_refuse_to_write_event_types_outside_the_quakeml_vocabulary()
    {
        var comcat = QuakeMlReader.ReadFile(SharedData.QuakeMl("usgs_event.xml"));

        var error = Assert.Throws<ArgumentException>(() => QuakeMlWriter.ToXml(comcat));

        Assert.Contains("type 'quarry_blast' is not in the QuakeML 1.2 EventType vocabulary", error.Message, StringComparison.Ordinal);
        Assert.Contains("type 'quarry' is not", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_write_a_foreign_catalog_once_its_event_types_are_mapped_to_the_vocabulary()
    {
        var comcat = QuakeMlReader.ReadFile(SharedData.QuakeMl("usgs_event.xml"));
        var mapped = comcat with { Events = comcat.Events.Select(e => e with { Type = EventTypes.QuarryBlast }).ToList() };

        AssertSameCatalog(mapped, QuakeMlReader.Parse(QuakeMlWriter.ToXml(mapped)));
    }

    [Fact]
    public void Should_refuse_to_write_ids_that_are_not_resource_identifiers()
    {
        var catalog = QuakeMlReader.ReadFile(SharedData.QuakeMl("preferred.xml"));

        var problems = QuakeMlWriter.FindProblems(catalog);

        Assert.Contains("origin publicID 'smi:orig1' is not a QuakeML resource identifier (smi:authority/path or quakeml:authority/path)", problems);
        Assert.Contains(problems, p => p.Contains("preferredOriginID 'smi:orig2'", StringComparison.Ordinal));
        Assert.Throws<ArgumentException>(() => QuakeMlWriter.ToXml(catalog));
    }

    [Fact]
    public void Should_refuse_codes_longer_than_quakeml_allows()
    {
        var catalog = ArcesDetection();
        var pick = catalog.Events[0].Picks[0];
        var broken = catalog with
        {
            Events = [catalog.Events[0] with { Picks = [pick with { WaveformId = pick.WaveformId with { StationCode = "ARCESARRAY" } }] }],
        };

        var problems = QuakeMlWriter.FindProblems(broken);

        Assert.Equal("pick smi:no.norsar/seismic/pick/1 stationCode 'ARCESARRAY' is longer than 8 characters", Assert.Single(problems));
    }

    /// <summary>Records compare lists by reference, so the comparison walks them.</summary>
    private static void AssertSameCatalog(Catalog expected, Catalog actual)
    {
        Assert.Equal(expected.PublicId, actual.PublicId);
        Assert.Equal(expected.Events.Count, actual.Events.Count);
        foreach (var (e, a) in expected.Events.Zip(actual.Events))
        {
            Assert.Equal(WithoutLists(e), WithoutLists(a));
            Assert.Equal(e.Descriptions, a.Descriptions);
            Assert.Equal(e.Comments, a.Comments);
            Assert.Equal(e.Magnitudes, a.Magnitudes);
            Assert.Equal(e.Picks, a.Picks);
            Assert.Equal(e.Origins.Count, a.Origins.Count);
            foreach (var (eo, ao) in e.Origins.Zip(a.Origins))
            {
                Assert.Equal(eo with { Arrivals = Array.Empty<Arrival>() }, ao with { Arrivals = Array.Empty<Arrival>() });
                Assert.Equal(eo.Arrivals, ao.Arrivals);
                Assert.Equal(eo.TimeUtc.Kind, ao.TimeUtc.Kind);
            }
        }
    }

    private static SeismicEvent WithoutLists(SeismicEvent e) => e with
    {
        Descriptions = Array.Empty<EventDescription>(),
        Comments = Array.Empty<string>(),
        Origins = Array.Empty<Origin>(),
        Magnitudes = Array.Empty<Magnitude>(),
        Picks = Array.Empty<Pick>(),
    };
}
