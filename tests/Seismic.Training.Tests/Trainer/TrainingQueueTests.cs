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
        var claim = restarted.ClaimNext();

        Assert.NotNull(claim);
        Assert.Equal(command.TrainingId, claim.Command.TrainingId);
        Assert.Equal("2", claim.Command.ConfigOverrides["optimizer.max_epochs"]);
        restarted.Finish(claim);
        Assert.Null(restarted.ClaimNext());
    }

    [Fact]
    public void Should_finish_a_command_whose_file_an_operator_removed_while_it_trained()
    {
        var queue = new TrainingQueue(_folder);
        queue.TryEnqueue(Command("removed"));
        queue.TryEnqueue(Command("next"));
        var claim = queue.ClaimNext()!;

        File.Delete(claim.Path);

        Assert.False(queue.Finish(claim));
        Assert.Equal("next", queue.ClaimNext()!.Command.ModelName);
    }

    [Fact]
    public void Should_recognise_a_repeated_command_whether_pending_or_finished()
    {
        var queue = new TrainingQueue(_folder);
        var command = Command("again");

        Assert.True(queue.TryEnqueue(command));
        Assert.False(queue.TryEnqueue(command));
        queue.Finish(queue.ClaimNext()!);
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

        var claim = queue.ClaimNext()!;
        Assert.Equal(first.TrainingId, claim.Command.TrainingId);
        queue.Finish(claim);
        using var next = queue.ClaimNext()!;
        Assert.Equal(second.TrainingId, next.Command.TrainingId);
    }

    [Fact]
    public void Should_let_only_one_of_two_trainers_on_one_folder_train_a_command()
    {
        var first = Command("first");
        var second = Command("second");
        var hostA = new TrainingQueue(_folder);
        var hostB = new TrainingQueue(_folder);
        hostA.TryEnqueue(first);
        hostA.TryEnqueue(second);

        using var claimedByA = hostA.ClaimNext()!;
        using var claimedByB = hostB.ClaimNext()!;

        Assert.Equal(first.TrainingId, claimedByA.Command.TrainingId);
        Assert.Equal(second.TrainingId, claimedByB.Command.TrainingId);
        Assert.Null(hostB.ClaimNext());
    }

    [Fact]
    public void Should_hand_a_command_to_another_trainer_when_its_trainer_dies_before_finishing_it()
    {
        var command = Command("interrupted");
        var hostA = new TrainingQueue(_folder);
        var hostB = new TrainingQueue(_folder);
        hostA.TryEnqueue(command);
        var claimedByA = hostA.ClaimNext()!;
        Assert.Null(hostB.ClaimNext());

        claimedByA.Dispose(); // what the operating system does with the lock of a process that exits

        using var claimedByB = hostB.ClaimNext();
        Assert.Equal(command.TrainingId, claimedByB?.Command.TrainingId);
    }

    [Fact]
    public void Should_set_aside_a_file_that_is_not_a_command_and_go_on_with_the_next()
    {
        var queue = new TrainingQueue(_folder);
        var command = Command("after-junk");
        File.WriteAllText(Path.Combine(_folder, "pending", "0000000000000000001-junk.json"), "{ not json");
        queue.TryEnqueue(command);

        var error = Assert.Throws<InvalidDataException>(() => queue.ClaimNext());
        using var claim = queue.ClaimNext();

        Assert.Contains("0000000000000000001-junk.json", error.Message);
        Assert.True(File.Exists(Path.Combine(_folder, "rejected", "0000000000000000001-junk.json")));
        Assert.Equal(command.TrainingId, claim?.Command.TrainingId);
    }
}
