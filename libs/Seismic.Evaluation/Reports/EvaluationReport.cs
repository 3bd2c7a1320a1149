using Seismic.Evaluation.Analysis;
using Seismic.Evaluation.Metrics;
using Seismic.Evaluation.Scoring;
using Seismic.Inference.Voting;

namespace Seismic.Evaluation.Reports;

/// <summary>What an evaluation found, and the files it wrote.</summary>
public sealed record EvaluationResult(
    EvaluationMetrics Metrics,
    IReadOnlyList<MistakeRateTable> MistakeRates,
    IReadOnlyList<ClassDistribution> Distributions,
    string Summary,
    IReadOnlyList<string> Files);

/// <summary>
/// Everything the seed's predict.py and Analysis.py produced, from scored windows: the predictions CSV, the
/// confusion matrix, mistake rates by distance and by magnitude/√distance, probability histograms per
/// label, and the figures as metrics.json and summary.txt. The seed's file names carried the model name;
/// here the output folder is the model's and the names are fixed.
/// </summary>
public static class EvaluationReport
{
    public const string PredictionsFile = "predictions.csv";
    public const string MetricsFile = "metrics.json";
    public const string SummaryFile = "summary.txt";
    public const string ConfusionFile = "confusion_matrix.png";
    public const string MistakesByDistanceFile = "mistakes_by_distance.png";
    public const string MistakesByMsrdFile = "mistakes_by_msrd.png";

    /// <exception cref="EvaluationException">There are no windows.</exception>
    public static EvaluationResult Write(IReadOnlyList<ScoredWindow> windows, DecisionThresholds thresholds, EvaluationSubject subject, string outputFolder)
    {
        if (windows.Count == 0)
            throw new EvaluationException($"Nothing to evaluate: the {subject.Split} split of {subject.DatasetPath} has no windows.");
        Directory.CreateDirectory(outputFolder);
        var files = new List<string>();
        string Output(string name)
        {
            var path = Path.Combine(outputFolder, name);
            files.Add(path);
            return path;
        }

        var metrics = EvaluationMetrics.Of(windows, thresholds);
        var byDistance = MistakeRates.ByDistance(windows);
        var byMsrd = MistakeRates.ByMagnitudePerSqrtDistance(windows);
        var distributions = ClassDistribution.Of(windows);
        var summary = EvaluationSummary.Text(subject, windows, metrics);

        PredictionsCsv.Write(Output(PredictionsFile), windows);
        EvaluationSummary.WriteJson(Output(MetricsFile), subject, windows, metrics, [byDistance, byMsrd]);
        File.WriteAllText(Output(SummaryFile), summary);

        var title = $"{subject.ModelId}, {subject.Split} split";
        EvaluationPlots.ConfusionMatrix(Output(ConfusionFile), metrics.Confusion,
            FormattableString.Invariant($"{title}: accuracy {metrics.Confusion.Accuracy:0.000} ({metrics.Confusion.Total} windows)"));
        EvaluationPlots.MistakeRates(Output(MistakesByDistanceFile), byDistance, $"{title}: mistakes by distance\n{BinDescription(byDistance)}");
        EvaluationPlots.MistakeRates(Output(MistakesByMsrdFile), byMsrd, $"{title}: mistakes by magnitude/sqrt(distance)\n{BinDescription(byMsrd)}");
        foreach (var distribution in distributions)
            EvaluationPlots.Distribution(Output(DistributionFile(distribution.DatasetLabel)), distribution, thresholds, title);

        return new EvaluationResult(metrics, [byDistance, byMsrd], distributions, summary, files);
    }

    public static string DistributionFile(string datasetLabel) => $"prob_distributions_{datasetLabel}.png";

    private static string BinDescription(MistakeRateTable table) =>
        table.Bins.Count == 0
            ? "no events with a value"
            : FormattableString.Invariant($"{table.Bins.Count} equal bins from {table.Bins[0].Lower:0.###} to {table.Bins[^1].Upper:0.###} {table.Unit}; {table.EventsWithoutValue} events without a value");
}
