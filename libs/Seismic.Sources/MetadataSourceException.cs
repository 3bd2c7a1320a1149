namespace Seismic.Sources;

/// <summary>
/// An inventory or catalog cannot be had from where it was asked for: a missing file, an unreachable or
/// refusing web service. The message names the file or URL and the cause. (A document that arrives but is
/// malformed is a <see cref="Metadata.MetadataFormatException"/>.)
/// </summary>
public sealed class MetadataSourceException(string message, Exception? inner = null) : Exception(message, inner);
