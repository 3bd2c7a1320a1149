using MassTransit;

namespace Seismic.Hosting;

/// <summary>Reading a message's claim-checked payload (waveforms, beams) from the message-data store.</summary>
public static class ClaimChecks
{
    /// <summary>
    /// The payload's bytes. One that cannot be read (not in the store, or unreadable) throws naming what it was and
    /// where it was looked for, and the two settings that usually explain it, instead of MassTransit's bare
    /// "file not found": the message is retried, then parked in the _error queue with that reason. The cause goes into
    /// the text, not into InnerException, because MassTransit writes the innermost exception's message to the parked
    /// message's MT-Fault-Message header, which would hide this one.
    /// </summary>
    public static async Task<byte[]> Read(this MessageData<byte[]> payload, string what)
    {
        ArgumentNullException.ThrowIfNull(payload);
        try
        {
            return await payload.Value;
        }
        catch (Exception unreadable) when (unreadable is not OperationCanceledException)
        {
            throw new InvalidOperationException(
                $"{what}: the claim-checked payload {payload.Address} cannot be read from the message-data store ({unreadable.GetType().Name}: {unreadable.Message}). " +
                "Every worker must share one Seismic:Bus:MessageDataPath, and payloads are deleted after Seismic:Bus:MessageDataRetentionHours.");
        }
    }
}
