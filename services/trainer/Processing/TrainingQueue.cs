using System.Text.Json;
using Seismic.Contracts.Training;

namespace Seismic.Trainer.Processing;

/// <summary>
/// Training commands handed off from the bus to the trainer's own folder, so the message is acknowledged at
/// once and training (minutes to hours) never holds a message lock. The folder is the durable state: a job
/// interrupted by a restart is still pending and runs again, and a redelivered or repeated command whose id
/// is pending or finished is recognised instead of trained twice. Trainers claim commands (<see cref="ClaimNext"/>),
/// so several may share the folder.
/// </summary>
public sealed class TrainingQueue
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };
    private readonly string _pending;
    private readonly string _finished;
    private readonly string _rejected;
    private readonly SemaphoreSlim _arrived = new(0);
    private readonly Lock _gate = new();
    private long _lastTicks;

    public TrainingQueue(string folder)
    {
        _pending = Path.Combine(folder, "pending");
        _finished = Path.Combine(folder, "finished");
        _rejected = Path.Combine(folder, "rejected");
        Directory.CreateDirectory(_pending);
        Directory.CreateDirectory(_finished);
        Directory.CreateDirectory(_rejected);
    }

    /// <summary>Stores the command; false when a command with its id is already pending or finished.</summary>
    public bool TryEnqueue(TrainModel command)
    {
        lock (_gate)
        {
            if (Find(_pending, command.TrainingId) is not null || Find(_finished, command.TrainingId) is not null)
                return false;
            // The name starts with the arrival time, so the folder lists commands in their order of arrival.
            _lastTicks = Math.Max(DateTime.UtcNow.Ticks, _lastTicks + 1);
            var name = $"{_lastTicks:D19}-{command.TrainingId:N}.json";
            // Written under another name and renamed, so a crash never leaves half a command to be read back.
            var temporary = Path.Combine(_pending, name + ".tmp");
            File.WriteAllText(temporary, JsonSerializer.Serialize(command, Json));
            File.Move(temporary, Path.Combine(_pending, name));
        }
        _arrived.Release();
        return true;
    }

    /// <summary>
    /// Claims the oldest pending command no other trainer is training, or returns null when there is none. The
    /// claim is an exclusive lock on the command's file (FileShare.None, an flock on Linux) held until the claim
    /// is disposed: a second trainer host on the same folder, or a second job loop, skips it, and the operating
    /// system drops the lock when a trainer dies, so the command is claimed again after a crash.
    /// </summary>
    /// <exception cref="InvalidDataException">The oldest unclaimed file is not a command; it has been moved to rejected/, and the next call goes on.</exception>
    public TrainingClaim? ClaimNext()
    {
        lock (_gate)
        {
            foreach (var path in Directory.EnumerateFiles(_pending, "*.json").Order(StringComparer.Ordinal))
            {
                FileStream file;
                try
                {
                    file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.None);
                }
                catch (IOException)
                {
                    // Locked by the trainer training it, or moved to finished/ since the listing.
                    continue;
                }
                try
                {
                    return new TrainingClaim(JsonSerializer.Deserialize<TrainModel>(file, Json)!, path, file);
                }
                catch (JsonException error)
                {
                    // Not written by TryEnqueue (it renames complete files only): set aside, or every claim would stop here.
                    file.Dispose();
                    var rejected = Path.Combine(_rejected, Path.GetFileName(path));
                    File.Move(path, rejected, overwrite: true);
                    throw new InvalidDataException($"The queued training command {path} is not a readable TrainModel ({error.Message}); it was moved to {rejected}.", error);
                }
            }
            return null;
        }
    }

    /// <summary>
    /// Moves the claimed command to the finished ones, whatever the outcome (it will not run again), and releases
    /// the claim. Returns false when the command's file was gone (an operator removed it while it trained).
    /// </summary>
    public bool Finish(TrainingClaim claim)
    {
        lock (_gate)
        {
            // Moved while still locked, so no other trainer can claim it between the release and the move. A file
            // removed meanwhile leaves nothing to move, and must not stop the trainer.
            var present = File.Exists(claim.Path);
            if (present)
                File.Move(claim.Path, Path.Combine(_finished, Path.GetFileName(claim.Path)), overwrite: true);
            claim.Dispose();
            return present;
        }
    }

    /// <summary>Waits until a command is enqueued in this process, or the timeout passes.</summary>
    public Task WaitForWorkAsync(TimeSpan timeout, CancellationToken cancellation) => _arrived.WaitAsync(timeout, cancellation);

    private static string? Find(string folder, Guid trainingId) =>
        Directory.EnumerateFiles(folder, $"*-{trainingId:N}.json").FirstOrDefault();
}

/// <summary>A pending command one trainer is training; see <see cref="TrainingQueue.ClaimNext"/>. Disposing it without <see cref="TrainingQueue.Finish"/> leaves the command pending.</summary>
public sealed class TrainingClaim(TrainModel command, string path, FileStream file) : IDisposable
{
    public TrainModel Command { get; } = command;

    /// <summary>The command's file in pending/.</summary>
    public string Path { get; } = path;

    public void Dispose() => file.Dispose();
}
