using System.CommandLine;
using System.Globalization;
using Seismic.Beams;
using Seismic.Configuration;
using Seismic.Evaluation;
using Seismic.Figures.Events;
using Seismic.Inference.Models;
using Seismic.Inference.Onnx;
using Seismic.Inference.Registry;
using Seismic.Inference.Voting;
using Seismic.Inference.Windows;
using Seismic.Waveforms.MiniSeed;
using Seismic.Waveforms.Traces;

namespace Seismic.Cli.Commands;

/// <summary>
/// `seismic classify`: a one-off run of a model over beams in a miniSEED file (as `seismic beam` writes them):
/// every window's probabilities and label, and the decision of all of them on the one event the beams are cut
/// around, as the original's classifier did for a catalog event. With --gif, the event's picture too.
/// </summary>
internal static class ClassifyCommand
{
    public static Command Create()
    {
        var config = CommonOptions.Config();
        var model = new Option<string>("--model", "-m") { Description = "Model: NAME (its latest version) or NAME:vN, from the model registry", Required = true };
        var beamsFile = new Option<FileInfo>("--beams", "-b") { Description = "miniSEED with the beams: channels PBZ, SBT and SBR as `seismic beam` writes them (or exactly as many channels as the model takes, in channel order)", Required = true };
        var gif = new Option<FileInfo?>("--gif") { Description = "Also draw the event's animated GIF to this file" };
        var modelsDir = new Option<DirectoryInfo?>("--models-dir") { Description = "Model registry folder (default: paths.models_dir of the settings)" };
        var command = new Command("classify", "Classify the beams of one event with a model: each window's probabilities and label, and the event's decision")
        {
            model, beamsFile, gif, modelsDir, config,
        };
        command.SetAction(parse =>
        {
            try
            {
                var reference = ModelReference.Parse(parse.GetValue(model)!);
                var file = parse.GetValue(config);
                var settings = file is null ? SettingsLoader.LoadDefault() : SettingsLoader.Load(file.FullName);
                var registered = new ModelRegistry(parse.GetValue(modelsDir)?.FullName ?? settings.Paths.ModelsDir).Resolve(reference.Name, reference.Version);
                using var loaded = LoadedModel.Open(registered);
                var (beams, problem) = ReadBeams(parse.GetValue(beamsFile)!, loaded);
                if (beams is null)
                {
                    Console.Error.WriteLine(problem);
                    return 2;
                }
                return Classify(settings, loaded, beams, parse.GetValue(gif));
            }
            catch (Exception refused) when (refused is SettingsException or EvaluationException or ModelRegistryException or ModelLoadException)
            {
                Console.Error.WriteLine(refused.Message);
                return 2;
            }
        });
        return command;
    }

    /// <summary>Beams on one time base: their first sample, rate and samples in the model's channel order.</summary>
    private sealed record BeamFile(string Path, DateTime StartUtc, double SampleRateHz, IReadOnlyList<string> Channels, IReadOnlyList<float[]> Samples);

