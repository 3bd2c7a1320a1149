using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using RabbitMQ.Client;
using Xunit.Abstractions;

namespace Seismic.Integration.Tests;

/// <summary>
/// What an operator fears, on the five worker processes deployed by deploy/local/up.sh over a real broker: a stage
/// killed mid-backfill, the broker restarted, a corrupt message, two classifiers on one queue. Each backfill must
/// end with the rows of the same backfill run in one process, row for row: nothing lost, nothing doubled.
/// Segments are shortened (720 s every 240 s, in both runs) so the simulated interval has 13 of them and each
/// failure lands with work still to do. In the broker collection, which runs alone.
/// </summary>
[Collection(RabbitMqCollection.Name)]
public sealed partial class FaultToleranceTests(FaultToleranceTests.Reference reference, ITestOutputHelper output) : IClassFixture<FaultToleranceTests.Reference>
{
    private static readonly TimeSpan BackfillTimeout = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task Should_lose_and_double_nothing_when_the_beamformer_then_the_classifier_then_the_reporter_is_killed_mid_backfill()
    {
        using var environment = await Reference.Prepare();
        await using var deployment = await LocalDeployment.Up(environment);
        await using var backfill = reference.StartBackfill(environment, deployment);

        // Each stage is killed once it has done some of its work, and started again by up.sh; the backfill still
        // has segments to go each time (checked), so each stage dies with messages in hand or waiting for it.
        var killedWhileReported = new List<(string Stage, int Reported)>();
        foreach (var (stage, progress) in new[] { ("beamformer", BeamsFormedLine()), ("classifier", ClassifiedLine()) })
        {
            var before = progress.Count(deployment.Log(stage));
            await WaitUntil(() => progress.Count(deployment.Log(stage)) > before, $"the {stage} to handle a segment", deployment, backfill);
            await deployment.Kill(stage);
            killedWhileReported.Add((stage, Reported(environment)));
            if (stage == "beamformer")
                await deployment.UpAgain();
        }

        // The classifier's restart is not awaited before the reporter dies: up.sh returns once the classifier
        // reports healthy, and by then it may have worked off its whole backlog and left the reporter nothing to
        // do. The reporter is killed as soon as it writes rows after the classifier's death instead, while the
        // classifier still has segments to go.
        var classifierBack = deployment.UpAgain();
        await WaitUntil(() => Reported(environment) > killedWhileReported[^1].Reported, "the reporter to write a segment's rows after the classifier restarted", deployment, backfill);
        await deployment.Kill("reporter");
        killedWhileReported.Add(("reporter", Reported(environment)));
        await classifierBack;
        await deployment.UpAgain();

        await reference.AssertSameRows(environment, deployment, backfill);
        output.WriteLine(string.Join(", ", killedWhileReported.Select(kill => $"{kill.Stage} killed with {kill.Reported} of {reference.Segments} segments reported")));
        Assert.All(killedWhileReported, kill => Assert.True(kill.Reported < reference.Segments,
            $"the {kill.Stage} was killed after every segment was reported ({kill.Reported} of {reference.Segments}): not mid-way"));
    }

    [Fact]
    public async Task Should_complete_the_backfill_when_the_broker_restarts_mid_way()
    {
        using var environment = await Reference.Prepare();
        await using var deployment = await LocalDeployment.Up(environment);
        await using var backfill = reference.StartBackfill(environment, deployment);

        await WaitUntil(() => Reported(environment) > 0, "the first segment's rows", deployment, backfill);
        var reportedAtRestart = Reported(environment);
        await deployment.RestartBroker();

        await reference.AssertSameRows(environment, deployment, backfill);
        output.WriteLine($"broker restarted with {reportedAtRestart} of {reference.Segments} segments reported");
        Assert.True(reportedAtRestart < reference.Segments, $"the broker restarted after every segment was reported ({reportedAtRestart}): not mid-way");
    }

