using Seismic.Sources.Indexing;
using Seismic.Waveforms.Selection;

namespace Seismic.Sources.Files;

/// <summary>
/// miniSEED files named by a path or a pattern (<c>file:///data/*.mseed</c>, a folder, or one file), holding
/// any channels in any order. The files are indexed by channel and time on first use (headers only, in chunks,
/// so a whole-day file costs little memory), and again when one of them changes; a read takes only the
/// records it overlaps.
/// </summary>
public sealed class MiniSeedFilesSource : IWaveformSource
{
    private readonly FileIndexCache _indexes = new(capacity: 4096);
    private readonly string _folder;
    private readonly string _namePattern;

    /// <param name="pathOrPattern">A file, a folder (every file in it), or a folder and a file-name pattern with * and ?.</param>
    /// <param name="address">The URI as the user wrote it, for messages.</param>
    /// <exception cref="WaveformSourceException">The folder does not exist or nothing matches.</exception>
    public MiniSeedFilesSource(string pathOrPattern, string? address = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(pathOrPattern);
        Address = address ?? $"file://{pathOrPattern}";
        var full = Path.GetFullPath(pathOrPattern);
        if (Directory.Exists(full))
            (_folder, _namePattern) = (full, "*");
        else
            (_folder, _namePattern) = (Path.GetDirectoryName(full) ?? "/", Path.GetFileName(full));
        if (_folder.Contains('*', StringComparison.Ordinal) || _folder.Contains('?', StringComparison.Ordinal))
            throw new WaveformSourceException($"{Address}: wildcards are allowed in the file name only, not in the folder {_folder}");
        if (!Directory.Exists(_folder))
            throw new WaveformSourceException($"{Address}: the folder {_folder} does not exist");
        if (Files().Count == 0)
            throw new WaveformSourceException($"{Address}: no file in {_folder} matches '{_namePattern}'");
    }

    public string Address { get; }

    /// <summary>The files the pattern matches now, in name order (files added later are picked up).</summary>
    public IReadOnlyList<string> Files() =>
        Directory.EnumerateFiles(_folder, _namePattern, new EnumerationOptions { MatchCasing = MatchCasing.CaseSensitive })
            .Order(StringComparer.Ordinal)
            .ToList();

    public Task<WaveformRead> ReadAsync(IReadOnlyList<ChannelSelection> channels, DateTime startUtc, DateTime endUtc, CancellationToken cancellationToken = default) =>
        Task.FromResult(_indexes.Read(Files(), channels, startUtc, endUtc, cancellationToken));

    public void Dispose()
    {
    }
}
