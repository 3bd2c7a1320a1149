using System.Text.Json;
using Seismic.Contracts.Training;

namespace Seismic.Trainer.Processing;

/// <summary>
/// Training commands handed off from the bus to the trainer's own folder, so the message is acknowledged at
/// once and training (minutes to hours) never holds a message lock. The folder is the durable state: a job
/// interrupted by a restart is still pending and runs again, and a redelivered or repeated command whose id
/// is pending or finished is recognised instead of trained twice.
/// </summary>
public sealed class TrainingQueue
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };
    private readonly string _pending;
    private readonly string _finished;
    private readonly SemaphoreSlim _arrived = new(0);
    private readonly Lock _gate = new();
    private long _lastTicks;

    public TrainingQueue(string folder)
    {
        _pending = Path.Combine(folder, "pending");
        _finished = Path.Combine(folder, "finished");
        Directory.CreateDirectory(_pending);
        Directory.CreateDirectory(_finished);
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

    /// <summary>The oldest pending command, or null when there is none.</summary>
    public TrainModel? Peek()
    {
        lock (_gate)
        {
            var oldest = Directory.EnumerateFiles(_pending, "*.json").Order(StringComparer.Ordinal).FirstOrDefault();
            return oldest is null ? null : JsonSerializer.Deserialize<TrainModel>(File.ReadAllText(oldest), Json);
        }
    }

    /// <summary>Moves the command to the finished ones, whatever the outcome; it will not run again.</summary>
    public void Finish(Guid trainingId)
    {
        lock (_gate)
        {
            if (Find(_pending, trainingId) is { } pending)
                File.Move(pending, Path.Combine(_finished, Path.GetFileName(pending)), overwrite: true);
        }
    }

    /// <summary>Waits until a command is enqueued in this process, or the timeout passes.</summary>
    public Task WaitForWorkAsync(TimeSpan timeout, CancellationToken cancellation) => _arrived.WaitAsync(timeout, cancellation);

    private static string? Find(string folder, Guid trainingId) =>
        Directory.EnumerateFiles(folder, $"*-{trainingId:N}.json").FirstOrDefault();
}
