using System.Globalization;
using System.Text;
using System.Text.Json;
using Seismic.Evaluation.Analysis;
using Seismic.Evaluation.Metrics;
using Seismic.Evaluation.Scoring;
using Seismic.Inference.Voting;

namespace Seismic.Evaluation.Reports;

/// <summary>What was evaluated: the model version, the dataset and its split, and how induced events were counted.</summary>
public sealed record EvaluationSubject
{
    /// <summary>"name vN", as the registry names a version.</summary>
    public required string ModelId { get; init; }

    public required string DatasetPath { get; init; }

    public string? DatasetSha256 { get; init; }

    public required string Split { get; init; }

    public required bool InducedAsEarthquake { get; init; }
}

/// <summary>metrics.json and summary.txt: the figures of an evaluation for programs and for people.</summary>
public static class EvaluationSummary
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static void WriteJson(string path, EvaluationSubject subject, IReadOnlyList<ScoredWindow> windows, EvaluationMetrics metrics, IReadOnlyList<MistakeRateTable> mistakeRates)
    {
        var labels = Enum.GetValues<EventLabel>();
        var document = new
        {
            model = subject.ModelId,
            dataset = subject.DatasetPath,
            datasetSha256 = subject.DatasetSha256,
            split = subject.Split,
            createdUtc = DateTime.UtcNow,
            inducedAsEarthquake = subject.InducedAsEarthquake,
            thresholds = new { detector = metrics.Thresholds.Detector, classifier = metrics.Thresholds.Classifier },
            windows = windows.Count,
            windowsByDatasetLabel = windows.GroupBy(w => w.DatasetLabel, StringComparer.Ordinal)
                .OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count()),
            windowsScored = metrics.Confusion.Total,
            metrics = metrics.Named(subject.Split + "_"),
            detectorCounts = Counts(metrics.Detector),
            classifierCounts = Counts(metrics.Classifier),
            confusion = new
            {
                labels = labels.Select(TrueClass.Name),
                rowsTrueColumnsPredicted = labels.Select(actual => labels.Select(predicted => metrics.Confusion[actual, predicted])),
            },
            mistakeRates = mistakeRates.Select(table => new
            {
                quantity = table.Quantity,
                unit = table.Unit,
                eventsWithoutValue = table.EventsWithoutValue,
                bins = table.Bins.Select(bin => new
                {
                    lower = bin.Lower,
                    upper = bin.Upper,
                    events = bin.Events,
                    missed = bin.Missed,
                    mistakes = bin.Mistakes,
                    missedRate = bin.Events == 0 ? (double?)null : bin.MissedRate,
                    mistakeRate = bin.Events == 0 ? (double?)null : bin.MistakeRate,
                }),
            }),
        };
        File.WriteAllText(path, JsonSerializer.Serialize(document, Json));
    }

    /// <summary>The figures as a plain-text table, as the command prints them.</summary>
    public static string Text(EvaluationSubject subject, IReadOnlyList<ScoredWindow> windows, EvaluationMetrics metrics)
    {
        var byLabel = string.Join(", ", windows.GroupBy(w => w.DatasetLabel, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count()}"));
        var induced = subject.InducedAsEarthquake ? "induced events count as earthquakes" : "induced events are left out of the figures (the model was trained without them)";
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{subject.ModelId} on the {subject.Split} split of {subject.DatasetPath}");
        text.AppendLine(CultureInfo.InvariantCulture, $"{windows.Count} windows ({byLabel}); {induced}");
        text.AppendLine(CultureInfo.InvariantCulture, $"thresholds: detector {metrics.Thresholds.Detector:0.###}, classifier {metrics.Thresholds.Classifier:0.###}");
        text.AppendLine();
        text.AppendLine($"{"head",-11}{"windows",9}  {"positive",-10}{"precision",10}{"recall",9}{"F1",9}{"accuracy",10}{"balanced",10}");
        text.AppendLine(Row("detector", "event", metrics.Detector));
        text.AppendLine(Row("classifier", "explosion", metrics.Classifier));
        text.AppendLine("(the classifier is judged on true events only; balanced = mean of the recalls of the two classes)");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"three-way accuracy {metrics.Confusion.Accuracy:0.000} over {metrics.Confusion.Total} windows");
        text.AppendLine(metrics.Confusion.ToString());
        return text.ToString();
    }

    private static string Row(string head, string positive, BinaryMetrics m) => string.Create(CultureInfo.InvariantCulture,
        $"{head,-11}{m.Count,9}  {positive,-10}{m.Precision,10:0.000}{m.Recall,9:0.000}{m.F1,9:0.000}{m.Accuracy,10:0.000}{m.BalancedAccuracy,10:0.000}");

    private static object Counts(BinaryMetrics m) => new
    {
        truePositives = m.TruePositives,
        falsePositives = m.FalsePositives,
        trueNegatives = m.TrueNegatives,
        falseNegatives = m.FalseNegatives,
    };
}
