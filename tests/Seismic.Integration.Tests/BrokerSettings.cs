namespace Seismic.Integration.Tests;

/// <summary>
/// The RabbitMQ broker the tests use: ./build.sh test starts a private one and sets SEISMIC_TEST_RABBITMQ.
/// There is no silent skip: without a broker these tests fail and say how to get one.
/// </summary>
internal static class BrokerSettings
{
    public const string EnvironmentVariable = "SEISMIC_TEST_RABBITMQ";

    public static string Uri =>
        Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } uri
            ? uri
            : throw new InvalidOperationException(
                $"{EnvironmentVariable} is not set. Run the tests with ./build.sh test, which starts a private RabbitMQ, " +
                $"or start one with scripts/rabbitmq.sh start and export the URI it prints.");
}
