namespace Seismic.Datasets.SeisBench;

/// <summary>
/// A dataset that cannot be read or written for a reason the user can fix (a missing file, a wrong
/// shape, a missing column). The message names the file and the cause.
/// </summary>
public sealed class DatasetException(string message) : Exception(message);
