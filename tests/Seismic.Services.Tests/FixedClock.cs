namespace Seismic.Services.Tests;

/// <summary>A clock that always says the same time, so "now" in a test is a fact, not a race.</summary>
public sealed class FixedClock(DateTime utcNow) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => new(utcNow, TimeSpan.Zero);
}
