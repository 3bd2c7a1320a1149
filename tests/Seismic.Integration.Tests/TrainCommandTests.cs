using Seismic.TestSupport;

namespace Seismic.Integration.Tests;

/// <summary>`seismic train` without a broker: the trainer runs in the command's own process on the in-memory bus.</summary>
public sealed class TrainCommandTests
{
    private static async Task<ChildProcess> Train(WorkerEnvironment environment, string dataset, string architecture)
    {
        var process = environment.Start("cli", "train", "--dataset", dataset, "--architecture", architecture, "--name", "cli-trained",
            "--set", "window.length_s=10", "--set", "window.p_position_s=3", "--set", "optimizer.max_epochs=2", "--set", "optimizer.batch_size=16");
        Assert.True(await process.WaitForExit(TimeSpan.FromMinutes(3)), process.Output);
        return process;
    }

    [Fact]
    public async Task Should_train_in_process_show_each_epoch_and_register_the_model()
    {
        using var environment = WorkerEnvironment.WithoutBroker();
        var dataset = TinyDatasets.Write(Path.Combine(environment.Folder, "tiny"), perClass: 8, samples: 401);

        await using var train = await Train(environment, dataset, "compact");

        Assert.Equal(0, train.ExitCode);
        Assert.Contains("epoch 1/2", train.Output);
        Assert.Contains("epoch 2/2", train.Output);
        Assert.Contains("Published cli-trained v1 (compact)", train.Output);
        Assert.True(File.Exists(Path.Combine(environment.Folder, "models", "cli-trained", "v1", "model.onnx")));
    }

    [Fact]
    public async Task Should_exit_1_with_the_reason_when_the_architecture_is_unknown()
    {
        using var environment = WorkerEnvironment.WithoutBroker();
        var dataset = TinyDatasets.Write(Path.Combine(environment.Folder, "tiny"), perClass: 2, samples: 401);

        await using var train = await Train(environment, dataset, "lstm");

        Assert.Equal(1, train.ExitCode);
        Assert.Contains("Training failed", train.Output);
        Assert.Contains("'lstm'", train.Output);
        Assert.False(Directory.Exists(Path.Combine(environment.Folder, "models", "cli-trained")));
    }
}
