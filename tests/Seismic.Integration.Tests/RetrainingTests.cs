using System.Globalization;
using Seismic.TestSupport;
using Xunit.Abstractions;

namespace Seismic.Integration.Tests;

/// <summary>
/// Retraining while the pipeline runs: the five worker processes of deploy/local/up.sh backfill, `seismic train
/// --rabbitmq` publishes a TrainModel, the trainer process trains and publishes a new version, and the running
/// classifier switches to it without a restart; every row names the version that made it. In the broker
/// collection, which runs alone.
/// </summary>
[Collection(RabbitMqCollection.Name)]
public sealed class RetrainingTests(SimulatedHour hour, ITestOutputHelper output) : IClassFixture<SimulatedHour>
{
    private static string At(int minutes) => SimulatedHour.StartUtc.AddMinutes(minutes).ToString("O", CultureInfo.InvariantCulture);

    [Fact]
    public async Task Should_switch_the_running_classifier_to_the_retrained_model_and_name_each_rows_version()
    {
        using var environment = WorkerEnvironment.WithoutBroker();
        await BackfillCommandTests.ImportModel(environment);
        await using var deployment = await LocalDeployment.Up(environment);
        var classifierPid = deployment.Pid("classifier");

        await Backfill(environment, deployment, At(5), At(55));
        var before = environment.ReportLines("windows.csv");

        // A dataset whose windows are the configured ones (240 s at 40 Hz), trained for one epoch by the trainer process.
        var dataset = TinyDatasets.Write(Path.Combine(environment.Folder, "tiny"), perClass: 8, samples: 9601);
        await using (var train = environment.Start("cli", "train", "--rabbitmq", deployment.BrokerUri, "--wait", "--dataset", dataset,
            "--architecture", "compact", "--name", "arces-compact", "--set", "optimizer.max_epochs=1", "--set", "optimizer.batch_size=8"))
        {
            Assert.True(await train.WaitForExit(TimeSpan.FromMinutes(5)), train.Output + deployment.Logs());
            Assert.True(train.ExitCode == 0, train.Output + deployment.Logs());
            Assert.Contains("arces-compact v2", train.Output, StringComparison.Ordinal);
        }
        var switched = DateTime.UtcNow.AddSeconds(30);
        while (!deployment.Log("classifier").Contains("Classifying with arces-compact v2", StringComparison.Ordinal))
        {
            Assert.True(DateTime.UtcNow < switched, "the classifier did not switch to v2 within 30 s of its publication" + deployment.Logs());
            await Task.Delay(200);
        }

        // The same interval again: the new version's rows are new rows (a row's key names its model version).
        await Backfill(environment, deployment, At(5), At(55));
        var after = environment.ReportLines("windows.csv").Except(before).ToList();

        Assert.Equal(classifierPid, deployment.Pid("classifier"));
        Assert.True(LocalDeployment.IsRunning(classifierPid), "the classifier was restarted");
        Assert.NotEmpty(before);
        Assert.NotEmpty(after);
        Assert.All(before, row => Assert.EndsWith(",arces-compact,1,", WithoutKey(row), StringComparison.Ordinal));
        Assert.All(after, row => Assert.EndsWith(",arces-compact,2,", WithoutKey(row), StringComparison.Ordinal));
        // Each event names a version that classified its segment's windows (events.csv: model_version is column 18,
        // segment_id 19); the hour's blast was found by v1.
        var versionOfSegment = environment.ReportLines("windows.csv").Select(row => row.Split(',')).ToLookup(cells => cells[0], cells => cells[8]);
        var events = environment.ReportLines("events.csv").Select(row => row.Split(',')).ToList();
        Assert.Contains(events, cells => cells[18] == "1");
        Assert.All(events, cells => Assert.Contains(cells[18], versionOfSegment[cells[19]]));
        output.WriteLine($"{before.Count} windows by v1, then {after.Count} by v2 in the same classifier process (pid {classifierPid}); events by version: " +
            string.Join(", ", events.GroupBy(cells => cells[18]).Select(g => $"v{g.Key}: {g.Count()}")));
    }

    private async Task Backfill(WorkerEnvironment environment, LocalDeployment deployment, string start, string end)
    {
        await using var backfill = environment.Start("cli", "backfill", "--rabbitmq", deployment.BrokerUri, "--start", start, "--end", end,
            "--source", "sds://" + hour.ArchivePath, "--inventory", hour.InventoryPath);
        Assert.True(await backfill.WaitForExit(TimeSpan.FromMinutes(3)), backfill.Output + deployment.Logs());
        Assert.True(backfill.ExitCode == 0, backfill.Output + deployment.Logs());
    }

    /// <summary>The row up to its last column (the key), which ends "...,model,model_version,".</summary>
    private static string WithoutKey(string row) => row[..(row.LastIndexOf(',') + 1)];
}