    private static int Classify(SeismicSettings settings, LoadedModel model, BeamFile beams, FileInfo? gif)
    {
        var card = model.Card;
        var windows = WindowClassifier.Classify(model, beams.Samples, settings.Window.StepSamples, settings.Model.InferenceBatchSize);
        var decision = EventVote.Decide([.. windows.Select(w => w.Probabilities)], model.Thresholds);
        var starts = windows.Select(w => beams.StartUtc.AddSeconds(w.StartSample / beams.SampleRateHz)).ToList();
        var label = decision.Label.ToString().ToLowerInvariant();

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{beams.Path}: {string.Join(", ", beams.Channels)}, {beams.Samples[0].Length} samples at {beams.SampleRateHz:G} Hz from {beams.StartUtc:yyyy-MM-ddTHH:mm:ss.fff}Z; model {card.Id}, {windows.Count} windows of {card.WindowSamples} samples every {settings.Window.StepSamples}"));
        Console.WriteLine("window start (UTC)         detector  explosion  label");
        for (var i = 0; i < windows.Count; i++)
        {
            var p = windows[i].Probabilities;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{starts[i]:yyyy-MM-ddTHH:mm:ss.fff}Z   {p.Detector,8:F3}  {p.Classifier,9:F3}  {windows[i].Label.ToString().ToLowerInvariant()}"));
        }
        var votes = string.Join(", ", decision.Votes.Where(v => v.Value > 0).Select(v => $"{v.Key.ToString().ToLowerInvariant()} {v.Value}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"event: {label} (votes {votes}; mean detector {decision.MeanDetectorProbability:F3}, mean explosion {decision.MeanClassifierProbability:F3}), model {card.Id}"));

        if (gif is not null)
        {
            var figure = new EventFigure
            {
                EventId = Path.GetFileNameWithoutExtension(beams.Path),
                FinalLabel = label,
                ModelId = $"{card.Name} v{card.Version}",
                BeamsStartUtc = beams.StartUtc,
                SampleRateHz = beams.SampleRateHz,
                BeamNames = BeamSet.Names.Count == beams.Samples.Count ? BeamSet.Names : beams.Channels,
                Beams = beams.Samples,
                WindowLengthS = card.WindowSamples / card.SampleRateHz,
                Windows = [.. windows.Select((w, i) => new WindowVerdict(starts[i], w.Probabilities.Detector, w.Probabilities.Classifier, w.Label.ToString().ToLowerInvariant()))],
                MeanDetectorProbability = decision.MeanDetectorProbability,
                MeanClassifierProbability = decision.MeanClassifierProbability,
                DetectorThreshold = model.Thresholds.Detector,
            };
            try
            {
                EventAnimation.WriteGif(figure, gif.FullName);
            }
            catch (Exception unwritable) when (unwritable is IOException or UnauthorizedAccessException or ImageMagick.MagickException)
            {
                Console.Error.WriteLine($"--gif {gif.FullName}: cannot be written ({unwritable.Message.TrimEnd('.')}).");
                return 1;
            }
            Console.WriteLine($"picture: {gif.FullName} ({windows.Count} frames)");
        }
        return 0;
    }

    /// <summary>The beams of the file, on their common span, in the model's order; or why they cannot be classified.</summary>
    private static (BeamFile? Beams, string? Problem) ReadBeams(FileInfo file, LoadedModel model)
    {
        if (!file.Exists)
            return (null, $"--beams {file.FullName}: no such file.");
        TraceAssembly traces;
        try
        {
            traces = MiniSeedFile.ReadTraces(file.FullName);
        }
        catch (Exception unreadable) when (unreadable is IOException or UnauthorizedAccessException)
        {
            return (null, $"--beams {file.FullName}: {unreadable.Message}");
        }
        // Damaged records are skipped by the reader; say so, and classify what is whole.
        foreach (var problem in traces.Problems)
            Console.Error.WriteLine($"--beams {file.FullName}: {problem}");
        var card = model.Card;
        var byChannel = traces.Segments.GroupBy(s => s.SourceId.Channel).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var channels = BeamCommand.BeamChannels.All(byChannel.ContainsKey) && BeamCommand.BeamChannels.Length == model.Network.Channels
            ? BeamCommand.BeamChannels
            : byChannel.Count == model.Network.Channels ? [.. byChannel.Keys.Order(StringComparer.Ordinal)] : null;
        var found = byChannel.Count == 0 ? "no readable data" : $"channels {string.Join(", ", byChannel.Keys.Order(StringComparer.Ordinal))}";
        if (channels is null)
            return (null, $"--beams {file.FullName}: holds {found}; model {card.Id} takes {model.Network.Channels} beams ({string.Join(", ", BeamCommand.BeamChannels)} as `seismic beam` writes them).");
        if (channels.FirstOrDefault(c => byChannel[c].Count > 1) is { } broken)
            return (null, $"--beams {file.FullName}: channel {broken} has {byChannel[broken].Count - 1} gap(s) or overlap(s); a window needs continuous beams.");
        var segments = channels.Select(c => byChannel[c][0]).ToList();
        if (segments.FirstOrDefault(s => Math.Abs(s.SampleRateHz - card.SampleRateHz) > 1e-9) is { } other)
            return (null, $"--beams {file.FullName}: channel {other.SourceId.Channel} is at {other.SampleRateHz:G} Hz; model {card.Id} takes {card.SampleRateHz:G} Hz.");

        // The common span of the beams (`seismic beam` writes them sample for sample on one time base).
        var from = segments.Max(s => s.StartTime);
        var offsets = segments.Select(s => (int)Math.Round((from - s.StartTime) / 1e9 * card.SampleRateHz)).ToList();
        var length = segments.Select((s, i) => s.SampleCount - offsets[i]).Min();
        if (length < card.WindowSamples)
        {
            return (null, string.Create(CultureInfo.InvariantCulture,
                $"--beams {file.FullName}: the beams share {Math.Max(0, length)} samples ({Math.Max(0, length) / card.SampleRateHz:F1} s), fewer than one window of model {card.Id} ({card.WindowSamples} samples)."));
        }
        var beams = segments.Select((s, i) => s.ToDoubleArray().Skip(offsets[i]).Take(length).Select(x => (float)x).ToArray()).ToList();
        return (new BeamFile(file.FullName, from.ToDateTime(), card.SampleRateHz, channels, beams), null);
    }
}
