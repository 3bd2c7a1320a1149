namespace Seismic.Integration.Tests;

/// <summary>
/// A scratch folder for one test's processes: their working directory (so relative report paths land in it)
/// and the claim-check folder they share, with the environment that points a worker at the test broker.
/// </summary>
internal sealed class WorkerEnvironment : IDisposable
{
    public WorkerEnvironment()
    {
        Folder = Directory.CreateTempSubdirectory("seismic-it-").FullName;
        Variables = new Dictionary<string, string>
        {
            ["Seismic__Bus__Transport"] = "RabbitMq",
            ["Seismic__Bus__RabbitMq__Uri"] = BrokerSettings.Uri,
            ["Seismic__Bus__MessageDataPath"] = Path.Combine(Folder, "message-data"),
            ["Seismic__ConfigFile"] = RepositoryLayout.ConfigFile,
            ["DOTNET_ENVIRONMENT"] = "Production",
        };
    }

    public string Folder { get; }

    public IReadOnlyDictionary<string, string> Variables { get; }

    public string EventsCsv => Path.Combine(Folder, "output", "reports", "events.csv");

    public ChildProcess Start(string program, params string[] arguments) =>
        ChildProcess.Start(program, Folder, Variables, arguments);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A process that was killed may still hold a file for a moment; the folder is in /tmp anyway.
        }
    }
}
