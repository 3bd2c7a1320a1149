namespace Seismic.Inference.Models;

/// <summary>
/// The model the classifier uses now. A new version is swapped in while segments are being classified:
/// a segment finishes on the model it started with, and the old model is closed only when no segment uses it.
/// </summary>
public sealed class ActiveModel : IDisposable
{
    private readonly ReaderWriterLockSlim _gate = new();
    private LoadedModel? _current;

    public string? CurrentId => CurrentCard?.Id;

    /// <summary>The card of the model in use (name, version, thresholds), or null before the first is loaded.</summary>
    public Registry.ModelCard? CurrentCard
    {
        get
        {
            _gate.EnterReadLock();
            try
            {
                return _current?.Card;
            }
            finally
            {
                _gate.ExitReadLock();
            }
        }
    }

    /// <summary>Runs <paramref name="work"/> with the current model; throws when there is none yet.</summary>
    public T Use<T>(Func<LoadedModel, T> work)
    {
        _gate.EnterReadLock();
        try
        {
            return work(_current ?? throw new NoModelException());
        }
        finally
        {
            _gate.ExitReadLock();
        }
    }

    /// <summary>Makes <paramref name="model"/> current and closes the one it replaces.</summary>
    public void Swap(LoadedModel model)
    {
        LoadedModel? previous;
        _gate.EnterWriteLock();
        try
        {
            previous = _current;
            _current = model;
        }
        finally
        {
            _gate.ExitWriteLock();
        }
        previous?.Dispose();
    }

    public void Dispose()
    {
        _current?.Dispose();
        _gate.Dispose();
    }
}

/// <summary>No model is loaded: none was registered under the configured name, or it could not be opened.</summary>
public sealed class NoModelException() : Exception(
    "No classifier model is loaded: register one under the configured model.name (seismic train, or copy a model into paths.models_dir); the classifier loads it when ModelPublished arrives.");
