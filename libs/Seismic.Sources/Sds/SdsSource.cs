using System.Globalization;
using Seismic.Sources.Indexing;
using Seismic.Waveforms.Selection;
using Seismic.Waveforms.Time;

namespace Seismic.Sources.Sds;

/// <summary>
/// A SeisComP Data Structure archive (<c>sds:///path</c>): one miniSEED file per channel and UTC day at
/// YEAR/NET/STA/CHAN.D/NET.STA.LOC.CHAN.D.YEAR.DOY. Channels are found by listing the folders that match the
/// selection, so wildcards work as in SeisComP's RecordStream. Each day file's record headers are indexed
/// once (and again when the file changes); a read then takes only the records it overlaps.
/// </summary>
public sealed class SdsSource : IWaveformSource
{
    private const string DataType = "D";
    private readonly FileIndexCache _indexes = new(capacity: 4096);

    /// <exception cref="WaveformSourceException">The folder does not exist.</exception>
    public SdsSource(string rootPath, string? address = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(rootPath);
        RootPath = System.IO.Path.GetFullPath(rootPath);
        Address = address ?? $"sds://{RootPath}";
        if (!Directory.Exists(RootPath))
            throw new WaveformSourceException($"{Address}: the SDS archive folder {RootPath} does not exist");
    }

    public string RootPath { get; }

    public string Address { get; }

    public Task<WaveformRead> ReadAsync(IReadOnlyList<ChannelSelection> channels, DateTime startUtc, DateTime endUtc, CancellationToken cancellationToken = default) =>
        Task.FromResult(_indexes.Read(DayFiles(channels, startUtc, endUtc), channels, startUtc, endUtc, cancellationToken));

    /// <summary>The day files that can hold [startUtc, endUtc]: a record that starts before midnight lives in the previous day's file.</summary>
    private IEnumerable<string> DayFiles(IReadOnlyList<ChannelSelection> channels, DateTime startUtc, DateTime endUtc)
    {
        var to = NanoTime.FromDateTime(endUtc);
        for (var day = NanoTime.FromDateTime(startUtc).StartOfDay.AddDays(-1); day <= to; day = day.AddDays(1))
        {
            foreach (var path in DayFiles(channels, day.Year, day.DayOfYear))
                yield return path;
        }
    }

    /// <summary>The day files of the selected channels, found by listing the archive's folders.</summary>
    private IEnumerable<string> DayFiles(IReadOnlyList<ChannelSelection> channels, int year, int dayOfYear)
    {
        var yearText = year.ToString("D4", CultureInfo.InvariantCulture);
        var suffix = $".{DataType}.{yearText}.{dayOfYear.ToString("D3", CultureInfo.InvariantCulture)}";
        var yearFolder = System.IO.Path.Combine(RootPath, yearText);
        if (!Directory.Exists(yearFolder))
            return [];

        var files = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var selection in channels)
        {
            foreach (var network in Folders(yearFolder, selection.MatchesNetwork, selection.Network))
            {
                foreach (var station in Folders(network, selection.MatchesStation, selection.Station))
                {
                    foreach (var channelFolder in Directory.EnumerateDirectories(station, "*." + DataType))
                    {
                        var channel = System.IO.Path.GetFileName(channelFolder)[..^(DataType.Length + 1)];
                        if (!selection.MatchesChannel(channel))
                            continue;
                        foreach (var file in Directory.EnumerateFiles(channelFolder, "*" + suffix))
                        {
                            // NET.STA.LOC.CHAN.D.YEAR.DOY: the location is the third field, possibly empty.
                            var fields = System.IO.Path.GetFileName(file).Split('.');
                            if (fields.Length == 7 && selection.MatchesLocation(fields[2]))
                                files.Add(file);
                        }
                    }
                }
            }
        }
        return files;
    }

    /// <summary>Sub-folders of <paramref name="parent"/> whose name the pattern accepts; a literal pattern is looked up, not listed.</summary>
    private static IEnumerable<string> Folders(string parent, Func<string, bool> matches, string pattern)
    {
        if (!pattern.Contains('*', StringComparison.Ordinal) && !pattern.Contains('?', StringComparison.Ordinal))
        {
            var exact = System.IO.Path.Combine(parent, pattern);
            return Directory.Exists(exact) ? [exact] : [];
        }
        return Directory.EnumerateDirectories(parent).Where(folder => matches(System.IO.Path.GetFileName(folder)));
    }

    public void Dispose()
    {
    }
}
