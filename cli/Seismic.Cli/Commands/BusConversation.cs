using MassTransit;

namespace Seismic.Cli.Commands;

/// <summary>
/// Publish a command and listen for the answers that concern it, on a temporary queue of this process that
/// is connected before publishing (so an answer cannot arrive before anyone hears it).
/// </summary>
internal static class BusConversation
{
    /// <summary>
    /// Publishes <paramref name="command"/>, passes each answer to the handlers, and returns the exit code the
    /// first handler to finish gives to its <c>finish</c> callback; null when <paramref name="wait"/> passes first.
    /// </summary>
    public static async Task<int?> PublishAndFollow<TCommand>(
        IBus bus,
        TCommand command,
        Action<IReceiveEndpointConfigurator, Action<int>> answers,
        TimeSpan wait,
        CancellationToken cancellation)
        where TCommand : class
    {
        var outcome = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var listener = bus.ConnectReceiveEndpoint(new TemporaryEndpointDefinition(), null, endpoint =>
            answers(endpoint, code => outcome.TrySetResult(code)));
        try
        {
            await listener.Ready.WaitAsync(cancellation);
            await bus.Publish(command, cancellation);
            return await outcome.Task.WaitAsync(wait, cancellation);
        }
        catch (TimeoutException)
        {
            return null;
        }
        finally
        {
            await listener.StopAsync(CancellationToken.None);
        }
    }
}
