using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;
using Seismic.Hosting;

namespace Seismic.Cli.ErrorQueues;

/// <summary>The broker could not be used: unreachable, the account refused, or it refused an operation.</summary>
internal sealed class BrokerProblemException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>A message moved back by <see cref="ErrorQueueBroker.Replay"/>.</summary>
internal sealed record ReplayedMessage(FailedMessage Message, int ReplayCount);

/// <summary>
/// Reads and replays _error queues with plain AMQP (RabbitMQ.Client, which MassTransit uses underneath):
/// MassTransit has no API to browse a queue without consuming it.
/// </summary>
internal sealed class ErrorQueueBroker : IAsyncDisposable
{
    private readonly IConnection _connection;

    private ErrorQueueBroker(IConnection connection, RabbitMqConnection address)
    {
        _connection = connection;
        Address = address;
    }

    /// <summary>The broker's address without the password.</summary>
    public RabbitMqConnection Address { get; }

    /// <summary>Connects, or throws <see cref="BrokerProblemException"/> saying whether the broker was unreachable or refused the account.</summary>
    public static async Task<ErrorQueueBroker> Connect(RabbitMqConnection address, CancellationToken cancellation)
    {
        var factory = new ConnectionFactory
        {
            HostName = address.Host,
            Port = address.Port,
            VirtualHost = address.VirtualHost,
            UserName = address.Username,
            Password = address.Password,
            ClientProvidedName = "seismic errors",
            RequestedConnectionTimeout = TimeSpan.FromSeconds(10),
            AutomaticRecoveryEnabled = false,
        };
        if (address.UseTls)
            factory.Ssl = new SslOption(address.Host, enabled: true);
        try
        {
            return new ErrorQueueBroker(await factory.CreateConnectionAsync(cancellation), address);
        }
        catch (BrokerUnreachableException unreachable) when (unreachable.InnerException is AuthenticationFailureException)
        {
            throw new BrokerProblemException($"The broker at {address} refused user '{address.Username}': wrong user name or password.", unreachable);
        }
        catch (BrokerUnreachableException unreachable) when (Refusal(unreachable) is { } refusal)
        {
            throw new BrokerProblemException($"The broker at {address} refused the connection: {refusal}.", unreachable);
        }
        catch (BrokerUnreachableException unreachable)
        {
            var reason = unreachable.InnerException?.InnerException?.Message ?? unreachable.InnerException?.Message ?? unreachable.Message;
            throw new BrokerProblemException($"Cannot reach a RabbitMQ broker at {address}: {reason}", unreachable);
        }
    }

    /// <summary>Ready messages in a queue, or null when the queue is not declared (yet): passive declare, as AMQP cannot list queues.</summary>
    public async Task<uint?> CountMessages(string queue, CancellationToken cancellation)
    {
        // A passive declare of a missing queue closes the channel with 404, so each check gets its own.
        await using var channel = await _connection.CreateChannelAsync(cancellationToken: cancellation);
        try
        {
            return (await channel.QueueDeclarePassiveAsync(queue, cancellation)).MessageCount;
        }
        catch (OperationInterruptedException missing) when (missing.ShutdownReason?.ReplyCode == Constants.NotFound)
        {
            return null;
        }
    }

    /// <summary>
    /// The first <paramref name="count"/> messages of a queue, left where they are. Each is taken with basic.get and
    /// not acknowledged, so the next basic.get returns the one behind it; closing the channel then returns them all
    /// to their places at the head of the queue, in order (RabbitMQ requeues to the original position). basic.get,
    /// unlike a consumer, says "empty" at once, so no wait decides when the queue has no more.
    /// While they are held (milliseconds) nobody else can take them, which for an _error queue is harmless.
    /// </summary>
    public async Task<IReadOnlyList<FailedMessage>> Peek(string queue, int count, CancellationToken cancellation)
    {
        var messages = new List<FailedMessage>();
        await using var channel = await _connection.CreateChannelAsync(cancellationToken: cancellation);
        ulong lastTag = 0;
        while (messages.Count < count && await channel.BasicGetAsync(queue, autoAck: false, cancellation) is { } delivery)
        {
            messages.Add(Read(delivery));
            lastTag = delivery.DeliveryTag;
        }
        if (lastTag > 0)
            await channel.BasicNackAsync(lastTag, multiple: true, requeue: true, cancellation);
        await channel.CloseAsync(cancellation);
        return messages;
    }

