namespace Seismic.Detection;

/// <summary>
/// The window starts a segment reports, [<see cref="FromUtc"/>, <see cref="UntilUtc"/>): consecutive segments
/// overlap, and each window and each event (by its first window) belongs to exactly one of them, so a repeated,
/// redelivered or out-of-order segment never reports anything twice and no state is shared between segments.
/// </summary>
public sealed record OwnedSpan(DateTime FromUtc, DateTime UntilUtc)
{
    public bool Contains(DateTime windowStartUtc) => windowStartUtc >= FromUtc && windowStartUtc < UntilUtc;
}
