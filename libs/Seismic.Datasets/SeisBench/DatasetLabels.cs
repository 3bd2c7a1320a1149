namespace Seismic.Datasets.SeisBench;

/// <summary>
/// The class of a training window. Induced events keep their own label in the dataset; whether they
/// train as earthquakes (the original's <c>include_induced</c>) is the trainer's choice, not the dataset's.
/// </summary>
public static class DatasetLabels
{
    public const string Earthquake = "earthquake";
    public const string Explosion = "explosion";
    public const string Induced = "induced";
    public const string Noise = "noise";

    public static IReadOnlyList<string> All { get; } = [Earthquake, Explosion, Induced, Noise];
}
