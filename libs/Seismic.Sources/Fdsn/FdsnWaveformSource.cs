using Seismic.Waveforms.Selection;

namespace Seismic.Sources.Fdsn;

/// <summary>
/// An FDSN dataselect service as a waveform source (<c>fdsnws://host[:port]</c> or an <c>http(s)://</c> base
/// URL): each read is one POST of the selection, retried on transient failures; the records come back whole.
/// </summary>
public sealed class FdsnWaveformSource : IWaveformSource
{
    private readonly FdsnClient _client;

    /// <param name="address">The address as the user wrote it; see <see cref="FdsnEndpoint.Parse"/>.</param>
    /// <param name="options">Timeouts and retries; null for <see cref="FdsnClientOptions.Default"/>.</param>
    /// <exception cref="WaveformSourceException">The address is not a valid FDSN address, or the options cannot be used.</exception>
    public FdsnWaveformSource(string address, FdsnClientOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(address);
        Address = address;
        try
        {
            _client = new FdsnClient(FdsnEndpoint.Parse(address), options);
        }
        catch (Exception invalid) when (invalid is FormatException or ArgumentException)
        {
            throw new WaveformSourceException(invalid.Message, invalid);
        }
    }

    public string Address { get; }

    /// <summary>The service node the address resolved to.</summary>
    public FdsnEndpoint Endpoint => _client.Endpoint;

    public async Task<WaveformRead> ReadAsync(IReadOnlyList<ChannelSelection> channels, DateTime startUtc, DateTime endUtc, CancellationToken cancellationToken = default)
    {
        var records = await _client.DataselectAsync(channels, startUtc, endUtc, cancellationToken).ConfigureAwait(false);
        return records.Length == 0 ? WaveformRead.Empty : new WaveformRead(records, []);
    }

    public void Dispose() => _client.Dispose();
}
