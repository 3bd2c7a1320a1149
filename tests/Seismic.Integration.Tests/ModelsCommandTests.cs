using Seismic.TestSupport;

namespace Seismic.Integration.Tests;

/// <summary>`seismic models import` and `seismic models list` on a registry in the working folder.</summary>
public sealed class ModelsCommandTests
{
    private static async Task<ChildProcess> Seismic(WorkerEnvironment environment, params string[] arguments)
    {
        var process = environment.Start("cli", arguments);
        Assert.True(await process.WaitForExit(TimeSpan.FromSeconds(60)), process.Output);
        return process;
    }

    [Fact]
    public async Task Should_register_a_model_that_fits_the_contract_and_list_it()
    {
        using var environment = WorkerEnvironment.WithoutBroker();
        // The window length left open, as a tf2onnx conversion with a dynamic axis would be.
        var onnx = TinyModels.Write(environment.Folder, "converted", samples: "samples");

        await using var import = await Seismic(environment, "models", "import", onnx, "--name", "keras-alexnet");
        await using var list = await Seismic(environment, "models", "list");

        Assert.Equal(0, import.ExitCode);
        Assert.Contains("Registered keras-alexnet v1", import.Output);
        Assert.True(File.Exists(Path.Combine(environment.Folder, "models", "keras-alexnet", "v1", "model.json")));
        Assert.Contains("keras-alexnet", list.Output);
        Assert.Contains("9601 @ 40 Hz", list.Output);
    }

    [Fact]
    public async Task Should_refuse_a_model_made_for_another_window_and_say_why()
    {
        using var environment = WorkerEnvironment.WithoutBroker();
        var onnx = TinyModels.Write(environment.Folder, "short", samples: 4801L);

        await using var import = await Seismic(environment, "models", "import", onnx);

        Assert.Equal(1, import.ExitCode);
        Assert.Contains("4801", import.Output);
        Assert.False(Directory.Exists(Path.Combine(environment.Folder, "models")));
    }
}
