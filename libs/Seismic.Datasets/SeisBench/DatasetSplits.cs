namespace Seismic.Datasets.SeisBench;

/// <summary>The split names SeisBench uses in its <c>split</c> column (<c>WaveformDataset.train()/dev()/test()</c>).</summary>
public static class DatasetSplits
{
    public const string Train = "train";
    public const string Dev = "dev";
    public const string Test = "test";

    public static IReadOnlyList<string> All { get; } = [Train, Dev, Test];
}
