using System.CommandLine;
using Seismic.Cli.ErrorQueues;
using Seismic.Hosting;

namespace Seismic.Cli.Commands;

/// <summary>
/// `seismic errors list` and `seismic errors replay`: the messages the workers gave up on, kept by MassTransit in
/// each endpoint's _error queue (and _skipped, for a type nobody consumes there), and sending them back once the
/// cause is fixed.
/// </summary>
internal static class ErrorsCommand
{
    public static Command Create() =>
        new("errors", "The messages workers gave up on (each endpoint's _error queue): list them, replay them") { List(), Replay() };

    private static Command List()
    {
        var rabbitMq = Broker();
        var show = new Option<int>("--show") { Description = "Also show the first N messages of each non-empty queue (type, id, subject, when and why it failed); they stay where they are" };
        var command = new Command("list", "Count the messages in every worker endpoint's _error and _skipped queue") { rabbitMq, show };
        command.SetAction(async (parse, cancellation) =>
        {
            var first = parse.GetValue(show);
            if (first < 0)
            {
                Console.Error.WriteLine($"--show must be 0 or more, got {first}.");
                return 2;
            }
            return await WithBroker(parse.GetValue(rabbitMq), async broker =>
            {
                var endpoints = new List<EndpointFailures>();
                foreach (var endpoint in WorkerEndpoints.Durable)
                {
                    var errors = await broker.CountMessages(endpoint.ErrorQueue, cancellation);
                    var skipped = await broker.CountMessages(endpoint.SkippedQueue, cancellation);
                    endpoints.Add(new EndpointFailures(endpoint, errors, skipped)
                    {
                        FirstErrors = first > 0 && errors > 0 ? await broker.Peek(endpoint.ErrorQueue, first, cancellation) : [],
                        FirstSkipped = first > 0 && skipped > 0 ? await broker.Peek(endpoint.SkippedQueue, first, cancellation) : [],
                    });
                }
                Console.WriteLine($"Error queues on {broker.Address}:");
                Console.Write(ErrorQueueReport.Format(endpoints, WorkerEndpoints.All.Where(endpoint => endpoint.Temporary)));
                return 0;
            });
        });
        return command;
    }

    private static Command Replay()
    {
        var rabbitMq = Broker();
        var queue = new Option<string>("--queue") { Description = "The endpoint whose failed messages go back: its queue (beams-formed) or its error queue (beams-formed_error)", Required = true };
        var all = new Option<bool>("--all") { Description = "Replay every message in the error queue" };
        var messageIds = new Option<string[]>("--message-id") { Description = "Replay only the message with this id (repeatable), as `errors list --show` prints it", AllowMultipleArgumentsPerToken = true };
        var command = new Command("replay", "Move failed messages from an _error queue back to their queue, once the cause is fixed") { queue, all, messageIds, rabbitMq };
        command.SetAction(async (parse, cancellation) =>
        {
            var name = parse.GetValue(queue)!;
            var ids = parse.GetValue(messageIds) ?? [];
            if (parse.GetValue(all) == ids.Length > 0)
            {
                Console.Error.WriteLine("Give either --all or one or more --message-id.");
                return 2;
            }
            if (WorkerEndpoints.Named(name) is not { } endpoint)
            {
                Console.Error.WriteLine($"Unknown queue '{name}'. Seismic's worker queues are: {string.Join(", ", WorkerEndpoints.Durable.Select(e => e.Queue))}.");
                return 2;
            }

            var wanted = ids.ToHashSet(StringComparer.OrdinalIgnoreCase);
            return await WithBroker(parse.GetValue(rabbitMq), async broker =>
            {
                var replayed = await broker.Replay(endpoint.ErrorQueue, endpoint.Queue, message => wanted.Count == 0 || (message.MessageId is { } id && wanted.Contains(id)), cancellation);
                foreach (var (message, replayCount) in replayed)
                    Console.WriteLine($"Replayed to {endpoint.Queue} (replay {replayCount}): {ErrorQueueReport.Describe(message)}");
                var missing = wanted.Except(replayed.Select(r => r.Message.MessageId ?? ""), StringComparer.OrdinalIgnoreCase).ToList();
                foreach (var id in missing)
                    Console.Error.WriteLine($"No message {id} in {endpoint.ErrorQueue}.");
                if (replayed.Count == 0)
                {
                    Console.Error.WriteLine($"Nothing replayed: {(wanted.Count == 0 ? $"{endpoint.ErrorQueue} is empty or not declared" : "no message matched")}.");
                    return 1;
                }
                Console.WriteLine($"{replayed.Count} message{(replayed.Count == 1 ? "" : "s")} moved from {endpoint.ErrorQueue} to {endpoint.Queue}.");
                return missing.Count == 0 ? 0 : 1;
            });
        });
        return command;
    }

    private static Option<string?> Broker()
    {
        var option = CommonOptions.RabbitMq();
        option.Description = "The broker the workers use, e.g. amqp://user:password@localhost:5672/ (default: $Seismic__Bus__RabbitMq__Uri)";
        return option;
    }

    /// <summary>Connects to the broker from --rabbitmq or the workers' own variable; 2 for an unusable address, 1 when the broker cannot be used.</summary>
    private static async Task<int> WithBroker(string? uri, Func<ErrorQueueBroker, Task<int>> work)
    {
        uri ??= Environment.GetEnvironmentVariable("Seismic__Bus__RabbitMq__Uri");
        if (string.IsNullOrWhiteSpace(uri))
        {
            Console.Error.WriteLine("Which broker? Give --rabbitmq amqp://user:password@host:port/ or set Seismic__Bus__RabbitMq__Uri as the workers do.");
            return 2;
        }
        RabbitMqConnection address;
        try
        {
            address = RabbitMqConnection.Parse(uri);
        }
        catch (ArgumentException unusable)
        {
            Console.Error.WriteLine(unusable.Message);
            return 2;
        }
        try
        {
            await using var broker = await ErrorQueueBroker.Connect(address, CancellationToken.None);
            return await work(broker);
        }
        catch (BrokerProblemException problem)
        {
            Console.Error.WriteLine(problem.Message);
            return 1;
        }
        catch (RabbitMQ.Client.Exceptions.OperationInterruptedException closed)
        {
            // An unknown vhost or a missing permission: the broker accepts the login, then closes the connection.
            Console.Error.WriteLine($"The broker at {address} closed the connection: {closed.ShutdownReason?.ReplyText ?? closed.Message}");
            return 1;
        }
    }
}
