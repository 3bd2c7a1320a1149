namespace Seismic.SeedLink.Protocol;

/// <summary>The peer broke the protocol (a malformed header, a connection closed inside a packet); the message says what arrived.</summary>
public sealed class SeedLinkProtocolException(string message, Exception? inner = null) : Exception(message, inner);