    [Fact]
    public async Task Should_park_corrupt_messages_in_the_error_queue_with_their_reason_and_complete_the_rest()
    {
        using var environment = await Reference.Prepare();
        await using var deployment = await LocalDeployment.Up(environment);

        // Two messages no beamformer can read: a body cut short, and a segment whose waveforms (its claim check)
        // are not in the store the workers share.
        var factory = new ConnectionFactory { Uri = new Uri(deployment.BrokerUri) };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        const string exchange = "Seismic.Contracts.Ingest:WaveformSegmentIngested";
        var truncated = Encoding.UTF8.GetBytes("{\"messageId\":\"" + Guid.NewGuid() + "\",\"messageType\":[\"urn:message:" + exchange + "\"],\"message\":{\"segmentId\":\"ARC");
        await channel.BasicPublishAsync(exchange, "", false, new BasicProperties { ContentType = "application/vnd.masstransit+json", Persistent = true }, truncated);
        await using (var elsewhere = await Publisher.Start(environment, deployment.BrokerUri))
        {
            // This publisher's claim-check folder is the test's own, not the deployment's.
            await elsewhere.Bus.Publish(new Contracts.Ingest.WaveformSegmentIngested
            {
                SegmentId = "ARCES_20240304T090000.000Z_20240304T091200.000Z",
                ArrayCode = "ARCES",
                StartUtc = SimulatedHour.StartUtc,
                EndUtc = SimulatedHour.StartUtc.AddMinutes(12),
                Channels = [],
                Waveforms = await elsewhere.PutBytes(new byte[16_384]),
            });
        }

        await using var backfill = reference.StartBackfill(environment, deployment);
        await reference.AssertSameRows(environment, deployment, backfill);

        var reasons = new List<string>();
        while (await channel.BasicGetAsync("waveform-segment-ingested_error", autoAck: true) is { } parked)
        {
            var headers = parked.BasicProperties.Headers ?? new Dictionary<string, object?>();
            Assert.True(headers.TryGetValue("MT-Fault-Message", out var reason), "a parked message without MT-Fault-Message");
            reasons.Add(Encoding.UTF8.GetString((byte[])reason!));
        }
        output.WriteLine(string.Join(Environment.NewLine, reasons));
        Assert.Equal(2, reasons.Count);
        Assert.Contains(reasons, reason => reason.Contains("BytePositionInLine", StringComparison.Ordinal));
        Assert.Contains(reasons, reason => reason.StartsWith("waveforms of segment ARCES_20240304T090000.000Z_20240304T091200.000Z: the claim-checked payload", StringComparison.Ordinal)
            && reason.Contains("cannot be read from the message-data store", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Should_share_the_segments_between_two_classifier_processes_without_doubling_a_row()
    {
        using var environment = await Reference.Prepare();
        await using var deployment = await LocalDeployment.Up(environment, "classifier=2");
        await using var backfill = reference.StartBackfill(environment, deployment);

        await reference.AssertSameRows(environment, deployment, backfill);
        var first = ClassifiedLine().Count(deployment.Log("classifier"));
        var second = ClassifiedLine().Count(deployment.Log("classifier-2"));
        output.WriteLine($"classifier: {first} segments, classifier-2: {second}");
        Assert.True(first > 0 && second > 0, $"one classifier did all the work: {first} and {second} segments{deployment.Logs()}");
        Assert.Equal(reference.Segments, first + second);
    }

    /// <summary>Segments whose windows are on disk (one windows.csv row per window; segments by their id column).</summary>
    private static int Reported(WorkerEnvironment environment) =>
        environment.ReportLines("windows.csv").Select(line => line.Split(',')[0]).Distinct(StringComparer.Ordinal).Count();

    private static async Task WaitUntil(Func<bool> condition, string what, LocalDeployment deployment, ChildProcess backfill)
    {
        var deadline = DateTime.UtcNow + BackfillTimeout;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline || backfill.HasExited)
                Assert.Fail($"waited in vain for {what}; backfill:{Environment.NewLine}{backfill.Output}{deployment.Logs()}");
            await Task.Delay(100);
        }
    }

    [GeneratedRegex(@"Segment \S+: beams at ")]
    private static partial Regex BeamsFormedLine();

    [GeneratedRegex(@"Segment \S+: \d+ windows, \d+ events")]
    private static partial Regex ClassifiedLine();

    /// <summary>
    /// The simulated hour, its interval backfilled once in one process (the rows every deployed run must match),
    /// and the settings both runs use.
    /// </summary>
    public sealed class Reference : IAsyncLifetime
    {
        private readonly SimulatedHour _hour = new();
        private WorkerEnvironment? _inProcess;

        private static string Start => SimulatedHour.StartUtc.AddMinutes(5).ToString("O", CultureInfo.InvariantCulture);

        private static string End => SimulatedHour.StartUtc.AddMinutes(55).ToString("O", CultureInfo.InvariantCulture);

        public List<string> EventRows { get; private set; } = [];

        public List<string> WindowRows { get; private set; } = [];

        public int Segments { get; private set; }

        public async Task InitializeAsync()
        {
            await _hour.InitializeAsync();
            _inProcess = await Prepare();
            await using var backfill = _inProcess.Start("cli", Arguments());
            Assert.True(await backfill.WaitForExit(BackfillTimeout), backfill.Output);
            Assert.True(backfill.ExitCode == 0, backfill.Output);
            EventRows = BackfillCommandTests.EventRows(_inProcess);
            WindowRows = WindowsWithoutRunColumns(_inProcess);
            Segments = Reported(_inProcess);
            Assert.NotEmpty(EventRows);
            Assert.True(Segments >= 10, $"{Segments} segments: too few for the failures to land mid-way");
        }

        /// <summary>A scratch environment with the model imported and the shorter segments.</summary>
        internal static async Task<WorkerEnvironment> Prepare()
        {
            var environment = WorkerEnvironment.WithoutBroker();
            await BackfillCommandTests.ImportModel(environment);
            var settings = File.ReadAllText(environment.ConfigFile);
            Assert.Contains("segment_length_s: 1200", settings, StringComparison.Ordinal);
            File.WriteAllText(environment.ConfigFile, settings.Replace("segment_length_s: 1200", "segment_length_s: 720", StringComparison.Ordinal));
            return environment;
        }

        internal ChildProcess StartBackfill(WorkerEnvironment environment, LocalDeployment deployment) =>
            environment.Start("cli", [.. Arguments(), "--rabbitmq", deployment.BrokerUri]);

        /// <summary>The followed backfill ends well and the deployment wrote the reference's rows, each once.</summary>
        internal async Task AssertSameRows(WorkerEnvironment environment, LocalDeployment deployment, ChildProcess backfill)
        {
            Assert.True(await backfill.WaitForExit(BackfillTimeout), backfill.Output + deployment.Logs());
            Assert.True(backfill.ExitCode == 0, backfill.Output + deployment.Logs());
            Assert.Contains("0 failed downstream", backfill.Output, StringComparison.Ordinal);
            Assert.Equal(EventRows, BackfillCommandTests.EventRows(environment));
            var windows = WindowsWithoutRunColumns(environment);
            Assert.Equal(windows.Count, windows.Distinct(StringComparer.Ordinal).Count());
            Assert.Equal(WindowRows.Order(StringComparer.Ordinal), windows.Order(StringComparer.Ordinal));
        }

        public Task DisposeAsync()
        {
            _inProcess?.Dispose();
            return _hour.DisposeAsync();
        }

        private string[] Arguments() => ["backfill", "--start", Start, "--end", End, "--source", "sds://" + _hour.ArchivePath, "--inventory", _hour.InventoryPath];

        /// <summary>windows.csv rows (no column names the run: the key is segment, window start and model).</summary>
        private static List<string> WindowsWithoutRunColumns(WorkerEnvironment environment) => environment.ReportLines("windows.csv");
    }
}