    /// <summary>
    /// Moves the messages of <paramref name="errorQueue"/> that <paramref name="selected"/> accepts back to
    /// <paramref name="inputQueue"/>, through the default exchange (straight to the queue, not to every
    /// subscriber of the message type again). Each is published with the same body and properties and the headers
    /// of <see cref="ReplayHeaders.ForReplay"/>, and the original is acknowledged only once the broker confirmed the
    /// copy: a crash in between leaves it in both queues (Seismic's consumers are idempotent), never in neither.
    /// Messages not selected are returned to their places. At most the messages there at the start are looked at,
    /// so one that fails again while the replay runs is not replayed twice.
    /// </summary>
    public async Task<IReadOnlyList<ReplayedMessage>> Replay(string errorQueue, string inputQueue, Func<FailedMessage, bool> selected, CancellationToken cancellation)
    {
        if (await CountMessages(inputQueue, cancellation) is null)
            throw new BrokerProblemException($"Queue {inputQueue} is not declared on {Address}: start its worker once, then replay.");
        var waiting = await CountMessages(errorQueue, cancellation) ?? 0;
        var replayed = new List<ReplayedMessage>();
        await using var channel = await _connection.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), cancellation);
        var kept = new List<ulong>();
        for (var looked = 0u; looked < waiting; looked++)
        {
            if (await channel.BasicGetAsync(errorQueue, autoAck: false, cancellation) is not { } delivery)
                break;
            var message = Read(delivery);
            if (!selected(message))
            {
                kept.Add(delivery.DeliveryTag);
                continue;
            }

            var properties = new BasicProperties(delivery.BasicProperties) { Headers = ReplayHeaders.ForReplay(delivery.BasicProperties.Headers) };
            try
            {
                // With confirmation tracking on, this returns once the broker has the copy, and throws on a nack or,
                // being mandatory, when no queue took it.
                await channel.BasicPublishAsync("", inputQueue, mandatory: true, properties, delivery.Body, cancellation);
            }
            catch (PublishException refused)
            {
                throw new BrokerProblemException(
                    $"The broker did not take message {message.MessageId} for {inputQueue} ({(refused.IsReturn ? "returned: no such queue" : "not confirmed")}); it stays in {errorQueue}.", refused);
            }
            await channel.BasicAckAsync(delivery.DeliveryTag, multiple: false, cancellation);
            replayed.Add(new ReplayedMessage(message, (int)properties.Headers[ReplayHeaders.ReplayCount]!));
        }
        // Requeued one by one, last first: each goes back to its original position anyway, and nacking a single tag
        // never touches the acknowledged ones between them.
        foreach (var tag in Enumerable.Reverse(kept))
            await channel.BasicNackAsync(tag, multiple: false, requeue: true, cancellation);
        await channel.CloseAsync(cancellation);
        return replayed;
    }

    public async ValueTask DisposeAsync()
    {
        // A connection the broker closed (an unknown vhost, say) has nothing left to close.
        if (_connection.IsOpen)
            await _connection.CloseAsync();
        _connection.Dispose();
    }

    private static FailedMessage Read(BasicGetResult delivery) =>
        FailedMessage.Read(
            delivery.Body.Span,
            delivery.BasicProperties.MessageId,
            (delivery.BasicProperties.Headers ?? new Dictionary<string, object?>())
                .ToDictionary(header => header.Key, header => FailedMessage.HeaderText(header.Value), StringComparer.OrdinalIgnoreCase));

    private static string? Refusal(BrokerUnreachableException unreachable) =>
        unreachable.InnerException is OperationInterruptedException { ShutdownReason: { } reason } ? reason.ReplyText : null;
}
