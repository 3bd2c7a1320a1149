using Seismic.Datasets.SeisBench;
using Seismic.Evaluation.Reports;
using Seismic.Evaluation.Scoring;
using Seismic.Inference.Registry;
using Seismic.Inference.Voting;

namespace Seismic.Evaluation;

/// <summary>`seismic evaluate` without the command line: a registered model on one split of a dataset, every figure written to a folder.</summary>
public static class ModelEvaluation
{
    /// <summary>
    /// Scores the traces of <paramref name="split"/> of the dataset in <paramref name="datasetDirectory"/> with
    /// <paramref name="model"/> and writes the report to <paramref name="outputFolder"/>; <paramref name="progress"/>
    /// hears the windows scored so far and the total after each batch.
    /// </summary>
    /// <exception cref="DatasetException">The dataset is missing or unreadable.</exception>
    /// <exception cref="EvaluationException">The dataset does not fit the model, or the split is empty.</exception>
    /// <exception cref="Seismic.Inference.Onnx.ModelLoadException">The model's files cannot be used.</exception>
    public static EvaluationResult Run(
        RegisteredModel model, string datasetDirectory, string split, string outputFolder,
        int batchSize = DatasetScorer.DefaultBatchSize, Action<int, int>? progress = null)
    {
        using var dataset = SeisBenchDataset.Open(datasetDirectory);
        var windows = DatasetScorer.Score(dataset, model, split, batchSize, progress);
        var subject = new EvaluationSubject
        {
            ModelId = model.Card.Id,
            DatasetPath = dataset.Directory,
            DatasetSha256 = dataset.ContentSha256,
            Split = split,
            InducedAsEarthquake = TrueClass.InducedAsEarthquake(model.Card),
        };
        var thresholds = new DecisionThresholds(model.Card.DetectorThreshold, model.Card.ClassifierThreshold);
        return EvaluationReport.Write(windows, thresholds, subject, outputFolder);
    }
}
