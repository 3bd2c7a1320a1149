namespace Seismic.Evaluation;

/// <summary>An evaluation cannot be made as asked (model and dataset do not fit, no samples); the message says why.</summary>
public sealed class EvaluationException(string message, Exception? inner = null) : Exception(message, inner);
