using Seismic.Cli.ErrorQueues;

namespace Seismic.Cli.Tests;

public sealed class WorkerEndpointsTests
{
    [Fact]
    public void Should_name_the_queues_the_workers_consume_as_the_bus_names_them()
    {
        // The names operators and deploy scripts know; a renamed consumer would move its queue and strand its messages.
        Assert.Equal(
            ["backfill-interval", "beams-formed", "continue-backfill", "event-classified", "event-evidence-gathered", "train-model", "waveform-segment-ingested", "windows-classified"],
            WorkerEndpoints.Durable.Select(endpoint => endpoint.Queue));
    }

    [Fact]
    public void Should_leave_out_the_classifier_s_per_instance_model_queue()
    {
        var model = Assert.Single(WorkerEndpoints.All, endpoint => endpoint.Temporary);

        Assert.Equal(("classifier", "ModelPublishedConsumer"), (model.Worker, model.Consumer));
        Assert.Null(WorkerEndpoints.Named("model-published"));
    }

    [Theory]
    [InlineData("beams-formed")]
    [InlineData("beams-formed_error")]
    public void Should_accept_a_queue_or_its_error_queue(string name) =>
        Assert.Equal("beams-formed", WorkerEndpoints.Named(name)?.Queue);
}
