using Seismic.Waveforms.Selection;

namespace Seismic.Sources;

/// <summary>
/// A place waveforms can be read from by time interval: an SDS archive, a set of miniSEED files, an FDSN
/// dataselect service. Implementations are safe to call from several threads at once.
/// </summary>
public interface IWaveformSource : IDisposable
{
    /// <summary>The URI the source was opened from, for messages and logs.</summary>
    string Address { get; }

    /// <summary>
    /// The miniSEED records of the selected channels that hold samples in [<paramref name="startUtc"/>,
    /// <paramref name="endUtc"/>], as stored: whole records, which may reach beyond the interval (callers cut).
    /// No data is an empty result, not an error; so is an empty interval (<paramref name="endUtc"/> not after
    /// <paramref name="startUtc"/>).
    /// </summary>
    /// <exception cref="WaveformSourceException">The source cannot be read at all (missing folder, unreachable server, refused request).</exception>
    Task<WaveformRead> ReadAsync(IReadOnlyList<ChannelSelection> channels, DateTime startUtc, DateTime endUtc, CancellationToken cancellationToken = default);
}

/// <summary>What a read returned: miniSEED 2 and/or 3 records in any order, and what went wrong on the way without stopping it.</summary>
/// <param name="MiniSeed">The records, concatenated.</param>
/// <param name="Problems">Unreadable files, skipped bytes and the like, one sentence each.</param>
public sealed record WaveformRead(byte[] MiniSeed, IReadOnlyList<string> Problems)
{
    public static WaveformRead Empty { get; } = new([], []);

    public bool IsEmpty => MiniSeed.Length == 0;
}

/// <summary>The source as a whole cannot be read; the message names the source and the cause.</summary>
public sealed class WaveformSourceException(string message, Exception? inner = null) : Exception(message, inner);
