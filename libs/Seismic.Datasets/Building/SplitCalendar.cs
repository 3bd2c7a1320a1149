using Seismic.Datasets.SeisBench;

namespace Seismic.Datasets.Building;

/// <summary>
/// A time-based split by whole UTC days: days before <see cref="TrainUntil"/> train, days before
/// <see cref="DevUntil"/> dev, later days test. Unlike the original's random split of windows, no day
/// (and so no event, its aftershocks or the same day's blasts) contributes to two splits.
/// </summary>
public sealed record SplitCalendar(DateOnly TrainUntil, DateOnly DevUntil)
{
    /// <summary>The split of a window, or null when it straddles a split boundary (it would put one day's data in two splits).</summary>
    public string? SplitOf(DateTime startUtc, DateTime endUtc)
    {
        var first = SplitOfDay(DateOnly.FromDateTime(startUtc));
        var last = SplitOfDay(DateOnly.FromDateTime(endUtc));
        return first == last ? first : null;
    }

    public string SplitOfDay(DateOnly day) =>
        day < TrainUntil ? DatasetSplits.Train : day < DevUntil ? DatasetSplits.Dev : DatasetSplits.Test;

    /// <summary>
    /// Boundaries from shares of the event days (data.train_fraction, data.val_fraction_of_rest): the first
    /// share of the distinct days with events trains, the next share of the rest is dev; with two days or
    /// more, dev gets at least one day, and with three or more test does too.
    /// </summary>
    public static SplitCalendar FromFractions(IEnumerable<DateTime> eventTimesUtc, double trainFraction, double devFractionOfRest)
    {
        var days = eventTimesUtc.Select(DateOnly.FromDateTime).Distinct().Order().ToList();
        if (days.Count == 0)
        {
            throw new ArgumentException("No event days to split.", nameof(eventTimesUtc));
        }
        // Shares of a few days round badly (two days at 0.8 would all train): keep at least one day for dev
        // (early stopping needs it) and, from three days on, one for test.
        var reserved = days.Count >= 3 ? 2 : days.Count - 1;
        var trainDays = Math.Clamp((int)Math.Round(days.Count * trainFraction), 1, days.Count - reserved);
        var rest = days.Count - trainDays;
        var devDays = rest switch
        {
            0 => 0,
            1 => 1,
            _ => Math.Clamp((int)Math.Round(rest * devFractionOfRest), 1, rest - 1),
        };
        var trainUntil = trainDays < days.Count ? days[trainDays] : days[^1].AddDays(1);
        var devUntil = trainDays + devDays < days.Count ? days[trainDays + devDays] : days[^1].AddDays(1);
        return new SplitCalendar(trainUntil, devUntil);
    }
}
