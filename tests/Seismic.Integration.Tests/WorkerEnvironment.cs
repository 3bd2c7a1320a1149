namespace Seismic.Integration.Tests;

/// <summary>
/// A scratch folder for one test's processes: their working directory, a copy of the shipped settings in
/// <c>config/</c> (whose relative paths resolve against that folder, so models and reports land in
/// <c>models/</c> and <c>output/</c> here, never in the repository), and the claim-check folder they share, with
/// the environment that points a worker at the test broker (or, for <see cref="WithoutBroker"/>, leaves the bus
/// at the program's default).
/// </summary>
internal sealed class WorkerEnvironment : IDisposable
{
    public WorkerEnvironment()
        : this(useBroker: true)
    {
    }

    private WorkerEnvironment(bool useBroker)
    {
        Folder = Directory.CreateTempSubdirectory("seismic-it-").FullName;
        var config = Path.Combine(Folder, "config");
        foreach (var file in Directory.EnumerateFiles(Path.GetDirectoryName(RepositoryLayout.ConfigFile)!, "*.yaml", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(config, Path.GetRelativePath(Path.GetDirectoryName(RepositoryLayout.ConfigFile)!, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }
        ConfigFile = Path.Combine(config, Path.GetFileName(RepositoryLayout.ConfigFile));
        var variables = new Dictionary<string, string>
        {
            ["Seismic__Bus__MessageDataPath"] = Path.Combine(Folder, "message-data"),
            ["Seismic__ConfigFile"] = ConfigFile,
            ["DOTNET_ENVIRONMENT"] = "Production",
            // Every worker serves /health and /metrics: on a port the system picks, so tests never collide on one.
            ["URLS"] = "http://127.0.0.1:0",
        };
        if (useBroker)
        {
            variables["Seismic__Bus__Transport"] = "RabbitMq";
            variables["Seismic__Bus__RabbitMq__Uri"] = BrokerSettings.Uri;
        }
        Variables = variables;
    }

    /// <summary>For programs that need no broker: `seismic run` on its in-memory bus, `seismic config check`.</summary>
    public static WorkerEnvironment WithoutBroker() => new(useBroker: false);

    public string Folder { get; }

    /// <summary>This environment's copy of config/seismic.yaml.</summary>
    public string ConfigFile { get; }

    public string ModelsFolder => Path.Combine(Folder, "models");

    public IReadOnlyDictionary<string, string> Variables { get; }

    /// <summary>paths.reports_dir of this environment: a folder per day.</summary>
    public string ReportsFolder => Path.Combine(Folder, "output", "reports");

    /// <summary>The rows of every day's file of this name (reports/&lt;day&gt;/events.csv or windows.csv), days in order, without headers.</summary>
    public List<string> ReportLines(string fileName) => Directory.Exists(ReportsFolder)
        ? [.. Directory.GetDirectories(ReportsFolder).Order(StringComparer.Ordinal)
            .Select(day => Path.Combine(day, fileName)).Where(File.Exists).SelectMany(file => File.ReadAllLines(file).Skip(1))]
        : [];

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
