namespace Seismic.SeedLink.Client;

/// <summary>The server refused what was asked (every station, a command); the message names what and the server's answer.</summary>
public sealed class SeedLinkException(string message, Exception? inner = null) : Exception(message, inner);
