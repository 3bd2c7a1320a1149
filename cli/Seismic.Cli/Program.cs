using System.CommandLine;
using Seismic.Cli.Commands;

var root = new RootCommand("Seismic: watches a seismic array, forms beams, detects and classifies events, reports them.")
{
    DemoCommand.Create(),
    RunCommand.Create(),
    BackfillCommand.Create(),
    MseedCommand.Create(),
    SeedLinkCommand.Create(),
    FkCommand.Create(),
    BeamCommand.Create(),
    ClassifyCommand.Create(),
    SimulateCommand.Create(),
    DatasetCommand.Create(),
    TrainCommand.Create(),
    ModelsCommand.Create(),
    EvaluateCommand.Create(),
    ScoreCommand.Create(),
    ErrorsCommand.Create(),
    ConfigCommand.Create(),
    VersionCommand.Create(),
};

// The hosts started by `seismic run` handle Ctrl-C and SIGTERM themselves and stop gracefully;
// System.CommandLine's own handler would race them and kill the process after its timeout.
return await root.Parse(args).InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null });
