using System.Globalization;
using System.Text.RegularExpressions;
using Seismic.Contracts.Classification;
using Seismic.Metadata.Propagation;
using Seismic.Metadata.QuakeMl;

namespace Seismic.Reporter.Processing;

/// <summary>
/// The day's detections as a QuakeML 1.2 catalog, reports_dir/&lt;day&gt;/catalog.xml, for ObsPy and SeisComP users:
/// one event per decision and model version, typed earthquake or explosion (or "not existing" when its windows
/// voted noise) with a certainty, the probabilities and votes as comments, and the arrival at the array as a
/// pick with its back-azimuth and slowness. The file is read, updated and replaced whole (through a temporary
/// file), so a reader never sees half a catalog and a redelivered decision replaces itself.
/// </summary>
public sealed partial class DailyCatalog(string reportsDirectory, string networkCode)
{
    /// <summary>Explosion (or earthquake) probability from which the type is "known" rather than "suspected".</summary>
    public const double KnownTypeProbability = 0.9;

    private readonly Lock _gate = new();

    public string PathFor(DateTime dayUtc) => Path.Combine(ReportDays.Folder(reportsDirectory, dayUtc), "catalog.xml");

    /// <summary>Adds (or replaces) the decision in its day's catalog; returns the file.</summary>
    public string Record(EventClassified decision)
    {
        var eventUtc = ReportBook.DayOf(decision);
        var path = PathFor(eventUtc);
        var quake = ToQuakeMl(decision, networkCode);
        lock (_gate)
        {
            var others = File.Exists(path)
                ? QuakeMlReader.ReadFile(path, _ => { }).Events.Where(e => e.PublicId != quake.PublicId)
                : [];
            var events = others.Append(quake).OrderBy(e => e.Picks.FirstOrDefault()?.TimeUtc ?? DateTime.MinValue).ToList();
            var catalog = new Catalog { PublicId = $"smi:seismic/catalog/{eventUtc:yyyy-MM-dd}", Events = events };
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var temporary = path + ".tmp";
            QuakeMlWriter.WriteFile(catalog, temporary);
            File.Move(temporary, path, overwrite: true);
        }
        return path;
    }

    public static SeismicEvent ToQuakeMl(EventClassified decision, string networkCode)
    {
        var id = $"smi:seismic/event/{Safe(decision.EventId)}/{Safe(decision.Model.Name)}-v{decision.Model.Version.ToString(CultureInfo.InvariantCulture)}";
        var (type, probability) = decision.Label switch
        {
            PredictedLabel.Explosion => (EventTypes.Explosion, decision.MeanClassifierProbability),
            PredictedLabel.Earthquake => (EventTypes.Earthquake, 1 - decision.MeanClassifierProbability),
            _ => (EventTypes.NotExisting, 1 - decision.MeanDetectorProbability),
        };
        var votes = string.Join(", ", decision.Votes.OrderBy(v => v.Key, StringComparer.Ordinal).Select(v => $"{v.Key.ToLowerInvariant()} {v.Value}"));
        var onsetUtc = decision.OnsetUtc ?? decision.StartUtc;
        return new SeismicEvent
        {
            PublicId = id,
            Type = type,
            TypeCertainty = probability >= KnownTypeProbability ? EventTypeCertainty.Known : EventTypeCertainty.Suspected,
            Descriptions = [new EventDescription { Text = $"{decision.ArrayCode} detection {decision.EventId}", Type = "earthquake name" }],
            Comments =
            [
                Invariant($"probability_detector={decision.MeanDetectorProbability:0.####}"),
                Invariant($"probability_explosion={decision.MeanClassifierProbability:0.####}"),
                $"votes: {votes} ({decision.WindowCount} windows)",
                $"model {decision.Model.Name} v{decision.Model.Version} sha256 {decision.Model.Sha256}",
                $"segment {decision.SegmentId}",
            ],
            Picks =
            [
                new Pick
                {
                    PublicId = id + "/pick/P",
                    TimeUtc = onsetUtc,
                    WaveformId = new WaveformStreamId { NetworkCode = networkCode, StationCode = decision.ArrayCode },
                    PhaseHint = "P",
                    BackazimuthDeg = Math.Round(decision.BackAzimuthDeg, 2),
                    HorizontalSlownessSPerDeg = decision.ApparentVelocityKmPerS is > 0 and var velocity
                        ? Math.Round(GreatCircle.KmPerDegree / velocity, 3)
                        : null,
                    EvaluationMode = EvaluationMode.Automatic,
                },
            ],
        };
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    // QuakeML resource ids allow letters, digits and -.*()_~' in a path segment: anything else becomes "_".
    private static string Safe(string text) => NotInResourceId().Replace(text, "_");

    [GeneratedRegex(@"[^\w\-\.\*\(\)~']")]
    private static partial Regex NotInResourceId();
}
