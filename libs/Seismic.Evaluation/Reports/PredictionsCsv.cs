using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using CsvHelper;
using Seismic.Evaluation.Scoring;

namespace Seismic.Evaluation.Reports;

/// <summary>
/// One row per window: the seed's &lt;model&gt;_predictions.csv columns (index, baz_to_arces,
/// estimated_arrival_time_arces, predicted, true, probability_detector, probability_classifier, distance,
/// msrd, metadata) and what an analyst looks up next (trace name, the dataset's own label, magnitude, origin
/// time, event id). Empty cells where a value does not apply (noise has no distance); times in ISO 8601 UTC;
/// metadata is the dataset row as a JSON object.
/// </summary>
public static class PredictionsCsv
{
    // The JSON sits in a CSV cell, not in HTML: keep quotes and non-ASCII readable instead of \u-escaped.
    private static readonly JsonSerializerOptions MetadataJson = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static IReadOnlyList<string> Columns { get; } =
    [
        "index", "trace_name", "baz_to_arces", "estimated_arrival_time_arces", "predicted", "true", "dataset_label",
        "probability_detector", "probability_classifier", "distance", "msrd", "magnitude", "origin_time", "event_id", "metadata",
    ];

    public static void Write(string path, IReadOnlyList<ScoredWindow> windows)
    {
        using var writer = new StreamWriter(path);
        using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture);
        foreach (var column in Columns)
            csv.WriteField(column);
        csv.NextRecord();
        for (var i = 0; i < windows.Count; i++)
        {
            var w = windows[i];
            csv.WriteField(i);
            csv.WriteField(w.TraceName);
            csv.WriteField(Number(w.BackAzimuthDeg));
            csv.WriteField(Time(w.PArrivalUtc));
            csv.WriteField(TrueClass.Name(w.Predicted));
            // A window left out of the figures keeps its dataset label, so the column is never blank.
            csv.WriteField(w.TrueLabel is { } truth ? TrueClass.Name(truth) : w.DatasetLabel);
            csv.WriteField(w.DatasetLabel);
            csv.WriteField(Number(w.Probabilities.Detector));
            csv.WriteField(Number(w.Probabilities.Classifier));
            csv.WriteField(Number(w.DistanceKm));
            csv.WriteField(Number(w.MagnitudePerSqrtDistance));
            csv.WriteField(Number(w.Magnitude));
            csv.WriteField(Time(w.OriginTimeUtc));
            csv.WriteField(w.EventId ?? "");
            csv.WriteField(JsonSerializer.Serialize(w.Metadata, MetadataJson));
            csv.NextRecord();
        }
    }

    private static string Number(double? value) => value?.ToString("R", CultureInfo.InvariantCulture) ?? "";

    private static string Time(DateTime? value) => value?.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture) ?? "";
}
