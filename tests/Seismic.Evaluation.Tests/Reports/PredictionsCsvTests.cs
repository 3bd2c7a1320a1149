using Seismic.TestSupport;
using System.Globalization;
using System.Text.Json;
using CsvHelper;
using Seismic.Evaluation.Reports;
using Seismic.Evaluation.Tests.Support;

namespace Seismic.Evaluation.Tests.Reports;

public sealed class PredictionsCsvTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Fact]
    public void Should_write_the_seeds_columns_and_what_an_analyst_looks_up_next()
    {
        var path = Path.Combine(_folder.Path, "predictions.csv");

        PredictionsCsv.Write(path, [Windows.Of("noise", 0.1, 0.2)]);

        Assert.Equal(
            "index,trace_name,baz_to_arces,estimated_arrival_time_arces,predicted,true,dataset_label,probability_detector,"
            + "probability_classifier,distance,msrd,magnitude,origin_time,event_id,metadata",
            File.ReadLines(path).First());
    }

    [Fact]
    public void Should_write_one_row_per_window_with_times_in_utc_and_blank_cells_where_nothing_applies()
    {
        var earthquake = Windows.Of("induced", 0.875, 0.25, distanceKm: 400, magnitude: 2.0) with
        {
            TraceName = "ev_0001",
            BackAzimuthDeg = 123.5,
            PArrivalUtc = new DateTime(2023, 10, 30, 12, 1, 0, 500, DateTimeKind.Utc),
            OriginTimeUtc = new DateTime(2023, 10, 30, 12, 0, 0, DateTimeKind.Utc),
            EventId = "smi:norsar/1",
            Metadata = new Dictionary<string, string> { ["source_type"] = "induced or triggered event", ["station_code"] = "ARCES" },
        };
        var path = Path.Combine(_folder.Path, "predictions.csv");

        PredictionsCsv.Write(path, [Windows.Of("noise", 0.1, 0.2), earthquake]);

        using var reader = new CsvReader(new StreamReader(path), CultureInfo.InvariantCulture);
        var rows = reader.GetRecords<dynamic>().Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(2, rows.Count);
        var noise = rows[0];
        Assert.Equal("0", noise["index"]);
        Assert.Equal("noise", noise["predicted"]);
        Assert.Equal("", noise["distance"]);
        Assert.Equal("", noise["msrd"]);
        var row = rows[1];
        Assert.Equal("1", row["index"]);
        Assert.Equal("ev_0001", row["trace_name"]);
        Assert.Equal("123.5", row["baz_to_arces"]);
        Assert.Equal("2023-10-30T12:01:00.500Z", row["estimated_arrival_time_arces"]);
        Assert.Equal("earthquake", row["predicted"]);
        Assert.Equal("earthquake", row["true"]);
        Assert.Equal("induced", row["dataset_label"]);
        Assert.Equal("0.875", row["probability_detector"]);
        Assert.Equal("0.25", row["probability_classifier"]);
        Assert.Equal("400", row["distance"]);
        Assert.Equal("0.1", row["msrd"]);
        Assert.Equal("2", row["magnitude"]);
        Assert.Equal("2023-10-30T12:00:00.000Z", row["origin_time"]);
        Assert.Equal("smi:norsar/1", row["event_id"]);
        var metadata = JsonSerializer.Deserialize<Dictionary<string, string>>((string)row["metadata"])!;
        Assert.Equal("induced or triggered event", metadata["source_type"]);
    }

    public void Dispose() => _folder.Dispose();
}
