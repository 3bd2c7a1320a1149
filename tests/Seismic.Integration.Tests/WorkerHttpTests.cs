using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Seismic.Contracts.Classification;

namespace Seismic.Integration.Tests;

/// <summary>A worker process serves its health, liveness and metrics over HTTP on the address its environment names.</summary>
[Collection(RabbitMqCollection.Name)]
public sealed partial class WorkerHttpTests
{
    private static readonly TimeSpan Startup = TimeSpan.FromSeconds(60);

    [GeneratedRegex(@"Health served at (?<url>http://\S+)/health ")]
    private static partial Regex HealthLine();

    /// <summary>The address the worker logged once it listened (the port is the system's pick: URLS=http://127.0.0.1:0).</summary>
    private static async Task<Uri> BoundAddress(ChildProcess process)
    {
        await process.WaitForOutput("Health served at", Startup);
        var match = HealthLine().Match(process.Output);
        Assert.True(match.Success, process.Output);
        var address = new Uri(match.Groups["url"].Value);
        Assert.NotEqual(0, address.Port);
        return address;
    }

    [Fact]
    public async Task Should_serve_health_liveness_and_metrics_on_the_port_the_system_picked()
    {
        using var environment = new WorkerEnvironment();
        await using var process = environment.Start("reporter");
        var address = await BoundAddress(process);
        await process.WaitForOutput("Service is healthy", Startup);
        using var http = new HttpClient { BaseAddress = address };

        using var health = await http.GetAsync("/health");
        var report = JsonDocument.Parse(await health.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal("Healthy", report.GetProperty("status").GetString());
        Assert.Equal("Healthy", report.GetProperty("checks").GetProperty("masstransit-bus").GetProperty("status").GetString());
        Assert.Equal("Healthy", report.GetProperty("checks").GetProperty("reports-folder").GetProperty("status").GetString());

        using var live = await http.GetAsync("/health/live");
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal("Healthy", JsonDocument.Parse(await live.Content.ReadAsStringAsync()).RootElement.GetProperty("status").GetString());

        // Instruments appear in /metrics once they measured something: give the reporter one (empty) segment.
        await using (var publisher = await Publisher.Start(environment))
        {
            await publisher.Bus.Publish(new WindowsClassified
            {
                SegmentId = "ARCES_20240305T091000.000Z_20240305T091500.000Z",
                ArrayCode = "ARCES",
                Model = new ModelIdentity { Name = "tiny", Version = 1, Sha256 = "" },
                WindowLengthSeconds = 240,
                WindowStepSeconds = 5,
                Windows = [],
            });
        }
        var metrics = "";
        // The lag is recorded when the consumption starts, MassTransit's consume counter when it ends and its receive
        // duration after that (the message is acknowledged first): wait for all three.
        string[] instruments = ["seismic_message_lag", "messaging_masstransit_consume_ea_total", "messaging_masstransit_receive_duration_milliseconds_bucket"];
        for (var deadline = DateTime.UtcNow + Startup;
             DateTime.UtcNow < deadline && !instruments.All(name => metrics.Contains(name, StringComparison.Ordinal));
             await Task.Delay(500))
            metrics = await http.GetStringAsync("/metrics");
        Assert.Matches(@"(?m)^seismic_message_lag\w*\{[^}]*message_type=""WindowsClassified""", metrics);
        // MassTransit's own instruments: messages received and consumed per endpoint and type, their durations.
        Assert.Matches(@"(?m)^messaging_masstransit_consume_ea_total\{[^}]*messaging_masstransit_message_type=""WindowsClassified""[^}]*\} 1$", metrics);
        Assert.Contains("messaging_masstransit_receive_duration_milliseconds_bucket", metrics);
    }

    [Fact]
    public async Task Should_report_a_classifier_without_a_model_as_degraded_and_ready()
    {
        using var environment = new WorkerEnvironment();
        await using var process = environment.Start("classifier");
        var address = await BoundAddress(process);
        await process.WaitForOutput("Service is healthy but degraded", Startup);
        using var http = new HttpClient { BaseAddress = address };

        using var health = await http.GetAsync("/health");
        var report = JsonDocument.Parse(await health.Content.ReadAsStringAsync()).RootElement;

        // Degraded is still ready: 200, so an orchestrator keeps it running while it waits for ModelPublished.
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal("Degraded", report.GetProperty("status").GetString());
        var model = report.GetProperty("checks").GetProperty("classifier-model");
        Assert.Equal("Degraded", model.GetProperty("status").GetString());
        Assert.Contains("no model loaded", model.GetProperty("description").GetString());
        Assert.Equal("arces-compact latest", model.GetProperty("data").GetProperty("wanted").GetString());
        Assert.Equal("Healthy", report.GetProperty("checks").GetProperty("masstransit-bus").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Should_answer_503_naming_the_check_when_the_reporter_cannot_write_its_reports()
    {
        using var environment = new WorkerEnvironment();
        // A file where the reports folder should be, as on a lost mount.
        Directory.CreateDirectory(Path.GetDirectoryName(environment.ReportsFolder)!);
        await File.WriteAllTextAsync(environment.ReportsFolder, "not a folder");
        await using var process = environment.Start("reporter");
        var address = await BoundAddress(process);
        await process.WaitForOutput("Service is Unhealthy", Startup);
        using var http = new HttpClient { BaseAddress = address };

        // Not ready (an orchestrator takes it out of service), yet alive: a restart would not mend the mount.
        using var health = await http.GetAsync("/health");
        var report = JsonDocument.Parse(await health.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        Assert.Equal("Unhealthy", report.GetProperty("status").GetString());
        var reports = report.GetProperty("checks").GetProperty("reports-folder");
        Assert.Equal("Unhealthy", reports.GetProperty("status").GetString());
        Assert.Contains(environment.ReportsFolder, reports.GetProperty("description").GetString());
        Assert.Equal("Healthy", report.GetProperty("checks").GetProperty("masstransit-bus").GetProperty("status").GetString());
        using var live = await http.GetAsync("/health/live");
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
    }
}
