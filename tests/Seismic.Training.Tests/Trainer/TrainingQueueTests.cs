using Seismic.Contracts.Training;
using Seismic.Trainer.Processing;

namespace Seismic.Training.Tests.Trainer;

public sealed class TrainingQueueTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("seismic-queue-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static TrainModel Command(string name) => new()
    {
        TrainingId = Guid.NewGuid(),
        DatasetPath = "/data/" + name,
        Architecture = "compact",
        ModelName = name,
        ConfigOverrides = new Dictionary<string, string> { ["optimizer.max_epochs"] = "2" },
        RequestedBy = "test",
        RequestedAtUtc = new DateTime(2026, 11, 24, 0, 0, 0, DateTimeKind.Utc),
    };

    [Fact]
    public void Should_keep_a_pending_command_across_a_restart_until_it_is_finished()
    {
        var command = Command("first");
        Assert.True(new TrainingQueue(_folder).TryEnqueue(command));

        var restarted = new TrainingQueue(_folder);
        var pending = restarted.Peek();

        Assert.NotNull(pending);
        Assert.Equal(command.TrainingId, pending.TrainingId);
        Assert.Equal("2", pending.ConfigOverrides["optimizer.max_epochs"]);
        restarted.Finish(command.TrainingId);
        Assert.Null(restarted.Peek());
    }

    [Fact]
    public void Should_recognise_a_repeated_command_whether_pending_or_finished()
    {
        var queue = new TrainingQueue(_folder);
        var command = Command("again");

        Assert.True(queue.TryEnqueue(command));
        Assert.False(queue.TryEnqueue(command));
        queue.Finish(command.TrainingId);
        Assert.False(queue.TryEnqueue(command));
    }

    [Fact]
    public void Should_hand_out_commands_in_the_order_they_arrived()
    {
        var queue = new TrainingQueue(_folder);
        var first = Command("first");
        var second = Command("second");
        queue.TryEnqueue(first);
        queue.TryEnqueue(second);

        Assert.Equal(first.TrainingId, queue.Peek()!.TrainingId);
        queue.Finish(first.TrainingId);
        Assert.Equal(second.TrainingId, queue.Peek()!.TrainingId);
    }
}
