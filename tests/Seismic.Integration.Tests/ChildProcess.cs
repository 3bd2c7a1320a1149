using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Seismic.Integration.Tests;

/// <summary>
/// A Seismic program started as a real operating-system process, its output captured, stoppable with
/// the signals an operator or an orchestrator sends (SIGINT for Ctrl-C, SIGTERM for a stop).
/// </summary>
internal sealed class ChildProcess : IAsyncDisposable
{
    private const int SignalInterrupt = 2;
    private const int SignalTerminate = 15;

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private ChildProcess(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, line) => { if (line.Data is not null) _output.Enqueue(line.Data); };
        _process.ErrorDataReceived += (_, line) => { if (line.Data is not null) _output.Enqueue(line.Data); };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public string Output => string.Join(Environment.NewLine, _output);

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    public static ChildProcess Start(string program, string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var dll = RepositoryLayout.ProgramDll(program);
        if (!File.Exists(dll))
            throw new FileNotFoundException($"{dll} is not built; build the solution first (./build.sh build).", dll);

        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        foreach (var (key, value) in environment)
            start.Environment[key] = value;
        return new ChildProcess(Process.Start(start) ?? throw new InvalidOperationException($"Could not start {dll}"));
    }

    /// <summary>Waits until a line of output contains <paramref name="text"/>; fails with the output so far if it does not.</summary>
    public async Task WaitForOutput(string text, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_output.Any(line => line.Contains(text, StringComparison.Ordinal)))
                return;
            if (_process.HasExited)
                break;
            await Task.Delay(100);
        }
        throw new TimeoutException($"'{text}' did not appear within {timeout.TotalSeconds:F0} s (exited: {_process.HasExited}). Output:{Environment.NewLine}{Output}");
    }

    public void Interrupt() => Signal(SignalInterrupt);

    public void Terminate() => Signal(SignalTerminate);

    /// <summary>Waits for the process to end; returns false if it is still running after <paramref name="timeout"/>.</summary>
    public async Task<bool> WaitForExit(TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancellation.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            Terminate();
            if (!await WaitForExit(TimeSpan.FromSeconds(10)))
                _process.Kill(entireProcessTree: true);
        }
        _process.Dispose();
    }

    private void Signal(int signal)
    {
        if (kill(_process.Id, signal) != 0)
            throw new InvalidOperationException($"kill({_process.Id}, {signal}) failed with errno {Marshal.GetLastPInvokeError()}");
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int signal);
}
