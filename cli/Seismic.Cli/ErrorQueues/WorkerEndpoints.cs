using System.Reflection;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Seismic.Beamformer;
using Seismic.Classifier;
using Seismic.Configuration;
using Seismic.Ingest;
using Seismic.Reporter;
using Seismic.Trainer;

namespace Seismic.Cli.ErrorQueues;

/// <summary>A receive endpoint of a worker: its queue and, where MassTransit moves what fails, <c>&lt;queue&gt;_error</c>.</summary>
/// <param name="Worker">The worker program (ingest, beamformer...) whose consumer reads the queue.</param>
/// <param name="Consumer">The consumer type the queue is named after.</param>
/// <param name="Queue">The input queue, as the kebab-case endpoint name formatter names it.</param>
/// <param name="Temporary">A per-instance queue (its name carries an instance id) that goes away with the instance.</param>
internal sealed record WorkerEndpoint(string Worker, string Consumer, string Queue, bool Temporary)
{
    public string ErrorQueue => Queue + "_error";

    public string SkippedQueue => Queue + "_skipped";
}

/// <summary>
/// The receive endpoints of Seismic's five workers, found from their consumer definitions the way the bus names
/// them (BusSetup sets the kebab-case formatter), so a new consumer is listed without anyone keeping a list.
/// </summary>
internal static class WorkerEndpoints
{
    private static readonly (string Worker, Assembly Assembly)[] Workers =
    [
        ("ingest", typeof(IngestWorker).Assembly),
        ("beamformer", typeof(BeamformerWorker).Assembly),
        ("classifier", typeof(ClassifierWorker).Assembly),
        ("trainer", typeof(TrainerWorker).Assembly),
        ("reporter", typeof(ReporterWorker).Assembly),
    ];

    public static IReadOnlyList<WorkerEndpoint> All { get; } = Find();

    /// <summary>The durable endpoints, whose _error queues outlive the process that filled them.</summary>
    public static IReadOnlyList<WorkerEndpoint> Durable => [.. All.Where(endpoint => !endpoint.Temporary)];

    /// <summary>The endpoint of a queue name as a user types it: the input queue or its _error queue.</summary>
    public static WorkerEndpoint? Named(string queue)
    {
        var input = queue.EndsWith("_error", StringComparison.Ordinal) ? queue[..^"_error".Length] : queue;
        return Durable.FirstOrDefault(endpoint => string.Equals(endpoint.Queue, input, StringComparison.Ordinal));
    }

    private static List<WorkerEndpoint> Find()
    {
        var formatter = KebabCaseEndpointNameFormatter.Instance;
        // Definitions take their settings through the container. Endpoint names do not depend on them; this
        // provider only lets the definitions be built (every optional consumer included, EventGifs on).
        using var services = new ServiceCollection()
            .AddSingleton(new ReportSettings { EventGifs = true, PictureConcurrency = 1, DayPictures = false, DayPicturesIntervalS = 60 })
            .BuildServiceProvider();
        IConsumerDefinition Create(Type definition) => (IConsumerDefinition)ActivatorUtilities.CreateInstance(services, definition);
        var endpoints = new List<WorkerEndpoint>();
        foreach (var (worker, assembly) in Workers)
        {
            var definitions = assembly.GetTypes()
                .Where(type => type is { IsAbstract: false, IsGenericTypeDefinition: false } && typeof(IConsumerDefinition).IsAssignableFrom(type))
                .ToDictionary(type => Create(type).ConsumerType);
            var consumers = assembly.GetTypes()
                .Where(type => type is { IsAbstract: false, IsGenericTypeDefinition: false } && typeof(IConsumer).IsAssignableFrom(type));
            foreach (var consumer in consumers)
            {
                if (definitions.TryGetValue(consumer, out var definition))
                {
                    // A per-instance endpoint (the classifier's model-published: every instance must hear of a new
                    // model) gets a new instance id in its name each time its definition is made, once per process:
                    // its name cannot be known from here, and MassTransit deletes the queue when the instance stops.
                    var name = Create(definition).GetEndpointName(formatter);
                    var perInstance = name != Create(definition).GetEndpointName(formatter);
                    endpoints.Add(new WorkerEndpoint(worker, consumer.Name, name, perInstance));
                }
                else
                    endpoints.Add(new WorkerEndpoint(worker, consumer.Name, DefaultName(formatter, consumer), Temporary: false));
            }
        }
        return [.. endpoints.OrderBy(endpoint => endpoint.Queue, StringComparer.Ordinal)];
    }

    /// <summary>The name MassTransit gives a consumer without a definition (IEndpointNameFormatter.Consumer&lt;T&gt;, generic only).</summary>
    private static string DefaultName(IEndpointNameFormatter formatter, Type consumer) =>
        (string)typeof(IEndpointNameFormatter).GetMethod(nameof(IEndpointNameFormatter.Consumer))!.MakeGenericMethod(consumer).Invoke(formatter, null)!;
}
