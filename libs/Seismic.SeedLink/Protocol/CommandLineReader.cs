using System.Text;

namespace Seismic.SeedLink.Protocol;

/// <summary>
/// Reads command lines as SeedLink clients send them: ended by CR, LF or CR LF. A line ended by a lone CR is
/// returned at once (libslink ends protocol 4 commands so and then waits for the answer); an LF that follows
/// is skipped when it comes. StreamReader would wait for the byte after a CR, and so would never answer the
/// last command of a batch.
/// </summary>
public sealed class CommandLineReader(Stream stream, int maximumLineBytes = 4096)
{
    private readonly byte[] _buffer = new byte[1024];
    private int _start;
    private int _end;
    private bool _skipLineFeed;

    /// <summary>The next line without its ending; null when the stream ends.</summary>
    /// <exception cref="SeedLinkProtocolException">A line longer than the limit.</exception>
    public async Task<string?> ReadLineAsync(CancellationToken cancellationToken)
    {
        var line = new StringBuilder();
        while (true)
        {
            if (_start == _end)
            {
                _start = 0;
                _end = await stream.ReadAsync(_buffer, cancellationToken);
                if (_end == 0)
                    return line.Length > 0 ? line.ToString() : null;
            }
            var b = _buffer[_start++];
            if (_skipLineFeed)
            {
                _skipLineFeed = false;
                if (b == '\n')
                    continue;
            }
            if (b == '\r' || b == '\n')
            {
                _skipLineFeed = b == '\r';
                return line.ToString();
            }
            if (line.Length >= maximumLineBytes)
                throw new SeedLinkProtocolException($"a command line longer than {maximumLineBytes} bytes");
            line.Append((char)b);
        }
    }
}
