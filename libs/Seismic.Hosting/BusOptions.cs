using Microsoft.Extensions.Configuration;
using Seismic.Configuration;

namespace Seismic.Hosting;

/// <summary>Which message transport the process uses.</summary>
public enum BusTransport
{
    /// <summary>MassTransit's in-memory transport: every worker in this one process.</summary>
    InMemory,

    /// <summary>A RabbitMQ broker shared by many processes and hosts.</summary>
    RabbitMq,
}

/// <summary>Infrastructure settings of the bus, bound from the "Seismic:Bus" configuration section.</summary>
public sealed class BusOptions
{
    public const string SectionName = "Seismic:Bus";

    public BusTransport Transport { get; set; } = BusTransport.InMemory;

    public RabbitMqOptions RabbitMq { get; set; } = new();

    /// <summary>
    /// Folder of the claim-check repository for waveforms and beams. Every process that exchanges
    /// messages must see the same folder (a local path on one host, a shared volume across hosts).
    /// </summary>
    public string MessageDataPath { get; set; } = Path.Combine(Path.GetTempPath(), "seismic", "message-data");

    /// <summary>
    /// Hours a waveform or beam payload is kept in <see cref="MessageDataPath"/> when messages travel over a broker:
    /// long enough for a worker that was down to catch up on its queue, short enough that a long backfill does
    /// not fill the disk. On the in-memory bus payloads live in a folder of the process's own, deleted when it stops.
    /// </summary>
    public double MessageDataRetentionHours { get; set; } = 48;

    /// <summary>Immediate in-memory retries of a failed message, for transient faults.</summary>
    public int RetryCount { get; set; } = 3;

    /// <summary>Milliseconds between the in-memory retries.</summary>
    public int RetryIntervalMs { get; set; } = 200;

    /// <summary>
    /// Delays of the later redeliveries, seconds, after the retries gave up. With RabbitMQ these need the
    /// broker's rabbitmq_delayed_message_exchange plugin, so they are off there unless
    /// <see cref="RabbitMqOptions.DelayedExchangePlugin"/> says the plugin is installed.
    /// </summary>
    public int[] RedeliverySeconds { get; set; } = [5, 30, 120];

    /// <summary>
    /// Binds and checks the "Seismic:Bus" section. A value of the wrong type, an unusable broker address or
    /// an impossible count throws <see cref="SettingsException"/> naming the key, like a bad settings file.
    /// </summary>
    public static BusOptions Read(IConfiguration configuration, BusTransport defaultTransport)
    {
        var options = new BusOptions { Transport = defaultTransport };
        var section = configuration.GetSection(SectionName);
        try
        {
            section.Bind(options);
        }
        catch (InvalidOperationException wrongType)
        {
            throw Invalid(SectionName, wrongType.InnerException?.Message is { } inner ? $"{wrongType.Message} {inner}" : wrongType.Message);
        }

        var problems = new List<SettingsError>();
        void Check(bool ok, string key, string reason)
        {
            if (!ok)
                problems.Add(Error($"{SectionName}:{key}", reason));
        }

        if (options.Transport == BusTransport.RabbitMq)
        {
            try
            {
                options.RabbitMq.ToConnection();
            }
            catch (ArgumentException badUri)
            {
                problems.Add(Error($"{SectionName}:RabbitMq:Uri", badUri.Message));
            }
        }
        Check(!string.IsNullOrWhiteSpace(options.MessageDataPath), "MessageDataPath", "must name a folder");
        Check(options.MessageDataRetentionHours > 0, "MessageDataRetentionHours", $"must be above 0 hours, got {options.MessageDataRetentionHours}");
        Check(options.RetryCount >= 0, "RetryCount", $"must be 0 or more, got {options.RetryCount}");
        Check(options.RetryIntervalMs >= 0, "RetryIntervalMs", $"must be 0 or more, got {options.RetryIntervalMs}");
        Check(options.RedeliverySeconds.All(seconds => seconds > 0), "RedeliverySeconds", "every delay must be above 0 seconds");
        if (problems.Count > 0)
            throw new SettingsException(problems);
        return options;
    }

    private static SettingsError Error(string key, string reason) => new()
    {
        Source = "appsettings.json / environment (Seismic__Bus__...)",
        KeyPath = key,
        Reason = reason,
    };

    private static SettingsException Invalid(string key, string reason) => new([Error(key, reason)]);
}

/// <summary>How to reach RabbitMQ: either <see cref="Uri"/> or the separate fields.</summary>
public sealed class RabbitMqOptions
{
    /// <summary>amqp://user:password@host:port/vhost (amqps:// for TLS). Overrides the fields below when set.</summary>
    public string? Uri { get; set; }

    public string Host { get; set; } = "localhost";

    public ushort Port { get; set; } = 5672;

    public string VirtualHost { get; set; } = "/";

    public string Username { get; set; } = "guest";

    public string Password { get; set; } = "guest";

    public bool UseTls { get; set; }

    /// <summary>True when the broker has rabbitmq_delayed_message_exchange, which delayed redelivery needs.</summary>
    public bool DelayedExchangePlugin { get; set; }

    /// <summary>The effective connection, from <see cref="Uri"/> when set, else from the fields.</summary>
    public RabbitMqConnection ToConnection() =>
        string.IsNullOrWhiteSpace(Uri)
            ? new RabbitMqConnection(Host, Port, VirtualHost, Username, Password, UseTls)
            : RabbitMqConnection.Parse(Uri);
}

/// <summary>A parsed RabbitMQ address.</summary>
public sealed record RabbitMqConnection(string Host, ushort Port, string VirtualHost, string Username, string Password, bool UseTls)
{
    /// <summary>Parses amqp://user:password@host:port/vhost; the vhost "/" is written as an empty path or %2F.</summary>
    public static RabbitMqConnection Parse(string uri)
    {
        if (!System.Uri.TryCreate(uri, UriKind.Absolute, out var parsed))
            throw new ArgumentException($"RabbitMQ address '{uri}' is not a URI; expected amqp://user:password@host:port/vhost.");

        var useTls = parsed.Scheme switch
        {
            "amqp" => false,
            "amqps" => true,
            _ => throw new ArgumentException(
                $"RabbitMQ address '{uri}' has scheme '{parsed.Scheme}'; expected amqp:// or amqps://."),
        };

        var port = parsed.IsDefaultPort || parsed.Port < 0 ? (ushort)(useTls ? 5671 : 5672) : (ushort)parsed.Port;
        var path = System.Uri.UnescapeDataString(parsed.AbsolutePath.TrimStart('/'));
        var virtualHost = path.Length == 0 ? "/" : path;

        var userInfo = parsed.UserInfo.Split(':', 2);
        var username = userInfo[0].Length > 0 ? System.Uri.UnescapeDataString(userInfo[0]) : "guest";
        var password = userInfo.Length > 1 ? System.Uri.UnescapeDataString(userInfo[1]) : "guest";

        return new RabbitMqConnection(parsed.Host, port, virtualHost, username, password, useTls);
    }

    /// <summary>The address without the password, for logs.</summary>
    public override string ToString() =>
        $"{(UseTls ? "amqps" : "amqp")}://{Username}@{Host}:{Port}/{System.Uri.EscapeDataString(VirtualHost)}";
}
